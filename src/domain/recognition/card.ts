/**
 * Ehrenamtskarte rules (issue 11 §4): who qualifies for the volunteer card, who will soon, and how long a card is
 * valid. Pure functions on monthly hour totals; the totals come from the recognition repository (one SQL
 * aggregation over `activities` and `hour_entries`).
 *
 * Definitions (the published rules leave them open, so they are fixed here and tested at their boundaries):
 * - Hours are counted per calendar month (`YYYY-MM`). The evaluation ends with the last complete month before the
 *   reference date: on 2026-12-04 it ends with November 2026, so a month still being logged never decides.
 * - A "year" is a block of 12 consecutive months. The newest block ends with that month, the one before it ends
 *   12 months earlier, and so on. Rolling blocks (not calendar years) so that a guide can apply in any month.
 * - A block qualifies when its hours reach the year threshold: the smaller of `hoursPerYear` and
 *   `hoursPerWeek` × 52. "5 hours a week" means 5 h on average over the year's 52 weeks (260 h), not 5 h in every
 *   single week: volunteers have holidays. Niedersachsen's "5 h a week OR 250 h a year" therefore needs 250 h in a
 *   block (the weaker of the two); Hessen, which names only 5 h a week, needs 260 h.
 * - Eligible: each of the last `years` blocks qualifies.
 * - Soon (one reason is enough):
 *   - `projected`: keeping the pace of the newest block (its hours / 12 per month), the guide qualifies within
 *     `soonMonths` months;
 *   - `nearHours`: each block has at least `nearShare` (80 %) of the threshold.
 * - A card issued on day D is valid until the day before D + `validityYears` years (issued 2026-03-15, valid for
 *   3 years: until 2029-03-14).
 */
import { addDays, addMonths } from '../dates.js';

export const CARD_RULE_KEYS = ['niedersachsen', 'hessen'] as const;
export type CardRuleKey = (typeof CARD_RULE_KEYS)[number];

export type CardRuleSet = {
  key: CardRuleKey;
  /** Hours a year that qualify a year on their own; null when the rule names only hours a week. */
  hoursPerYear: number | null;
  /** Average hours a week over a year (× 52). */
  hoursPerWeek: number;
  /** Consecutive qualifying years needed. */
  years: number;
  /** How long an issued card is valid. */
  validityYears: number;
  /** "Soon": qualifies within this many months at the current pace … */
  soonMonths: number;
  /** … or has at least this share of the threshold in every year. */
  nearShare: number;
};

export const WEEKS_PER_YEAR = 52;

/**
 * Ehrenamtskarte Niedersachsen: at least 5 h a week or 250 h a year, for at least 2 years; valid 3 years.
 * Hessen Ehrenamts-Card (E-Card): the only statewide criterion is at least 5 h a week; the issuing districts set
 * the rest. Assumed here: 2 years of engagement (as most districts and the neighbouring states ask) and a validity
 * of 2 years (the Land's guideline: "grundsätzlich zwei Jahre"). Some districts ask for 5 years: a different
 * `years` value, not different code.
 */
export const CARD_RULE_SETS: Record<CardRuleKey, CardRuleSet> = {
  niedersachsen: {
    key: 'niedersachsen',
    hoursPerYear: 250,
    hoursPerWeek: 5,
    years: 2,
    validityYears: 3,
    soonMonths: 3,
    nearShare: 0.8,
  },
  hessen: {
    key: 'hessen',
    hoursPerYear: null,
    hoursPerWeek: 5,
    years: 2,
    validityYears: 2,
    soonMonths: 3,
    nearShare: 0.8,
  },
};

/** Minutes a 12-month block needs: the smaller of the yearly figure and the weekly average × 52. */
export function yearThresholdMinutes(rules: CardRuleSet): number {
  const weekly = rules.hoursPerWeek * WEEKS_PER_YEAR;
  return Math.round(Math.min(rules.hoursPerYear ?? weekly, weekly) * 60);
}

/** `YYYY-MM` plus n months. */
export function addToMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The last complete month before the reference date. */
export const lastCompleteMonth = (asOf: string) => addToMonth(asOf.slice(0, 7), -1);

export type CardBlock = { from: string; to: string; minutes: number; qualifies: boolean };
export type CardStatus = 'eligible' | 'soon' | 'notYet';
export type CardEvaluation = {
  status: CardStatus;
  reason: 'projected' | 'nearHours' | null;
  /** The month whose end the guide qualifies at, at the current pace (status soon by projection). */
  projectedMonth: string | null;
  thresholdMinutes: number;
  /** Newest first. */
  blocks: CardBlock[];
  /** Minutes over the whole evaluated period. */
  totalMinutes: number;
};

function blocksEnding(monthly: ReadonlyMap<string, number>, end: string, rules: CardRuleSet): CardBlock[] {
  const threshold = yearThresholdMinutes(rules);
  const blocks: CardBlock[] = [];
  for (let b = 0; b < rules.years; b++) {
    const to = addToMonth(end, -12 * b);
    const from = addToMonth(to, -11);
    let minutes = 0;
    for (let m = 0; m < 12; m++) minutes += monthly.get(addToMonth(from, m)) ?? 0;
    blocks.push({ from, to, minutes, qualifies: minutes >= threshold });
  }
  return blocks;
}

/** Evaluates one guide's monthly minutes (`YYYY-MM` → minutes, reversals already summed) on the reference date. */
export function evaluateCard(
  monthly: ReadonlyMap<string, number> | Record<string, number>,
  asOf: string,
  rules: CardRuleSet,
): CardEvaluation {
  const months = monthly instanceof Map ? monthly : new Map(Object.entries(monthly));
  const end = lastCompleteMonth(asOf);
  const threshold = yearThresholdMinutes(rules);
  const blocks = blocksEnding(months, end, rules);
  const totalMinutes = blocks.reduce((s, b) => s + b.minutes, 0);
  const base = { thresholdMinutes: threshold, blocks, totalMinutes };
  if (blocks.every((b) => b.qualifies)) return { ...base, status: 'eligible', reason: null, projectedMonth: null };

  // At the newest block's pace, month after month.
  const pace = Math.max(0, blocks[0].minutes) / 12;
  if (pace > 0) {
    const projected = new Map(months);
    for (let k = 1; k <= rules.soonMonths; k++) {
      const month = addToMonth(end, k);
      projected.set(month, pace);
      if (blocksEnding(projected, month, rules).every((b) => b.qualifies))
        return { ...base, status: 'soon', reason: 'projected', projectedMonth: month };
    }
  }
  if (blocks.every((b) => b.minutes >= threshold * rules.nearShare))
    return { ...base, status: 'soon', reason: 'nearHours', projectedMonth: null };
  return { ...base, status: 'notYet', reason: null, projectedMonth: null };
}

/** The last day a card issued on `issuedOn` is valid. */
export function cardExpiresOn(issuedOn: string, validityYears: number): string {
  return addDays(addMonths(issuedOn, 12 * validityYears), -1);
}

export type CardValidity = 'valid' | 'expiringSoon' | 'expired';
/** A card runs out "soon" when its last valid day is within `withinMonths` months of the reference date. */
export function cardValidity(expiresOn: string, asOf: string, withinMonths = 3): CardValidity {
  if (expiresOn < asOf) return 'expired';
  return expiresOn <= addMonths(asOf, withinMonths) ? 'expiringSoon' : 'valid';
}
