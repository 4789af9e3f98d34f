/**
 * A guide's own pause (holiday, illness): a date range, both ends inclusive, ISO dates compared as strings. Pure rules
 * shared by the pauses service and the matching gate (whose SQL mirrors `pauseWindow` + `overlaps`).
 */
import { addDays } from './dates.js';

export type DateRange = { startsOn: string; endsOn: string };

/** How far back a pause may start (an illness entered a few days late) and how long one may run. */
export const PAUSE_RULES = { maxDaysBack: 30, maxLengthDays: 366 } as const;

export type PauseProblem = { path: 'startsOn' | 'endsOn'; code: PauseProblemCode };
export type PauseProblemCode = 'pauseEndBeforeStart' | 'pauseStartTooEarly' | 'pauseTooLong' | 'pauseEnded';

/** Field problems of a new pause, given today's date in the office's time zone; empty when it is fine. */
export function pauseProblems(range: DateRange, today: string): PauseProblem[] {
  const problems: PauseProblem[] = [];
  if (range.endsOn < range.startsOn) problems.push({ path: 'endsOn', code: 'pauseEndBeforeStart' });
  else if (range.endsOn > addDays(range.startsOn, PAUSE_RULES.maxLengthDays - 1))
    problems.push({ path: 'endsOn', code: 'pauseTooLong' });
  if (range.startsOn < addDays(today, -PAUSE_RULES.maxDaysBack))
    problems.push({ path: 'startsOn', code: 'pauseStartTooEarly' });
  // A pause wholly in the past changes nothing for matching and only adds data.
  if (range.endsOn < today && range.endsOn >= range.startsOn) problems.push({ path: 'endsOn', code: 'pauseEnded' });
  return problems;
}

/** Whether two inclusive date ranges share at least one day. */
export const overlaps = (a: DateRange, b: DateRange) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/**
 * The days of a request that a pause must not touch: from its start (today, if it has already started) to its end;
 * an open-ended request (accompaniment without an end date) is checked on its first day only, since a holiday
 * months later does not keep a guide from starting. A request whose end has passed is checked on today.
 */
export function pauseWindow(request: { startsOn: string | null; endsOn: string | null }, today: string): DateRange {
  const startsOn = request.startsOn && request.startsOn > today ? request.startsOn : today;
  const endsOn = request.endsOn && request.endsOn > startsOn ? request.endsOn : startsOn;
  return { startsOn, endsOn };
}

/** Whether any of the guide's pauses falls on a day of the window. */
export const pausedDuring = (pauses: readonly DateRange[], window: DateRange) =>
  pauses.some((p) => overlaps(p, window));

export type PauseState = 'upcoming' | 'current' | 'past';
export function pauseState(pause: DateRange, today: string): PauseState {
  if (pause.startsOn > today) return 'upcoming';
  return pause.endsOn < today ? 'past' : 'current';
}

/**
 * Ending a pause early. One that has not begun is simply deleted; one running since before today ends yesterday, so
 * the guide can be matched from today; one that began today is deleted too (nothing of it remains).
 */
export function endPause(pause: DateRange, today: string): { delete: true } | { delete: false; endsOn: string } {
  if (pause.startsOn >= today) return { delete: true };
  const yesterday = addDays(today, -1);
  // The earlier of its own end and yesterday (ISO dates sort as strings).
  return { delete: false, endsOn: [pause.endsOn, yesterday].sort()[0] };
}
