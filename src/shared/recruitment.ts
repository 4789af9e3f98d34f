/**
 * Recruitment (Gewinnung): the public "become a guide" form, the double opt-in, and the pipeline from interest to
 * active guide (steps, get-to-know conversations, acceptance as a guide).
 */
import { z } from 'zod';
import { email, isoDate, isoDateOut, isoDateTimeOut, pagination, phone, shortText } from './common.js';
import { LANGUAGE_LEVELS, LOCALES } from './enums.js';
import { availabilitySlot, guideLanguage } from './guides.js';

export const APPLICANT_STATUSES = [
  'interested',
  'conversation_held',
  'enrolled',
  'certified',
  'active',
  'dropped_out',
] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];
export const CONVERSATION_OUTCOMES = ['suitable', 'not_suitable', 'undecided'] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];
/** Statuses from which an applicant may be accepted as a guide (after the get-to-know conversation). */
export const ACCEPTABLE_STATUSES: readonly ApplicantStatus[] = ['conversation_held', 'enrolled', 'certified'];

const unique = (items: string[]) => new Set(items).size === items.length;
/** NUL and other unstorable characters are refused for every route by the input hygiene (server/plugins). */
const longText = (max: number) => z.string().trim().max(max);

export const slugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/** What the public form shows: the office, its languages and districts, and the consent text to agree to. */
export const volunteerFormSchema = z.object({
  office: z.object({ name: z.string(), city: z.string(), slug: z.string() }),
  languages: z.array(z.enum(LOCALES)),
  districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  consent: z
    .object({
      textId: z.uuid(),
      version: z.number().int(),
      language: z.enum(LOCALES),
      title: z.string(),
      body: z.string(),
    })
    .nullable(),
  /** Signed with the issue time: the submission must come at least a few seconds later (spam protection). */
  formToken: z.string(),
});
export type VolunteerForm = z.infer<typeof volunteerFormSchema>;
export const volunteerFormQuery = z.strictObject({ language: z.enum(LOCALES).default('de') });

export const applicantCreateInput = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  email,
  phone: phone.nullable().optional(),
  languages: z
    .array(guideLanguage)
    .max(20)
    .default([])
    .refine((list) => unique(list.map((l) => l.code)), { message: 'validation.duplicate' }),
  districtIds: z.array(z.uuid()).max(100).default([]).refine(unique, { message: 'validation.duplicate' }),
  availability: z.array(availabilitySlot).max(50).default([]),
  motivation: longText(4000).nullable().optional(),
  /** The UI language the form was filled in: the consent text version agreed to is the one in this language. */
  language: z.enum(LOCALES),
  consentTextId: z.uuid(),
  consentGiven: z.literal(true),
  formToken: z.string().min(1).max(500),
  /** Honeypot: invisible to people; a bot that fills it in is refused. */
  website: z.string().max(500).optional(),
});
export type ApplicantCreateInput = z.input<typeof applicantCreateInput>;

export const applicantConfirmInput = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const applicantListQuery = z.strictObject({
  status: z.enum(APPLICANT_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  ...pagination,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ApplicantListQuery = z.output<typeof applicantListQuery>;

export const applicantStepInput = z
  .strictObject({
    status: z.enum(APPLICANT_STATUSES),
    on: isoDate,
    note: longText(2000).nullable().optional(),
    dropOutReason: longText(1000).nullable().optional(),
  })
  .refine((s) => s.status !== 'dropped_out' || Boolean(s.dropOutReason?.trim()), {
    message: 'validation.dropOutReasonRequired',
    path: ['dropOutReason'],
  });

export const applicantConversationInput = z.strictObject({
  heldOn: isoDate,
  heldBy: z.uuid(),
  outcome: z.enum(CONVERSATION_OUTCOMES),
  note: longText(2000).nullable().optional(),
});

export const applicantAbilities = z.object({
  step: z.boolean(),
  converse: z.boolean(),
  accept: z.boolean(),
  delete: z.boolean(),
});

export const applicantSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  languages: z.array(z.object({ code: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  districtIds: z.array(z.uuid()),
  availability: z.array(z.object({ weekday: z.number().int(), from: z.string(), to: z.string() })),
  motivation: z.string().nullable(),
  locale: z.enum(LOCALES),
  status: z.enum(APPLICANT_STATUSES),
  statusOn: isoDateOut,
  dropOutReason: z.string().nullable(),
  consentVersion: z.number().int().nullable(),
  consentLanguage: z.string().nullable(),
  consentGivenAt: isoDateTimeOut.nullable(),
  emailConfirmedAt: isoDateTimeOut.nullable(),
  guideId: z.uuid().nullable(),
  createdAt: isoDateTimeOut,
  abilities: applicantAbilities,
});
export type Applicant = z.infer<typeof applicantSchema>;

export const applicantStepSchema = z.object({
  id: z.uuid(),
  status: z.enum(APPLICANT_STATUSES),
  on: isoDateOut,
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: isoDateTimeOut,
});
export const applicantConversationSchema = z.object({
  id: z.uuid(),
  heldOn: isoDateOut,
  heldBy: z.uuid().nullable(),
  heldByName: z.string().nullable(),
  outcome: z.enum(CONVERSATION_OUTCOMES),
  note: z.string().nullable(),
  createdAt: isoDateTimeOut,
});
export type ApplicantStep = z.infer<typeof applicantStepSchema>;
export type ApplicantConversation = z.infer<typeof applicantConversationSchema>;

export const applicantDetailSchema = applicantSchema.extend({
  steps: z.array(applicantStepSchema),
  conversations: z.array(applicantConversationSchema),
  /** The office's coordinators, who may have held a conversation. */
  coordinators: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ApplicantDetail = z.infer<typeof applicantDetailSchema>;

export const applicantListSchema = z.object({
  items: z.array(applicantSchema),
  total: z.number().int(),
  /** The office's public form address part (/volunteer/{slug}). */
  formSlug: z.string().nullable(),
});
export type ApplicantList = z.infer<typeof applicantListSchema>;

export const applicantAcceptSchema = z.object({ applicant: applicantSchema, guideId: z.uuid() });
