/**
 * Allowances (Aufwandsentschädigung) for approved hours and the tax-free limits they are tracked against (pure).
 * Reimbursed costs (Auslagenersatz: km, tickets, receipts) are not allowances and never count here.
 *
 * - Hessen WIR: 5 € per hour (500 cents), paid for approved hours within the guide's cap.
 * - Tax-free per calendar year, 2026: Ehrenamtspauschale 960 €, Übungsleiterpauschale 3,300 €.
 * - AsylbLG: allowances up to 250 € a month are not deducted; Bürgergeld and AsylbLG recipients must report them.
 */
import { paidMinutesWithinCap } from './caps.js';

export const TAX_FREE_LIMITS_CENTS: Record<number, { ehrenamtspauschale: number; uebungsleiterpauschale: number }> = {
  2026: { ehrenamtspauschale: 96_000, uebungsleiterpauschale: 330_000 },
};
export type TaxFreeKind = 'ehrenamtspauschale' | 'uebungsleiterpauschale';

/** The limit of a year; years after the last known one keep the last known figures until the office adds new ones. */
export function taxFreeLimitCents(year: number, kind: TaxFreeKind): number {
  const years = Object.keys(TAX_FREE_LIMITS_CENTS)
    .map(Number)
    .sort((a, b) => a - b);
  const known = years.filter((y) => y <= year).pop() ?? years[0];
  return TAX_FREE_LIMITS_CENTS[known][kind];
}

/** Allowance for minutes at a rate per hour, rounded to the cent. */
export function allowanceCents(minutes: number, centsPerHour: number): number {
  return Math.round((minutes * centsPerHour) / 60);
}

export type MonthHours = { month: string; paidMinutes: number; centsPerHour: number; allowancesEnabled: boolean };

/**
 * The allowance of each approved month of a year, in month order: the cap counts over the whole year, so the month
 * that reaches it is paid only up to it, and later months nothing.
 */
export function allowancesForYear(
  months: readonly MonthHours[],
  capHours: number | null,
): { month: string; paidMinutes: number; cents: number }[] {
  let used = 0;
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => {
      const before = paidMinutesWithinCap(used, capHours);
      used += m.paidMinutes;
      const paidMinutes = paidMinutesWithinCap(used, capHours) - before;
      return {
        month: m.month,
        paidMinutes,
        cents: m.allowancesEnabled ? allowanceCents(paidMinutes, m.centsPerHour) : 0,
      };
    });
}

export type TaxFreeCheck = {
  state: 'ok' | 'warning' | 'exceeds';
  limitCents: number;
  /** What may still be paid tax-free this year before the payment. */
  remainingCents: number;
  /** The part of the payment above the limit. */
  overCents: number;
};

/** Checks a payment against the year's tax-free limit: a warning from 90 %, "exceeds" before it passes the limit. */
export function checkTaxFree(paidSoFarCents: number, paymentCents: number, limitCents: number): TaxFreeCheck {
  const after = paidSoFarCents + paymentCents;
  const remainingCents = Math.max(0, limitCents - paidSoFarCents);
  const overCents = Math.max(0, after - limitCents);
  const state = overCents > 0 ? 'exceeds' : after >= limitCents * 0.9 ? 'warning' : 'ok';
  return { state, limitCents, remainingCents, overCents };
}

import type { GuideBenefits as Benefits } from './kinds.js';
/** AsylbLG: an allowance up to 250 € a month stays without deduction. */
export const ASYLBLG_MONTHLY_FREE_CENTS = 25_000;

export type BenefitsHint = { mustReport: boolean; freeCents: number | null; aboveFreeCents: number };

/** The hint for a guide on Bürgergeld or AsylbLG for one month's allowance. */
export function benefitsHint(benefits: Benefits, monthAllowanceCents: number): BenefitsHint {
  if (benefits === 'none') return { mustReport: false, freeCents: null, aboveFreeCents: 0 };
  if (benefits === 'asylblg')
    return {
      mustReport: true,
      freeCents: ASYLBLG_MONTHLY_FREE_CENTS,
      aboveFreeCents: Math.max(0, monthAllowanceCents - ASYLBLG_MONTHLY_FREE_CENTS),
    };
  return { mustReport: true, freeCents: null, aboveFreeCents: 0 };
}
