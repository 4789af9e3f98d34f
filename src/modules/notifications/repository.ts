import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notificationPreferences, notifications } from '../../db/schema/index.js';
import type { NotificationChannel, NotificationKind } from '../../shared/notifications.js';

const mine = (userId: string) => eq(notifications.userId, userId);

export const notificationRepository = {
  async list(tx: Tx, userId: string, q: { limit: number; offset: number; order: 'unread_first' | 'newest_first' }) {
    const order =
      q.order === 'unread_first'
        ? [sql`(${notifications.readAt} is null) desc`, desc(notifications.createdAt), desc(notifications.id)]
        : [desc(notifications.createdAt), desc(notifications.id)];
    const items = await tx
      .select()
      .from(notifications)
      .where(mine(userId))
      .orderBy(...order)
      .limit(q.limit)
      .offset(q.offset);
    const [totals] = await tx
      .select({
        total: count(),
        unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
      })
      .from(notifications)
      .where(mine(userId));
    return { items, total: totals?.total ?? 0, unread: totals?.unread ?? 0 };
  },

  /** Served by the partial index notifications_unread_idx: the bell polls it. */
  async unreadCount(tx: Tx, userId: string): Promise<number> {
    const [row] = await tx
      .select({ unread: count() })
      .from(notifications)
      .where(and(mine(userId), isNull(notifications.readAt)));
    return row?.unread ?? 0;
  },

  async exists(tx: Tx, userId: string, id: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(mine(userId), eq(notifications.id, id)));
    return Boolean(row);
  },

  async markRead(tx: Tx, userId: string, id: string | null, now: Date): Promise<number> {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine(userId), isNull(notifications.readAt), ...(id ? [eq(notifications.id, id)] : [])))
      .returning({ id: notifications.id });
    return rows.length;
  },

  preferences: (tx: Tx, userId: string) =>
    tx
      .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),

  async savePreference(
    tx: Tx,
    row: { userId: string; officeId: string | null; kind: NotificationKind; channel: NotificationChannel; now: Date },
  ) {
    await tx
      .insert(notificationPreferences)
      .values({ userId: row.userId, officeId: row.officeId, kind: row.kind, channel: row.channel, updatedAt: row.now })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { channel: row.channel, updatedAt: row.now },
      });
  },
};
