import { and, asc, desc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { guidePauses } from '../../db/schema/index.js';

export type GuidePauseRow = typeof guidePauses.$inferSelect;

export const guidePauseRepository = {
  /** Current and upcoming first (by start), then the past ones, newest first. */
  list: (tx: Tx, guideId: string, today: string) =>
    tx
      .select()
      .from(guidePauses)
      .where(eq(guidePauses.guideId, guideId))
      .orderBy(sql`(${guidePauses.endsOn} < ${today}::date)`, asc(guidePauses.startsOn), desc(guidePauses.id)),

  async find(tx: Tx, guideId: string, id: string) {
    const [row] = await tx
      .select()
      .from(guidePauses)
      .where(and(eq(guidePauses.guideId, guideId), eq(guidePauses.id, id)));
    return row ?? null;
  },

  /** A pause of the same guide that shares a day with the range (both ends inclusive). */
  async overlapping(tx: Tx, guideId: string, range: { startsOn: string; endsOn: string }, exceptId?: string) {
    const [row] = await tx
      .select({ id: guidePauses.id })
      .from(guidePauses)
      .where(
        and(
          eq(guidePauses.guideId, guideId),
          lte(guidePauses.startsOn, range.endsOn),
          gte(guidePauses.endsOn, range.startsOn),
          ...(exceptId ? [ne(guidePauses.id, exceptId)] : []),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async insert(tx: Tx, row: typeof guidePauses.$inferInsert) {
    const [created] = await tx.insert(guidePauses).values(row).returning();
    return created;
  },

  async setEnd(tx: Tx, id: string, endsOn: string) {
    const [row] = await tx.update(guidePauses).set({ endsOn }).where(eq(guidePauses.id, id)).returning();
    return row;
  },

  delete: (tx: Tx, id: string) => tx.delete(guidePauses).where(eq(guidePauses.id, id)),
};
