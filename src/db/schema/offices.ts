/** Coordination offices: the tenant of every other table. */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { fundingPrograms } from './funding.js';

export const offices = pgTable(
  'offices',
  {
    id: id(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    /** The office's address part in public links (the volunteer form: /volunteer/{slug}); derived from the name. */
    slug: text('slug').unique(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** A deactivated office keeps its records; its accounts can no longer sign in. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /**
     * The funding programme that pays for the office's coordination (issue 13 §3). One programme per office, not
     * many-to-many: a Land programme funds the coordination post itself, so an office is in one programme's report at a
     * time, and an office cannot be counted twice in a Land's total.
     */
    programmeId: uuid('programme_id').references(() => fundingPrograms.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('offices_programme_idx').on(t.programmeId)],
);

/** Every office-owned table has this column; row-level security is applied to it automatically (security.ts). */
export const officeId = () =>
  uuid('office_id')
    .notNull()
    .references(() => offices.id, { onDelete: 'cascade' });
