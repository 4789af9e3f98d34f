/**
 * Consent texts (versioned per office, kept per language) and consent records: who consented to which version,
 * in which language, when and how, and when it was withdrawn.
 */
import { z } from 'zod';
import { isoDate, isoDateOut, isoDateTimeOut, shortText } from './common.js';
import { GUIDE_STATUSES, LOCALES } from './enums.js';

/** The guide's data-protection consent, the confidentiality pledge, and the accompanied person's consent. */
export const CONSENT_KINDS = ['guide_consent', 'confidentiality_pledge', 'person_consent'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
/** Kinds a guide signs; a new version of these asks the guides to confirm it in the app. */
export const GUIDE_CONSENT_KINDS = ['guide_consent', 'confidentiality_pledge'] as const;
export const CONSENT_METHODS = ['paper', 'app'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_TEXT_STATES = ['draft', 'published', 'superseded'] as const;

export const consentTextContent = z.strictObject({
  title: shortText(200),
  body: z.string().trim().min(20).max(20000),
});
export type ConsentTextContent = z.infer<typeof consentTextContent>;

/** One text per language; German is the office's working language and always present. */
export const consentTextsByLanguage = z.strictObject({
  de: consentTextContent,
  en: consentTextContent.optional(),
  ar: consentTextContent.optional(),
  fa: consentTextContent.optional(),
  tr: consentTextContent.optional(),
  ru: consentTextContent.optional(),
  uk: consentTextContent.optional(),
});
export type ConsentTexts = z.infer<typeof consentTextsByLanguage>;

export const consentTextCreateInput = z.strictObject({
  kind: z.enum(CONSENT_KINDS),
  texts: consentTextsByLanguage,
  /** What changed against the previous version (shown to guides asked to confirm). */
  changeNote: z.string().trim().max(1000).nullable().optional(),
});
export const consentTextPatchInput = z
  .strictObject({
    texts: consentTextsByLanguage,
    changeNote: z.string().trim().max(1000).nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });

export const consentTextSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  version: z.number().int(),
  texts: z.record(z.string(), z.object({ title: z.string(), body: z.string() })),
  languages: z.array(z.enum(LOCALES)),
  changeNote: z.string().nullable(),
  state: z.enum(CONSENT_TEXT_STATES),
  publishedAt: isoDateOut.nullable(),
  createdAt: isoDateTimeOut,
});
export type ConsentText = z.infer<typeof consentTextSchema>;

export const consentTextListQuery = z.strictObject({ kind: z.enum(CONSENT_KINDS).optional() });
export const consentTextPdfQuery = z.strictObject({ language: z.enum(LOCALES).default('de') });

export const consentRecordCreateInput = z
  .strictObject({
    textId: z.uuid(),
    /** Exactly one: a guide, or the accompanied person of a request. */
    guideId: z.uuid().optional(),
    requestId: z.uuid().optional(),
    language: z.enum(LOCALES),
    givenAt: isoDate,
    method: z.enum(CONSENT_METHODS),
  })
  .refine((r) => (r.guideId ? 1 : 0) + (r.requestId ? 1 : 0) === 1, {
    message: 'validation.consentSubject',
    path: ['guideId'],
  });
export const consentWithdrawInput = z.strictObject({
  withdrawnAt: isoDate,
  method: z.enum(CONSENT_METHODS),
});
export const consentRecordListQuery = z.strictObject({
  guideId: z.uuid().optional(),
  requestId: z.uuid().optional(),
});

export const consentRecordSchema = z.object({
  id: z.uuid(),
  textId: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  version: z.number().int(),
  guideId: z.uuid().nullable(),
  requestId: z.uuid().nullable(),
  language: z.enum(LOCALES),
  givenAt: isoDateOut,
  method: z.enum(CONSENT_METHODS),
  withdrawnAt: isoDateOut.nullable(),
  withdrawalMethod: z.enum(CONSENT_METHODS).nullable(),
  recordedByName: z.string().nullable(),
  createdAt: isoDateTimeOut,
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** A guide who consented to an earlier version of a guide text and has not confirmed the current one. */
export const pendingConfirmationSchema = z.object({
  guideId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(GUIDE_STATUSES),
  kind: z.enum(GUIDE_CONSENT_KINDS),
  /** Version of the text the guide last consented to; null when it was recorded without a text version. */
  confirmedVersion: z.number().int().nullable(),
  currentVersion: z.number().int(),
  currentTextId: z.uuid(),
});
export type PendingConfirmation = z.infer<typeof pendingConfirmationSchema>;

/** What a guide sees of consent in the app: texts waiting for their confirmation, and their records. */
export const myConsentsSchema = z.object({
  pending: z.array(consentTextSchema),
  records: z.array(consentRecordSchema),
});
export type MyConsents = z.infer<typeof myConsentsSchema>;
export const myConsentConfirmInput = z.strictObject({ textId: z.uuid(), language: z.enum(LOCALES) });
