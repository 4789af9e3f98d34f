/**
 * The completion rule of a course (pure): a participant completes when the teaching units (UE, 45 minutes) they
 * attended reach the course's required share of its UE. A session counts with its UE when the participant was
 * present, less the minutes they missed (in UE); an absence or a session without a record counts nothing.
 */
import { MINUTES_PER_TEACHING_UNIT, SUSTAINABILITY_MONTHS_AFTER_FIRST_ACTIVITY } from '../../shared/courses.js';
import { addMonths } from '../dates.js';

export type SessionUnits = { id: string; teachingUnits: number };
export type AttendanceMark = { sessionId: string; present: boolean; minutesMissed: number };
export type CompletionRule = { teachingUnits: number; completionMinAttendancePercent: number };

/** UE attended in one session: never below 0, never above the session's UE. */
export function unitsAttended(session: SessionUnits, mark: AttendanceMark | undefined): number {
  if (!mark?.present) return 0;
  const missed = Math.max(0, mark.minutesMissed) / MINUTES_PER_TEACHING_UNIT;
  return Math.min(session.teachingUnits, Math.max(0, session.teachingUnits - missed));
}

/** The UE a participant attended over all sessions, rounded to two decimals. */
export function attendedUnits(sessions: readonly SessionUnits[], marks: readonly AttendanceMark[]): number {
  const bySession = new Map(marks.map((m) => [m.sessionId, m]));
  const total = sessions.reduce((sum, s) => sum + unitsAttended(s, bySession.get(s.id)), 0);
  return Math.round(total * 100) / 100;
}

/** The UE needed to complete: the rule's percentage of the course's UE. */
export const requiredUnits = (rule: CompletionRule) => (rule.teachingUnits * rule.completionMinAttendancePercent) / 100;

export function completion(rule: CompletionRule, sessions: readonly SessionUnits[], marks: readonly AttendanceMark[]) {
  const attended = attendedUnits(sessions, marks);
  // Compared in hundredths of a UE, so 38.4 of 48 at 80 % is not lost to floating point.
  const complete = Math.round(attended * 100) >= Math.round(requiredUnits(rule) * 100);
  return { attendedUnits: attended, requiredUnits: requiredUnits(rule), complete };
}

/**
 * The sustainability module is open to a guide from 6 months after their first activity. No activity at all: not
 * eligible and no date yet (`eligibleFrom` null). `courseStart` is the calendar day of the course's first session.
 */
export function sustainabilityEligibility(firstActivity: string | null, courseStart: string) {
  if (!firstActivity) return { eligible: false, eligibleFrom: null };
  const eligibleFrom = addMonths(firstActivity, SUSTAINABILITY_MONTHS_AFTER_FIRST_ACTIVITY);
  return { eligible: eligibleFrom <= courseStart, eligibleFrom };
}
