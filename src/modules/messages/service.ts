import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import type { MessageCreateInput, MessageFilter, RecipientPreview } from '../../shared/messages.js';
import { recordAudit } from '../audit/recorder.js';
import { notify } from '../notifications/notify.js';
import { broadcastMail } from './mails.js';
import { messagePolicy as policy } from './policy.js';
import { emptyCounts, type MessageRow, messageRepository as repo } from './repository.js';

type Page = { limit: number; offset: number };
type PostRow = Awaited<ReturnType<typeof repo.posts>>[number];

const presentPost = (p: PostRow) => ({
  id: p.id,
  authorRole: p.authorRole,
  authorName: p.authorName,
  body: p.body,
  createdAt: p.createdAt.toISOString(),
});

/** Drops empty values so the stored filter reads as what the coordinator chose. */
const cleanFilter = (filter: MessageFilter) =>
  Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as MessageFilter;

/**
 * Messages to guides (Rundmails). Sending freezes the recipient list in the same transaction that writes one outbox
 * mail per recipient (one To: address each, in the recipient's language) and the in-app notifications; threads are
 * one per (message, guide) and only that guide and the office's coordinators read them.
 */
export class MessageService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  preview(actor: Actor, filter: MessageFilter): Promise<RecipientPreview> {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const c = await repo.preview(tx, officeId, filter);
      const inAppOnly = c.optedOut + c.noEmail;
      return { total: c.byMail + inAppOnly, byMail: c.byMail, inAppOnly, optedOut: c.optedOut, noEmail: c.noEmail };
    });
  }

  async send(actor: Actor, input: MessageCreateInput) {
    if (!policy.manage(actor)) throw forbidden();
    const filter = cleanFilter(input.filter);
    const { id, mailIds } = await this.scope(actor, async (tx, officeId) => {
      if (filter.courseId && !(await repo.courseExists(tx, officeId, filter.courseId)))
        throw invalidField('filter.courseId', 'courseUnknown');
      if (filter.districtId && !(await repo.districtExists(tx, officeId, filter.districtId)))
        throw invalidField('filter.districtId', 'districtUnknown');
      const recipients = await repo.recipients(tx, officeId, filter);
      if (!recipients.length) throw new AppError(409, 'message_no_recipients');
      const now = this.ctx.now();
      const message = await repo.insertMessage(tx, {
        officeId,
        authorUserId: recordedUserId(actor),
        authorName: actor.displayName,
        subject: input.subject,
        body: input.body,
        filter,
        sentAt: now,
      });
      const office = await repo.officeName(tx, officeId);
      const url = `${this.ctx.config.publicUrl}/my/messages/${message.id}`;
      const rows = [];
      const mailIds: string[] = [];
      for (const r of recipients) {
        let outboxId: string | null = null;
        if (r.channel === 'mail' && r.email) {
          // One mail per recipient with their address alone in To:, so nobody sees another recipient's address.
          const content = broadcastMail(r.locale as Locale, {
            name: r.firstName,
            office,
            author: actor.displayName,
            subject: input.subject,
            body: input.body,
            url,
          });
          outboxId = await this.ctx.mailer.enqueue(tx, { officeId, to: r.email, ...content });
          mailIds.push(outboxId);
        }
        rows.push({ officeId, messageId: message.id, guideId: r.guideId, channel: r.channel, outboxId });
      }
      await repo.insertRecipients(tx, rows);
      await notify(tx, {
        officeId,
        userIds: recipients.map((r) => r.userId).filter((u): u is string => Boolean(u)),
        kind: 'message_received',
        params: { subject: input.subject, author: actor.displayName },
        link: `/my/messages/${message.id}`,
      });
      await recordAudit(tx, actor, {
        action: 'message.sent',
        entityType: 'message',
        entityId: message.id,
        changes: { title: input.subject, count: recipients.length },
      });
      return { id: message.id, mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return this.get(actor, id);
  }

  list(actor: Actor, page: Page) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { rows, total } = await repo.list(tx, officeId, page);
      const counts = await repo.counts(
        tx,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => this.summary(r, counts.get(r.id) ?? emptyCounts())), total };
    });
  }

  private summary(row: MessageRow, counts: ReturnType<typeof emptyCounts>) {
    return {
      id: row.id,
      subject: row.subject,
      authorName: row.authorName,
      sentAt: row.sentAt.toISOString(),
      counts,
    };
  }

  private async load(tx: Tx, officeId: string, id: string) {
    const row = await repo.find(tx, id);
    if (!row || row.officeId !== officeId) throw notFound();
    return row;
  }

  get(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => this.detail(tx, await this.load(tx, officeId, id)));
  }

  private async detail(tx: Tx, row: MessageRow) {
    const counts = (await repo.counts(tx, [row.id])).get(row.id) ?? emptyCounts();
    const recipients = await repo.recipientsOf(tx, row.id);
    const posts = await repo.posts(
      tx,
      recipients.map((r) => r.id),
    );
    return {
      ...this.summary(row, counts),
      body: row.body,
      filter: row.filter as MessageFilter,
      recipients: recipients.map((r) => ({
        guideId: r.guideId,
        name: `${r.firstName} ${r.lastName}`.trim(),
        channel: r.channel,
        mailStatus: r.mailStatus ?? null,
        readAt: r.readAt?.toISOString() ?? null,
        posts: posts.filter((p) => p.recipientId === r.id).map(presentPost),
      })),
    };
  }

  /** A coordinator answers in a guide's thread; the guide is told in the app. */
  answer(actor: Actor, id: string, guideId: string, body: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const message = await this.load(tx, officeId, id);
      const recipient = await repo.recipient(tx, message.id, guideId);
      if (!recipient) throw notFound();
      await repo.insertPost(tx, {
        officeId,
        recipientId: recipient.id,
        authorRole: 'coordinator',
        authorUserId: recordedUserId(actor),
        authorName: actor.displayName,
        body,
        createdAt: this.ctx.now(),
      });
      await notify(tx, {
        officeId,
        userIds: await repo.guideUserIds(tx, guideId),
        kind: 'message_reply',
        params: { subject: message.subject, author: actor.displayName },
        link: `/my/messages/${message.id}`,
      });
      await recordAudit(tx, actor, {
        action: 'message.answered',
        entityType: 'message',
        entityId: message.id,
        changes: { guideId },
      });
      return this.detail(tx, message);
    });
  }

  // The guide's side ------------------------------------------------------------------------------------------------
  private async ownRecipient(tx: Tx, actor: Actor, id: string) {
    const recipient = await repo.recipient(tx, id, actor.guideId as string);
    const message = recipient && (await repo.find(tx, id));
    if (!recipient || !message) throw notFound();
    return { recipient, message };
  }

  inbox(actor: Actor, page: Page) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const { rows, total, unread } = await repo.inbox(tx, actor.guideId as string, page);
      return {
        items: rows.map((r) => ({
          ...r,
          sentAt: r.sentAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
          postCount: Number(r.postCount),
        })),
        total,
        unread,
      };
    });
  }

  private async inboxMessage(tx: Tx, actor: Actor, id: string) {
    const { recipient, message } = await this.ownRecipient(tx, actor, id);
    const posts = await repo.posts(tx, [recipient.id]);
    return {
      id: message.id,
      subject: message.subject,
      authorName: message.authorName,
      sentAt: message.sentAt.toISOString(),
      readAt: recipient.readAt?.toISOString() ?? null,
      postCount: posts.length,
      body: message.body,
      posts: posts.map(presentPost),
    };
  }

  /** Reading does not mark the message read (reads never write): the page does so with `markRead`. */
  myMessage(actor: Actor, id: string) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, (tx) => this.inboxMessage(tx, actor, id));
  }

  markRead(actor: Actor, id: string) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const { recipient } = await this.ownRecipient(tx, actor, id);
      await repo.markRead(tx, recipient.id, this.ctx.now());
      return this.inboxMessage(tx, actor, id);
    });
  }

  /** A guide's reply goes into their own thread; the office's coordinators are told in the app. */
  reply(actor: Actor, id: string, body: string) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { recipient, message } = await this.ownRecipient(tx, actor, id);
      const now = this.ctx.now();
      await repo.insertPost(tx, {
        officeId,
        recipientId: recipient.id,
        authorRole: 'guide',
        authorUserId: recordedUserId(actor),
        authorName: actor.displayName,
        body,
        createdAt: now,
      });
      await repo.markRead(tx, recipient.id, now);
      await notify(tx, {
        officeId,
        userIds: await repo.coordinatorUserIds(tx, officeId),
        kind: 'message_reply',
        params: { subject: message.subject, author: actor.displayName },
        link: `/messages/${message.id}`,
      });
      return this.inboxMessage(tx, actor, id);
    });
  }

  settings(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const guide = await repo.guide(tx, actor.guideId as string);
      if (!guide) throw notFound();
      return { broadcastOptOut: guide.broadcastOptOut };
    });
  }

  /** Only broadcast mail: mail about the guide's own offers and deployments is sent regardless. */
  setOptOut(actor: Actor, broadcastOptOut: boolean) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const guideId = actor.guideId as string;
      const guide = await repo.guide(tx, guideId);
      if (!guide) throw notFound();
      if (guide.broadcastOptOut !== broadcastOptOut) {
        await repo.setOptOut(tx, guideId, broadcastOptOut, this.ctx.now());
        await recordAudit(tx, actor, {
          action: 'guide.broadcast_opt_out_changed',
          entityType: 'guide',
          entityId: guideId,
          changes: { broadcastOptOut },
        });
      }
      return { broadcastOptOut };
    });
  }
}
