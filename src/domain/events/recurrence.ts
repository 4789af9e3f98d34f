/**
 * Recurring events (issue 12 §1): a series is an RRULE (RFC 5545, through the `rrule` package) over a start date
 * and a wall-clock start time in the office's time zone. "18:00" must stay 18:00 local in winter and in summer, so
 * the rule is expanded in floating time (rrule's own UTC fields used as wall-clock fields) and every occurrence is
 * converted to an instant on its own date, with that date's offset.
 *
 * An occurrence is identified by its original start (RECURRENCE-ID semantics): a moved or cancelled occurrence keeps
 * that identity, so re-materialising the series never resurrects or duplicates it.
 */
import * as rruleModule from 'rrule';

// rrule ships CommonJS for Node (its ESM build is not declared in "exports"): the named exports sit on `default`
// under plain Node, and on the namespace under bundlers.
const rrule = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule;
const { Frequency, RRule } = rrule;

import { wallClockToInstant } from '../dates.js';

// Kept exported here: callers of the recurrence rules convert wall-clock times too. It lives in dates.ts so that the
// SPA's event form can use it without bundling rrule.
export { wallClockToInstant };

export type SeriesRule = {
  /** The rule body without DTSTART, e.g. "FREQ=MONTHLY;BYDAY=+1TU". */
  rrule: string;
  /** First day of the series (YYYY-MM-DD), local. */
  startDate: string;
  /** Local start time, HH:mm. */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
};

export type Occurrence = {
  /** The instant the occurrence was generated for: its identity, even when moved. */
  recurrenceId: Date;
  startsAt: Date;
  endsAt: Date;
  /** Local date (YYYY-MM-DD) of the original start. */
  localDate: string;
};

/** Upper bound of generated occurrences per expansion: a daily rule over a year stays well under it. */
export const MAX_OCCURRENCES = 500;

const ALLOWED_FREQUENCIES = new Set([Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY]);

export class InvalidRuleError extends Error {}

/** Parses and checks a rule body; refuses DTSTART inside it, sub-daily frequencies and unknown parts. */
export function parseRule(rrule: string) {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (!body || /DTSTART|\n|\r/i.test(body)) throw new InvalidRuleError('rrule');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(body);
  } catch {
    throw new InvalidRuleError('rrule');
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) throw new InvalidRuleError('rrule');
  if (options.byhour != null || options.byminute != null || options.bysecond != null) {
    throw new InvalidRuleError('rrule');
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 100)) {
    throw new InvalidRuleError('rrule');
  }
  return options;
}

/** Whether a rule body is acceptable (for validation in contracts). */
export function isValidRule(rrule: string): boolean {
  try {
    parseRule(rrule);
    return true;
  } catch {
    return false;
  }
}

const floating = (date: string, time = '00:00') => {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
};
const floatingDate = (f: Date) => f.toISOString().slice(0, 10);

function ruleFor(rule: SeriesRule) {
  const options = parseRule(rule.rrule);
  return new RRule({ ...options, dtstart: floating(rule.startDate, rule.startTime), tzid: null });
}

/** The occurrences whose original start lies in [from, to), at most MAX_OCCURRENCES. */
export function expand(rule: SeriesRule, from: Date, to: Date): Occurrence[] {
  const rrule = ruleFor(rule);
  // Widen the floating window by a day each side: the offset is at most 14 hours, then filter on real instants.
  const fromLocal = floating(floatingDate(new Date(from.getTime() - 86_400_000)));
  const toLocal = floating(floatingDate(new Date(to.getTime() + 2 * 86_400_000)));
  const out: Occurrence[] = [];
  rrule.between(fromLocal, toLocal, true, (f) => {
    const localDate = floatingDate(f);
    const time = f.toISOString().slice(11, 16);
    const startsAt = wallClockToInstant(localDate, time, rule.timeZone);
    if (startsAt >= from && startsAt < to) {
      out.push({
        recurrenceId: startsAt,
        startsAt,
        endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000),
        localDate,
      });
    }
    return out.length < MAX_OCCURRENCES;
  });
  return out;
}

/** A stored exception: one occurrence moved (new start/end) or cancelled, keyed by its original start. */
export type OccurrenceException = {
  recurrenceId: Date;
  startsAt?: Date;
  endsAt?: Date;
  cancelled?: boolean;
};

export type ResolvedOccurrence = Occurrence & { cancelled: boolean; moved: boolean };

/** Applies exceptions to expanded occurrences: a moved one keeps its identity, a cancelled one stays, marked. */
export function applyExceptions(
  occurrences: readonly Occurrence[],
  exceptions: readonly OccurrenceException[],
): ResolvedOccurrence[] {
  const byId = new Map(exceptions.map((e) => [e.recurrenceId.getTime(), e]));
  return occurrences
    .map((o) => {
      const e = byId.get(o.recurrenceId.getTime());
      if (!e) return { ...o, cancelled: false, moved: false };
      const startsAt = e.startsAt ?? o.startsAt;
      const endsAt = e.endsAt ?? o.endsAt;
      return {
        ...o,
        startsAt,
        endsAt,
        cancelled: e.cancelled ?? false,
        moved: startsAt.getTime() !== o.startsAt.getTime() || endsAt.getTime() !== o.endsAt.getTime(),
      };
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * "This and following": splits a series at one occurrence (its local date). The old series ends the day before
 * (UNTIL, floating like its DTSTART); the new one starts on that date with the same rule (COUNT reduced by the
 * occurrences the old one keeps), ready for the edited fields.
 */
export function splitSeries(rule: SeriesRule, atLocalDate: string): { before: SeriesRule; after: SeriesRule } {
  if (atLocalDate <= rule.startDate) throw new InvalidRuleError('split');
  const options = parseRule(rule.rrule);
  const untilBefore = new Date(floating(atLocalDate).getTime() - 1000);
  let afterOptions: typeof options = { ...options };
  let beforeOptions: typeof options = { ...options, until: untilBefore, count: null };
  if (options.count != null) {
    const kept = new RRule({ ...options, dtstart: floating(rule.startDate, rule.startTime), tzid: null }).between(
      floating(rule.startDate),
      untilBefore,
      true,
    ).length;
    const remaining = options.count - kept;
    if (remaining <= 0) throw new InvalidRuleError('split');
    beforeOptions = { ...options, count: kept, until: null };
    afterOptions = { ...options, count: remaining };
  }
  return {
    before: { ...rule, rrule: ruleBody(beforeOptions) },
    after: { ...rule, startDate: atLocalDate, rrule: ruleBody(afterOptions) },
  };
}

/** The rule body (no DTSTART line, no "RRULE:" prefix). */
export function ruleBody(options: Partial<ReturnType<typeof RRule.parseString>>): string {
  const { dtstart: _d, tzid: _t, ...rest } = options as Record<string, unknown>;
  return RRule.optionsToString(rest as Partial<typeof options>).replace(/^RRULE:/, '');
}

/** Presets the series form offers (the monthly Plenum in a few clicks). */
export const RULE_PRESETS = {
  weekly: 'FREQ=WEEKLY',
  biweekly: 'FREQ=WEEKLY;INTERVAL=2',
  monthlyFirstTuesday: 'FREQ=MONTHLY;BYDAY=+1TU',
  monthly: 'FREQ=MONTHLY',
} as const;
