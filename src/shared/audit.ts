import { z } from 'zod';
import { isoDateTimeOut, pagination } from './common.js';

export const auditEventSchema = z.object({
  id: z.uuid(),
  at: isoDateTimeOut,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Changed field names with old and new values; personal free text is never copied here. */
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export const auditListQuery = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  ...pagination,
});

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'stored'] as const;
export const REMINDER_KINDS = [
  'review_due',
  'background_check_due',
  'agreement_unconfirmed',
  'offer_unanswered',
] as const;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  /** Why the last delivery attempt failed (no secrets); null when it did not fail. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: isoDateTimeOut,
  sentAt: isoDateTimeOut.nullable(),
});
export const outboxListQuery = z.strictObject({ to: z.string().max(254).optional(), ...pagination });
