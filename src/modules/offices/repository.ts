import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { fieldsOfAction, guides, offices, sessions, specializations, users } from '../../db/schema/index.js';
import { slugify } from '../../domain/slug.js';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_SPECIALIZATIONS } from '../../shared/reference-data.js';
import { ensureDefaultHourCategories } from '../timesheets/repository.js';

export const officeRepository = {
  /**
   * Counts per office as correlated subqueries. The outer column is written out (`offices.id`): an interpolated
   * column renders unqualified here, and inside the subquery it would then mean the inner table's own id.
   */
  async listWithCounts(tx: Tx) {
    return tx
      .select({
        office: offices,
        guideCount: sql<number>`(select count(*)::int from guides g where g.office_id = offices.id)`,
        userCount: sql<number>`(select count(*)::int from users u where u.office_id = offices.id)`,
        coordinatorCount: sql<number>`(select count(*)::int from users u where u.office_id = offices.id and u.role = 'coordinator')`,
      })
      .from(offices)
      .orderBy(asc(offices.name));
  },
  findById: async (tx: Tx, id: string) => (await tx.select().from(offices).where(eq(offices.id, id)))[0],
  counts: async (tx: Tx, id: string) => {
    const [[g], [u], [c]] = await inOrder(
      () => tx.select({ n: count() }).from(guides).where(eq(guides.officeId, id)),
      () => tx.select({ n: count() }).from(users).where(eq(users.officeId, id)),
      () =>
        tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.officeId, id), eq(users.role, 'coordinator'))),
    );
    return { guideCount: g.n, userCount: u.n, coordinatorCount: c.n };
  },
  coordinators: (tx: Tx, officeId: string) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.officeId, officeId), eq(users.role, 'coordinator')))
      .orderBy(asc(users.displayName)),
  setDeactivated: async (tx: Tx, id: string, at: Date | null) =>
    (await tx.update(offices).set({ deactivatedAt: at }).where(eq(offices.id, id)).returning())[0],
  /** Ends every session of the office's accounts: a deactivated office signs everyone out at once. */
  endSessions: (tx: Tx, officeId: string) =>
    tx.delete(sessions).where(sql`${sessions.userId} in (select id from users where office_id = ${officeId})`),
  /** A new office starts with the default fields of action and specialisations from domain.md. */
  async insertWithDefaults(tx: Tx, values: { name: string; city: string }) {
    // The public form's address (recruitment): from the name, with a suffix when another office has it already.
    const base = slugify(values.name);
    const taken = await tx.select({ id: offices.id }).from(offices).where(eq(offices.slug, base)).limit(1);
    const slug = taken.length ? `${base}-${randomBytes(3).toString('hex')}` : base;
    const [office] = await tx
      .insert(offices)
      .values({ ...values, slug })
      .returning();
    await tx
      .insert(fieldsOfAction)
      .values(DEFAULT_FIELDS_OF_ACTION.map((f, i) => ({ ...f, officeId: office.id, position: i })));
    await tx
      .insert(specializations)
      .values(DEFAULT_SPECIALIZATIONS.map((s, i) => ({ ...s, officeId: office.id, position: i })));
    await ensureDefaultHourCategories(tx, office.id);
    return office;
  },
  update: async (tx: Tx, id: string, values: { name?: string; city?: string }) =>
    (await tx.update(offices).set(values).where(eq(offices.id, id)).returning())[0],
};
