import { z } from 'zod';
import { isoDate, isoDateOut, isoDateTimeOut, pagination, shortText } from './common.js';
import { LOCALES } from './enums.js';
import { FREQUENCIES } from './requests.js';

export const ASSIGNMENT_STATUSES = ['pending_agreement', 'active', 'closed'] as const;
export const STEP_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const OUTCOMES = ['goal_reached', 'referred', 'ended_early'] as const;
export const ACTIVITY_TYPES = [
  'accompaniment',
  'language_mediation',
  'orientation',
  'phone',
  'preparation',
  'other',
] as const;

export const DEFAULT_BOUNDARIES_TEXT =
  'Die Lotsin / der Lotse gibt keine Rechts-, Steuer-, Schulden- oder medizinische Beratung und übernimmt keine ' +
  'Geldgeschäfte (kein Bargeld, keine Vollmachten über Konten). Wo fachliche Beratung nötig ist, verweist sie/er auf ' +
  'die Regeldienste und Beratungsstellen. Die Begleitung ist Hilfe zur Selbsthilfe.';
export const DEFAULT_CONFIDENTIALITY_TEXT =
  'Alle Beteiligten behandeln persönliche Informationen, die sie im Rahmen der Begleitung erfahren, vertraulich. ' +
  'Die Verschwiegenheit gilt auch nach dem Ende der Vereinbarung.';

const step = z.strictObject({ title: shortText(200), status: z.enum(STEP_STATUSES).default('open') });

export const agreementInput = z
  .strictObject({
    goal: z.string().trim().min(5).max(1000),
    steps: z.array(step).min(1).max(20),
    startsOn: isoDate,
    endsOn: isoDate,
    frequency: z.enum(FREQUENCIES),
    contactChannels: z.string().trim().max(500),
    boundaries: z.string().trim().min(20).max(3000).optional(),
    confidentiality: z.string().trim().min(20).max(3000).optional(),
    reviewOn: isoDate.optional(),
  })
  .refine((a) => a.endsOn >= a.startsOn, { message: 'validation.endBeforeStart', path: ['endsOn'] });

/**
 * Any change makes a new version that needs both confirmations again (a confirmed version never changes); an
 * unconfirmed draft is edited in place. `changeNote` says why, for the version history and the PDF.
 */
export const agreementPatchInput = z
  .strictObject({
    goal: z.string().trim().min(5).max(1000),
    steps: z.array(step).min(1).max(20),
    contactChannels: z.string().trim().max(500),
    startsOn: isoDate,
    endsOn: isoDate,
    frequency: z.enum(FREQUENCIES),
    reviewOn: isoDate,
    changeNote: z.string().trim().min(3).max(500),
  })
  .partial()
  .refine((p) => Object.keys(p).some((k) => k !== 'changeNote'), { message: 'validation.emptyPatch' });

export const agreementExtendInput = z.strictObject({ endsOn: isoDate, reason: z.string().trim().min(3).max(1000) });

/** Confirming names the version the person read: a newer version in between is refused, never confirmed blindly. */
export const agreementConfirmInput = z.strictObject({ version: z.number().int().min(1).max(10_000) });

export const agreementPdfQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(10_000).optional(),
  /** The language of the printed texts; default: the reader's own. */
  lang: z.enum(LOCALES).optional(),
});

export const agreementSchema = z.object({
  id: z.uuid(),
  goal: z.string(),
  steps: z.array(z.object({ title: z.string(), status: z.enum(STEP_STATUSES) })),
  startsOn: isoDateOut,
  endsOn: isoDateOut,
  frequency: z.enum(FREQUENCIES),
  contactChannels: z.string(),
  boundaries: z.string(),
  confidentiality: z.string(),
  reviewOn: isoDateOut,
  insurance: z.string(),
  guideConfirmedAt: isoDateTimeOut.nullable(),
  guideConfirmedBy: z.string().nullable(),
  partnerConfirmedAt: isoDateTimeOut.nullable(),
  partnerConfirmedBy: z.string().nullable(),
  extensions: z.array(
    z.object({ from: isoDateOut, to: isoDateOut, reason: z.string(), at: isoDateTimeOut, by: z.string() }),
  ),
  version: z.number().int(),
  changeNote: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTimeOut,
  supersededAt: isoDateTimeOut.nullable(),
});

const activityFields = {
  date: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' }),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' }),
  type: z.enum(ACTIVITY_TYPES),
  km: z.number().min(0).max(1000),
  expensesCents: z.number().int().min(0).max(100_000),
  note: z.string().trim().max(500).nullable(),
};

export const activityInput = z
  .strictObject({
    ...activityFields,
    km: activityFields.km.default(0),
    expensesCents: activityFields.expensesCents.default(0),
    note: activityFields.note.optional(),
  })
  .refine((a) => a.startTime < a.endTime, { message: 'validation.slotEndsBeforeStart', path: ['endTime'] });

/** A correction before approval: the fields that change. The merged entry is checked like a new one. */
export const activityPatchInput = z
  .strictObject(activityFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'validation.emptyPatch' });

export const activityParams = z.strictObject({ id: z.uuid(), activityId: z.uuid() });

/** Approving locks entries as evidence; without ids, every open entry of the deployment up to today. */
export const activityApproveInput = z.strictObject({ activityIds: z.array(z.uuid()).min(1).max(500).optional() });

/** What the caller may do with an activity entry (assignments/policy.ts). */
export const activityAbilities = z.object({ update: z.boolean(), delete: z.boolean(), approve: z.boolean() });
export type ActivityAbilities = z.infer<typeof activityAbilities>;

export const activitySchema = z.object({
  id: z.uuid(),
  date: isoDateOut,
  startTime: z.string(),
  endTime: z.string(),
  minutes: z.number().int(),
  type: z.enum(ACTIVITY_TYPES),
  km: z.number(),
  expensesCents: z.number().int(),
  note: z.string().nullable(),
  createdAt: isoDateTimeOut,
  updatedAt: isoDateTimeOut,
  approvedAt: isoDateTimeOut.nullable(),
  abilities: activityAbilities,
});

export const closeInput = z
  .strictObject({
    outcome: z.enum(OUTCOMES),
    referredServiceId: z.uuid().nullable().optional(),
    referredTo: z.string().trim().max(200).nullable().optional(),
    endedEarlyReason: z.string().trim().max(1000).nullable().optional(),
    guideFeedback: z.string().trim().max(2000).nullable().optional(),
    partnerFeedback: z.string().trim().max(2000).nullable().optional(),
    /** The coordinator confirms closing although the partner never confirmed the agreement (recorded). */
    acknowledgeUnconfirmed: z.boolean().optional(),
  })
  .refine((c) => c.outcome !== 'referred' || Boolean(c.referredServiceId || c.referredTo), {
    message: 'validation.referralRequired',
    path: ['referredTo'],
  })
  .refine((c) => c.outcome !== 'ended_early' || Boolean(c.endedEarlyReason), {
    message: 'validation.reasonRequired',
    path: ['endedEarlyReason'],
  });

export const feedbackInput = z.strictObject({ feedback: z.string().trim().min(1).max(2000) });

/** What the caller may do with a deployment (assignments/policy.ts). */
export const assignmentAbilities = z.object({
  editAgreement: z.boolean(),
  confirm: z.boolean(),
  logActivity: z.boolean(),
  approveActivities: z.boolean(),
  close: z.boolean(),
  feedback: z.boolean(),
});
export type AssignmentAbilities = z.infer<typeof assignmentAbilities>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestTitle: z.string(),
  guideId: z.uuid(),
  /** The full name; partner contacts see the first name only. */
  guideName: z.string(),
  /** What the guide agreed to share with the partner for this running deployment, else null. */
  guideContact: z.object({ firstName: z.string(), channel: z.enum(['phone', 'email']), value: z.string() }).nullable(),
  /** Null when the request came from the public "ask for help" form: there is no partner. */
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  startedAt: isoDateTimeOut,
  closedAt: isoDateTimeOut.nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  referredTo: z.string().nullable(),
  endedEarlyReason: z.string().nullable(),
  guideFeedback: z.string().nullable(),
  partnerFeedback: z.string().nullable(),
  agreement: agreementSchema.nullable(),
  totals: z.object({
    activities: z.number().int(),
    minutes: z.number().int(),
    km: z.number(),
    expensesCents: z.number().int(),
  }),
  abilities: assignmentAbilities,
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentListQuery = z.strictObject({
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  guideId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  ...pagination,
});

/** A period for totals and exports: inclusive dates; both optional. */
export const activityTotalsQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), guideId: z.uuid().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'validation.endBeforeStart', path: ['to'] });

export const activityTotalSchema = z.object({
  guideId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  activities: z.number().int(),
  deployments: z.number().int(),
  minutes: z.number().int(),
  km: z.number(),
  expensesCents: z.number().int(),
});
