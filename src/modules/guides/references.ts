/** Rules that need the office's reference data: districts, fields and specialisations must be the office's own. */
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { isCertificateFreshWhenShown } from '../../domain/backgroundCheck.js';
import type { FieldError } from '../../server/errors.js';
import type { guideCreateInput } from '../../shared/guides.js';
import { referenceRepository } from '../reference/repository.js';
import { guideRepository as repo } from './repository.js';

type Values = Partial<z.output<typeof guideCreateInput>>;
export type KnownReferences = {
  districtIds: Set<string>;
  keys: { fields: Set<string>; specializations: Set<string> } | null;
};

/** The office's districts among those the inputs name, and its field and specialisation keys when any input needs them: two queries for any number of guides. */
export async function loadReferences(tx: Tx, officeId: string, inputs: Values[]): Promise<KnownReferences> {
  const districtIds = new Set<string>();
  let needsKeys = false;
  for (const input of inputs) {
    if (input.homeDistrictId) districtIds.add(input.homeDistrictId);
    for (const id of input.serviceDistrictIds ?? []) districtIds.add(id);
    if (input.fields?.length || input.specializations?.length) needsKeys = true;
  }
  return {
    districtIds: await repo.knownDistrictIds(tx, officeId, [...districtIds]),
    keys: needsKeys ? await referenceRepository.referenceKeys(tx, officeId) : null,
  };
}

export function referenceErrors(input: Values, known: KnownReferences): FieldError[] {
  const errors: FieldError[] = [];
  if (input.homeDistrictId && !known.districtIds.has(input.homeDistrictId))
    errors.push({ path: 'homeDistrictId', code: 'districtUnknown' });
  (input.serviceDistrictIds ?? []).forEach((id, i) => {
    if (!known.districtIds.has(id)) errors.push({ path: `serviceDistrictIds.${i}`, code: 'districtUnknown' });
  });
  (input.fields ?? []).forEach((k, i) => {
    if (!known.keys?.fields.has(k)) errors.push({ path: `fields.${i}`, code: 'fieldUnknown' });
  });
  (input.specializations ?? []).forEach((k, i) => {
    if (!known.keys?.specializations.has(k))
      errors.push({ path: `specializations.${i}`, code: 'specializationUnknown' });
  });
  if (input.backgroundCheck && !isCertificateFreshWhenShown(input.backgroundCheck)) {
    errors.push({ path: 'backgroundCheck.issuedAt', code: 'certificateTooOld' });
  }
  return errors;
}
