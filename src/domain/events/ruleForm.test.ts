import { describe, expect, it } from 'vitest';
import { expand, isValidRule } from './recurrence.js';
import { buildRule, nthWeekdayOf, type RuleChoice, readRule, weekdayOf } from './ruleForm.js';

const plenum: RuleChoice = {
  repeat: 'monthly_nth',
  interval: 1,
  nth: 1,
  weekday: 'TU',
  end: 'count',
  count: 6,
  until: '',
};

describe('series choices of the event form', () => {
  it('knows which weekday of its month a date is', () => {
    expect(weekdayOf('2026-12-01')).toBe('TU');
    expect(weekdayOf('2026-12-06')).toBe('SU');
    expect(nthWeekdayOf('2026-12-01')).toEqual({ nth: 1, weekday: 'TU' });
    expect(nthWeekdayOf('2026-12-15')).toEqual({ nth: 3, weekday: 'TU' });
    expect(nthWeekdayOf('2026-12-29')).toEqual({ nth: -1, weekday: 'TU' });
  });

  it('builds the monthly Plenum rule, which the server accepts and expands to first Tuesdays', () => {
    const rule = buildRule(plenum);
    expect(rule).toBe('FREQ=MONTHLY;BYDAY=+1TU;COUNT=6');
    expect(isValidRule(rule)).toBe(true);
    const dates = expand(
      { rrule: rule, startDate: '2026-12-01', startTime: '18:00', durationMinutes: 120, timeZone: 'Europe/Berlin' },
      new Date('2026-11-30T00:00:00Z'),
      new Date('2028-01-01T00:00:00Z'),
    ).map((o) => o.startsAt.toISOString());
    expect(dates).toEqual([
      '2026-12-01T17:00:00.000Z',
      '2027-01-05T17:00:00.000Z',
      '2027-02-02T17:00:00.000Z',
      '2027-03-02T17:00:00.000Z',
      '2027-04-06T16:00:00.000Z',
      '2027-05-04T16:00:00.000Z',
    ]);
  });

  it('ends a weekly series on its last day, that day included', () => {
    const rule = buildRule({
      ...plenum,
      repeat: 'weekly',
      interval: 2,
      weekday: 'WE',
      end: 'until',
      until: '2027-01-13',
    });
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270113T235959Z');
    const dates = expand(
      { rrule: rule, startDate: '2026-12-02', startTime: '10:00', durationMinutes: 60, timeZone: 'Europe/Berlin' },
      new Date('2026-12-01T00:00:00Z'),
      new Date('2027-06-01T00:00:00Z'),
    ).map((o) => o.localDate);
    expect(dates).toEqual(['2026-12-02', '2026-12-16', '2026-12-30', '2027-01-13']);
  });

  it('builds a last-weekday rule without an end', () => {
    expect(buildRule({ ...plenum, nth: -1, weekday: 'FR', end: 'open' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('reads back what it builds, and nothing else', () => {
    for (const choice of [
      plenum,
      { ...plenum, end: 'until', count: 0, until: '2027-06-30' },
      { ...plenum, repeat: 'weekly', interval: 2, nth: 1, weekday: 'MO', end: 'open', count: 0 },
    ] as RuleChoice[])
      expect(readRule(buildRule(choice))).toEqual(choice);
    expect(readRule('FREQ=MONTHLY;BYMONTHDAY=15')).toBeNull();
    expect(readRule('FREQ=DAILY;COUNT=1')).toBeNull();
    expect(readRule('FREQ=MONTHLY;BYDAY=+5TU')).toBeNull();
    expect(readRule('garbage')).toBeNull();
  });
});
