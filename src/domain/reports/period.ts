import { addDays, addMonths } from '../dates.js';

/** A reporting period: both ends are calendar days in the office's time zone, and both are included. */
export type Period = { from: string; to: string };

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Whole days from `from` to `to`, both included. */
export function periodDays({ from, to }: Period): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const isFirstOfMonth = (iso: string) => iso.endsWith('-01');
const isLastOfMonth = (iso: string) => isFirstOfMonth(addDays(iso, 1));

/**
 * The period just before, for comparison. Whole calendar months stay whole months (Q2 → Q1, a year → the year
 * before, March → February, even though the months differ in length); any other period is the same number of days
 * immediately before.
 */
export function previousPeriod(period: Period): Period {
  if (isFirstOfMonth(period.from) && isLastOfMonth(period.to)) {
    const months =
      (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 +
      Number(period.to.slice(5, 7)) -
      Number(period.from.slice(5, 7)) +
      1;
    return { from: addMonths(period.from, -months), to: addDays(period.from, -1) };
  }
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** The month, quarter or year that contains `day`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const firstMonth = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, months), -1) };
}

/** Reports cover at most five years at a time: the figures of a longer span are not comparable anyway. */
export const MAX_PERIOD_DAYS = 5 * 366;
