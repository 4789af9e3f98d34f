import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { guides } from '../../db/schema/guides.js';
import { activityInput, agreementInput, agreementPatchInput } from '../../shared/assignments.js';
import { AUDIT_FIELDS } from '../../shared/audit.js';
import { directorySettingsInput } from '../../shared/directory.js';
import { officeCreateInput, officePatchInput } from '../../shared/offices.js';
import { partnerCreateInput, partnerPatchInput } from '../../shared/partners.js';
import { districtInput } from '../../shared/reference.js';
import { requestPatchInput } from '../../shared/requests.js';
import { serviceInput } from '../../shared/serviceDirectory.js';
import { officeSettingsPatch } from '../../shared/settings.js';

/** The keys of an object schema, also through .refine()/.transform() wrappers. */
function keysOf(schema: z.ZodType): string[] {
  let node: unknown = schema;
  for (let i = 0; i < 5 && node; i += 1) {
    const s = node as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; schema?: unknown } } };
    if (s.shape) return Object.keys(s.shape);
    node = s._zod?.def?.in ?? s._zod?.def?.schema;
  }
  throw new Error('not an object schema');
}

describe('audit field labels cover what the services diff', () => {
  it('every field a guide, request, partner, settings, office, service, district, agreement or activity change can record has a label', () => {
    // Mirrors guides/service.ts auditView: the row without bookkeeping columns.
    const { createdAt, updatedAt, statusChangedAt, languageCodes, officeId, id, activeAssignments, ...guideView } =
      getTableColumns(guides);
    const recorded = new Set([
      ...Object.keys(guideView),
      ...[
        requestPatchInput,
        partnerCreateInput,
        partnerPatchInput,
        officeSettingsPatch,
        officeCreateInput,
        officePatchInput,
        serviceInput,
        districtInput,
        agreementInput,
        agreementPatchInput,
        activityInput,
        directorySettingsInput,
      ].flatMap((s) => keysOf(s as z.ZodType)),
    ]);
    // The office is created with name and city only; its other inputs (admin e-mail) are never diffed.
    recorded.delete('coordinatorEmail');
    recorded.delete('coordinatorName');
    const labelled = new Set<string>(AUDIT_FIELDS);
    expect([...recorded].filter((k) => !labelled.has(k)).sort()).toEqual([]);
  });
});
