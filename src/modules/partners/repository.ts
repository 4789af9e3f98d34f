import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { partnerContacts, partners, users } from '../../db/schema/index.js';

export type PartnerRow = typeof partners.$inferSelect;

export const partnerRepository = {
  async list(
    tx: Tx,
    officeId: string,
    q: { q?: string; type?: string; districtId?: string; limit: number; offset: number },
  ) {
    const conditions: SQL[] = [eq(partners.officeId, officeId)];
    if (q.q) conditions.push(ilike(partners.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    if (q.type) conditions.push(eq(partners.type, q.type));
    if (q.districtId) conditions.push(eq(partners.districtId, q.districtId));
    const where = and(...conditions);
    const [items, [{ total }]] = await inOrder(
      () =>
        tx
          .select()
          .from(partners)
          .where(where)
          .orderBy(asc(partners.name), asc(partners.id))
          .limit(q.limit)
          .offset(q.offset),
      () => tx.select({ total: count() }).from(partners).where(where),
    );
    return { items, total };
  },
  findById: async (tx: Tx, id: string) => (await tx.select().from(partners).where(eq(partners.id, id)))[0],
  insert: async (tx: Tx, row: typeof partners.$inferInsert) => (await tx.insert(partners).values(row).returning())[0],
  update: async (tx: Tx, id: string, values: Partial<typeof partners.$inferInsert>) =>
    (await tx.update(partners).set(values).where(eq(partners.id, id)).returning())[0],

  async contactsOf(tx: Tx, partnerIds: string[]) {
    if (partnerIds.length === 0) return [];
    return tx
      .select({ contact: partnerContacts, userDisabledAt: users.disabledAt, userHasPassword: users.passwordHash })
      .from(partnerContacts)
      .leftJoin(users, eq(users.id, partnerContacts.userId))
      .where(inArray(partnerContacts.partnerId, partnerIds))
      .orderBy(asc(partnerContacts.name));
  },
  insertContact: async (tx: Tx, row: typeof partnerContacts.$inferInsert) =>
    (await tx.insert(partnerContacts).values(row).returning())[0],
  linkContactUser: (tx: Tx, contactId: string, userId: string) =>
    tx.update(partnerContacts).set({ userId }).where(eq(partnerContacts.id, contactId)),
};
