import { and, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';
import type { NotificationKind } from '../../shared/notifications.js';

export type NewNotification = {
  officeId: string | null;
  userIds: readonly string[];
  kind: NotificationKind;
  /** Values for the translated text notifications.kinds.<kind>; never a secret (token, link with a token). */
  params?: Record<string, string | number>;
  /** A path in the SPA, such as /events/<id>. */
  link?: string | null;
};

/**
 * Puts a notification in each user's notification centre (the bell), in the caller's transaction, so it exists
 * exactly when the change it reports was committed. Mail by each user's preference (immediately, daily digest, off)
 * is sent from these rows by the notification jobs, never here.
 */
export async function notify(tx: Tx, notification: NewNotification): Promise<string[]> {
  const userIds = [...new Set(notification.userIds)];
  if (!userIds.length) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        officeId: notification.officeId,
        userId,
        kind: notification.kind,
        params: notification.params ?? {},
        link: notification.link ?? null,
      })),
    )
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

/** The enabled accounts of guides, so a notice about a guide reaches the person who signs in as them. */
export async function accountsOfGuides(tx: Tx, guideIds: readonly string[]): Promise<string[]> {
  if (!guideIds.length) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.guideId, [...guideIds]), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}
