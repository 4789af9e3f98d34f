/** The mail outbox. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '../../shared/audit.js';
import { createdAt, id, oneOf } from './columns.js';
import { offices } from './offices.js';

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
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('stored'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('outbox_status_check', t.status, OUTBOX_STATUSES),
    index('outbox_office_idx').on(t.officeId, t.createdAt),
  ],
);
