/** The mail outbox, the reminders sent, and the runs of scheduled jobs. */

import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES, REMINDER_KINDS } from '../../shared/audit.js';
import { createdAt, id, oneOf } from './columns.js';
import { offices } from './offices.js';

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** The message with every secret (link, token) replaced by a placeholder: what readers of the outbox see. */
    text: text('body_text').notNull(),
    /**
     * The secrets for the placeholders, encrypted with a key that is not in the database (see mail/secrets.ts), so
     * neither outbox readers nor backups can recover a link. Cleared once the message is delivered.
     */
    secretPayload: text('secret_payload'),
    /** Small non-secret attachments (an event's .ics), content base64; null for plain mail. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('stored'),
    /** The last delivery error, without secrets (see mailer.ts `describeMailError`). */
    error: text('error'),
    /** Delivery attempts so far; the queue retries with backoff and marks the message `failed` after the last one. */
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('outbox_status_check', t.status, OUTBOX_STATUSES),
    index('outbox_office_idx').on(t.officeId, t.createdAt),
    // The sweeper looks for queued mail whose job got lost (a crash between commit and enqueue).
    index('outbox_queued_idx').on(t.createdAt).where(sql`status = 'queued'`),
  ],
);

/**
 * One reminder per subject and period: the daily job inserts here first and mails only when the insert is new, so
 * a rerun, a retry or a second instance never sends the same reminder twice.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: id(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    /** The guide, agreement or offer the reminder is about. */
    subjectId: uuid('subject_id').notNull(),
    /** The period the reminder covers (the day for daily reminders, the due date for one-off ones). */
    period: date('period').notNull(),
    sentAt: createdAt(),
  },
  (t) => [
    oneOf('reminders_sent_kind_check', t.kind, REMINDER_KINDS),
    uniqueIndex('reminders_sent_unique').on(t.kind, t.subjectId, t.period),
  ],
);

/** Every run of a scheduled job (which instance, which schedule slot): evidence that each slot runs once. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    job: text('job').notNull(),
    /** The schedule slot (minute) the run belongs to; null for runs started by hand. */
    slot: timestamp('slot', { withTimezone: true }),
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);
