/** The append-only audit log. */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { offices } from './offices.js';

/** Append-only: the application role has INSERT and SELECT only (see security.ts). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    /** Null for platform-level events (offices, platform admins). */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    /** How the actor acted when it was not a signed-in session: 'email_link', 'system'. */
    via: text('via'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_office_at_idx').on(t.officeId, t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);
