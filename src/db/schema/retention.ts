/** Retention: legal holds that keep a record past its retention date, with the reason a coordinator gave. */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { RETENTION_ENTITY_TYPES, RETENTION_RULES } from '../../shared/retention.js';
import { id, oneOf } from './columns.js';
import { officeId } from './offices.js';

/**
 * A record under a legal hold is skipped by the retention job for the rule it names. A hold is released, never
 * deleted: the row stays as evidence of why a record outlived its retention date (the audit log has it too).
 */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    id: id(),
    officeId: officeId(),
    entityType: text('entity_type', { enum: RETENTION_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id').notNull(),
    rule: text('rule', { enum: RETENTION_RULES }).notNull(),
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedByUserId: uuid('released_by_user_id'),
  },
  (t) => [
    oneOf('retention_holds_entity_type_check', t.entityType, RETENTION_ENTITY_TYPES),
    oneOf('retention_holds_rule_check', t.rule, RETENTION_RULES),
    // One active hold per record and rule; released holds stay as history.
    uniqueIndex('retention_holds_active_unique').on(t.entityId, t.rule).where(sql`released_at is null`),
    index('retention_holds_office_idx').on(t.officeId),
  ],
);
