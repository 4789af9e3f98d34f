import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import {
  guides,
  partnerContacts,
  partners,
  requestContacts,
  requestEvents,
  requests,
  serviceDirectory,
  users,
} from '../../db/schema/index.js';

export type RequestRow = typeof requests.$inferSelect;

const URGENCY_ORDER = sql`case ${requests.urgency} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

export const requestRepository = {
  async list(
    tx: Tx,
    officeId: string,
    q: { status?: RequestRow['status'][]; partnerId?: string; urgency?: string; limit: number; offset: number },
  ) {
    const conditions: SQL[] = [eq(requests.officeId, officeId)];
    if (q.status?.length) conditions.push(inArray(requests.status, q.status));
    if (q.partnerId) conditions.push(eq(requests.partnerId, q.partnerId));
    if (q.urgency) conditions.push(eq(requests.urgency, q.urgency));
    const where = and(...conditions);
    const [items, [{ total }]] = await inOrder(
      () =>
        tx
          .select({ request: requests, partnerName: partners.name })
          .from(requests)
          .leftJoin(partners, eq(partners.id, requests.partnerId))
          .where(where)
          .orderBy(URGENCY_ORDER, asc(requests.createdAt), asc(requests.id))
          .limit(q.limit)
          .offset(q.offset),
      () => tx.select({ total: count() }).from(requests).where(where),
    );
    return { items, total };
  },

  async findById(tx: Tx, id: string) {
    return (
      await tx
        .select({ request: requests, partnerName: partners.name })
        .from(requests)
        .leftJoin(partners, eq(partners.id, requests.partnerId))
        .where(eq(requests.id, id))
        .limit(1)
    )[0];
  },

  /** Locks the request row: offers and acceptances on one request are serialised through it. */
  async lockById(tx: Tx, id: string) {
    return (await tx.select().from(requests).where(eq(requests.id, id)).for('update'))[0];
  },

  /** The public form's contact of a request (name, channel, value), if it has one. */
  contactOf: async (tx: Tx, requestId: string) =>
    (await tx.select().from(requestContacts).where(eq(requestContacts.requestId, requestId)).limit(1))[0],
  insertContact: (tx: Tx, row: typeof requestContacts.$inferInsert) => tx.insert(requestContacts).values(row),

  insert: async (tx: Tx, row: typeof requests.$inferInsert) => (await tx.insert(requests).values(row).returning())[0],
  update: async (tx: Tx, id: string, values: Partial<typeof requests.$inferInsert>) =>
    (await tx.update(requests).set(values).where(eq(requests.id, id)).returning())[0],

  addEvent: (tx: Tx, row: typeof requestEvents.$inferInsert) => tx.insert(requestEvents).values(row),
  /**
   * The request's events, newest first, each with the first name of the guide who acted, if a guide did (under
   * their account, or accountless under their guide id), so partners can be shown the first name only.
   */
  timeline: async (tx: Tx, requestId: string) => {
    const rows = await tx
      .select({
        event: requestEvents,
        accountGuideFirst: guides.firstName,
        accountlessGuideFirst: sql<
          string | null
        >`(select g.first_name from guides g where g.id = ${requestEvents.actorUserId})`,
      })
      .from(requestEvents)
      .leftJoin(users, eq(users.id, requestEvents.actorUserId))
      .leftJoin(guides, eq(guides.id, users.guideId))
      .where(eq(requestEvents.requestId, requestId))
      .orderBy(desc(requestEvents.at), desc(requestEvents.seq));
    return rows.map((r) => ({ ...r.event, guideFirstName: r.accountGuideFirst ?? r.accountlessGuideFirst ?? null }));
  },

  contactBelongsTo: async (tx: Tx, contactId: string, partnerId: string) =>
    Boolean(
      (
        await tx
          .select({ id: partnerContacts.id })
          .from(partnerContacts)
          .where(and(eq(partnerContacts.id, contactId), eq(partnerContacts.partnerId, partnerId)))
      )[0],
    ),

  /** Services whose topics overlap the detected matters. */
  servicesFor: async (tx: Tx, officeId: string, matters: string[]) =>
    matters.length === 0
      ? []
      : tx
          .select()
          .from(serviceDirectory)
          .where(
            and(
              eq(serviceDirectory.officeId, officeId),
              sql`${serviceDirectory.topics} && ${sql.param(matters)}::text[]`,
            ),
          )
          .orderBy(asc(serviceDirectory.name)),
};
