/**
 * Idempotency keys (issue 14 §2): a phone that sends a queued entry again after a lost answer gets the first answer
 * back instead of a second entry. One row per office, user and key; the key is the client's UUID, made when the
 * entry was typed. Only the hash of the request is kept (not its body), and the answer of a successful request.
 * Rows older than IDEMPOTENCY_KEY_TTL_DAYS are deleted by the daily retention job.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { createdAt } from './columns.js';
import { offices } from './offices.js';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: uuid('key').notNull(),
    /** SHA-256 of method, route and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still being handled. */
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.userId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
