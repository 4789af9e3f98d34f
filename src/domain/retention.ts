/**
 * When personal data falls due for erasure (docs/privacy/retention.md). Pure: the retention job, the due list and
 * their tests compute the same dates from the same facts.
 */
import type { RetentionSchedule } from '../shared/retention.js';
import { addMonths } from './dates.js';

/** Requests in these states are over for the accompanied person: the clock of their data starts. */
export const ENDED_REQUEST_STATUSES = ['closed', 'cancelled', 'no_match'] as const;

/**
 * The day a guide left: the day their status became "left", or the day they withdrew their consent, whichever came
 * first. A guide who has not left has no such day (null), and their data is not due.
 */
export function guideLeftOn(guide: {
  status: string;
  statusChangedOn: string | null;
  consentWithdrawnAt: string | null;
}): string | null {
  const dates = [guide.status === 'left' ? guide.statusChangedOn : null, guide.consentWithdrawnAt].filter(
    (d): d is string => Boolean(d),
  );
  return dates.length ? dates.sort()[0] : null;
}

/**
 * § 72a (5) SGB VIII: the background-check record is deleted at most 3 months after the guide's last activity ends.
 * "Ends" means the guide has no running deployment any more; the last day is the latest of their last logged
 * activity and the closing of their last deployment. A guide still deployed, or who never worked, has no such day.
 */
export function backgroundCheckDueOn(lastActivityOn: string | null, schedule: RetentionSchedule): string | null {
  return lastActivityOn ? addMonths(lastActivityOn, schedule.backgroundCheckMonths) : null;
}

export function guideDataDueOn(leftOn: string | null, schedule: RetentionSchedule): string | null {
  return leftOn ? addMonths(leftOn, schedule.guideDataYears * 12) : null;
}

export function personDataDueOn(endedOn: string | null, schedule: RetentionSchedule): string | null {
  return endedOn ? addMonths(endedOn, schedule.personDataMonths) : null;
}

/** Audit entries before this day are deleted. */
export function auditCutoff(today: string, schedule: RetentionSchedule): string {
  return addMonths(today, -schedule.auditLogYears * 12);
}

/** A record is due on its due day and after; the due list looks `days` ahead. */
export const isDue = (dueOn: string, today: string) => dueOn <= today;
