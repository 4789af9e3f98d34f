import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  assignments,
  courseCertificates,
  districts,
  expenseClaims,
  guideCorrections,
  guideStatusHistory,
  guides,
  hourEntries,
  offices,
  timeSheets,
  users,
} from '../../db/schema/index.js';
import type { Actor } from '../../server/context.js';
import type { GuideListQuery } from '../../shared/guides.js';

export type GuideRow = typeof guides.$inferSelect;
export type GuideInsert = typeof guides.$inferInsert;

/** Rows per multi-row insert: a guide row has about 60 columns, PostgreSQL allows 65,535 parameters. */
const INSERT_CHUNK = 500;

/** The columns the guide list shows (and its abilities need): a list row reads no notes, availability or consent. */
const LIST_COLUMNS = {
  id: guides.id,
  officeId: guides.officeId,
  firstName: guides.firstName,
  lastName: guides.lastName,
  email: guides.email,
  phone: guides.phone,
  languages: guides.languages,
  homeDistrictId: guides.homeDistrictId,
  serviceDistrictIds: guides.serviceDistrictIds,
  specializations: guides.specializations,
  fields: guides.fields,
  status: guides.status,
  maxActiveAssignments: guides.maxActiveAssignments,
  activeAssignments: guides.activeAssignments,
  backgroundCheckedAt: guides.backgroundCheckedAt,
  backgroundIssuedAt: guides.backgroundIssuedAt,
  backgroundRelevantConviction: guides.backgroundRelevantConviction,
  anonymisedAt: guides.anonymisedAt,
};
export type GuideListRow = { [K in keyof typeof LIST_COLUMNS]: GuideRow[K] };

const SORT_COLUMNS = {
  lastName: guides.lastName,
  firstName: guides.firstName,
  status: guides.status,
  createdAt: guides.createdAt,
  updatedAt: guides.updatedAt,
} as const;

/**
 * Filters for the guide list and its exports, and the recipients of messages (modules/messages), so that a filter
 * reaches exactly the guides the list shows. Row-level security already limits rows to the actor's office.
 */
export function listConditions(officeId: string, q: Partial<GuideListQuery>): SQL[] {
  const where: SQL[] = [eq(guides.officeId, officeId)];
  if (q.q) {
    const term = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // One expression covers "first", "last", "first last" and "last first": one scan instead of three.
    where.push(ilike(sql`${guides.firstName} || ' ' || ${guides.lastName} || ' ' || ${guides.firstName}`, term));
  }
  if (q.language) where.push(sql`${guides.languageCodes} @> array[${q.language}]::text[]`);
  if (q.districtId) {
    where.push(
      or(
        eq(guides.homeDistrictId, q.districtId),
        sql`${guides.serviceDistrictIds} @> array[${q.districtId}]::uuid[]`,
      ) as SQL,
    );
  }
  if (q.specialization) where.push(sql`${guides.specializations} @> array[${q.specialization}]::text[]`);
  if (q.field) where.push(sql`${guides.fields} @> array[${q.field}]::text[]`);
  if (q.status?.length) where.push(inArray(guides.status, q.status));
  // Free capacity: active, and fewer running deployments than the guide's own maximum.
  if (q.hasCapacity === true) {
    where.push(
      and(eq(guides.status, 'active'), sql`${guides.activeAssignments} < ${guides.maxActiveAssignments}`) as SQL,
    );
  }
  if (q.hasCapacity === false) {
    where.push(
      or(sql`${guides.status} <> 'active'`, sql`${guides.activeAssignments} >= ${guides.maxActiveAssignments}`) as SQL,
    );
  }
  return where;
}

export const guideRepository = {
  /**
   * One statement for the page, its total (a sub-select over the filtered rows), whether each guide has an
   * account, and the office's time zone. Only a page past the end has no row to carry the total: then it is counted separately.
   */
  async list(tx: Tx, officeId: string, q: GuideListQuery) {
    const where = and(...listConditions(officeId, q));
    const column = SORT_COLUMNS[q.sort];
    const direction = q.order === 'desc' ? desc : asc;
    const rows = await tx
      .select({
        guide: LIST_COLUMNS,
        // An uncorrelated sub-select (run once, from the index) rather than a window count, which would read and
        // sort every matching row before the limit applies.
        total: sql<number>`(select count(*) from ${guides} where ${where})::int`,
        // Qualified by hand: in a one-table select Drizzle writes `${guides.id}` as a bare "id", which inside this
        // sub-select would mean users.id (a bug found by the list-payload test).
        hasAccount: sql<boolean>`exists (select 1 from ${users} u where u.guide_id = ${guides}.id)`,
        timeZone: sql<
          string | null
        >`(select ${offices.settings}->>'timeZone' from ${offices} where ${offices.id} = ${officeId})`,
      })
      .from(guides)
      .where(where)
      .orderBy(direction(column), asc(guides.lastName), asc(guides.id))
      .limit(q.limit)
      .offset(q.offset);
    const total =
      rows[0]?.total ?? (q.offset > 0 ? (await tx.select({ total: count() }).from(guides).where(where))[0].total : 0);
    return {
      items: rows.map((r) => ({ ...r.guide, hasAccount: r.hasAccount })),
      total: Number(total),
      /** The office's time zone (for "today"), read with the page; undefined when the page is empty. */
      timeZone: rows[0]?.timeZone ?? undefined,
    };
  },

  async listAll(tx: Tx, officeId: string, q: Partial<GuideListQuery>) {
    return tx
      .select()
      .from(guides)
      .where(and(...listConditions(officeId, q)))
      .orderBy(asc(guides.lastName), asc(guides.firstName));
  },

  async findById(tx: Tx, id: string) {
    return (await tx.select().from(guides).where(eq(guides.id, id)).limit(1))[0];
  },

  async insert(tx: Tx, row: GuideInsert) {
    const [created] = await tx.insert(guides).values(row).returning();
    await tx
      .insert(guideStatusHistory)
      .values({ officeId: created.officeId, guideId: created.id, status: created.status });
    return created;
  },

  /** Many guides and their first status in multi-row inserts, in chunks that stay under PostgreSQL's parameter limit. Rows come back in input order. */
  async insertMany(tx: Tx, rows: GuideInsert[]) {
    const created: GuideRow[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = await tx
        .insert(guides)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .returning();
      // The import pairs each row with its new id by position: a RETURNING out of VALUES order must not go unnoticed.
      chunk.forEach((g, j) => {
        const row = rows[i + j];
        if (g.firstName !== row.firstName || g.lastName !== row.lastName)
          throw new Error('insertMany: rows out of order');
      });
      created.push(...chunk);
      await tx
        .insert(guideStatusHistory)
        .values(chunk.map((g) => ({ officeId: g.officeId, guideId: g.id, status: g.status })));
    }
    return created;
  },

  async update(tx: Tx, id: string, values: Partial<GuideInsert>, statusChanged: boolean) {
    const [updated] = await tx.update(guides).set(values).where(eq(guides.id, id)).returning();
    if (statusChanged) {
      await tx.insert(guideStatusHistory).values({ officeId: updated.officeId, guideId: id, status: updated.status });
    }
    return updated;
  },

  /** The old values of a correction (Art. 16), linked to its audit event. */
  async recordCorrection(
    tx: Tx,
    c: { officeId: string; guideId: string; auditEventId: string; previous: Record<string, unknown>; actor: Actor },
  ) {
    await tx.insert(guideCorrections).values({
      officeId: c.officeId,
      guideId: c.guideId,
      auditEventId: c.auditEventId,
      previous: c.previous,
      correctedByName: c.actor.displayName,
    });
  },

  delete: (tx: Tx, id: string) => tx.delete(guides).where(eq(guides.id, id)),

  /** Issued certificates are evidence too (their verification must keep answering). */
  /** Expense claims are payment evidence (and their receipts are the guide's): they keep their guide. */
  hasExpenseClaims: async (tx: Tx, guideId: string) =>
    (await tx.select({ id: expenseClaims.id }).from(expenseClaims).where(eq(expenseClaims.guideId, guideId)).limit(1))
      .length > 0,
  hasCertificates: async (tx: Tx, guideId: string) =>
    (
      await tx
        .select({ id: courseCertificates.id })
        .from(courseCertificates)
        .where(eq(courseCertificates.guideId, guideId))
        .limit(1)
    ).length > 0,
  /** Hours outside deployments or a monthly time sheet: evidence of the guide's engagement (issue 11). */
  hasHours: async (tx: Tx, guideId: string) =>
    (await tx.select({ id: hourEntries.id }).from(hourEntries).where(eq(hourEntries.guideId, guideId)).limit(1))
      .length > 0 ||
    (await tx.select({ id: timeSheets.id }).from(timeSheets).where(eq(timeSheets.guideId, guideId)).limit(1)).length >
      0,

  hasDeployments: async (tx: Tx, guideId: string) =>
    (await tx.select({ id: assignments.id }).from(assignments).where(eq(assignments.guideId, guideId)).limit(1))
      .length > 0,

  async statusHistory(tx: Tx, guideId: string) {
    return tx
      .select({ status: guideStatusHistory.status, at: guideStatusHistory.at })
      .from(guideStatusHistory)
      .where(eq(guideStatusHistory.guideId, guideId))
      .orderBy(asc(guideStatusHistory.at));
  },

  async hasAccount(tx: Tx, guideIds: string[]) {
    if (guideIds.length === 0) return new Set<string>();
    const rows = await tx.select({ guideId: users.guideId }).from(users).where(inArray(users.guideId, guideIds));
    return new Set(rows.map((r) => r.guideId as string));
  },

  /** Ids among `ids` that are districts of this office (others are invisible under RLS anyway). */
  async knownDistrictIds(tx: Tx, officeId: string, ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const rows = await tx
      .select({ id: districts.id })
      .from(districts)
      .where(and(eq(districts.officeId, officeId), inArray(districts.id, ids)));
    return new Set(rows.map((r) => r.id));
  },
};
