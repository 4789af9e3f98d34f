import { addDays } from './dates.js';

export type ActivityEntry = { date: string; startTime: string; endTime: string; type: string };
export type ExistingEntry = { id: string; startTime: string; endTime: string; minutes: number };
export type ActivityProblem = {
  path: string;
  code: 'inFuture' | 'outsideAgreement' | 'activityDuplicate' | 'activityOverlap' | 'dailyMaxExceeded';
  params?: Record<string, unknown>;
  /** Conflicts with other entries answer 409, rule violations 400. */
  conflict?: boolean;
};

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const durationMinutes = (e: Pick<ActivityEntry, 'startTime' | 'endTime'>) =>
  minutesOf(e.endTime) - minutesOf(e.startTime);

/**
 * Rules for an activity entry (Tätigkeitsnachweis), which is insurance and funding evidence:
 * - nothing in the future (in the office's time zone, to the minute for today's entries);
 * - inside the agreement's period; preparation may start `preparationDaysBefore` days earlier;
 * - no duplicate or overlapping entry of the same guide on the same day, across deployments;
 * - at most `dailyMaxMinutes` per guide and day.
 * `sameDay` holds the guide's other entries of that date (the entry being corrected excluded).
 */
export function checkActivity(
  entry: ActivityEntry,
  ctx: {
    today: string;
    nowTime: string;
    period: { startsOn: string; endsOn: string } | null;
    preparationDaysBefore: number;
    dailyMaxMinutes: number;
    sameDay: ExistingEntry[];
  },
): ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  if (entry.date > ctx.today || (entry.date === ctx.today && entry.endTime > ctx.nowTime)) {
    problems.push({ path: 'date', code: 'inFuture' });
  }
  if (ctx.period) {
    const earliest =
      entry.type === 'preparation' ? addDays(ctx.period.startsOn, -ctx.preparationDaysBefore) : ctx.period.startsOn;
    if (entry.date < earliest || entry.date > ctx.period.endsOn) {
      problems.push({ path: 'date', code: 'outsideAgreement', params: { from: earliest, to: ctx.period.endsOn } });
    }
  }
  const start = minutesOf(entry.startTime);
  const end = minutesOf(entry.endTime);
  const duplicate = ctx.sameDay.find((e) => e.startTime === entry.startTime && e.endTime === entry.endTime);
  const overlap = ctx.sameDay.find((e) => start < minutesOf(e.endTime) && minutesOf(e.startTime) < end);
  if (duplicate) problems.push({ path: 'startTime', code: 'activityDuplicate', conflict: true });
  else if (overlap) {
    problems.push({
      path: 'startTime',
      code: 'activityOverlap',
      params: { from: overlap.startTime, to: overlap.endTime },
      conflict: true,
    });
  }
  const dayTotal = ctx.sameDay.reduce((sum, e) => sum + e.minutes, 0) + (end - start);
  if (dayTotal > ctx.dailyMaxMinutes) {
    problems.push({ path: 'endTime', code: 'dailyMaxExceeded', params: { hours: ctx.dailyMaxMinutes / 60 } });
  }
  return problems;
}
