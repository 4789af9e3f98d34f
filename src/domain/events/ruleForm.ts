/**
 * The series choices of the event form (issue 12 §1) as an RRULE body and back: none, weekly (every week or every
 * other week), or monthly on the n-th weekday ("first Tuesday"), ending after a count, on a date, or not at all (the
 * server then materialises its horizon). Pure and free of the `rrule` package, so the SPA can use it cheaply; the
 * server validates what comes out with rrule itself (isValidRule).
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** 1–4: the first to the fourth weekday of the month; -1: the last one. */
export const NTH_CHOICES = [1, 2, 3, 4, -1] as const;
export type Nth = (typeof NTH_CHOICES)[number];
export type Repeat = 'none' | 'weekly' | 'monthly_nth';
export type SeriesEnd = 'count' | 'until' | 'open';

export type RuleChoice = {
  repeat: Exclude<Repeat, 'none'>;
  /** Weekly only: 1 every week, 2 every other week. */
  interval: number;
  /** Monthly only. */
  nth: Nth;
  weekday: Weekday;
  end: SeriesEnd;
  count: number;
  /** Last day (YYYY-MM-DD, local) with end "until". */
  until: string;
};

const dayOfWeek = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

/** The weekday of a calendar date: "2026-12-01" → "TU". */
export const weekdayOf = (isoDate: string): Weekday => WEEKDAYS[(dayOfWeek(isoDate) + 6) % 7];

/** Which weekday of its month a date is: the 1st of December 2026 is the first Tuesday; the 29th counts as last. */
export function nthWeekdayOf(isoDate: string): { nth: Nth; weekday: Weekday } {
  const day = Number(isoDate.slice(8, 10));
  const nth = Math.ceil(day / 7);
  return { nth: nth > 4 ? -1 : (nth as Nth), weekday: weekdayOf(isoDate) };
}

/**
 * The rule body, e.g. "FREQ=MONTHLY;BYDAY=+1TU;COUNT=6". UNTIL is floating like the series' start (the server
 * expands in wall-clock time), and covers the whole last day.
 */
export function buildRule(choice: RuleChoice): string {
  const parts =
    choice.repeat === 'weekly'
      ? ['FREQ=WEEKLY', ...(choice.interval > 1 ? [`INTERVAL=${choice.interval}`] : []), `BYDAY=${choice.weekday}`]
      : ['FREQ=MONTHLY', `BYDAY=${choice.nth > 0 ? '+' : ''}${choice.nth}${choice.weekday}`];
  if (choice.end === 'count') parts.push(`COUNT=${choice.count}`);
  if (choice.end === 'until') parts.push(`UNTIL=${choice.until.replaceAll('-', '')}T235959Z`);
  return parts.join(';');
}

/** The form's choices behind a rule body the form can make; null for any other rule (shown as it is). */
export function readRule(rrule: string): RuleChoice | null {
  const fields = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return null;
    fields.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = fields.get('FREQ');
  const byday = fields.get('BYDAY')?.match(/^([+-]?[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/);
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  if (!byday || [...fields.keys()].some((k) => !known.has(k))) return null;
  const count = fields.get('COUNT');
  const until = fields.get('UNTIL')?.match(/^(\d{4})(\d{2})(\d{2})/);
  const base = {
    weekday: byday[2] as Weekday,
    end: (count ? 'count' : until ? 'until' : 'open') as SeriesEnd,
    count: count ? Number(count) : 0,
    until: until ? `${until[1]}-${until[2]}-${until[3]}` : '',
  };
  const interval = Number(fields.get('INTERVAL') ?? 1);
  if (freq === 'WEEKLY' && !byday[1]) return { ...base, repeat: 'weekly', interval, nth: 1 };
  if (freq === 'MONTHLY' && byday[1] && interval === 1) {
    const nth = Number(byday[1]);
    if (nth === -1 || (nth >= 1 && nth <= 4)) return { ...base, repeat: 'monthly_nth', interval: 1, nth: nth as Nth };
  }
  return null;
}
