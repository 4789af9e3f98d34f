/** Rights of the data subject: the previous values of corrected personal data (Art. 16 DS-GVO). */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditEvents } from './audit.js';
import { id } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';

/**
 * A correction of a guide's personal data keeps the old values here, not in the audit log: the audit event names
 * the fields only, and the audit page alone joins the old values back. Unlike the append-only log, these rows go
 * with the guide (cascade) or with an anonymisation, so a corrected name does not outlive an erasure.
 */
export const guideCorrections = pgTable(
  'guide_corrections',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    auditEventId: uuid('audit_event_id')
      .notNull()
      .references(() => auditEvents.id, { onDelete: 'cascade' }),
    /** Field name → the value before the correction. */
    previous: jsonb('previous').$type<Record<string, unknown>>().notNull(),
    correctedByName: text('corrected_by_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guide_corrections_guide_idx').on(t.guideId), index('guide_corrections_event_idx').on(t.auditEventId)],
);
