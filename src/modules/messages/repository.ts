import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  courseEnrolments,
  courses,
  guides,
  messagePosts,
  messageRecipients,
  messages,
  offices,
  outbox,
  users,
} from '../../db/schema/index.js';
import type { MessageFilter, RecipientChannel } from '../../shared/messages.js';
import { guideRepository, listConditions } from '../guides/repository.js';

export type MessageRow = typeof messages.$inferSelect;
export type RecipientRow = typeof messageRecipients.$inferSelect;

/**
 * The guides a filter reaches: exactly the guide list's conditions (shared code, so the counts agree), plus the
 * course (enrolled in or completed it). Anonymised records are no one's to write to.
 */
function recipientConditions(officeId: string, filter: MessageFilter): SQL[] {
  const where = listConditions(officeId, filter);
  where.push(isNull(guides.anonymisedAt));
  if (filter.courseId) {
    where.push(
      sql`exists (select 1 from ${courseEnrolments} e where e.guide_id = ${guides}.id and e.course_id = ${filter.courseId}
        and e.status in ('enrolled', 'completed'))`,
    );
  }
  return where;
}

/** Opt-out first: an opted-out guide without an address counts as opted out. */
const channelSql = sql<RecipientChannel>`case when ${guides.broadcastOptOut} then 'opted_out'
  when ${guides.email} is null or ${guides.email} = '' then 'no_email' else 'mail' end`;

export const messageRepository = {
  async preview(tx: Tx, officeId: string, filter: MessageFilter) {
    const rows = await tx
      .select({ channel: channelSql, n: count() })
      .from(guides)
      .where(and(...recipientConditions(officeId, filter)))
      .groupBy(channelSql);
    const by = (c: RecipientChannel) => Number(rows.find((r) => r.channel === c)?.n ?? 0);
    return { byMail: by('mail'), optedOut: by('opted_out'), noEmail: by('no_email') };
  },

  /** The recipients as of now, locked so that the list written with the message is the one mailed. */
  async recipients(tx: Tx, officeId: string, filter: MessageFilter) {
    return tx
      .select({
        guideId: guides.id,
        firstName: guides.firstName,
        email: guides.email,
        locale: guides.locale,
        channel: channelSql,
        userId: sql<
          string | null
        >`(select u.id from ${users} u where u.guide_id = ${guides}.id and u.disabled_at is null limit 1)`,
      })
      .from(guides)
      .where(and(...recipientConditions(officeId, filter)))
      .orderBy(asc(guides.lastName), asc(guides.id));
  },

  courseExists: async (tx: Tx, officeId: string, courseId: string) =>
    (
      await tx
        .select({ id: courses.id })
        .from(courses)
        .where(and(eq(courses.officeId, officeId), eq(courses.id, courseId)))
    ).length > 0,

  districtExists: async (tx: Tx, officeId: string, districtId: string) =>
    (await guideRepository.knownDistrictIds(tx, officeId, [districtId])).has(districtId),

  officeName: async (tx: Tx, officeId: string) =>
    (await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, officeId)))[0]?.name ?? '',

  async insertMessage(tx: Tx, row: typeof messages.$inferInsert) {
    return (await tx.insert(messages).values(row).returning())[0];
  },

  async insertRecipients(tx: Tx, rows: (typeof messageRecipients.$inferInsert)[]) {
    if (!rows.length) return [];
    return tx.insert(messageRecipients).values(rows).returning();
  },

  find: async (tx: Tx, id: string) => (await tx.select().from(messages).where(eq(messages.id, id)))[0],

  async list(tx: Tx, officeId: string, q: { limit: number; offset: number }) {
    const where = eq(messages.officeId, officeId);
    const rows = await tx
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.sentAt), desc(messages.id))
      .limit(q.limit)
      .offset(q.offset);
    const [{ total }] = await tx.select({ total: count() }).from(messages).where(where);
    return { rows, total: Number(total) };
  },

  /** Delivery counts per message, from the frozen list and the outbox. */
  async counts(tx: Tx, messageIds: string[]) {
    if (!messageIds.length) return new Map<string, ReturnType<typeof emptyCounts>>();
    const rows = await tx
      .select({
        messageId: messageRecipients.messageId,
        channel: messageRecipients.channel,
        mailStatus: outbox.status,
        read: sql<boolean>`${messageRecipients.readAt} is not null`,
        replied: sql<boolean>`exists (select 1 from ${messagePosts} p where p.recipient_id = ${messageRecipients}.id
          and p.author_role = 'guide')`,
      })
      .from(messageRecipients)
      .leftJoin(outbox, eq(outbox.id, messageRecipients.outboxId))
      .where(inArray(messageRecipients.messageId, messageIds));
    const map = new Map(messageIds.map((id) => [id, emptyCounts()]));
    for (const r of rows) {
      const c = map.get(r.messageId) as ReturnType<typeof emptyCounts>;
      c.total++;
      if (r.channel === 'mail') {
        c.byMail++;
        if (r.mailStatus === 'sent') c.mailSent++;
        else if (r.mailStatus === 'failed') c.mailFailed++;
        else c.mailPending++;
      } else if (r.channel === 'opted_out') c.optedOut++;
      else c.noEmail++;
      if (r.read) c.read++;
      if (r.replied) c.replied++;
    }
    return map;
  },

  async recipientsOf(tx: Tx, messageId: string) {
    return tx
      .select({
        id: messageRecipients.id,
        guideId: messageRecipients.guideId,
        firstName: guides.firstName,
        lastName: guides.lastName,
        channel: messageRecipients.channel,
        mailStatus: outbox.status,
        readAt: messageRecipients.readAt,
      })
      .from(messageRecipients)
      .innerJoin(guides, eq(guides.id, messageRecipients.guideId))
      .leftJoin(outbox, eq(outbox.id, messageRecipients.outboxId))
      .where(eq(messageRecipients.messageId, messageId))
      .orderBy(asc(guides.lastName), asc(guides.firstName), asc(guides.id));
  },

  async recipient(tx: Tx, messageId: string, guideId: string) {
    return (
      await tx
        .select()
        .from(messageRecipients)
        .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.guideId, guideId)))
    )[0];
  },

  async posts(tx: Tx, recipientIds: string[]) {
    if (!recipientIds.length) return [];
    return tx
      .select()
      .from(messagePosts)
      .where(inArray(messagePosts.recipientId, recipientIds))
      .orderBy(asc(messagePosts.createdAt), asc(messagePosts.id));
  },

  async insertPost(tx: Tx, row: typeof messagePosts.$inferInsert) {
    return (await tx.insert(messagePosts).values(row).returning())[0];
  },

  async markRead(tx: Tx, recipientId: string, at: Date) {
    await tx
      .update(messageRecipients)
      .set({ readAt: at })
      .where(and(eq(messageRecipients.id, recipientId), isNull(messageRecipients.readAt)));
  },

  /** A guide's inbox: the messages they are on the list of, newest first. */
  async inbox(tx: Tx, guideId: string, q: { limit: number; offset: number }) {
    const where = eq(messageRecipients.guideId, guideId);
    const rows = await tx
      .select({
        id: messages.id,
        subject: messages.subject,
        authorName: messages.authorName,
        sentAt: messages.sentAt,
        readAt: messageRecipients.readAt,
        postCount: sql<number>`(select count(*) from ${messagePosts} p where p.recipient_id = ${messageRecipients}.id)::int`,
      })
      .from(messageRecipients)
      .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
      .where(where)
      .orderBy(desc(messages.sentAt), desc(messages.id))
      .limit(q.limit)
      .offset(q.offset);
    const [{ total, unread }] = await tx
      .select({
        total: count(),
        unread: sql<number>`count(*) filter (where ${messageRecipients.readAt} is null)::int`,
      })
      .from(messageRecipients)
      .where(where);
    return { rows, total: Number(total), unread: Number(unread) };
  },

  /** Coordinator accounts of the office (active), told of a guide's reply. */
  async coordinatorUserIds(tx: Tx, officeId: string) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.officeId, officeId), eq(users.role, 'coordinator'), isNull(users.disabledAt)));
    return rows.map((r) => r.id);
  },

  /** The user account of a guide (to notify of a coordinator's answer). */
  async guideUserIds(tx: Tx, guideId: string) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.guideId, guideId), isNull(users.disabledAt)));
    return rows.map((r) => r.id);
  },

  async guide(tx: Tx, guideId: string) {
    return (await tx.select().from(guides).where(eq(guides.id, guideId)))[0];
  },

  async setOptOut(tx: Tx, guideId: string, optOut: boolean, at: Date) {
    await tx.update(guides).set({ broadcastOptOut: optOut, updatedAt: at }).where(eq(guides.id, guideId));
  },
};

export const emptyCounts = () => ({
  total: 0,
  byMail: 0,
  optedOut: 0,
  noEmail: 0,
  mailSent: 0,
  mailPending: 0,
  mailFailed: 0,
  read: 0,
  replied: 0,
});
