import { type ExportColumn, type ExportValue, exportDate } from '../../documents/spreadsheet.js';
import { backgroundCheckState, recheckDueOn } from '../../domain/backgroundCheck.js';
import { consentOnRecord } from '../../domain/matching/score.js';
import type { Actor } from '../../server/context.js';
import type { Gender, GuideStatus, LanguageLevel, Locale } from '../../shared/enums.js';
import type { Guide, GuideListItem, MigrationBackground } from '../../shared/guides.js';
import { translate } from '../../shared/i18n/index.js';
import { displayName } from '../../shared/reference-data.js';
import { guidePolicy } from './policy.js';
import type { GuideListRow, GuideRow } from './repository.js';

function backgroundCheckOf(
  row: Pick<GuideRow, 'backgroundCheckedAt' | 'backgroundIssuedAt' | 'backgroundRelevantConviction'>,
) {
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
    confidentialityPledgeVersion: row.confidentialityPledgeVersion,
    shareContact: row.shareContact as 'none',
    statistics: row.statisticsConsentAt
      ? {
          birthYear: row.birthYear,
          migrationBackground: row.migrationBackground as MigrationBackground | null,
          consentGivenAt: row.statisticsConsentAt,
        }
      : null,
    broadcastOptOut: row.broadcastOptOut,
    consentOnRecord: consentOnRecord({
      consent: { version: row.consentVersion, givenAt: row.consentGivenAt, withdrawnAt: row.consentWithdrawnAt },
      pledge: { version: row.confidentialityPledgeVersion, at: row.confidentialityPledgeAt },
    }),
    notes: guidePolicy.viewNotes(actor, row) ? row.notes : null,
    hasAccount,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: guidePolicy.abilities(actor, row),
  };
}

/** A row of the guide list: what the list shows, nothing more (no notes, availability or consent details). */
export function presentGuideListItem(
  row: GuideListRow & { hasAccount: boolean },
  actor: Actor,
  today: string,
): GuideListItem {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    languages: row.languages.map((l) => ({ code: l.code, level: l.level as LanguageLevel })),
    homeDistrictId: row.homeDistrictId,
    serviceDistrictIds: row.serviceDistrictIds,
    specializations: row.specializations,
    fields: row.fields,
    status: row.status as GuideStatus,
    maxActiveAssignments: row.maxActiveAssignments,
    activeAssignments: row.activeAssignments,
    backgroundCheckState: backgroundCheckState(backgroundCheckOf(row), today),
    hasAccount: row.hasAccount,
    abilities: guidePolicy.abilities(actor, row),
  };
}

export type ExportNames = {
  locale: Locale;
  districts: Map<string, string>;
  fields: Map<string, string>;
  specializations: Map<string, string>;
};

/** The export's columns, headed in the reader's language. */
export function guideExportColumns(locale: Locale): ExportColumn[] {
  const t = (key: string) => translate(locale, `guides.field.${key}`);
  return [
    { key: 'lastName', header: t('lastName') },
    { key: 'firstName', header: t('firstName') },
    { key: 'status', header: t('status'), width: 16 },
    { key: 'email', header: t('email'), width: 30 },
    { key: 'phone', header: t('phone'), type: 'phone' },
    { key: 'languages', header: t('languages'), width: 40 },
    { key: 'countries', header: t('countries'), width: 24 },
    { key: 'homeDistrict', header: t('homeDistrict') },
    { key: 'serviceDistricts', header: t('serviceDistricts'), width: 40 },
    { key: 'specializations', header: t('specializations'), width: 30 },
    { key: 'fields', header: t('fields'), width: 40 },
    { key: 'maxActiveAssignments', header: t('maxActiveAssignments'), width: 12, type: 'number' },
    { key: 'certifiedAt', header: t('certifiedAt'), width: 14, type: 'date' },
    { key: 'backgroundCheck', header: t('backgroundCheckState'), width: 18 },
  ];
}

/**
 * One guide as an export row that opens in Excel as it is: names instead of codes ("Arabisch (Muttersprache)",
 * "Aktiv", "Gültig"), the office's names of districts, fields and specialisations, and typed dates.
 */
export function guideExportRow(row: GuideRow, today: string, names: ExportNames): Record<string, ExportValue> {
  const { locale } = names;
  const listOf = (keys: string[], map: Map<string, string>) =>
    keys
      .map((k) => map.get(k) ?? k)
      .filter(Boolean)
      .join(', ');
  return {
    lastName: row.lastName,
    firstName: row.firstName,
    status: translate(locale, `status.${row.status}`),
    email: row.email ?? '',
    phone: row.phone ?? '',
    languages: row.languages
      .map((l) => `${displayName('language', l.code, locale)} (${translate(locale, `levelShort.${l.level}`)})`)
      .join(', '),
    countries: row.countries.map((c) => displayName('region', c, locale)).join(', '),
    homeDistrict: row.homeDistrictId ? (names.districts.get(row.homeDistrictId) ?? '') : '',
    serviceDistricts: listOf(row.serviceDistrictIds, names.districts),
    specializations: listOf(row.specializations, names.specializations),
    fields: listOf(row.fields, names.fields),
    maxActiveAssignments: row.maxActiveAssignments,
    certifiedAt: exportDate(row.certifiedAt),
    backgroundCheck: translate(locale, `bgCheck.${backgroundCheckState(backgroundCheckOf(row), today)}`),
  };
}
