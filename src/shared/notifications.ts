/** In-app notifications and their mail preferences (issue 12 §4): the contract shared by server, OpenAPI and SPA. */

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
