import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import {
  defaultChannel,
  MAILED_BY_SENDER,
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type notificationListQuery,
  type notificationPreferencesInput,
} from '../../shared/notifications.js';
import { recordAudit } from '../audit/recorder.js';
import { notificationRepository } from './repository.js';

/**
 * Every signed-in user's own notification centre and mail preferences, whatever the role. A user only ever reaches
 * their own rows (the repository filters by user; row-level security adds the office); anyone else's id is a 404.
 */
export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  /** Platform admins have no office: their rows have none either, so they are read in the system scope. */
  private run<T>(actor: Actor, work: Parameters<typeof inScope<T>>[2]) {
    if (actor.accountless) throw forbidden();
    return inScope(this.ctx.database.db, actor.officeId ? { officeId: actor.officeId } : 'system', work);
  }

  async list(actor: Actor, query: z.output<typeof notificationListQuery>) {
    const result = await this.run(actor, (tx) => notificationRepository.list(tx, actor.userId, query));
    return {
      ...result,
      items: result.items.map((n) => ({
        id: n.id,
        kind: n.kind,
        params: n.params,
        link: n.link,
        readAt: n.readAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
      })),
    };
  }

  async unreadCount(actor: Actor) {
    return { unread: await this.run(actor, (tx) => notificationRepository.unreadCount(tx, actor.userId)) };
  }

  /** Marking an already read notification again is fine (idempotent); someone else's is not found. */
  markRead(actor: Actor, id: string) {
    return this.run(actor, async (tx) => {
      if (!(await notificationRepository.exists(tx, actor.userId, id))) throw notFound();
      return { marked: await notificationRepository.markRead(tx, actor.userId, id, this.ctx.now()) };
    });
  }

  markAllRead(actor: Actor) {
    return this.run(actor, async (tx) => ({
      marked: await notificationRepository.markRead(tx, actor.userId, null, this.ctx.now()),
    }));
  }

  async preferences(actor: Actor) {
    const stored = await this.run(actor, (tx) => notificationRepository.preferences(tx, actor.userId));
    const items = preferenceList(stored, actor.role);
    return { items, total: items.length };
  }

  /** Only the kinds sent are changed; 'off' for a mandatory kind is refused with 400 naming the entry. */
  updatePreferences(actor: Actor, input: z.output<typeof notificationPreferencesInput>) {
    const refused = input.items.flatMap((item, index) =>
      item.channel === 'off' && MANDATORY_NOTIFICATION_KINDS.includes(item.kind)
        ? [{ path: `items.${index}.channel`, code: 'validation.notificationMandatory' }]
        : [],
    );
    if (refused.length) throw new AppError(400, 'notification_mandatory', refused);
    return this.run(actor, async (tx) => {
      const before = new Map(
        (await notificationRepository.preferences(tx, actor.userId)).map((p) => [p.kind, p.channel]),
      );
      const from: Record<string, NotificationChannel> = {};
      const to: Record<string, NotificationChannel> = {};
      for (const item of input.items) {
        const was = before.get(item.kind) ?? defaultChannel(item.kind, actor.role);
        await notificationRepository.savePreference(tx, {
          userId: actor.userId,
          officeId: actor.officeId,
          kind: item.kind,
          channel: item.channel,
          now: this.ctx.now(),
        });
        if (was !== item.channel) {
          from[item.kind] = was;
          to[item.kind] = item.channel;
        }
      }
      if (Object.keys(to).length)
        await recordAudit(tx, actor, {
          action: 'notification_preferences.updated',
          entityType: 'user',
          entityId: actor.userId,
          changes: { notificationPreferences: { from, to } },
        });
      const items = preferenceList(await notificationRepository.preferences(tx, actor.userId), actor.role);
      return { items, total: items.length };
    });
  }
}

function preferenceList(stored: { kind: NotificationKind; channel: NotificationChannel }[], role: string) {
  const chosen = new Map(stored.map((p) => [p.kind, p.channel]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    channel: chosen.get(kind) ?? defaultChannel(kind, role),
    mandatory: MANDATORY_NOTIFICATION_KINDS.includes(kind),
    mailedBySender: MAILED_BY_SENDER.includes(kind),
    isDefault: !chosen.has(kind),
  }));
}
