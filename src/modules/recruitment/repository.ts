import { and, asc, count, desc, eq, ilike, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  applicantConversations,
  applicantSteps,
  applicants,
  consentTexts,
  districts,
  offices,
  users,
} from '../../db/schema/index.js';
import type { ApplicantListQuery } from '../../shared/recruitment.js';

export type ApplicantRow = typeof applicants.$inferSelect;
export type ApplicantInsert = typeof applicants.$inferInsert;

const escapeLike = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const recruitmentRepository = {
  /** The office behind a public form address; deactivated offices take no applications. */
  officeBySlug: async (tx: Tx, slug: string) =>
    (
      await tx
        .select()
        .from(offices)
        .where(and(eq(offices.slug, slug), sql`${offices.deactivatedAt} is null`))
        .limit(1)
    )[0],

  officeSlug: async (tx: Tx, officeId: string) =>
    (await tx.select({ slug: offices.slug }).from(offices).where(eq(offices.id, officeId)).limit(1))[0]?.slug ?? null,

  districts: (tx: Tx, officeId: string) =>
    tx
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .where(eq(districts.officeId, officeId))
      .orderBy(asc(districts.name)),

  /** A consent text in force (the newest published version of its kind): the guide's or the person's. */
  currentConsent: async (tx: Tx, officeId: string, kind: 'guide_consent' | 'person_consent' = 'guide_consent') =>
    (
      await tx
        .select()
        .from(consentTexts)
        .where(
          and(eq(consentTexts.officeId, officeId), eq(consentTexts.kind, kind), isNotNull(consentTexts.publishedAt)),
        )
        .orderBy(desc(consentTexts.version))
        .limit(1)
    )[0],

  async list(tx: Tx, officeId: string, q: ApplicantListQuery) {
    const where = and(
      eq(applicants.officeId, officeId),
      q.status ? eq(applicants.status, q.status) : undefined,
      q.q
        ? ilike(
            sql`${applicants.firstName} || ' ' || ${applicants.lastName} || ' ' || ${applicants.email}`,
            escapeLike(q.q),
          )
        : undefined,
    );
    const items = await tx
      .select()
      .from(applicants)
      .where(where)
      .orderBy(desc(applicants.statusOn), desc(applicants.createdAt))
      .limit(q.limit)
      .offset(q.offset);
    const [{ n }] = await tx.select({ n: count() }).from(applicants).where(where);
    return { items, total: n };
  },

  find: async (tx: Tx, id: string) => (await tx.select().from(applicants).where(eq(applicants.id, id)).limit(1))[0],
  /** The row locked for a change: two coordinators accepting at once get one guide, not two. */
  findForUpdate: async (tx: Tx, id: string) =>
    (await tx.select().from(applicants).where(eq(applicants.id, id)).for('update').limit(1))[0],

  /** An earlier application with the same address in this office that is still in the pipeline. */
  openByEmail: async (tx: Tx, officeId: string, email: string) =>
    (
      await tx
        .select()
        .from(applicants)
        .where(
          and(
            eq(applicants.officeId, officeId),
            eq(applicants.email, email),
            sql`${applicants.status} <> 'dropped_out'`,
          ),
        )
        .limit(1)
    )[0],

  insert: async (tx: Tx, row: ApplicantInsert) => (await tx.insert(applicants).values(row).returning())[0],
  update: async (tx: Tx, id: string, values: Partial<ApplicantInsert>) =>
    (await tx.update(applicants).set(values).where(eq(applicants.id, id)).returning())[0],
  delete: (tx: Tx, id: string) => tx.delete(applicants).where(eq(applicants.id, id)),

  byTokenHash: async (tx: Tx, hash: string) =>
    (await tx.select().from(applicants).where(eq(applicants.confirmTokenHash, hash)).for('update').limit(1))[0],

  insertStep: async (tx: Tx, row: typeof applicantSteps.$inferInsert) =>
    (await tx.insert(applicantSteps).values(row).returning())[0],
  steps: (tx: Tx, applicantId: string) =>
    tx
      .select({
        id: applicantSteps.id,
        status: applicantSteps.status,
        on: applicantSteps.on,
        note: applicantSteps.note,
        recordedByName: users.displayName,
        createdAt: applicantSteps.createdAt,
      })
      .from(applicantSteps)
      .leftJoin(users, eq(users.id, applicantSteps.recordedBy))
      .where(eq(applicantSteps.applicantId, applicantId))
      .orderBy(desc(applicantSteps.on), desc(applicantSteps.createdAt)),

  insertConversation: async (tx: Tx, row: typeof applicantConversations.$inferInsert) =>
    (await tx.insert(applicantConversations).values(row).returning())[0],
  conversations: (tx: Tx, applicantId: string) =>
    tx
      .select({
        id: applicantConversations.id,
        heldOn: applicantConversations.heldOn,
        heldBy: applicantConversations.heldBy,
        heldByName: users.displayName,
        outcome: applicantConversations.outcome,
        note: applicantConversations.note,
        createdAt: applicantConversations.createdAt,
      })
      .from(applicantConversations)
      .leftJoin(users, eq(users.id, applicantConversations.heldBy))
      .where(eq(applicantConversations.applicantId, applicantId))
      .orderBy(desc(applicantConversations.heldOn), desc(applicantConversations.createdAt)),

  /** The office's coordinators (who may have held a conversation). */
  coordinators: (tx: Tx, officeId: string) =>
    tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.officeId, officeId), eq(users.role, 'coordinator'), sql`${users.disabledAt} is null`))
      .orderBy(asc(users.displayName)),
};
