/** In-app notifications and their mail preferences (issue 12 §4): the contract shared by server, OpenAPI and SPA. */
import { z } from 'zod';
import { isoDateTimeOut, pagination } from './common.js';

/**
 * What a notification is about. Each kind has its own mail preference. Kinds in MANDATORY_NOTIFICATION_KINDS cannot
 * be switched off (the law or the guide's own deployment needs them), only moved to the daily digest.
 */
export const NOTIFICATION_KINDS = [
  'offer_new',
  'offer_unanswered',
  'agreement_unconfirmed',
  'review_due',
  'background_check_due',
  'time_sheet_due',
  'event_invitation',
  'event_changed',
  'event_tomorrow',
  'course_session_tomorrow',
  'message_received',
  'message_reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['immediate', 'digest', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Mail about a guide's own offers and deployments may not be switched off (issue 12 §3). */
export const MANDATORY_NOTIFICATION_KINDS: readonly NotificationKind[] = ['offer_new', 'agreement_unconfirmed'];

/**
 * Kinds whose sender already mails the recipient itself (the offer mail with its answer links, the event invitation
 * with its .ics, the broadcast message, the course session reminder): the notification jobs never mail these, so
 * nobody gets the same news twice. Their notification is in-app only; the preference does not apply to them.
 */
export const MAILED_BY_SENDER: readonly NotificationKind[] = [
  'offer_new',
  'event_invitation',
  'message_received',
  'course_session_tomorrow',
];

/**
 * About the user's own offers, deployments and messages: mailed at once unless the user chooses otherwise. Coordinators
 * hear of other people's offers and agreements in their daily digest; only replies to their own messages come at once.
 */
export const IMMEDIATE_BY_DEFAULT: readonly NotificationKind[] = [
  'offer_new',
  'offer_unanswered',
  'agreement_unconfirmed',
  'event_changed',
  'message_received',
  'message_reply',
];

export const COORDINATOR_IMMEDIATE_BY_DEFAULT: readonly NotificationKind[] = ['message_reply'];

export const defaultChannel = (kind: NotificationKind, role: string): NotificationChannel =>
  (role === 'coordinator' ? COORDINATOR_IMMEDIATE_BY_DEFAULT : IMMEDIATE_BY_DEFAULT).includes(kind)
    ? 'immediate'
    : 'digest';

export const NOTIFICATION_ORDERS = ['unread_first', 'newest_first'] as const;

export const notificationListQuery = z.strictObject({
  ...pagination,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(NOTIFICATION_ORDERS).default('unread_first'),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  readAt: isoDateTimeOut.nullable(),
  createdAt: isoDateTimeOut,
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markedSchema = z.object({ marked: z.number().int() });

export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(NOTIFICATION_CHANNELS),
  mandatory: z.boolean(),
  mailedBySender: z.boolean(),
  isDefault: z.boolean(),
});
export const notificationPreferencesSchema = z.object({
  items: z.array(notificationPreferenceSchema),
  total: z.number().int(),
});

export const notificationPreferencesInput = z.strictObject({
  items: z
    .array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(NOTIFICATION_CHANNELS) }))
    .min(1)
    .max(NOTIFICATION_KINDS.length)
    .refine((list) => new Set(list.map((i) => i.kind)).size === list.length, { message: 'validation.duplicate' }),
});
