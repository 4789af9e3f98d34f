/** Web Push subscriptions (issue 14 §2): the contract of server, OpenAPI and SPA. */
import { z } from 'zod';
import { isoDateTimeOut } from './common.js';
import type { NotificationKind } from './notifications.js';

/**
 * The kinds that may reach a device by push: new offers and reminders. A notification is pushed only when the user
 * wants it at once (their channel for the kind is 'immediate', by choice or by default); 'digest' and 'off' mean no
 * push. The notification centre has every notification either way.
 */
export const PUSH_KINDS: readonly NotificationKind[] = [
  'offer_new',
  'offer_unanswered',
  'agreement_unconfirmed',
  'review_due',
  'background_check_due',
  'time_sheet_due',
  'event_tomorrow',
  'course_session_tomorrow',
];

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, { message: 'validation.base64url' });

/** What `PushSubscription.toJSON()` gives in the browser (expirationTime is ignored), plus a label of the device. */
export const pushSubscriptionInput = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  // Milliseconds since 1970 up to the year 2100 (ignored, but a plausible date like every other date input).
  expirationTime: z.number().int().min(0).max(4_102_444_800_000).nullable().optional(),
  keys: z.strictObject({ p256dh: base64url(200), auth: base64url(100) }),
  deviceLabel: z.string().trim().max(80).nullable().optional(),
});

/** The owner's view of a subscription: never the endpoint or the keys. */
export const pushSubscriptionSchema = z.object({
  id: z.uuid(),
  /** SHA-256 of the endpoint (hex), for the SPA to recognise this device. */
  endpointHash: z.string(),
  deviceLabel: z.string().nullable(),
  createdAt: isoDateTimeOut,
  lastSuccessAt: isoDateTimeOut.nullable(),
  lastFailureAt: isoDateTimeOut.nullable(),
});
export type PushSubscriptionView = z.infer<typeof pushSubscriptionSchema>;

export const pushSubscriptionListSchema = z.object({
  /** False when the server has no VAPID keys: push is off and the page says so. */
  enabled: z.boolean(),
  /** The VAPID public key (base64url) for `pushManager.subscribe`; null when push is off. */
  publicKey: z.string().nullable(),
  items: z.array(pushSubscriptionSchema),
  total: z.number().int(),
});
