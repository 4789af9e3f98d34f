/**
 * Demo expense claims (invented people and accounts): for the Hannover guides with deployments, claims in every
 * state — paid in last month's payout run, approved and waiting for the next run, submitted with a receipt, and one
 * returned with a comment — plus their bank details and the office's own account as the SEPA debtor.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { composeIBAN } from 'ibantools';
import type { Tx } from '../db/client.js';
import {
  assignments,
  expenseClaims,
  expenseReceipts,
  expenseSettings,
  guideBankAccounts,
  guides,
  payoutRuns,
  programmeRuleSets,
  requests,
} from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';
import { claimAmountCents, kmRateAt } from '../domain/expenses/amounts.js';
import type { ExpenseTransport } from '../domain/expenses/kinds.js';
import { hourCategoryIdsByKey } from '../modules/timesheets/repository.js';

/** A 1×1 PNG standing in for the photo of a ticket. */
const RECEIPT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SHA_OF_RECEIPT = createHash('sha256').update(RECEIPT_PNG).digest('hex');

/**
 * The demo office's paying account: the textbook example pair of the SEPA documentation (IBAN DE89 3704 0044 0532
 * 0130 00 and its bank's BIC COBADEFFXXX), not a real account. The SEPA file needs a well-formed BIC; an invented
 * one would fail the validation every real office's BIC passes.
 */
export const DEMO_DEBTOR = {
  name: 'Koordinierungsstelle Integrationslotsen Hannover',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

type Plan = {
  days: number;
  transport: ExpenseTransport;
  km?: number;
  ticketCents?: number;
  otherCents?: number;
  origin: string;
  destination: string;
  status: 'paid' | 'approved' | 'submitted' | 'returned';
  category?: string;
};

/** What each guide filed, relative to today; every guide gets every state. */
const PLANS: Plan[] = [
  { days: -40, transport: 'car', km: 18, origin: 'Linden-Mitte', destination: 'Ausländerbehörde', status: 'paid' },
  {
    days: -35,
    transport: 'publicTransport',
    ticketCents: 340,
    origin: 'Vahrenwald',
    destination: 'Jobcenter Mitte',
    status: 'paid',
  },
  { days: -33, transport: 'bike', km: 6, origin: 'List', destination: 'Rathaus', status: 'paid', category: 'plenum' },
  { days: -12, transport: 'car', km: 24, origin: 'Linden-Mitte', destination: 'Sozialamt', status: 'approved' },
  {
    days: -9,
    transport: 'publicTransport',
    ticketCents: 290,
    otherCents: 150,
    origin: 'Vahrenwald',
    destination: 'Kinderarzt',
    status: 'approved',
  },
  {
    days: -4,
    transport: 'publicTransport',
    ticketCents: 340,
    origin: 'Hauptbahnhof',
    destination: 'Schule am Lindener Markt',
    status: 'submitted',
  },
  {
    days: -2,
    transport: 'car',
    km: 31,
    origin: 'List',
    destination: 'Supervision, Freiwilligenzentrum',
    status: 'submitted',
    category: 'supervision',
  },
  { days: -6, transport: 'car', km: 120, origin: 'Linden-Mitte', destination: 'Familienkasse', status: 'returned' },
];

export async function seedDemoExpenses(
  tx: Tx,
  input: { officeId: string; coordinatorUserId: string | null; today: string },
) {
  const { officeId, today } = input;
  const categories = await hourCategoryIdsByKey(tx, officeId);
  const ruleSets = await tx
    .select({
      name: programmeRuleSets.name,
      validFrom: programmeRuleSets.validFrom,
      options: programmeRuleSets.options,
    })
    .from(programmeRuleSets)
    .where(eq(programmeRuleSets.officeId, officeId));
  // The guides with a deployment: claims need a purpose, and their first deployment is it.
  const deployed = await tx
    .select({
      guideId: assignments.guideId,
      assignmentId: assignments.id,
      firstName: guides.firstName,
      lastName: guides.lastName,
      title: requests.title,
    })
    .from(assignments)
    .innerJoin(guides, eq(guides.id, assignments.guideId))
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .where(eq(assignments.officeId, officeId));
  const byGuide = new Map<string, (typeof deployed)[number]>();
  for (const d of deployed) if (!byGuide.has(d.guideId)) byGuide.set(d.guideId, d);
  const chosen = [...byGuide.values()].slice(0, 4);
  if (chosen.length === 0) return { claims: 0 };

  await tx
    .insert(expenseSettings)
    .values({ officeId, debtorName: DEMO_DEBTOR.name, debtorIban: DEMO_DEBTOR.iban, debtorBic: DEMO_DEBTOR.bic })
    .onConflictDoNothing();
  // Invented accounts at an invented account number; every IBAN has a valid check sum. The last guide has none, so
  // the payout page shows what happens then.
  for (const [i, g] of chosen.slice(0, -1).entries()) {
    await tx
      .insert(guideBankAccounts)
      .values({
        guideId: g.guideId,
        officeId,
        accountHolder: `${g.firstName} ${g.lastName}`,
        iban:
          composeIBAN({ countryCode: 'DE', bban: `25050000${String(4711000000 + i * 1013).padStart(10, '0')}` }) ??
          DEMO_DEBTOR.iban,
      })
      .onConflictDoNothing();
  }

  const paidOn = addDays(today, -28);
  const planned = chosen.flatMap((g, gi) =>
    PLANS.map((plan) => {
      const date = addDays(today, plan.days - gi);
      const rate = plan.km ? kmRateAt(ruleSets, date) : null;
      return { g, plan, date, rate, amountCents: claimAmountCents(plan, rate ?? 0) };
    }),
  );
  const paid = planned.filter((p) => p.plan.status === 'paid');
  const [run] = await tx
    .insert(payoutRuns)
    .values({
      officeId,
      paidOn,
      reference: `AUSLAGEN-${paidOn.replaceAll('-', '')}-1`,
      claimCount: paid.length,
      totalCents: paid.reduce((sum, p) => sum + p.amountCents, 0),
      debtorName: DEMO_DEBTOR.name,
      debtorIban: DEMO_DEBTOR.iban,
      debtorBic: DEMO_DEBTOR.bic,
      createdByUserId: input.coordinatorUserId,
    })
    .returning();
  let count = 0;
  for (const { g, plan, date, rate, amountCents } of planned) {
    let receiptId: string | null = null;
    if (plan.ticketCents || plan.otherCents) {
      const [receipt] = await tx
        .insert(expenseReceipts)
        .values({
          officeId,
          guideId: g.guideId,
          fileName: `Fahrkarte-${date}.png`,
          contentType: 'image/png',
          sizeBytes: RECEIPT_PNG.length,
          sha256: SHA_OF_RECEIPT,
          data: RECEIPT_PNG,
        })
        .returning({ id: expenseReceipts.id });
      receiptId = receipt.id;
    }
    const decided = plan.status !== 'submitted';
    // A claim is written as filed, then moved through its states: the evidence guard allows approved → paid only.
    const [row] = await tx
      .insert(expenseClaims)
      .values({
        officeId,
        guideId: g.guideId,
        date,
        origin: plan.origin,
        destination: plan.destination,
        assignmentId: plan.category ? null : g.assignmentId,
        hourCategoryId: plan.category ? (categories.get(plan.category) ?? null) : null,
        transport: plan.transport,
        km: plan.km ?? null,
        kmRateCents: rate,
        ticketCents: plan.ticketCents ?? null,
        otherCents: plan.otherCents ?? null,
        otherDescription: plan.otherCents ? 'Parkgebühr' : null,
        amountCents,
        receiptId,
        status: plan.status === 'paid' ? 'approved' : plan.status,
        submittedAt: new Date(`${date}T18:00:00Z`),
        decidedAt: decided ? new Date(`${addDays(date, 2)}T09:00:00Z`) : null,
        decidedByUserId: decided ? input.coordinatorUserId : null,
        returnComment:
          plan.status === 'returned'
            ? 'Bitte prüfen: 120 km für die Fahrt zur Familienkasse? Laut Karte sind es etwa 12 km hin und zurück.'
            : null,
      })
      .returning({ id: expenseClaims.id });
    count++;
    if (plan.status === 'paid') {
      await tx
        .update(expenseClaims)
        .set({ status: 'paid', paidOn, payoutRunId: run.id })
        .where(and(eq(expenseClaims.id, row.id), inArray(expenseClaims.status, ['approved'])));
    }
  }
  return { claims: count };
}
