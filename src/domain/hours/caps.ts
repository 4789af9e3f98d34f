/**
 * Caps on paid hours per guide and calendar year (pure). Hessen WIR publishes 276 hours a year (on average 6 h a
 * week) and 414 hours for coordinating guides. A guide is warned from 90 % of the cap; paid hours are blocked at
 * the cap, and hours above it can still be logged as unpaid (they count as engagement, never as money).
 */
export const CAP_WARNING_RATIO = 0.9;

export type CapOptions = { capHours: number | null; coordinatorCapHours: number | null };
export type CapState = 'none' | 'ok' | 'warning' | 'reached';

/** The cap that applies to a guide; coordinating guides have their own when the programme sets one. */
export function capHoursFor(options: CapOptions, coordinating: boolean): number | null {
  if (coordinating && options.coordinatorCapHours !== null) return options.coordinatorCapHours;
  return options.capHours;
}

/** Whether an hour category (by key) counts towards the cap; an empty list means every category counts. */
export function countsTowardCap(categoryKey: string, capCategoryKeys: readonly string[]): boolean {
  return capCategoryKeys.length === 0 || capCategoryKeys.includes(categoryKey);
}

export type CapStatus = {
  state: CapState;
  capMinutes: number | null;
  usedMinutes: number;
  /** Paid minutes still possible this year; null without a cap. */
  remainingMinutes: number | null;
};

/** Where a guide stands against the cap with the paid minutes counted so far this year. */
export function capStatus(usedMinutes: number, capHours: number | null): CapStatus {
  if (capHours === null) return { state: 'none', capMinutes: null, usedMinutes, remainingMinutes: null };
  const capMinutes = capHours * 60;
  const remainingMinutes = Math.max(0, capMinutes - usedMinutes);
  const state =
    usedMinutes >= capMinutes ? 'reached' : usedMinutes >= capMinutes * CAP_WARNING_RATIO ? 'warning' : 'ok';
  return { state, capMinutes, usedMinutes, remainingMinutes };
}

export type PaidEntryCheck =
  | { allowed: true; after: CapStatus }
  /** Paid hours would pass the cap: log them (or the part above it) as unpaid instead. */
  | { allowed: false; overMinutes: number; remainingMinutes: number };

/** May `minutes` more be logged as paid? Blocked when the year's paid minutes would pass the cap. */
export function checkPaidEntry(usedMinutes: number, minutes: number, capHours: number | null): PaidEntryCheck {
  const after = capStatus(usedMinutes + minutes, capHours);
  if (after.capMinutes === null || usedMinutes + minutes <= after.capMinutes) return { allowed: true, after };
  const remainingMinutes = Math.max(0, after.capMinutes - usedMinutes);
  return { allowed: false, overMinutes: usedMinutes + minutes - after.capMinutes, remainingMinutes };
}

/** The paid minutes of a year that an allowance is paid for: never more than the cap. */
export function paidMinutesWithinCap(usedMinutes: number, capHours: number | null): number {
  return capHours === null ? usedMinutes : Math.min(usedMinutes, capHours * 60);
}
