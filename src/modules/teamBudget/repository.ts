import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { teamBudgetAllocations } from '../../db/schema/index.js';
import { rowsOf } from '../matching/repository.js';

/** The team budget's shares and what each guide used: one SQL aggregation each, NULL-safe sums. */
export const teamBudgetRepository = {
  shares: (tx: Tx, officeId: string, year: number) =>
    tx
      .select({ guideId: teamBudgetAllocations.guideId, hours: teamBudgetAllocations.hours })
      .from(teamBudgetAllocations)
      .where(and(eq(teamBudgetAllocations.officeId, officeId), eq(teamBudgetAllocations.year, year))),

  /** Serialises moves of one office and year (two coordinators moving at once cannot both pass the budget). */
  lockYear: (tx: Tx, officeId: string, year: number) =>
    tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`team-budget ${officeId} ${year}`}))`),

  setShare: (tx: Tx, row: { officeId: string; guideId: string; year: number; hours: number; at: Date }) =>
    tx
      .insert(teamBudgetAllocations)
      .values({ officeId: row.officeId, guideId: row.guideId, year: row.year, hours: row.hours, updatedAt: row.at })
      .onConflictDoUpdate({
        target: [teamBudgetAllocations.guideId, teamBudgetAllocations.year],
        set: { hours: row.hours, updatedAt: row.at },
      }),

  /** Paid minutes per guide in a year that count towards caps (the same rule as timesheets' countedByMonth). */
  async usedByGuide(tx: Tx, officeId: string, year: number, capKeys: readonly string[]): Promise<Map<string, number>> {
    const keys = `{${capKeys.join(',')}}`;
    const all = capKeys.length === 0;
    const result = await tx.execute(sql`
      select guide_id, coalesce(sum(minutes), 0)::int as minutes from (
        select e.guide_id, e.minutes from hour_entries e join hour_categories c on c.id = e.category_id
         where e.office_id = ${officeId} and extract(year from e.date) = ${year} and e.unpaid is not true
           and (${all} or c.key = any(${keys}::text[]))
        union all
        select a.guide_id, a.minutes from activities a
         where a.office_id = ${officeId} and extract(year from a.date) = ${year}
           and (${all} or 'deployment' = any(${keys}::text[]))
      ) x group by guide_id`);
    return new Map(rowsOf<{ guide_id: string; minutes: number }>(result).map((r) => [r.guide_id, Number(r.minutes)]));
  },
};
