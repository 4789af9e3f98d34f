/**
 * The monthly time sheet's rules (pure): who may change a month's hours when, which transitions exist, which
 * rule-set version applies on a date, and when a month is due.
 */
import type { TimeSheetStatus } from './kinds.js';

/** A month without a sheet row is open. */
export type SheetState = TimeSheetStatus | 'open';

export const canSubmit = (state: SheetState) => state === 'open' || state === 'returned';
export const canDecide = (state: SheetState) => state === 'submitted';

/** Guides change their month while it is open or returned; coordinators until it is approved. */
export function entriesEditable(state: SheetState, by: 'guide' | 'coordinator'): boolean {
  if (state === 'approved') return false;
  return by === 'coordinator' || state === 'open' || state === 'returned';
}

export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The day a month's sheet is due: the deadline day of the following month. */
export function sheetDueOn(month: string, deadlineDay: number): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-${String(deadlineDay).padStart(2, '0')}`;
}

/** The version of a rule set valid on a date: the latest valid-from on or before it; none before the first. */
export function versionAt<T extends { validFrom: string }>(versions: readonly T[], date: string): T | undefined {
  return [...versions].filter((v) => v.validFrom <= date).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
