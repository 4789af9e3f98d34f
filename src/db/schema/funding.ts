/** Funding programmes (issue 13 §3): a Land or regional programme funds several offices; its funders see aggregates. */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';

/**
 * A programme has no `office_id`: it spans offices, so row-level security does not apply to it. It is read and
 * written in the system scope only, behind the platform-admin and funder policies (modules/land).
 */
export const fundingPrograms = pgTable(
  'funding_programmes',
  {
    id: id(),
    name: text('name').notNull(),
    /** The Land or region that funds it, e.g. "Niedersachsen" or "Region Hannover". */
    region: text('region').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('funding_programmes_region_idx').on(t.region)],
);
