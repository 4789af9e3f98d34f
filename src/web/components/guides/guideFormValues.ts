import { randomId } from '@mantine/hooks';
import type { GuideStatus, LanguageLevel, Locale, WEEKDAYS } from '../../../shared/enums.js';
import type { MigrationBackground, SHARE_CONTACT } from '../../../shared/guides.js';
import type { GenderOrEmpty } from './types';

type Weekday = (typeof WEEKDAYS)[number];
type ShareContact = (typeof SHARE_CONTACT)[number];

import type { GuideCreateInput, GuideDetail, GuidePatchInput } from '../../api/types';

export type LanguageRow = { key: string; code: string; level: string };
export type SlotRow = { key: string; weekday: string; from: string; to: string };

/** The form's values mirror the API's field paths, so server errors like "languages.0.code" land at the field. */
export type GuideFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  shareContact: ShareContact;
  locale: Locale;
  gender: GenderOrEmpty;
  status: GuideStatus;
  certifiedAt: string;
  languages: LanguageRow[];
  countries: string[];
  homeDistrictId: string;
  serviceDistrictIds: string[];
  fields: string[];
  specializations: string[];
  availability: SlotRow[];
  maxActiveAssignments: number | string | null;
  hasBackgroundCheck: boolean;
  backgroundCheck: { checkedAt: string; issuedAt: string; relevantConviction: boolean };
  hasConsent: boolean;
  consent: { version: string; language: string; givenAt: string; withdrawnAt: string };
  confidentialityPledgeAt: string;
  hasStatistics: boolean;
  statistics: { birthYear: string; migrationBackground: string; consentGivenAt: string };
  notes: string;
};

export const newLanguageRow = (): LanguageRow => ({ key: randomId(), code: '', level: '' });
export const newSlotRow = (): SlotRow => ({ key: randomId(), weekday: '', from: '', to: '' });

export function emptyValues(): GuideFormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    shareContact: 'none',
    locale: 'de',
    gender: '',
    status: 'interested',
    certifiedAt: '',
    languages: [],
    countries: [],
    homeDistrictId: '',
    serviceDistrictIds: [],
    fields: [],
    specializations: [],
    availability: [],
    maxActiveAssignments: 2,
    hasBackgroundCheck: false,
    backgroundCheck: { checkedAt: '', issuedAt: '', relevantConviction: false },
    hasConsent: false,
    consent: { version: '', language: 'de', givenAt: '', withdrawnAt: '' },
    confidentialityPledgeAt: '',
    hasStatistics: false,
    statistics: { birthYear: '', migrationBackground: '', consentGivenAt: '' },
    notes: '',
  };
}

export function valuesFromGuide(g: GuideDetail): GuideFormValues {
  return {
    firstName: g.firstName,
    lastName: g.lastName,
    email: g.email ?? '',
    phone: g.phone ?? '',
    shareContact: g.shareContact,
    locale: g.locale,
    gender: g.gender ?? '',
    status: g.status,
    certifiedAt: g.certifiedAt ?? '',
    languages: g.languages.map((l) => ({ key: randomId(), code: l.code, level: l.level })),
    countries: g.countries,
    homeDistrictId: g.homeDistrictId ?? '',
    serviceDistrictIds: g.serviceDistrictIds,
    fields: g.fields,
    specializations: g.specializations,
    availability: g.availability.map((s) => ({ key: randomId(), weekday: String(s.weekday), from: s.from, to: s.to })),
    maxActiveAssignments: g.maxActiveAssignments,
    hasBackgroundCheck: g.backgroundCheck !== null,
    backgroundCheck: {
      checkedAt: g.backgroundCheck?.checkedAt ?? '',
      issuedAt: g.backgroundCheck?.issuedAt ?? '',
      relevantConviction: g.backgroundCheck?.relevantConviction ?? false,
    },
    hasConsent: g.consent !== null,
    consent: {
      version: g.consent?.version ?? '',
      language: g.consent?.language ?? 'de',
      givenAt: g.consent?.givenAt ?? '',
      withdrawnAt: g.consent?.withdrawnAt ?? '',
    },
    confidentialityPledgeAt: g.confidentialityPledgeAt ?? '',
    hasStatistics: g.statistics !== null,
    statistics: {
      birthYear: g.statistics?.birthYear ? String(g.statistics.birthYear) : '',
      migrationBackground: g.statistics?.migrationBackground ?? '',
      consentGivenAt: g.statistics?.consentGivenAt ?? '',
    },
    notes: g.notes ?? '',
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** The full API body for these values; the server validates and answers with field errors. */
export function payloadFromValues(v: GuideFormValues): GuideCreateInput {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    shareContact: v.shareContact,
    locale: v.locale,
    gender: v.gender || null,
    status: v.status,
    certifiedAt: orNull(v.certifiedAt),
    languages: v.languages.map((l) => ({ code: l.code, level: l.level as LanguageLevel })),
    countries: v.countries,
    homeDistrictId: v.homeDistrictId || null,
    serviceDistrictIds: v.serviceDistrictIds,
    fields: v.fields,
    specializations: v.specializations,
    availability: v.availability.map((s) => ({ weekday: Number(s.weekday) as Weekday, from: s.from, to: s.to })),
    // Empty or unreadable travels as null (JSON has no NaN): the server names the field instead of saving 0.
    maxActiveAssignments:
      v.maxActiveAssignments === null || v.maxActiveAssignments === '' ? Number.NaN : Number(v.maxActiveAssignments),
    backgroundCheck: v.hasBackgroundCheck
      ? {
          checkedAt: v.backgroundCheck.checkedAt,
          issuedAt: orNull(v.backgroundCheck.issuedAt),
          relevantConviction: v.backgroundCheck.relevantConviction,
        }
      : null,
    consent: v.hasConsent
      ? {
          version: v.consent.version.trim(),
          language: v.consent.language,
          givenAt: v.consent.givenAt,
          withdrawnAt: orNull(v.consent.withdrawnAt),
        }
      : null,
    confidentialityPledgeAt: orNull(v.confidentialityPledgeAt),
    statistics: v.hasStatistics
      ? {
          // An unreadable year travels as NaN → null in JSON, and the server names the field.
          birthYear: v.statistics.birthYear.trim() ? Number(v.statistics.birthYear) : null,
          migrationBackground: (v.statistics.migrationBackground || null) as MigrationBackground | null,
          consentGivenAt: v.statistics.consentGivenAt,
        }
      : null,
    notes: orNull(v.notes),
  };
}

/** Only the fields that changed (and that the caller may change): PATCH must not touch the rest. */
export function patchFromValues(
  initial: GuideFormValues,
  current: GuideFormValues,
  allowed: readonly string[] | 'all',
): GuidePatchInput {
  const before = payloadFromValues(initial) as Record<string, unknown>;
  const after = payloadFromValues(current) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (allowed !== 'all' && !allowed.includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as GuidePatchInput;
}
