import { z } from 'zod';
import { isKnownTimeZone } from '../domain/dates.js';
import { DEFAULT_MATCHING_WEIGHTS, MATCH_CRITERIA } from '../domain/matching/types.js';
import { DEFAULT_OUT_OF_SCOPE_RULES, REQUEST_MATTERS } from '../domain/outOfScope.js';
import { DEFAULT_COMPLETION_PERCENT } from './courses.js';
import { DISTRICT_TERMS, PARTNER_TYPES } from './enums.js';
import { TRANSLATED_LOCALES, type TranslatedLocale } from './localized.js';
import { isKnownLanguage } from './reference-data.js';
import { DEFAULT_RETENTION_SCHEDULE, retentionScheduleSchema } from './retention.js';

const weight = z.number().int().min(0).max(100);
const languageCode = z.string().refine(isKnownLanguage, { message: 'validation.languageUnknown' });
const paragraph = z.string().trim().min(20).max(3000);

/** Longest e-mail signature per language (plain text, line breaks allowed). */
export const MAIL_SIGNATURE_MAX = 500;
const signatureLine = z.string().trim().max(MAIL_SIGNATURE_MAX);
/**
 * The office's e-mail signature (issue 14 §1): German required, the other UI languages optional ('' = none, the
 * recipient then reads German). Every mail the office sends ends with it in the recipient's language.
 */
export const mailSignatureSchema = z.object({
  de: signatureLine.min(1),
  ...(Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, signatureLine.default('')])) as Record<
    TranslatedLocale,
    z.ZodDefault<typeof signatureLine>
  >),
});
export type MailSignature = z.infer<typeof mailSignatureSchema>;

/**
 * The agreement's insurance paragraph depends on who the guide acts for: statutory accident cover (SGB VII) holds
 * when the volunteer acts for a public body; associations and migrant organisations (MSO) need their own or the
 * Land's collective cover. Each office words it per partner type.
 */
export const DEFAULT_INSURANCE_TEXTS: Record<(typeof PARTNER_TYPES)[number], string> = {
  municipal_social_service:
    'Die Lotsin / der Lotse wird im Auftrag einer öffentlichen Stelle tätig. Für diesen Einsatz besteht ' +
    'gesetzlicher Unfallversicherungsschutz (§ 2 Abs. 1 Nr. 10 SGB VII). Haftpflichtschäden deckt die ' +
    'Haftpflichtversicherung der Koordinierungsstelle.',
  school_kita:
    'Die Lotsin / der Lotse wird im Auftrag einer öffentlichen Schule oder Kita tätig. Für diesen Einsatz besteht ' +
    'gesetzlicher Unfallversicherungsschutz (§ 2 Abs. 1 Nr. 10 SGB VII), soweit der Träger öffentlich ist; bei ' +
    'freien Trägern gilt deren Versicherung.',
  welfare_association:
    'Die Lotsin / der Lotse wird für einen Verband der freien Wohlfahrtspflege tätig. Unfall- und ' +
    'Haftpflichtschutz bestehen über die Versicherungen des Verbands bzw. die Sammelversicherung des Landes für ' +
    'Ehrenamtliche; gesetzlicher Unfallversicherungsschutz besteht nur, wo der Verband ihn für Ehrenamtliche ' +
    'abgeschlossen hat.',
  refugee_housing:
    'Die Lotsin / der Lotse wird in einer Unterkunft tätig. Der Versicherungsschutz richtet sich nach dem Träger ' +
    'der Unterkunft; bei öffentlichen Trägern besteht gesetzlicher Unfallversicherungsschutz, sonst gilt die ' +
    'Sammelversicherung des Landes für Ehrenamtliche.',
  counselling_service:
    'Die Lotsin / der Lotse wird für eine Beratungsstelle tätig. Unfall- und Haftpflichtschutz bestehen über deren ' +
    'Träger bzw. die Sammelversicherung des Landes für Ehrenamtliche.',
  migrant_organisation:
    'Die Lotsin / der Lotse wird für eine Migrantenselbstorganisation (MSO) tätig. Es besteht kein gesetzlicher ' +
    'Unfallversicherungsschutz über eine öffentliche Stelle; Unfall- und Haftpflichtschutz bestehen über die ' +
    'Versicherung der MSO oder die Sammelversicherung des Landes für Ehrenamtliche.',
  other:
    'Der Versicherungsschutz richtet sich nach der Einsatzstelle. Die Koordinierungsstelle klärt vor Beginn, ' +
    'welche Unfall- und Haftpflichtversicherung gilt.',
};

/** Office settings with defaults: every rule that differs between programmes and offices lives here. */
export const officeSettingsSchema = z.object({
  matchingWeights: z.object(
    Object.fromEntries(MATCH_CRITERIA.map((c) => [c, weight])) as Record<
      (typeof MATCH_CRITERIA)[number],
      typeof weight
    >,
  ),
  /** Hours before an unanswered offer expires. */
  offerExpiryHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** Days after the start of an agreement when the coordinator reviews it. */
  reviewAfterDays: z.number().int().min(7).max(365),
  /** Days of deployments counted for fairness. */
  fairnessWindowDays: z.number().int().min(7).max(730),
  /** IANA time zone in which "today", activity dates, review dates and expiry are computed. */
  timeZone: z.string().max(60).refine(isKnownTimeZone, { message: 'validation.timeZone' }),
  /** The word for districts in the UI ("Stadtbezirk" or "Ortsteil"), as the city uses it. */
  districtTerm: z.enum(DISTRICT_TERMS),
  /** Whether a guide without the request's language can be eligible at all for language mediation. */
  languageGateForMediation: z.boolean(),
  activities: z.object({
    /** Most minutes one guide may log on one day, across deployments. */
    dailyMaxMinutes: z
      .number()
      .int()
      .min(60)
      .max(24 * 60),
    /** Preparation may be logged this many days before the agreement starts. */
    preparationDaysBefore: z.number().int().min(0).max(60),
  }),
  /** One insurance paragraph per partner type. */
  insuranceTexts: z
    .array(z.object({ partnerType: z.enum(PARTNER_TYPES), text: paragraph }))
    .max(PARTNER_TYPES.length)
    .refine((list) => new Set(list.map((i) => i.partnerType)).size === list.length, {
      message: 'validation.duplicate',
    }),
  /**
   * Work that involves minors and so needs a current background check (§ 72a SGB VIII): the fields of action and
   * specialisations of the office that do. Guides with any of them are reminded when their check is due.
   */
  minors: z.object({
    fields: z.array(z.string().regex(/^[a-z0-9_]{1,40}$/)).max(50),
    specializations: z.array(z.string().regex(/^[a-z0-9_]{1,40}$/)).max(50),
  }),
  /** Contact details printed on documents (agreements, letters). */
  contact: z.object({
    address: z.string().trim().max(300),
    phone: z.string().trim().max(60),
    email: z.string().trim().max(254),
    website: z.string().trim().max(300),
  }),
  /** Related languages to suggest when nobody speaks a required one, e.g. Persian for Dari. Symmetric pairs. */
  languageProximity: z.array(z.tuple([languageCode, languageCode])).max(100),
  outOfScope: z.object({
    matters: z.array(z.enum(REQUEST_MATTERS)),
    fieldTypeRules: z
      .array(z.object({ field: z.string().max(40), type: z.string().max(40), matter: z.enum(REQUEST_MATTERS) }))
      .max(50),
    keywords: z.record(z.enum(REQUEST_MATTERS), z.array(z.string().trim().toLowerCase().min(2).max(60)).max(50)),
  }),
  /** How long each kind of personal data is kept (docs/privacy/retention.md); the daily retention job applies it. */
  retention: retentionScheduleSchema,
  /** When the daily reminders fire (issue 12 §4); the rules are in src/domain/reminders. */
  reminders: z.object({
    /** An offer unanswered this many hours after it was sent: the guide is reminded. */
    offerGuideAfterHours: z.number().int().min(1).max(240),
    /** This many hours after the guide's reminder, still unanswered: the coordinators are told. */
    offerCoordinatorAfterHours: z.number().int().min(1).max(240),
    /** An agreement still unconfirmed this many days after it was drawn up. */
    agreementUnconfirmedAfterDays: z.number().int().min(1).max(60),
    /** The coordinators hear of a deployment's review date this many days ahead. */
    reviewAheadDays: z.number().int().min(0).max(60),
    /** Months before a background check runs out (§ 72a SGB VIII) when the coordinators are reminded. */
    backgroundCheckWarnMonths: z.number().int().min(1).max(12),
    /** Day of the month by which last month's time sheet is due; guides who have not submitted hear of it then. */
    timeSheetDeadlineDay: z.number().int().min(1).max(28),
  }),
  courses: z.object({
    /**
     * The office's default completion rule: attendance of at least this share of a course's UE. A new course takes it
     * unless it names its own; each course keeps the rule it was created with, so changing the default changes no
     * existing course (its completions are evidence).
     */
    completionMinAttendancePercent: z.number().int().min(1).max(100),
  }),
  /** The office's e-mail signature per language; null while it keeps none (mails then end as the templates do). */
  mailSignature: mailSignatureSchema.nullable(),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = {
  matchingWeights: DEFAULT_MATCHING_WEIGHTS,
  offerExpiryHours: 72,
  reviewAfterDays: 42,
  fairnessWindowDays: 180,
  timeZone: 'Europe/Berlin',
  languageGateForMediation: true,
  districtTerm: 'Stadtbezirk',
  activities: { dailyMaxMinutes: 600, preparationDaysBefore: 14 },
  insuranceTexts: PARTNER_TYPES.map((partnerType) => ({ partnerType, text: DEFAULT_INSURANCE_TEXTS[partnerType] })),
  minors: { fields: ['school_kita', 'leisure', 'language_support'], specializations: ['parents', 'sport'] },
  contact: { address: '', phone: '', email: '', website: '' },
  languageProximity: [
    ['prs', 'fa'],
    ['ckb', 'kmr'],
    ['uk', 'ru'],
    ['bs', 'hr'],
    ['sr', 'hr'],
    ['ur', 'hi'],
  ],
  outOfScope: DEFAULT_OUT_OF_SCOPE_RULES as OfficeSettings['outOfScope'],
  retention: DEFAULT_RETENTION_SCHEDULE,
  reminders: {
    offerGuideAfterHours: 24,
    offerCoordinatorAfterHours: 24,
    agreementUnconfirmedAfterDays: 3,
    reviewAheadDays: 7,
    backgroundCheckWarnMonths: 3,
    timeSheetDeadlineDay: 10,
  },
  courses: { completionMinAttendancePercent: DEFAULT_COMPLETION_PERCENT },
  mailSignature: null,
};

/** The insurance paragraph for a partner type: the office's wording, else the default for that type. */
export function insuranceTextFor(settings: OfficeSettings, partnerType: string): string {
  const type = (PARTNER_TYPES as readonly string[]).includes(partnerType)
    ? (partnerType as (typeof PARTNER_TYPES)[number])
    : 'other';
  return settings.insuranceTexts.find((i) => i.partnerType === type)?.text ?? DEFAULT_INSURANCE_TEXTS[type];
}

/** Stored settings are merged over the defaults, so a new setting never breaks an old office. */
export function resolveOfficeSettings(stored: unknown): OfficeSettings {
  const merged = { ...DEFAULT_OFFICE_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
  const parsed = officeSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_OFFICE_SETTINGS;
}

export const officeSettingsPatch = z
  .strictObject({
    matchingWeights: officeSettingsSchema.shape.matchingWeights.strict().optional(),
    offerExpiryHours: officeSettingsSchema.shape.offerExpiryHours.optional(),
    reviewAfterDays: officeSettingsSchema.shape.reviewAfterDays.optional(),
    fairnessWindowDays: officeSettingsSchema.shape.fairnessWindowDays.optional(),
    timeZone: officeSettingsSchema.shape.timeZone.optional(),
    languageGateForMediation: officeSettingsSchema.shape.languageGateForMediation.optional(),
    districtTerm: officeSettingsSchema.shape.districtTerm.optional(),
    activities: officeSettingsSchema.shape.activities.strict().optional(),
    insuranceTexts: officeSettingsSchema.shape.insuranceTexts.optional(),
    contact: officeSettingsSchema.shape.contact.strict().optional(),
    minors: officeSettingsSchema.shape.minors.strict().optional(),
    languageProximity: officeSettingsSchema.shape.languageProximity.optional(),
    outOfScope: officeSettingsSchema.shape.outOfScope.optional(),
    retention: officeSettingsSchema.shape.retention.optional(),
    reminders: officeSettingsSchema.shape.reminders.strict().optional(),
    courses: officeSettingsSchema.shape.courses.strict().optional(),
    mailSignature: mailSignatureSchema.strict().nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'validation.emptyPatch' });
