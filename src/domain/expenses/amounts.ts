/**
 * The money rules of an expense claim (issue 11 §2): the km rate valid at the claim's date and the claim's amount.
 * Pure: the service reads the office's rule sets and snapshots what these functions answer onto the claim.
 */
import { DEFAULT_KM_RATE_CENTS } from '../../shared/programmes.js';
import type { ExpenseTransport } from './kinds.js';

export { DEFAULT_KM_RATE_CENTS };

/** A programme rule set as far as the km rate is concerned. */
export type KmRateSource = { name: string; validFrom: string; options: { kmRateCents?: unknown } };

/**
 * The office's rate per km for a claim dated `date` (YYYY-MM-DD): the rule set with the latest valid-from date on or
 * before that day (by name when two start the same day); 0.30 € when none is valid yet or it names no rate. A
 * change of rate within a month therefore gives each claim its own day's rate.
 */
export function kmRateAt(ruleSets: readonly KmRateSource[], date: string): number {
  const valid = ruleSets
    .filter((r) => r.validFrom <= date)
    .sort((a, b) => (a.validFrom === b.validFrom ? a.name.localeCompare(b.name) : a.validFrom < b.validFrom ? 1 : -1));
  const rate = valid[0]?.options.kmRateCents;
  return typeof rate === 'number' && Number.isInteger(rate) && rate >= 0 ? rate : DEFAULT_KM_RATE_CENTS;
}

export type ClaimCosts = {
  transport: ExpenseTransport;
  km?: number | null;
  ticketCents?: number | null;
  otherCents?: number | null;
};

/** Which cost fields a means of transport uses: km only by car or bike, a ticket only by public transport. */
export function normaliseCosts(costs: ClaimCosts) {
  const byRoad = costs.transport === 'car' || costs.transport === 'bike';
  return {
    km: byRoad ? (costs.km ?? null) : null,
    ticketCents: costs.transport === 'publicTransport' ? (costs.ticketCents ?? null) : null,
    otherCents: costs.otherCents || null,
  };
}

/** Field problems of a claim's costs (paths as in the contract), empty when it is complete. */
export function costProblems(costs: ClaimCosts, hasReceipt: boolean): { path: string; code: string }[] {
  const c = normaliseCosts(costs);
  const problems: { path: string; code: string }[] = [];
  if ((costs.transport === 'car' || costs.transport === 'bike') && !c.km)
    problems.push({ path: 'km', code: 'required' });
  if (costs.transport === 'publicTransport' && !c.ticketCents) problems.push({ path: 'ticketCents', code: 'required' });
  if (costs.transport === 'other' && !c.otherCents) problems.push({ path: 'otherCents', code: 'required' });
  // Other costs are reimbursed against a receipt only.
  if (c.otherCents && !hasReceipt) problems.push({ path: 'receipt', code: 'receiptRequired' });
  return problems;
}

/** The claim's amount in cents: km × the rate of the claim's day, plus the ticket, plus other costs. */
export function claimAmountCents(costs: ClaimCosts, kmRateCents: number): number {
  const c = normaliseCosts(costs);
  return (c.km ?? 0) * kmRateCents + (c.ticketCents ?? 0) + (c.otherCents ?? 0);
}
