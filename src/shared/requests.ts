import { z } from 'zod';
import { REQUEST_MATTERS } from '../domain/outOfScope.js';
import { CONTACT_CHANNELS, REQUEST_ORIGINS, REQUEST_STATUSES } from '../domain/requestStatus.js';
import { isoDate, isoDateOut, isoDateTimeOut, pagination, shortText } from './common.js';
import { GENDERS, WEEKDAYS } from './enums.js';
import { isKnownLanguage } from './reference-data.js';

export const REQUEST_TYPES = ['accompaniment', 'language_mediation', 'orientation'] as const;
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export const FREQUENCIES = ['once', 'weekly', 'biweekly', 'monthly', 'irregular'] as const;
export const AGE_GROUPS = ['child', 'youth', 'adult', 'senior'] as const;
export const HOUSEHOLD_TYPES = ['individual', 'family'] as const;
export { CONTACT_CHANNELS, REQUEST_MATTERS, REQUEST_ORIGINS, REQUEST_STATUSES };

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });
const languageCode = z.string().refine(isKnownLanguage, { message: 'validation.languageUnknown' });
const slot = z
  .strictObject({ weekday: z.union(WEEKDAYS.map((d) => z.literal(d))), from: time, to: time })
  .refine((s) => s.from < s.to, { message: 'validation.slotEndsBeforeStart', path: ['to'] });

/** The person accompanied: the minimum (DSGVO Art. 5(1)(c)). No surname, no birth date, no address. */
export const personInput = z.strictObject({
  initials: shortText(40),
  ageGroup: z.enum(AGE_GROUPS),
  languages: z.array(languageCode).min(1).max(5),
  household: z.enum(HOUSEHOLD_TYPES),
  householdSize: z.number().int().min(1).max(20).default(1),
  consentGiven: z.boolean(),
  consentVersion: z.string().trim().max(40).nullable().optional(),
  consentLanguage: z.string().trim().max(10).nullable().optional(),
});

const requestFields = {
  partnerId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  field: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' }),
  type: z.enum(REQUEST_TYPES),
  matters: z.array(z.enum(REQUEST_MATTERS)).max(REQUEST_MATTERS.length).default([]),
  title: shortText(120),
  description: z.string().trim().min(10).max(2000),
  place: z.string().trim().max(200).nullable().optional(),
  /** Where the guide meets the person, and whom to ask there: shown to guides in the offer. */
  meetingPoint: z.string().trim().max(300).nullable().optional(),
  onSiteContact: z.string().trim().max(300).nullable().optional(),
  districtId: z.uuid(),
  /** Tandems, small groups and district projects need more than one guide: the first N acceptances win. */
  guidesNeeded: z.number().int().min(1).max(10).default(1),
  /** A specialisation (Spezialisierungsmodul) the request asks for, e.g. Elternlotse: counts in the matching. */
  specialization: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' })
    .nullable()
    .optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  frequency: z.enum(FREQUENCIES),
  expectedHours: z.number().min(0.5).max(500),
  slots: z.array(slot).max(14).default([]),
  languages: z.array(languageCode).max(5).default([]),
  preferredGender: z.enum(GENDERS).nullable().optional(),
  urgency: z.enum(URGENCIES).default('normal'),
  minorsInvolved: z.boolean(),
  person: personInput,
  notes: z.string().trim().max(2000).nullable().optional(),
};

export const requestCreateInput = z
  .strictObject(requestFields)
  .refine((r) => !r.endsOn || r.endsOn >= r.startsOn, { message: 'validation.endBeforeStart', path: ['endsOn'] })
  .refine((r) => r.person.household === 'family' || r.person.householdSize === 1, {
    message: 'validation.householdSize',
    path: ['person', 'householdSize'],
  })
  .refine((r) => r.person.household !== 'family' || r.person.householdSize >= 2, {
    message: 'validation.familySize',
    path: ['person', 'householdSize'],
  });
export type RequestCreateInput = z.input<typeof requestCreateInput>;

/** A partner contact files for their own organisation: partnerId comes from the account. Same rules as above. */
export const partnerRequestCreateInput = z
  .strictObject({ ...requestFields, partnerId: z.uuid().optional() })
  .refine((r) => !r.endsOn || r.endsOn >= r.startsOn, { message: 'validation.endBeforeStart', path: ['endsOn'] })
  .refine((r) => r.person.household === 'family' || r.person.householdSize === 1, {
    message: 'validation.householdSize',
    path: ['person', 'householdSize'],
  })
  .refine((r) => r.person.household !== 'family' || r.person.householdSize >= 2, {
    message: 'validation.familySize',
    path: ['person', 'householdSize'],
  });

export const requestPatchInput = z
  .strictObject({
    title: requestFields.title,
    description: requestFields.description,
    field: requestFields.field,
    type: requestFields.type,
    matters: z.array(z.enum(REQUEST_MATTERS)).max(REQUEST_MATTERS.length),
    place: requestFields.place,
    meetingPoint: requestFields.meetingPoint,
    onSiteContact: requestFields.onSiteContact,
    districtId: requestFields.districtId,
    guidesNeeded: z.number().int().min(1).max(10),
    specialization: requestFields.specialization,
    startsOn: requestFields.startsOn,
    endsOn: requestFields.endsOn,
    frequency: requestFields.frequency,
    expectedHours: requestFields.expectedHours,
    slots: z.array(slot).max(14),
    languages: z.array(languageCode).max(5),
    preferredGender: requestFields.preferredGender,
    urgency: z.enum(URGENCIES),
    minorsInvolved: requestFields.minorsInvolved,
    notes: requestFields.notes,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'validation.emptyPatch' });

export const requestTransitionInput = z.strictObject({
  status: z.enum(['in_review', 'no_match', 'cancelled']),
  /** Required for no_match and cancelled. */
  reason: z.string().trim().max(1000).optional(),
});

export const requestMessageInput = z.strictObject({ message: z.string().trim().min(1).max(2000) });

export const outOfScopeFindingSchema = z.object({
  matter: z.enum(REQUEST_MATTERS),
  source: z.enum(['matter', 'field_type', 'keyword']),
  keyword: z.string().optional(),
});

export const requestEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  message: z.string().nullable(),
  actorName: z.string().nullable(),
  at: isoDateTimeOut,
});

/** What the caller may do with a request (requests/policy.ts). */
export const requestAbilities = z.object({
  update: z.boolean(),
  review: z.boolean(),
  cancel: z.boolean(),
  message: z.boolean(),
  match: z.boolean(),
});
export type RequestAbilities = z.infer<typeof requestAbilities>;

export const requestSchema = z.object({
  id: z.uuid(),
  /** Null for a request from the public "ask for help" form (origin 'public'): no partner filed it. */
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  origin: z.enum(REQUEST_ORIGINS),
  contactId: z.uuid().nullable(),
  field: z.string(),
  type: z.enum(REQUEST_TYPES),
  matters: z.array(z.enum(REQUEST_MATTERS)),
  title: z.string(),
  description: z.string(),
  place: z.string().nullable(),
  meetingPoint: z.string().nullable(),
  onSiteContact: z.string().nullable(),
  districtId: z.uuid(),
  guidesNeeded: z.number().int(),
  specialization: z.string().nullable(),
  /** The request's deployments (one per guide who accepted), oldest first. */
  assignmentIds: z.array(z.uuid()),
  startsOn: isoDateOut,
  endsOn: isoDateOut.nullable(),
  frequency: z.enum(FREQUENCIES),
  expectedHours: z.number(),
  slots: z.array(z.object({ weekday: z.number(), from: z.string(), to: z.string() })),
  languages: z.array(z.string()),
  preferredGender: z.enum(GENDERS).nullable(),
  urgency: z.enum(URGENCIES),
  minorsInvolved: z.boolean(),
  person: z.object({
    initials: z.string(),
    ageGroup: z.enum(AGE_GROUPS),
    languages: z.array(z.string()),
    household: z.enum(HOUSEHOLD_TYPES),
    householdSize: z.number().int(),
    consentGiven: z.boolean(),
    consentVersion: z.string().nullable(),
    consentLanguage: z.string().nullable(),
  }),
  notes: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: isoDateTimeOut,
  createdAt: isoDateTimeOut,
  outOfScope: z.array(outOfScopeFindingSchema),
  suggestedServices: z.array(
    z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), url: z.string().nullable() }),
  ),
  sensitiveTextWarnings: z.array(z.enum(['health', 'religion', 'residence'])),
  abilities: requestAbilities,
});
export type RequestView = z.infer<typeof requestSchema>;

/** How to reach the person who asked through the public form: coordinators of the office only, else null. */
export const requestContactSchema = z.object({
  name: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  value: z.string(),
  locale: z.string(),
});
export type RequestContactView = z.infer<typeof requestContactSchema>;

export const requestDetailSchema = requestSchema.extend({
  timeline: z.array(requestEventSchema),
  publicContact: requestContactSchema.nullable(),
});

export const requestListQuery = z.strictObject({
  status: z
    .string()
    .max(200)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REQUEST_STATUSES)))
    .optional(),
  partnerId: z.uuid().optional(),
  urgency: z.enum(URGENCIES).optional(),
  ...pagination,
});
