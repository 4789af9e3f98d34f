import type { BackgroundCheckState } from '../shared/enums.js';
import { addMonths } from './dates.js';

/** § 72a SGB VIII practice: re-check about every 5 years; warn 3 months ahead. */
export const BACKGROUND_CHECK_RULES = { recheckAfterMonths: 60, warnBeforeMonths: 3, maxAgeWhenShownMonths: 3 };

export type BackgroundCheck = { checkedAt: string; issuedAt?: string | null; relevantConviction: boolean };

export function recheckDueOn(check: BackgroundCheck, rules = BACKGROUND_CHECK_RULES): string {
  return addMonths(check.checkedAt, rules.recheckAfterMonths);
}

export function backgroundCheckState(
  check: BackgroundCheck | null,
  today: string,
  rules = BACKGROUND_CHECK_RULES,
): BackgroundCheckState {
  if (!check) return 'missing';
  const due = recheckDueOn(check, rules);
  if (today >= due) return 'expired';
  if (today >= addMonths(due, -rules.warnBeforeMonths)) return 'due';
  return 'valid';
}

/** A certificate may only be accepted if it was issued at most 3 months before it was shown. */
export function isCertificateFreshWhenShown(check: BackgroundCheck, rules = BACKGROUND_CHECK_RULES): boolean {
  if (!check.issuedAt) return true;
  return (
    check.issuedAt >= addMonths(check.checkedAt, -rules.maxAgeWhenShownMonths) && check.issuedAt <= check.checkedAt
  );
}

/** Deployments with minors need a current check without a relevant conviction. */
export function clearedForMinors(check: BackgroundCheck | null, today: string): boolean {
  // A check dated in the future is a data error, never a clearance.
  if (!check || check.relevantConviction || check.checkedAt > today) return false;
  const state = backgroundCheckState(check, today);
  return state === 'valid' || state === 'due';
}
