/**
 * Anniversaries and hour milestones for the office's recognition events (issue 11 §4): a list to plan a thank-you
 * evening, not gamification (no points, no ranks, nothing shown to other guides).
 *
 * - Years of engagement count from the guide's certification (`certified_at`, the day they completed the basic
 *   qualification and became a guide); a guide without a certification date counts from their first logged hour.
 *   A start on 29 February has its anniversaries on 28 February in other years.
 * - Hour milestones count all hours (deployments and hours outside deployments, reversals subtracted); a
 *   milestone is reached on the first day the running total reaches it.
 */
import { addMonths } from '../dates.js';

export const YEAR_MILESTONES = [1, 5, 10] as const;
export const HOUR_MILESTONES = [100, 500] as const;

export type Milestone = { kind: 'years' | 'hours'; value: number; date: string };

/** The anniversaries (1, 5, 10 years) of `start` that fall within [from, to]. */
export function anniversariesBetween(start: string, from: string, to: string): Milestone[] {
  const out: Milestone[] = [];
  for (const years of YEAR_MILESTONES) {
    const date = addMonths(start, 12 * years);
    if (date >= from && date <= to) out.push({ kind: 'years', value: years, date });
  }
  return out;
}

/** The hour milestones reached within [from, to], given the day each milestone was first reached. */
export function hourMilestonesBetween(
  reached: readonly { hours: number; date: string }[],
  from: string,
  to: string,
): Milestone[] {
  return reached
    .filter((r) => (HOUR_MILESTONES as readonly number[]).includes(r.hours) && r.date >= from && r.date <= to)
    .map((r) => ({ kind: 'hours' as const, value: r.hours, date: r.date }));
}

/**
 * The day a running total first reaches each milestone, from daily minutes in date order. The repository does the
 * same in SQL (window sum); this is its specification and its test.
 */
export function firstReached(daily: readonly { date: string; minutes: number }[]): { hours: number; date: string }[] {
  let total = 0;
  const out: { hours: number; date: string }[] = [];
  for (const d of daily) {
    total += d.minutes;
    for (const hours of HOUR_MILESTONES)
      if (total >= hours * 60 && !out.some((o) => o.hours === hours)) out.push({ hours, date: d.date });
  }
  return out;
}
