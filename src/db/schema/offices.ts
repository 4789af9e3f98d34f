/** Coordination offices: the tenant of every other table. */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';

export const offices = pgTable('offices', {
  id: id(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  /** The office's address part in public links (the volunteer form: /volunteer/{slug}); derived from the name. */
  slug: text('slug').unique(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** A deactivated office keeps its records; its accounts can no longer sign in. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Every office-owned table has this column; row-level security is applied to it automatically (security.ts). */
export const officeId = () =>
  uuid('office_id')
    .notNull()
    .references(() => offices.id, { onDelete: 'cascade' });
