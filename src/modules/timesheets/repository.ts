import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  activities,
  guideHourProfiles,
  guides,
  hourCategories,
  hourEntries,
  offices,
  programmeRuleSets,
  timeSheets,
} from '../../db/schema/index.js';
import { DEFAULT_HOUR_CATEGORIES } from '../../domain/hours/kinds.js';
import { monthRange } from '../../domain/hours/timesheet.js';
import { rowsOf } from '../matching/repository.js';

export type CategoryRow = typeof hourCategories.$inferSelect;
export type EntryRow = typeof hourEntries.$inferSelect;
export type SheetRow = typeof timeSheets.$inferSelect;
export type RuleSetRow = typeof programmeRuleSets.$inferSelect;

/** The office's default hour categories; several callers (office creation, seed) agree through `on conflict`. */
export async function ensureDefaultHourCategories(tx: Tx, officeId: string) {
  await tx
    .insert(hourCategories)
    .values(
      DEFAULT_HOUR_CATEGORIES.map((c, i) => ({ officeId, key: c.key, label: c.label, kind: c.kind, sortOrder: i })),
    )
    .onConflictDoNothing({ target: [hourCategories.officeId, hourCategories.key] });
}

/** The office's hour categories by key, the defaults created first: what seeds and imports book hours against. */
export async function hourCategoryIdsByKey(tx: Tx, officeId: string): Promise<Map<string, string>> {
  await ensureDefaultHourCategories(tx, officeId);
  const rows = await tx
    .select({ key: hourCategories.key, id: hourCategories.id })
    .from(hourCategories)
    .where(eq(hourCategories.officeId, officeId));
  return new Map(rows.map((c) => [c.key, c.id]));
}

/** Counted minutes: NULL-safe sums (coalesce) over entries and deployment activities. */
export const timesheetRepository = {
  categories: (tx: Tx, officeId: string) =>
    tx
      .select()
      .from(hourCategories)
      .where(eq(hourCategories.officeId, officeId))
      .orderBy(asc(hourCategories.sortOrder), asc(hourCategories.label)),
  category: async (tx: Tx, id: string) =>
    (await tx.select().from(hourCategories).where(eq(hourCategories.id, id)).limit(1))[0],
  insertCategory: async (tx: Tx, row: typeof hourCategories.$inferInsert) =>
    (await tx.insert(hourCategories).values(row).onConflictDoNothing().returning())[0],
  updateCategory: async (tx: Tx, id: string, set: Partial<typeof hourCategories.$inferInsert>) =>
    (await tx.update(hourCategories).set(set).where(eq(hourCategories.id, id)).returning())[0],

  guide: async (tx: Tx, id: string) => (await tx.select().from(guides).where(eq(guides.id, id)).limit(1))[0],
  /** Serialises a guide's hour writes (cap check, submit, approve). */
  lockGuide: (tx: Tx, id: string) => tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id)).for('update'),

  entry: async (tx: Tx, id: string) => (await tx.select().from(hourEntries).where(eq(hourEntries.id, id)).limit(1))[0],
  insertEntry: async (tx: Tx, row: typeof hourEntries.$inferInsert) =>
    (await tx.insert(hourEntries).values(row).returning())[0],
  updateEntry: async (tx: Tx, id: string, set: Partial<typeof hourEntries.$inferInsert>) =>
    (await tx.update(hourEntries).set(set).where(eq(hourEntries.id, id)).returning())[0],
  deleteEntry: (tx: Tx, id: string) => tx.delete(hourEntries).where(eq(hourEntries.id, id)),
  isReversed: async (tx: Tx, id: string) =>
    (await tx.select({ id: hourEntries.id }).from(hourEntries).where(eq(hourEntries.reversesEntryId, id)).limit(1))
      .length > 0,

  async monthEntries(tx: Tx, guideId: string, month: string) {
    const { from, to } = monthRange(month);
    return tx
      .select({
        entry: hourEntries,
        categoryLabel: hourCategories.label,
        categoryTranslations: hourCategories.translations,
        categoryKey: hourCategories.key,
        categoryKind: hourCategories.kind,
        reversed: sql<boolean>`exists (select 1 from hour_entries r where r.reverses_entry_id = ${hourEntries.id})`,
      })
      .from(hourEntries)
      .innerJoin(hourCategories, eq(hourCategories.id, hourEntries.categoryId))
      .where(and(eq(hourEntries.guideId, guideId), sql`${hourEntries.date} between ${from}::date and ${to}::date`))
      .orderBy(asc(hourEntries.date), asc(hourEntries.createdAt));
  },
  async monthActivities(tx: Tx, guideId: string, month: string) {
    const { from, to } = monthRange(month);
    return tx
      .select({
        id: activities.id,
        assignmentId: activities.assignmentId,
        date: activities.date,
        minutes: activities.minutes,
        approvedAt: activities.approvedAt,
      })
      .from(activities)
      .where(and(eq(activities.guideId, guideId), sql`${activities.date} between ${from}::date and ${to}::date`))
      .orderBy(asc(activities.date), asc(activities.startTime));
  },
  async approveActivities(tx: Tx, guideId: string, month: string, userId: string | null, at: Date) {
    const { from, to } = monthRange(month);
    await tx
      .update(activities)
      .set({ approvedAt: at, approvedByUserId: userId })
      .where(
        and(
          eq(activities.guideId, guideId),
          sql`${activities.date} between ${from}::date and ${to}::date`,
          sql`${activities.approvedAt} is null`,
        ),
      );
  },

  /**
   * Minutes per month of a guide's year that count towards the cap: entries not marked unpaid in the counted
   * categories (all when the list is empty) plus deployment activities when the deployment category counts.
   */
  async countedByMonth(
    tx: Tx,
    guideId: string,
    year: number,
    capKeys: readonly string[],
  ): Promise<{ month: string; minutes: number }[]> {
    const keys = `{${capKeys.join(',')}}`;
    const all = capKeys.length === 0;
    const result = await tx.execute(sql`
      select month, coalesce(sum(minutes), 0)::int as minutes from (
        select to_char(e.date, 'YYYY-MM') as month, e.minutes
          from hour_entries e join hour_categories c on c.id = e.category_id
         where e.guide_id = ${guideId} and extract(year from e.date) = ${year} and e.unpaid is not true
           and (${all} or c.key = any(${keys}::text[]))
        union all
        select to_char(a.date, 'YYYY-MM'), a.minutes from activities a
         where a.guide_id = ${guideId} and extract(year from a.date) = ${year}
           and (${all} or 'deployment' = any(${keys}::text[]))
      ) x group by month order by month`);
    return rowsOf<{ month: string; minutes: number }>(result).map((r) => ({
      month: r.month,
      minutes: Number(r.minutes),
    }));
  },

  /** Paid minutes of the whole team in a year that count towards caps (the team budget, Hessen WIR). */
  async teamCounted(tx: Tx, officeId: string, year: number, capKeys: readonly string[]): Promise<number> {
    const keys = `{${capKeys.join(',')}}`;
    const all = capKeys.length === 0;
    const [row] = rowsOf<{ minutes: number }>(
      await tx.execute(sql`
        select coalesce(sum(minutes), 0)::int as minutes from (
          select e.minutes from hour_entries e join hour_categories c on c.id = e.category_id
           where e.office_id = ${officeId} and extract(year from e.date) = ${year} and e.unpaid is not true
             and (${all} or c.key = any(${keys}::text[]))
          union all
          select a.minutes from activities a
           where a.office_id = ${officeId} and extract(year from a.date) = ${year}
             and (${all} or 'deployment' = any(${keys}::text[]))
        ) x`),
    );
    return Number(row?.minutes ?? 0);
  },

  /** The year's minutes in four groupings (per guide, month, category, deployment), one statement each. */
  async totals(tx: Tx, officeId: string, year: number, guideId: string | null) {
    const base = sql`
      select e.guide_id, to_char(e.date, 'YYYY-MM') as month, c.key as category_key, c.label as category_label,
             null::uuid as assignment_id, null::text as assignment_label, e.minutes
        from hour_entries e join hour_categories c on c.id = e.category_id
       where e.office_id = ${officeId} and extract(year from e.date) = ${year}
         and (${guideId}::uuid is null or e.guide_id = ${guideId}::uuid)
      union all
      select a.guide_id, to_char(a.date, 'YYYY-MM'), 'deployment',
             coalesce((select c.label from hour_categories c where c.office_id = a.office_id and c.key = 'deployment'), 'Einsatz'),
             a.assignment_id, r.title, a.minutes
        from activities a join assignments s on s.id = a.assignment_id join requests r on r.id = s.request_id
       where a.office_id = ${officeId} and extract(year from a.date) = ${year}
         and (${guideId}::uuid is null or a.guide_id = ${guideId}::uuid)`;
    const group = async (key: ReturnType<typeof sql>, label: ReturnType<typeof sql>, where = sql`true`) =>
      rowsOf<{ key: string; label: string; minutes: number }>(
        await tx.execute(sql`
          select ${key} as key, ${label} as label, coalesce(sum(t.minutes), 0)::int as minutes
            from (${base}) t left join guides g on g.id = t.guide_id
           where ${where}
           group by 1, 2 order by 2`),
      ).map((r) => ({ key: String(r.key), label: String(r.label), minutes: Number(r.minutes) }));
    return {
      byGuide: await group(sql`t.guide_id::text`, sql`g.last_name || ', ' || g.first_name`),
      byMonth: await group(sql`t.month`, sql`t.month`),
      byCategory: await group(sql`t.category_key`, sql`t.category_label`),
      byDeployment: await group(sql`t.assignment_id::text`, sql`t.assignment_label`, sql`t.assignment_id is not null`),
    };
  },

  sheet: async (tx: Tx, guideId: string, month: string) =>
    (
      await tx
        .select()
        .from(timeSheets)
        .where(and(eq(timeSheets.guideId, guideId), eq(timeSheets.month, month)))
        .limit(1)
    )[0],
  sheetById: async (tx: Tx, id: string) =>
    (await tx.select().from(timeSheets).where(eq(timeSheets.id, id)).limit(1))[0],
  upsertSubmitted: async (tx: Tx, row: typeof timeSheets.$inferInsert) =>
    (
      await tx
        .insert(timeSheets)
        .values(row)
        .onConflictDoUpdate({
          target: [timeSheets.guideId, timeSheets.month],
          set: {
            status: 'submitted',
            submittedAt: row.submittedAt,
            submittedByUserId: row.submittedByUserId,
            updatedAt: row.updatedAt,
          },
        })
        .returning()
    )[0],
  updateSheet: async (tx: Tx, id: string, set: Partial<typeof timeSheets.$inferInsert>) =>
    (await tx.update(timeSheets).set(set).where(eq(timeSheets.id, id)).returning())[0],
  sheetsByStatus: (tx: Tx, officeId: string, status: SheetRow['status']) =>
    tx
      .select({ sheet: timeSheets, firstName: guides.firstName, lastName: guides.lastName })
      .from(timeSheets)
      .innerJoin(guides, eq(guides.id, timeSheets.guideId))
      .where(and(eq(timeSheets.officeId, officeId), eq(timeSheets.status, status)))
      .orderBy(asc(timeSheets.month), asc(guides.lastName)),
  approvedMonths: async (tx: Tx, guideId: string, year: number) =>
    (
      await tx
        .select({ month: timeSheets.month })
        .from(timeSheets)
        .where(
          and(
            eq(timeSheets.guideId, guideId),
            eq(timeSheets.status, 'approved'),
            sql`${timeSheets.month} like ${`${year}-%`}`,
          ),
        )
    ).map((r) => r.month),

  ruleSets: (tx: Tx, officeId: string) =>
    tx
      .select()
      .from(programmeRuleSets)
      .where(eq(programmeRuleSets.officeId, officeId))
      .orderBy(asc(programmeRuleSets.name), asc(programmeRuleSets.validFrom)),
  ruleSet: async (tx: Tx, id: string) =>
    (await tx.select().from(programmeRuleSets).where(eq(programmeRuleSets.id, id)).limit(1))[0],
  updateRuleSet: async (tx: Tx, id: string, set: Partial<typeof programmeRuleSets.$inferInsert>) =>
    (await tx.update(programmeRuleSets).set(set).where(eq(programmeRuleSets.id, id)).returning())[0],
  deleteRuleSet: (tx: Tx, id: string) => tx.delete(programmeRuleSets).where(eq(programmeRuleSets.id, id)),
  /** The office's latest approved time-sheet month (`YYYY-MM`), or null: what rule-set versions must not reach back over. */
  async latestApprovedMonth(tx: Tx, officeId: string): Promise<string | null> {
    const [row] = await tx
      .select({ month: sql<string | null>`max(${timeSheets.month})` })
      .from(timeSheets)
      .where(and(eq(timeSheets.officeId, officeId), eq(timeSheets.status, 'approved')));
    return row?.month ?? null;
  },
  insertRuleSet: async (tx: Tx, row: typeof programmeRuleSets.$inferInsert) =>
    (await tx.insert(programmeRuleSets).values(row).onConflictDoNothing().returning())[0],

  profile: async (tx: Tx, guideId: string) =>
    (await tx.select().from(guideHourProfiles).where(eq(guideHourProfiles.guideId, guideId)).limit(1))[0],
  profiles: (tx: Tx, officeId: string) =>
    tx.select().from(guideHourProfiles).where(eq(guideHourProfiles.officeId, officeId)),
  upsertProfile: async (tx: Tx, row: typeof guideHourProfiles.$inferInsert) =>
    (
      await tx
        .insert(guideHourProfiles)
        .values(row)
        .onConflictDoUpdate({
          target: guideHourProfiles.guideId,
          set: {
            coordinating: row.coordinating,
            benefits: row.benefits,
            taxFreeKind: row.taxFreeKind,
            updatedAt: row.updatedAt,
          },
        })
        .returning()
    )[0],
  activeGuides: (tx: Tx, officeId: string) =>
    tx
      .select({ id: guides.id, firstName: guides.firstName, lastName: guides.lastName })
      .from(guides)
      .where(
        and(
          eq(guides.officeId, officeId),
          sql`${guides.status} in ('active', 'paused')`,
          sql`${guides.anonymisedAt} is null`,
        ),
      )
      .orderBy(asc(guides.lastName), asc(guides.firstName)),

  /** Guides with an approved time sheet in the year, whatever their status now (one who left still gets paid). */
  guidesWithApprovedSheets: (tx: Tx, officeId: string, year: number) =>
    tx
      .selectDistinct({ id: guides.id, firstName: guides.firstName, lastName: guides.lastName })
      .from(guides)
      .innerJoin(timeSheets, eq(timeSheets.guideId, guides.id))
      .where(
        and(
          eq(guides.officeId, officeId),
          eq(timeSheets.status, 'approved'),
          sql`${timeSheets.month} between ${`${year}-01`} and ${`${year}-12`}`,
        ),
      )
      .orderBy(asc(guides.lastName), asc(guides.firstName)),

  officeName: async (tx: Tx, officeId: string) =>
    (await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, officeId)))[0]?.name ?? '',
};
