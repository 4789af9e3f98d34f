import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assignments, guides, offers, requests } from '../../db/schema/index.js';

export type OfferRow = typeof offers.$inferSelect;
export type OfferStatus = OfferRow['status'];

export const offerRepository = {
  insertMany: (tx: Tx, rows: (typeof offers.$inferInsert)[]) => tx.insert(offers).values(rows).returning(),

  async findById(tx: Tx, id: string) {
    return (
      await tx
        .select({
          offer: offers,
          requestTitle: requests.title,
          guideFirst: guides.firstName,
          guideLast: guides.lastName,
          assignmentId: assignments.id,
        })
        .from(offers)
        .innerJoin(requests, eq(requests.id, offers.requestId))
        .innerJoin(guides, eq(guides.id, offers.guideId))
        .leftJoin(assignments, eq(assignments.offerId, offers.id))
        .where(eq(offers.id, id))
    )[0];
  },

  findByLinkToken: async (tx: Tx, tokenHash: string) =>
    (await tx.select().from(offers).where(eq(offers.linkTokenHash, tokenHash)))[0],

  lock: async (tx: Tx, id: string) => (await tx.select().from(offers).where(eq(offers.id, id)).for('update'))[0],

  async list(tx: Tx, where: { requestId?: string; guideId?: string; status?: OfferStatus[] }) {
    const conditions = [
      where.requestId ? eq(offers.requestId, where.requestId) : undefined,
      where.guideId ? eq(offers.guideId, where.guideId) : undefined,
      where.status?.length ? inArray(offers.status, where.status) : undefined,
    ].filter(Boolean);
    return tx
      .select({
        offer: offers,
        requestTitle: requests.title,
        guideFirst: guides.firstName,
        guideLast: guides.lastName,
        assignmentId: assignments.id,
      })
      .from(offers)
      .innerJoin(requests, eq(requests.id, offers.requestId))
      .innerJoin(guides, eq(guides.id, offers.guideId))
      .leftJoin(assignments, eq(assignments.offerId, offers.id))
      .where(and(...conditions))
      .orderBy(desc(offers.createdAt), desc(offers.id));
  },

  /**
   * The link's token hash stays on the offer after any answer: the link is single-use because only a pending offer
   * can be answered, and a later click learns why it no longer works (superseded, expired …) instead of "invalid".
   */
  setStatus: async (tx: Tx, id: string, status: OfferStatus, at: Date, declineReason?: string | null) =>
    (
      await tx
        .update(offers)
        .set({ status, respondedAt: at, declineReason: declineReason ?? null })
        .where(eq(offers.id, id))
        .returning()
    )[0],

  /** The other pending offers of a request once it has all the guides it needs; returns them for notification. */
  supersedePending: (tx: Tx, requestId: string, at: Date) =>
    tx
      .update(offers)
      .set({ status: 'superseded', respondedAt: at })
      .where(and(eq(offers.requestId, requestId), eq(offers.status, 'pending')))
      .returning({ id: offers.id, guideId: offers.guideId }),

  withdrawPendingForRequest: (tx: Tx, requestId: string, at: Date) =>
    tx
      .update(offers)
      .set({ status: 'withdrawn', respondedAt: at })
      .where(and(eq(offers.requestId, requestId), eq(offers.status, 'pending'))),

  /** A guide's pending offers, with their requests, for withdrawal when the guide can no longer take them. */
  pendingForGuide: async (tx: Tx, guideId: string) =>
    tx
      .select({ id: offers.id, requestId: offers.requestId })
      .from(offers)
      .where(and(eq(offers.guideId, guideId), eq(offers.status, 'pending')))
      .orderBy(offers.requestId),

  requestsWithOverdueOffers: async (tx: Tx, now: Date) =>
    (
      await tx
        .selectDistinct({ requestId: offers.requestId })
        .from(offers)
        .where(and(eq(offers.status, 'pending'), lt(offers.expiresAt, now)))
    ).map((r) => r.requestId),

  /** Marks a request's overdue offers expired (the caller holds the request's lock). */
  expireOverdue: (tx: Tx, requestId: string, now: Date) =>
    tx
      .update(offers)
      .set({ status: 'expired', respondedAt: now })
      .where(and(eq(offers.requestId, requestId), eq(offers.status, 'pending'), lt(offers.expiresAt, now))),

  countPending: async (tx: Tx, requestId: string) =>
    (
      await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(offers)
        .where(and(eq(offers.requestId, requestId), eq(offers.status, 'pending')))
    )[0].n,

  pendingGuideIds: async (tx: Tx, requestId: string) =>
    new Set(
      (
        await tx
          .select({ guideId: offers.guideId })
          .from(offers)
          .where(and(eq(offers.requestId, requestId), eq(offers.status, 'pending')))
      ).map((r) => r.guideId),
    ),
};
