import { z } from 'zod';
import { email, isoDate, isoDateOut, isoDateTimeOut, pagination, phone, shortText } from './common.js';
import { BACKGROUND_CHECK_STATES, GENDERS, GUIDE_STATUSES, LANGUAGE_LEVELS, LOCALES, WEEKDAYS } from './enums.js';
import { isKnownCountry, isKnownLanguage } from './reference-data.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });
const referenceKey = z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' });

export const guideLanguage = z.strictObject({
  code: z.string().refine(isKnownLanguage, { message: 'validation.languageUnknown' }),
  level: z.enum(LANGUAGE_LEVELS),
});

export const availabilitySlot = z
  .strictObject({ weekday: z.union(WEEKDAYS.map((d) => z.literal(d))), from: time, to: time })
  .refine((slot) => slot.from < slot.to, { message: 'validation.slotEndsBeforeStart', path: ['to'] });

export const backgroundCheckInput = z
  .strictObject({
    /** The day the coordinator saw the certificate. */
    checkedAt: isoDate,
    /** The certificate's own issue date; it must not be older than 3 months when shown. */
    issuedAt: isoDate.nullable().optional(),
    relevantConviction: z.boolean(),
  })
  .refine((c) => !c.issuedAt || c.issuedAt <= c.checkedAt, {
    message: 'validation.issuedAfterChecked',
    path: ['issuedAt'],
  });

export const consentInput = z.strictObject({
  version: shortText(40),
  language: z.enum(LOCALES).or(z.string().refine(isKnownLanguage, { message: 'validation.languageUnknown' })),
  givenAt: isoDate,
  withdrawnAt: isoDate.nullable().optional(),
});

export const SHARE_CONTACT = ['none', 'phone', 'email'] as const;

/**
 * Zuwanderungsgeschichte as the Statistisches Bundesamt defines it (since 2023): the person, or both parents,
 * immigrated to Germany since 1950. `not_stated` is an answer, distinct from not being asked (null).
 */
export const MIGRATION_BACKGROUNDS = ['yes', 'no', 'not_stated'] as const;
export type MigrationBackground = (typeof MIGRATION_BACKGROUNDS)[number];

/**
 * Optional figures for the office's statistics, recorded only with the guide's consent to exactly these fields
 * (the date it was given). Null clears them: a withdrawn consent leaves nothing behind.
 */
export const guideStatisticsInput = z.strictObject({
  birthYear: z.number().int().min(1920).max(2015).nullable(),
  migrationBackground: z.enum(MIGRATION_BACKGROUNDS).nullable(),
  consentGivenAt: isoDate,
});
export type GuideStatisticsInput = z.infer<typeof guideStatisticsInput>;

const unique = (items: string[]) => new Set(items).size === items.length;

/** Field rules without defaults: PATCH must not reset fields the caller did not send. */
const guideFields = {
  firstName: shortText(100),
  lastName: shortText(100),
  email: email.nullable(),
  phone: phone.nullable(),
  locale: z.enum(LOCALES),
  languages: z
    .array(guideLanguage)
    .max(20)
    .refine((list) => unique(list.map((l) => l.code)), { message: 'validation.duplicate' }),
  countries: z
    .array(z.string().refine(isKnownCountry, { message: 'validation.countryUnknown' }))
    .max(10)
    .refine(unique, { message: 'validation.duplicate' }),
  specializations: z.array(referenceKey).max(20).refine(unique, { message: 'validation.duplicate' }),
  fields: z.array(referenceKey).max(20).refine(unique, { message: 'validation.duplicate' }),
  homeDistrictId: z.uuid().nullable(),
  serviceDistrictIds: z.array(z.uuid()).max(100).refine(unique, { message: 'validation.duplicate' }),
  availability: z.array(availabilitySlot).max(50),
  maxActiveAssignments: z.number().int().min(0).max(20),
  gender: z.enum(GENDERS).nullable(),
  status: z.enum(GUIDE_STATUSES),
  certifiedAt: isoDate.nullable(),
  backgroundCheck: backgroundCheckInput.nullable(),
  consent: consentInput.nullable(),
  confidentialityPledgeAt: isoDate.nullable(),
  /** The version of the pledge text signed; a pledge counts for matching only with date and version. */
  confidentialityPledgeVersion: shortText(40).nullable(),
  /** What the guide agrees to share with partners of their deployments, to arrange the first meeting. */
  shareContact: z.enum(SHARE_CONTACT),
  statistics: guideStatisticsInput.nullable(),
  notes: z.string().trim().max(4000).nullable(),
};

export const guideCreateInput = z.strictObject({
  ...guideFields,
  email: guideFields.email.optional(),
  phone: guideFields.phone.optional(),
  locale: guideFields.locale.default('de'),
  languages: guideFields.languages.default([]),
  countries: guideFields.countries.default([]),
  specializations: guideFields.specializations.default([]),
  fields: guideFields.fields.default([]),
  homeDistrictId: guideFields.homeDistrictId.optional(),
  serviceDistrictIds: guideFields.serviceDistrictIds.default([]),
  availability: guideFields.availability.default([]),
  maxActiveAssignments: guideFields.maxActiveAssignments.default(2),
  gender: guideFields.gender.optional(),
  status: guideFields.status.default('interested'),
  certifiedAt: guideFields.certifiedAt.optional(),
  backgroundCheck: guideFields.backgroundCheck.optional(),
  consent: guideFields.consent.optional(),
  confidentialityPledgeAt: guideFields.confidentialityPledgeAt.optional(),
  confidentialityPledgeVersion: guideFields.confidentialityPledgeVersion.optional(),
  shareContact: guideFields.shareContact.default('none'),
  statistics: guideFields.statistics.optional(),
  notes: guideFields.notes.optional(),
});
export type GuideCreateInput = z.input<typeof guideCreateInput>;

/** PATCH: every field optional, no defaults, unknown keys rejected. */
export const guidePatchInput = z
  .strictObject(guideFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export type GuidePatchInput = z.input<typeof guidePatchInput>;

export const backgroundCheckView = z.object({
  checkedAt: isoDateOut,
  issuedAt: isoDateOut.nullable(),
  relevantConviction: z.boolean(),
  state: z.enum(BACKGROUND_CHECK_STATES),
  recheckDueOn: isoDateOut,
});

/** What the caller may do with a guide (guides/policy.ts). */
export const guideAbilities = z.object({
  update: z.boolean(),
  updateAll: z.boolean(),
  delete: z.boolean(),
  viewNotes: z.boolean(),
  invite: z.boolean(),
  /** Erasure by anonymisation (modules/retention): coordinators, once, and not while a deployment runs. */
  anonymise: z.boolean(),
});
export type GuideAbilities = z.infer<typeof guideAbilities>;

export const guideSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(LOCALES),
  languages: z.array(z.object({ code: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  countries: z.array(z.string()),
  specializations: z.array(z.string()),
  fields: z.array(z.string()),
  homeDistrictId: z.uuid().nullable(),
  serviceDistrictIds: z.array(z.uuid()),
  availability: z.array(z.object({ weekday: z.number().int(), from: z.string(), to: z.string() })),
  maxActiveAssignments: z.number().int(),
  /** Set by the office: the guide may lower maxActiveAssignments themself, and raise it up to this value. */
  capacityCeiling: z.number().int(),
  /** Running deployments (pending agreement or active); free capacity is max − active. */
  activeAssignments: z.number().int(),
  gender: z.enum(GENDERS).nullable(),
  status: z.enum(GUIDE_STATUSES),
  statusChangedAt: isoDateTimeOut,
  certifiedAt: isoDateOut.nullable(),
  backgroundCheck: backgroundCheckView.nullable(),
  backgroundCheckState: z.enum(BACKGROUND_CHECK_STATES),
  consent: z
    .object({ version: z.string(), language: z.string(), givenAt: isoDateOut, withdrawnAt: isoDateOut.nullable() })
    .nullable(),
  confidentialityPledgeAt: isoDateOut.nullable(),
  confidentialityPledgeVersion: z.string().nullable(),
  shareContact: z.enum(SHARE_CONTACT),
  /** Birth year and Zuwanderungsgeschichte for the statistics, with the date of the consent to them; null if none. */
  statistics: z
    .object({
      birthYear: z.number().int().nullable(),
      migrationBackground: z.enum(MIGRATION_BACKGROUNDS).nullable(),
      consentGivenAt: isoDateOut,
    })
    .nullable(),
  /** The guide opted out of broadcast mail (messages reach them in the app only). */
  broadcastOptOut: z.boolean(),
  /** Consent and pledge are both on record (version and date) and consent is not withdrawn: a matching gate. */
  consentOnRecord: z.boolean(),
  /** Coordinator-only; null for everyone else. */
  notes: z.string().nullable(),
  hasAccount: z.boolean(),
  /** When the guide's personal data was erased; the record stays as anonymous evidence. */
  anonymisedAt: isoDateTimeOut.nullable(),
  createdAt: isoDateTimeOut,
  updatedAt: isoDateTimeOut,
  abilities: guideAbilities,
});
export type Guide = z.infer<typeof guideSchema>;

/** A guide as their record page shows them: with the history of their status. */
export const guideDetailSchema = guideSchema.extend({
  statusHistory: z.array(z.object({ status: z.enum(GUIDE_STATUSES), at: isoDateTimeOut })),
});
export type GuideDetail = z.infer<typeof guideDetailSchema>;

const csv = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const GUIDE_SORTS = ['lastName', 'firstName', 'status', 'createdAt', 'updatedAt'] as const;

export const guideListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  language: z.string().max(10).optional(),
  districtId: z.uuid().optional(),
  specialization: z.string().max(40).optional(),
  field: z.string().max(40).optional(),
  status: csv.pipe(z.array(z.enum(GUIDE_STATUSES))).optional(),
  hasCapacity: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(GUIDE_SORTS).default('lastName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pagination,
});
export type GuideListQuery = z.output<typeof guideListQuery>;

export const guideListItem = guideSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  languages: true,
  homeDistrictId: true,
  serviceDistrictIds: true,
  specializations: true,
  fields: true,
  status: true,
  maxActiveAssignments: true,
  activeAssignments: true,
  backgroundCheckState: true,
  hasAccount: true,
  abilities: true,
});
export type GuideListItem = z.infer<typeof guideListItem>;

/** Fields a guide may change (policy on the server, form on the web) on their own profile; everything else is the coordinator's. */
export const SELF_EDITABLE_GUIDE_FIELDS = [
  'phone',
  'shareContact',
  'locale',
  'languages',
  'serviceDistrictIds',
  'availability',
  'maxActiveAssignments',
] as const;
