import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { directoryEntries, fieldsOfAction, offices } from '../../db/schema/index.js';
import { DIRECTORY_COUNT_STEP, DIRECTORY_MIN_GUIDES } from '../../shared/directory.js';

export type DirectoryEntryRow = typeof directoryEntries.$inferSelect;
export type DirectoryEntryInsert = typeof directoryEntries.$inferInsert;

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

export const directoryRepository = {
  entry: async (tx: Tx, officeId: string) =>
    (await tx.select().from(directoryEntries).where(eq(directoryEntries.officeId, officeId)).limit(1))[0],

  save: (tx: Tx, row: DirectoryEntryInsert) => {
    const { officeId, ...rest } = row;
    return tx
      .insert(directoryEntries)
      .values(row)
      .onConflictDoUpdate({ target: directoryEntries.officeId, set: { ...rest, updatedAt: sql`now()` } });
  },

  officeSlug: async (tx: Tx, officeId: string) =>
    (await tx.select({ slug: offices.slug }).from(offices).where(eq(offices.id, officeId)).limit(1))[0]?.slug ?? null,

  fields: (tx: Tx, officeIds: string[]) =>
    officeIds.length === 0
      ? Promise.resolve([])
      : tx
          .select({
            officeId: fieldsOfAction.officeId,
            key: fieldsOfAction.key,
            name: fieldsOfAction.name,
            translations: fieldsOfAction.translations,
          })
          .from(fieldsOfAction)
          .where(inArray(fieldsOfAction.officeId, officeIds))
          .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name)),

  /**
   * The opted-in offices (all of them, or the one with `slug`): active, with a public address. Read in the system
   * scope by the public routes; the `listed` condition is the whole of the opt-in.
   */
  listed: (tx: Tx, slug?: string) =>
    tx
      .select({
        officeId: offices.id,
        slug: offices.slug,
        name: offices.name,
        city: offices.city,
        entry: directoryEntries,
      })
      .from(directoryEntries)
      .innerJoin(offices, eq(offices.id, directoryEntries.officeId))
      .where(
        and(
          eq(directoryEntries.listed, true),
          isNull(offices.deactivatedAt),
          isNotNull(offices.slug),
          slug === undefined ? undefined : eq(offices.slug, slug),
        ),
      )
      .orderBy(asc(offices.name)),

  /**
   * The languages the active guides of these offices speak, counted in the database: only languages with at least
   * DIRECTORY_MIN_GUIDES guides, each count rounded to DIRECTORY_COUNT_STEP (never below one step). The raw count
   * never leaves the query, so neither the answer nor its order tells a single guide apart.
   */
  async languageCounts(tx: Tx, officeIds: string[]) {
    if (officeIds.length === 0) return [];
    const step = DIRECTORY_COUNT_STEP;
    const result = await tx.execute(sql`
      select office_id as "officeId", code, approx as "approxGuides"
      from (
        select g.office_id, l.code,
               (greatest(1, round(count(*)::numeric / ${step})) * ${step})::int as approx
        from guides g
        cross join lateral unnest(g.language_codes) as l(code)
        where g.office_id = any(${sql.param(officeIds)}::uuid[])
          and g.status = 'active'
          and g.anonymised_at is null
        group by g.office_id, l.code
        having count(*) >= ${DIRECTORY_MIN_GUIDES}
      ) counted
      order by approx desc, code`);
    return rowsOf<{ officeId: string; code: string; approxGuides: number }>(result);
  },
};
