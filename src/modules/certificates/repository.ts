import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  courseCertificates,
  courseEnrolments,
  courseFunding,
  fundingRuleSets,
  offices,
} from '../../db/schema/index.js';

export type CertificateRow = typeof courseCertificates.$inferSelect;
export type RuleSetRow = typeof fundingRuleSets.$inferSelect;

export const certificateRepository = {
  forCourse: (tx: Tx, courseId: string) =>
    tx
      .select()
      .from(courseCertificates)
      .where(eq(courseCertificates.courseId, courseId))
      .orderBy(asc(courseCertificates.holderName)),
  forGuide: (tx: Tx, guideId: string) =>
    tx
      .select()
      .from(courseCertificates)
      .where(eq(courseCertificates.guideId, guideId))
      .orderBy(asc(courseCertificates.issuedAt)),
  find: async (tx: Tx, id: string) =>
    (await tx.select().from(courseCertificates).where(eq(courseCertificates.id, id)).limit(1))[0],
  forEnrolments: (tx: Tx, enrolmentIds: string[]) =>
    enrolmentIds.length
      ? tx.select().from(courseCertificates).where(inArray(courseCertificates.enrolmentId, enrolmentIds))
      : Promise.resolve([] as CertificateRow[]),
  insert: async (tx: Tx, row: typeof courseCertificates.$inferInsert) =>
    (await tx.insert(courseCertificates).values(row).onConflictDoNothing().returning())[0],
  revoke: (tx: Tx, id: string, at: Date, reason: string) =>
    tx.update(courseCertificates).set({ revokedAt: at, revokedReason: reason }).where(eq(courseCertificates.id, id)),
  /** The public verification runs in the system scope: the code names no office. */
  async byCode(tx: Tx, code: string) {
    const [row] = await tx
      .select({ certificate: courseCertificates, officeName: offices.name })
      .from(courseCertificates)
      .innerJoin(offices, eq(offices.id, courseCertificates.officeId))
      .where(eq(courseCertificates.code, code))
      .limit(1);
    return row;
  },
  completedEnrolments: (tx: Tx, courseId: string) =>
    tx
      .select({ id: courseEnrolments.id })
      .from(courseEnrolments)
      .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'completed'))),
};

export const fundingRepository = {
  ruleSets: (tx: Tx, officeId: string) =>
    tx
      .select()
      .from(fundingRuleSets)
      .where(eq(fundingRuleSets.officeId, officeId))
      .orderBy(asc(fundingRuleSets.name), asc(fundingRuleSets.validFrom)),
  ruleSetsNamed: (tx: Tx, officeId: string, name: string) =>
    tx
      .select()
      .from(fundingRuleSets)
      .where(and(eq(fundingRuleSets.officeId, officeId), eq(fundingRuleSets.name, name))),
  findRuleSet: async (tx: Tx, id: string) =>
    (await tx.select().from(fundingRuleSets).where(eq(fundingRuleSets.id, id)).limit(1))[0],
  insertRuleSet: async (tx: Tx, row: typeof fundingRuleSets.$inferInsert) =>
    (await tx.insert(fundingRuleSets).values(row).onConflictDoNothing().returning())[0],
  deleteRuleSet: (tx: Tx, id: string) => tx.delete(fundingRuleSets).where(eq(fundingRuleSets.id, id)),
  courseFunding: async (tx: Tx, courseId: string) =>
    (await tx.select().from(courseFunding).where(eq(courseFunding.courseId, courseId)).limit(1))[0],
  setCourseFunding: (tx: Tx, row: typeof courseFunding.$inferInsert) =>
    tx
      .insert(courseFunding)
      .values(row)
      .onConflictDoUpdate({
        target: courseFunding.courseId,
        set: { ruleSetName: row.ruleSetName, materialsCents: row.materialsCents, updatedAt: new Date() },
      }),
};
