/**
 * When a reminder is due (issue 12 §4), given an office's reminder settings and the office's day or the instant now.
 * Pure: the daily job turns these into cut-offs for its queries and into the `period` that makes each reminder once.
 */
import { addDays, addMonths } from '../dates.js';

export type ReminderRules = {
  offerGuideAfterHours: number;
  offerCoordinatorAfterHours: number;
  agreementUnconfirmedAfterDays: number;
  reviewAheadDays: number;
  backgroundCheckWarnMonths: number;
  timeSheetDeadlineDay: number;
};

const HOUR = 3_600_000;

/** Which reminder an offer sent at `sentAt` and still unanswered at `now` has earned: none yet, the guide's, or also the coordinators'. */
export function offerReminderStage(sentAt: Date, now: Date, rules: ReminderRules): 'none' | 'guide' | 'coordinator' {
  const waited = now.getTime() - sentAt.getTime();
  if (waited >= (rules.offerGuideAfterHours + rules.offerCoordinatorAfterHours) * HOUR) return 'coordinator';
  if (waited >= rules.offerGuideAfterHours * HOUR) return 'guide';
  return 'none';
}

/** Offers sent at or before these instants have earned the guide's and the coordinators' reminder. */
export function offerCutoffs(now: Date, rules: ReminderRules): { guide: Date; coordinator: Date } {
  return {
    guide: new Date(now.getTime() - rules.offerGuideAfterHours * HOUR),
    coordinator: new Date(now.getTime() - (rules.offerGuideAfterHours + rules.offerCoordinatorAfterHours) * HOUR),
  };
}

/** An agreement drawn up at or before this instant and still unconfirmed is reminded. */
export const agreementUnconfirmedCutoff = (now: Date, rules: ReminderRules): Date =>
  new Date(now.getTime() - rules.agreementUnconfirmedAfterDays * 24 * HOUR);

/** Review dates on or before this day are reminded (once per review date). */
export const reviewDueUntil = (today: string, rules: ReminderRules): string => addDays(today, rules.reviewAheadDays);

/** The day a background check checked on `checkedOn` runs out, after `validMonths`. */
export const backgroundCheckExpiresOn = (checkedOn: string, validMonths: number): string =>
  addMonths(checkedOn, validMonths);

/** Whether the coordinators hear today of a check that runs out on `expiresOn`. */
export const backgroundCheckWarnDue = (expiresOn: string, today: string, rules: ReminderRules): boolean =>
  addMonths(expiresOn, -rules.backgroundCheckWarnMonths) <= today;

/**
 * The month (YYYY-MM) whose time sheet is overdue today: the previous month, from the deadline day of this month on;
 * null before the deadline day.
 */
export function timeSheetOverdueMonth(today: string, rules: ReminderRules): string | null {
  const day = Number(today.slice(8, 10));
  if (day < rules.timeSheetDeadlineDay) return null;
  return addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** Monday of the week of `day`: a reminder that repeats (an agreement still unconfirmed) does so once a week. */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
