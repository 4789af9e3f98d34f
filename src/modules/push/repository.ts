import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pushSubscriptions } from '../../db/schema/index.js';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** Every query of a user's own subscriptions filters by user; row-level security adds the office. */
export const pushRepository = {
  listOwn: (tx: Tx, userId: string) =>
    tx
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
      .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id)),

  async findOwn(tx: Tx, userId: string, id: string) {
    const [row] = await tx
      .select()
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)));
    return row ?? null;
  },

  /** Used in the system scope only: a device's endpoint belongs to one account, whichever office it was in. */
  async deleteByEndpointHash(tx: Tx, endpointHash: string) {
    const rows = await tx
      .delete(pushSubscriptions)
      .where(eq(pushSubscriptions.endpointHash, endpointHash))
      .returning({ id: pushSubscriptions.id, userId: pushSubscriptions.userId });
    return rows;
  },

  async insert(tx: Tx, row: typeof pushSubscriptions.$inferInsert) {
    const [created] = await tx.insert(pushSubscriptions).values(row).returning();
    return created;
  },

  async deleteOwn(tx: Tx, userId: string, id: string) {
    const rows = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)))
      .returning({ id: pushSubscriptions.id });
    return rows.length > 0;
  },

  forUsers: (tx: Tx, userIds: string[]) =>
    userIds.length
      ? tx.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds))
      : Promise.resolve([] as PushSubscriptionRow[]),

  async recordSuccess(tx: Tx, id: string, at: Date) {
    await tx.update(pushSubscriptions).set({ lastSuccessAt: at }).where(eq(pushSubscriptions.id, id));
  },

  async recordFailure(tx: Tx, id: string, at: Date, status: number) {
    await tx
      .update(pushSubscriptions)
      .set({ lastFailureAt: at, lastFailureStatus: status })
      .where(eq(pushSubscriptions.id, id));
  },

  async deleteById(tx: Tx, id: string) {
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
  },

  /** A guide's or user's subscriptions for the Art. 15 file: without endpoint and keys. */
  forExport: (tx: Tx, userIds: string[]) =>
    userIds.length
      ? tx
          .select({
            id: pushSubscriptions.id,
            deviceLabel: pushSubscriptions.deviceLabel,
            createdAt: pushSubscriptions.createdAt,
            lastSuccessAt: pushSubscriptions.lastSuccessAt,
            lastFailureAt: pushSubscriptions.lastFailureAt,
            endpointHost: sql<string>`substring(${pushSubscriptions.endpoint} from '^[a-z]+://([^/:?#]+)')`,
          })
          .from(pushSubscriptions)
          .where(inArray(pushSubscriptions.userId, userIds))
      : Promise.resolve([]),
};
