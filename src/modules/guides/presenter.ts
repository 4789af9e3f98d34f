import { backgroundCheckState, recheckDueOn } from '../../domain/backgroundCheck.js';
import type { Actor } from '../../server/context.js';
import type { Gender, GuideStatus, LanguageLevel, Locale } from '../../shared/enums.js';
import type { Guide } from '../../shared/guides.js';
import { guidePolicy } from './policy.js';
import type { GuideRow } from './repository.js';

function backgroundCheckOf(row: GuideRow) {
  if (!row.backgroundCheckedAt) return null;
  return {
    checkedAt: row.backgroundCheckedAt,
    issuedAt: row.backgroundIssuedAt,
    relevantConviction: row.backgroundRelevantConviction ?? false,
  };
}

export function presentGuide(row: GuideRow, actor: Actor, today: string, hasAccount: boolean): Guide {
  const check = backgroundCheckOf(row);
  const state = backgroundCheckState(check, today);
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    locale: row.locale as Locale,
    languages: row.languages.map((l) => ({ code: l.code, level: l.level as LanguageLevel })),
    countries: row.countries,
    specializations: row.specializations,
    fields: row.fields,
    homeDistrictId: row.homeDistrictId,
    serviceDistrictIds: row.serviceDistrictIds,
    availability: row.availability,
    maxActiveAssignments: row.maxActiveAssignments,
    capacityCeiling: guidePolicy.selfCapacityCeiling(row),
    activeAssignments: row.activeAssignments,
    gender: row.gender as Gender | null,
    status: row.status as GuideStatus,
    statusChangedAt: row.statusChangedAt.toISOString(),
    certifiedAt: row.certifiedAt,
    backgroundCheck: check
      ? { ...check, issuedAt: check.issuedAt ?? null, state, recheckDueOn: recheckDueOn(check) }
      : null,
    backgroundCheckState: state,
    consent:
      row.consentVersion && row.consentGivenAt
        ? {
            version: row.consentVersion,
            language: row.consentLanguage ?? 'de',
            givenAt: row.consentGivenAt,
            withdrawnAt: row.consentWithdrawnAt,
          }
        : null,
    confidentialityPledgeAt: row.confidentialityPledgeAt,
    notes: guidePolicy.viewNotes(actor, row) ? row.notes : null,
    hasAccount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: guidePolicy.abilities(actor, row),
  };
}

/** Flat columns for the list and exports, in the order a coordinator reads them. */
export function guideExportRow(row: GuideRow, today: string, districtNames: Map<string, string>) {
  return {
    lastName: row.lastName,
    firstName: row.firstName,
    status: row.status,
    email: row.email ?? '',
    phone: row.phone ?? '',
    languages: row.languages.map((l) => `${l.code} (${l.level})`).join(', '),
    countries: row.countries.join(', '),
    homeDistrict: row.homeDistrictId ? (districtNames.get(row.homeDistrictId) ?? '') : '',
    serviceDistricts: row.serviceDistrictIds
      .map((id) => districtNames.get(id) ?? '')
      .filter(Boolean)
      .join(', '),
    specializations: row.specializations.join(', '),
    fields: row.fields.join(', '),
    maxActiveAssignments: row.maxActiveAssignments,
    certifiedAt: row.certifiedAt ?? '',
    backgroundCheck: backgroundCheckState(backgroundCheckOf(row), today),
  };
}
