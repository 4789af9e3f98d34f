import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { activities, agreements, assignments, guides, partners, requests } from '../../db/schema/index.js';

export type AssignmentRow = typeof assignments.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;

const listColumns = {
  assignment: assignments,
  requestTitle: requests.title,
  guideFirst: guides.firstName,
  guideLast: guides.lastName,
  guideEmail: guides.email,
  guidePhone: guides.phone,
  guideShareContact: guides.shareContact,
  partnerName: partners.name,
};

export const assignmentRepository = {
  async list(
    tx: Tx,
    officeId: string,
    q: {
      status?: AssignmentRow['status'];
      guideId?: string;
      partnerId?: string;
      requestId?: string;
      limit: number;
      offset: number;
    },
  ) {
    const conditions: SQL[] = [eq(assignments.officeId, officeId)];
    if (q.status) conditions.push(eq(assignments.status, q.status));
    if (q.requestId) conditions.push(eq(assignments.requestId, q.requestId));
    if (q.guideId) conditions.push(eq(assignments.guideId, q.guideId));
    if (q.partnerId) conditions.push(eq(assignments.partnerId, q.partnerId));
    const where = and(...conditions);
    const [items, [{ total }]] = await inOrder(
      () =>
        tx
          .select(listColumns)
          .from(assignments)
          .innerJoin(requests, eq(requests.id, assignments.requestId))
          .innerJoin(guides, eq(guides.id, assignments.guideId))
          .leftJoin(partners, eq(partners.id, assignments.partnerId))
          .where(where)
          .orderBy(desc(assignments.startedAt), desc(assignments.id))
          .limit(q.limit)
          .offset(q.offset),
      () => tx.select({ total: sql<number>`count(*)::int` }).from(assignments).where(where),
    );
    return { items, total };
  },

  async findById(tx: Tx, id: string) {
    return (
      await tx
        .select(listColumns)
        .from(assignments)
        .innerJoin(requests, eq(requests.id, assignments.requestId))
        .innerJoin(guides, eq(guides.id, assignments.guideId))
        .leftJoin(partners, eq(partners.id, assignments.partnerId))
        .where(eq(assignments.id, id))
    )[0];
  },

  /** The deployments of requests, oldest first (a request may need several guides). */
  async idsForRequests(tx: Tx, requestIds: string[]) {
    const byRequest = new Map<string, string[]>();
    if (requestIds.length === 0) return byRequest;
    const rows = await tx
      .select({ id: assignments.id, requestId: assignments.requestId })
      .from(assignments)
      .where(inArray(assignments.requestId, requestIds))
      .orderBy(asc(assignments.startedAt), asc(assignments.id));
    for (const r of rows) byRequest.set(r.requestId, [...(byRequest.get(r.requestId) ?? []), r.id]);
    return byRequest;
  },

  /** Deployments of a request that have not ended: decides whether the request closes with this one. */
  openCountForRequest: async (tx: Tx, requestId: string) =>
    (
      await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(assignments)
        .where(and(eq(assignments.requestId, requestId), sql`${assignments.status} <> 'closed'`))
    )[0].n,

  countForRequest: async (tx: Tx, requestId: string) =>
    (
      await tx.select({ n: sql<number>`count(*)::int` }).from(assignments).where(eq(assignments.requestId, requestId))
    )[0].n,

  lock: async (tx: Tx, id: string) =>
    (await tx.select().from(assignments).where(eq(assignments.id, id)).for('update'))[0],
  update: async (tx: Tx, id: string, values: Partial<typeof assignments.$inferInsert>) =>
    (await tx.update(assignments).set(values).where(eq(assignments.id, id)).returning())[0],

  /** The current (highest) agreement version of each deployment. */
  agreementsFor: async (tx: Tx, ids: string[]) =>
    ids.length === 0
      ? []
      : tx
          .selectDistinctOn([agreements.assignmentId])
          .from(agreements)
          .where(inArray(agreements.assignmentId, ids))
          .orderBy(agreements.assignmentId, desc(agreements.version)),
  agreementOf: async (tx: Tx, assignmentId: string) =>
    (
      await tx
        .select()
        .from(agreements)
        .where(eq(agreements.assignmentId, assignmentId))
        .orderBy(desc(agreements.version))
        .limit(1)
    )[0],
  agreementVersion: async (tx: Tx, assignmentId: string, version: number) =>
    (
      await tx
        .select()
        .from(agreements)
        .where(and(eq(agreements.assignmentId, assignmentId), eq(agreements.version, version)))
    )[0],
  agreementVersions: (tx: Tx, assignmentId: string) =>
    tx.select().from(agreements).where(eq(agreements.assignmentId, assignmentId)).orderBy(desc(agreements.version)),
  insertAgreement: async (tx: Tx, row: typeof agreements.$inferInsert) =>
    (await tx.insert(agreements).values(row).returning())[0],
  updateAgreement: async (tx: Tx, id: string, values: Partial<typeof agreements.$inferInsert>) =>
    (await tx.update(agreements).set(values).where(eq(agreements.id, id)).returning())[0],

  async totalsFor(tx: Tx, ids: string[]) {
    if (ids.length === 0)
      return new Map<string, { activities: number; minutes: number; km: number; expensesCents: number }>();
    const rows = await tx
      .select({
        assignmentId: activities.assignmentId,
        activities: sql<number>`count(*)::int`,
        minutes: sql<number>`coalesce(sum(${activities.minutes}), 0)::int`,
        km: sql<number>`coalesce(sum(${activities.km}), 0)::float`,
        expensesCents: sql<number>`coalesce(sum(${activities.expensesCents}), 0)::int`,
      })
      .from(activities)
      .where(inArray(activities.assignmentId, ids))
      .groupBy(activities.assignmentId);
    return new Map(
      rows.map((r) => [
        r.assignmentId,
        { activities: r.activities, minutes: r.minutes, km: Number(r.km), expensesCents: r.expensesCents },
      ]),
    );
  },

  /** A closed deployment frees one place of the guide's capacity (atomic, never below zero). */
  releaseGuideCapacity: (tx: Tx, guideId: string) =>
    tx
      .update(guides)
      .set({ activeAssignments: sql`greatest(${guides.activeAssignments} - 1, 0)` })
      .where(eq(guides.id, guideId)),

  /** A request cancelled after matching: its not-yet-active deployment ends early and frees the guide's place. */
  async endBeforeStart(tx: Tx, requestId: string, at: Date, reason: string) {
    const ended = await tx
      .update(assignments)
      .set({ status: 'closed', closedAt: at, outcome: 'ended_early', endedEarlyReason: reason })
      .where(and(eq(assignments.requestId, requestId), eq(assignments.status, 'pending_agreement')))
      .returning({ guideId: assignments.guideId });
    for (const { guideId } of ended) await assignmentRepository.releaseGuideCapacity(tx, guideId);
  },

  activitiesOf: (tx: Tx, assignmentId: string) =>
    tx
      .select()
      .from(activities)
      .where(eq(activities.assignmentId, assignmentId))
      .orderBy(asc(activities.date), asc(activities.startTime)),
  insertActivity: async (tx: Tx, row: typeof activities.$inferInsert) =>
    (await tx.insert(activities).values(row).returning())[0],
  activityById: async (tx: Tx, assignmentId: string, id: string) =>
    (
      await tx
        .select()
        .from(activities)
        .where(and(eq(activities.id, id), eq(activities.assignmentId, assignmentId)))
    )[0],
  updateActivity: async (tx: Tx, id: string, values: Partial<typeof activities.$inferInsert>) =>
    (await tx.update(activities).set(values).where(eq(activities.id, id)).returning())[0],
  deleteActivity: (tx: Tx, id: string) => tx.delete(activities).where(eq(activities.id, id)),
  /** A guide's entries on one day, across deployments: for overlaps, duplicates and the daily maximum. */
  guideDay: (tx: Tx, guideId: string, date: string) =>
    tx
      .select()
      .from(activities)
      .where(and(eq(activities.guideId, guideId), eq(activities.date, date))),
  /** Locks entries as evidence; returns the ids approved now. */
  approveActivities: async (
    tx: Tx,
    assignmentId: string,
    ids: string[] | null,
    upTo: string,
    by: string | null,
    at: Date,
  ) =>
    (
      await tx
        .update(activities)
        .set({ approvedAt: at, approvedByUserId: by })
        .where(
          and(
            eq(activities.assignmentId, assignmentId),
            sql`${activities.approvedAt} is null`,
            sql`${activities.date} <= ${upTo}::date`,
            ids ? inArray(activities.id, ids) : undefined,
          ),
        )
        .returning({ id: activities.id })
    ).map((r) => r.id),

  /** Hours per guide across the office, for the coordinator's totals. */
  /** Hours, km, expenses and entries per guide, in a period (inclusive dates), optionally for one guide. */
  totalsPerGuide: (tx: Tx, officeId: string, q: { from?: string; to?: string; guideId?: string } = {}) =>
    tx
      .select({
        guideId: activities.guideId,
        firstName: guides.firstName,
        lastName: guides.lastName,
        activities: sql<number>`count(*)::int`,
        deployments: sql<number>`count(distinct ${activities.assignmentId})::int`,
        minutes: sql<number>`sum(${activities.minutes})::int`,
        km: sql<number>`sum(${activities.km})::float`,
        expensesCents: sql<number>`sum(${activities.expensesCents})::int`,
      })
      .from(activities)
      .innerJoin(guides, eq(guides.id, activities.guideId))
      .where(
        and(
          eq(activities.officeId, officeId),
          q.from ? sql`${activities.date} >= ${q.from}::date` : undefined,
          q.to ? sql`${activities.date} <= ${q.to}::date` : undefined,
          q.guideId ? eq(activities.guideId, q.guideId) : undefined,
        ),
      )
      .groupBy(activities.guideId, guides.firstName, guides.lastName)
      .orderBy(desc(sql`sum(${activities.minutes})`), asc(guides.lastName)),
};
