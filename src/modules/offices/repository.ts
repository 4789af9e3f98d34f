import { asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { fieldsOfAction, guides, offices, specializations, users } from '../../db/schema/index.js';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_SPECIALIZATIONS } from '../../shared/reference-data.js';

export const officeRepository = {
  async listWithCounts(tx: Tx) {
    return tx
      .select({
        office: offices,
        guideCount: sql<number>`(select count(*)::int from ${guides} where ${guides.officeId} = ${offices.id})`,
        userCount: sql<number>`(select count(*)::int from ${users} where ${users.officeId} = ${offices.id})`,
      })
      .from(offices)
      .orderBy(asc(offices.name));
  },
  findById: async (tx: Tx, id: string) => (await tx.select().from(offices).where(eq(offices.id, id)))[0],
  counts: async (tx: Tx, id: string) => {
    const [[g], [u]] = await inOrder(
      () => tx.select({ n: count() }).from(guides).where(eq(guides.officeId, id)),
      () => tx.select({ n: count() }).from(users).where(eq(users.officeId, id)),
    );
    return { guideCount: g.n, userCount: u.n };
  },
  /** A new office starts with the default fields of action and specialisations from domain.md. */
  async insertWithDefaults(tx: Tx, values: { name: string; city: string }) {
    const [office] = await tx.insert(offices).values(values).returning();
    await tx
      .insert(fieldsOfAction)
      .values(DEFAULT_FIELDS_OF_ACTION.map((f, i) => ({ ...f, officeId: office.id, position: i })));
    await tx
      .insert(specializations)
      .values(DEFAULT_SPECIALIZATIONS.map((s, i) => ({ ...s, officeId: office.id, position: i })));
    return office;
  },
  update: async (tx: Tx, id: string, values: { name?: string; city?: string }) =>
    (await tx.update(offices).set(values).where(eq(offices.id, id)).returning())[0],
};
