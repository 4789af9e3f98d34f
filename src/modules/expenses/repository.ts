import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  assignments,
  expenseClaims,
  expenseReceipts,
  expenseSettings,
  guideBankAccounts,
  guides,
  hourCategories,
  payoutRuns,
  programmeRuleSets,
  requests,
} from '../../db/schema/index.js';
import type { ExpenseClaimStatus } from '../../domain/expenses/kinds.js';

export type ClaimRow = typeof expenseClaims.$inferSelect;
export type PayoutRunRow = typeof payoutRuns.$inferSelect;

/** A claim with what the lists show next to it: the guide's name, the purpose's label and the receipt's facts. */
const claimView = {
  claim: expenseClaims,
  firstName: guides.firstName,
  lastName: guides.lastName,
  requestTitle: requests.title,
  categoryKey: hourCategories.key,
  categoryLabel: hourCategories.label,
  categoryTranslations: hourCategories.translations,
  receiptFileName: expenseReceipts.fileName,
  receiptContentType: expenseReceipts.contentType,
  receiptSizeBytes: expenseReceipts.sizeBytes,
};
export type ClaimView = {
  claim: ClaimRow;
  firstName: string;
  lastName: string;
  requestTitle: string | null;
  categoryKey: string | null;
  categoryLabel: string | null;
  categoryTranslations: unknown;
  receiptFileName: string | null;
  receiptContentType: string | null;
  receiptSizeBytes: number | null;
};

function selectClaims(tx: Tx, where: SQL | undefined) {
  return tx
    .select(claimView)
    .from(expenseClaims)
    .innerJoin(guides, eq(guides.id, expenseClaims.guideId))
    .leftJoin(assignments, eq(assignments.id, expenseClaims.assignmentId))
    .leftJoin(requests, eq(requests.id, assignments.requestId))
    .leftJoin(hourCategories, eq(hourCategories.id, expenseClaims.hourCategoryId))
    .leftJoin(expenseReceipts, eq(expenseReceipts.id, expenseClaims.receiptId))
    .where(where)
    .orderBy(desc(expenseClaims.date), asc(guides.lastName), asc(expenseClaims.createdAt));
}

export const expenseRepository = {
  claims: (tx: Tx, filter: { guideId?: string; status?: ExpenseClaimStatus; payoutRunId?: string }) =>
    selectClaims(
      tx,
      and(
        filter.guideId ? eq(expenseClaims.guideId, filter.guideId) : undefined,
        filter.status ? eq(expenseClaims.status, filter.status) : undefined,
        filter.payoutRunId ? eq(expenseClaims.payoutRunId, filter.payoutRunId) : undefined,
      ),
    ),
  claimView: async (tx: Tx, id: string) => (await selectClaims(tx, eq(expenseClaims.id, id)))[0],
  lockClaim: async (tx: Tx, id: string) =>
    (await tx.select().from(expenseClaims).where(eq(expenseClaims.id, id)).for('update'))[0],
  lockClaims: (tx: Tx, ids: string[]) =>
    tx.select().from(expenseClaims).where(inArray(expenseClaims.id, ids)).orderBy(asc(expenseClaims.id)).for('update'),
  lockApproved: (tx: Tx) =>
    tx
      .select()
      .from(expenseClaims)
      .where(eq(expenseClaims.status, 'approved'))
      .orderBy(asc(expenseClaims.id))
      .for('update'),
  insertClaim: async (tx: Tx, row: typeof expenseClaims.$inferInsert) =>
    (await tx.insert(expenseClaims).values(row).returning())[0],
  updateClaim: (tx: Tx, id: string, set: Partial<typeof expenseClaims.$inferInsert>) =>
    tx
      .update(expenseClaims)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(expenseClaims.id, id)),
  approve: (tx: Tx, ids: string[], at: Date, by: string | null) =>
    tx
      .update(expenseClaims)
      .set({ status: 'approved', decidedAt: at, decidedByUserId: by, updatedAt: at })
      .where(and(inArray(expenseClaims.id, ids), eq(expenseClaims.status, 'submitted')))
      .returning({ id: expenseClaims.id, guideId: expenseClaims.guideId }),
  markPaid: (tx: Tx, ids: string[], runId: string, paidOn: string, at: Date) =>
    tx
      .update(expenseClaims)
      .set({ status: 'paid', paidOn, payoutRunId: runId, updatedAt: at })
      .where(and(inArray(expenseClaims.id, ids), eq(expenseClaims.status, 'approved'))),

  insertReceipt: async (tx: Tx, row: typeof expenseReceipts.$inferInsert) =>
    (await tx.insert(expenseReceipts).values(row).returning({ id: expenseReceipts.id }))[0],
  receipt: async (tx: Tx, id: string) =>
    (await tx.select().from(expenseReceipts).where(eq(expenseReceipts.id, id)).limit(1))[0],
  /** A replaced receipt of a claim that was never approved is not evidence: it goes. */
  deleteReceipt: (tx: Tx, id: string) => tx.delete(expenseReceipts).where(eq(expenseReceipts.id, id)),

  guideName: async (tx: Tx, guideId: string) =>
    (
      await tx
        .select({
          firstName: guides.firstName,
          lastName: guides.lastName,
          email: guides.email,
          locale: guides.locale,
          anonymisedAt: guides.anonymisedAt,
        })
        .from(guides)
        .where(eq(guides.id, guideId))
        .limit(1)
    )[0],
  /** The guide's deployments the form offers as a purpose (and the service accepts). */
  guideAssignments: (tx: Tx, guideId: string) =>
    tx
      .select({ id: assignments.id, label: requests.title, startedAt: assignments.startedAt })
      .from(assignments)
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .where(eq(assignments.guideId, guideId))
      .orderBy(desc(assignments.startedAt)),
  categories: (tx: Tx, officeId: string) =>
    tx
      .select({
        id: hourCategories.id,
        key: hourCategories.key,
        label: hourCategories.label,
        translations: hourCategories.translations,
      })
      .from(hourCategories)
      .where(and(eq(hourCategories.officeId, officeId), isNull(hourCategories.archivedAt)))
      .orderBy(asc(hourCategories.sortOrder), asc(hourCategories.label)),
  category: async (tx: Tx, id: string) =>
    (await tx.select().from(hourCategories).where(eq(hourCategories.id, id)).limit(1))[0],
  assignment: async (tx: Tx, id: string) =>
    (await tx.select().from(assignments).where(eq(assignments.id, id)).limit(1))[0],
  ruleSets: (tx: Tx, officeId: string) =>
    tx
      .select({
        name: programmeRuleSets.name,
        validFrom: programmeRuleSets.validFrom,
        options: programmeRuleSets.options,
      })
      .from(programmeRuleSets)
      .where(eq(programmeRuleSets.officeId, officeId)),

  bankAccount: async (tx: Tx, guideId: string) =>
    (await tx.select().from(guideBankAccounts).where(eq(guideBankAccounts.guideId, guideId)).limit(1))[0],
  bankAccounts: (tx: Tx, guideIds: string[]) =>
    guideIds.length
      ? tx.select().from(guideBankAccounts).where(inArray(guideBankAccounts.guideId, guideIds))
      : Promise.resolve([]),
  saveBankAccount: (tx: Tx, row: typeof guideBankAccounts.$inferInsert) =>
    tx
      .insert(guideBankAccounts)
      .values(row)
      .onConflictDoUpdate({
        target: guideBankAccounts.guideId,
        set: {
          accountHolder: row.accountHolder,
          iban: row.iban,
          bic: row.bic ?? null,
          updatedByUserId: row.updatedByUserId,
          updatedAt: sql`now()`,
        },
      }),

  settings: async (tx: Tx, officeId: string) =>
    (await tx.select().from(expenseSettings).where(eq(expenseSettings.officeId, officeId)).limit(1))[0],
  saveSettings: (tx: Tx, row: typeof expenseSettings.$inferInsert) =>
    tx
      .insert(expenseSettings)
      .values(row)
      .onConflictDoUpdate({
        target: expenseSettings.officeId,
        set: {
          debtorName: row.debtorName,
          debtorIban: row.debtorIban,
          debtorBic: row.debtorBic ?? null,
          updatedAt: sql`now()`,
        },
      }),

  insertRun: async (tx: Tx, row: typeof payoutRuns.$inferInsert) =>
    (await tx.insert(payoutRuns).values(row).returning())[0],
  runs: (tx: Tx) => tx.select().from(payoutRuns).orderBy(desc(payoutRuns.paidOn), desc(payoutRuns.createdAt)),
  run: async (tx: Tx, id: string) => (await tx.select().from(payoutRuns).where(eq(payoutRuns.id, id)).limit(1))[0],
  runCount: async (tx: Tx, paidOn: string) =>
    (await tx.select({ n: sql<number>`count(*)::int` }).from(payoutRuns).where(eq(payoutRuns.paidOn, paidOn)))[0].n,
  /** Per run: how many of its claims belong to guides without bank details. */
  runsWithoutAccount: (tx: Tx) =>
    tx
      .select({ runId: expenseClaims.payoutRunId, n: sql<number>`count(*)::int` })
      .from(expenseClaims)
      .leftJoin(guideBankAccounts, eq(guideBankAccounts.guideId, expenseClaims.guideId))
      .where(and(sql`${expenseClaims.payoutRunId} is not null`, isNull(guideBankAccounts.guideId)))
      .groupBy(expenseClaims.payoutRunId),
};
