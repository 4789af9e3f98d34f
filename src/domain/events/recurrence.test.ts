import { describe, expect, it } from 'vitest';
import {
  applyExceptions,
  expand,
  InvalidRuleError,
  isValidRule,
  parseRule,
  RULE_PRESETS,
  type SeriesRule,
  splitSeries,
  wallClockToInstant,
} from './recurrence.js';

const plenum: SeriesRule = {
  rrule: RULE_PRESETS.monthlyFirstTuesday,
  startDate: '2026-01-01',
  startTime: '18:00',
  durationMinutes: 120,
  timeZone: 'Europe/Berlin',
};
const year2026 = [new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')] as const;

describe('recurrence: first Tuesday of every month, 18:00 Berlin', () => {
  const occurrences = expand(plenum, ...year2026);

  it('yields the twelve first Tuesdays of 2026', () => {
    expect(occurrences.map((o) => o.localDate)).toEqual([
      '2026-01-06',
      '2026-02-03',
      '2026-03-03',
      '2026-04-07',
      '2026-05-05',
      '2026-06-02',
      '2026-07-07',
      '2026-08-04',
      '2026-09-01',
      '2026-10-06',
      '2026-11-03',
      '2026-12-01',
    ]);
  });

  it('stays 18:00 local in winter (UTC+1) and summer (UTC+2)', () => {
    expect(occurrences[0].startsAt.toISOString()).toBe('2026-01-06T17:00:00.000Z');
    expect(occurrences[6].startsAt.toISOString()).toBe('2026-07-07T16:00:00.000Z');
    expect(occurrences[0].endsAt.toISOString()).toBe('2026-01-06T19:00:00.000Z');
    // October 6th is before the change back (25 October), November 3rd after it.
    expect(occurrences[9].startsAt.toISOString()).toBe('2026-10-06T16:00:00.000Z');
    expect(occurrences[10].startsAt.toISOString()).toBe('2026-11-03T17:00:00.000Z');
  });

  it('filters on real instants at the window edges', () => {
    const march = expand(plenum, new Date('2026-03-03T17:00:00Z'), new Date('2026-04-07T16:00:00Z'));
    expect(march.map((o) => o.localDate)).toEqual(['2026-03-03']);
  });
});

describe('wall clock to instant', () => {
  it('handles the DST gap and overlap', () => {
    expect(wallClockToInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockToInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(wallClockToInstant('2026-06-01', '00:00', 'Europe/Berlin').toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });
});

describe('exceptions keep their original identity', () => {
  it('moves one occurrence (a holiday) and cancels another', () => {
    const occurrences = expand(plenum, ...year2026);
    const may = occurrences[4];
    const june = occurrences[5];
    const moved = new Date('2026-05-12T16:00:00Z');
    const resolved = applyExceptions(occurrences, [
      { recurrenceId: may.recurrenceId, startsAt: moved, endsAt: new Date(moved.getTime() + 7_200_000) },
      { recurrenceId: june.recurrenceId, cancelled: true },
    ]);
    const mayResolved = resolved.find((o) => o.recurrenceId.getTime() === may.recurrenceId.getTime());
    expect(mayResolved).toMatchObject({ moved: true, cancelled: false, localDate: '2026-05-05' });
    expect(mayResolved?.startsAt.toISOString()).toBe('2026-05-12T16:00:00.000Z');
    expect(resolved.find((o) => o.localDate === '2026-06-02')).toMatchObject({ cancelled: true, moved: false });
    expect(resolved).toHaveLength(12);
  });
});

describe('series edit "this and following"', () => {
  it('ends the old series before the split and starts the new one on that date', () => {
    const { before, after } = splitSeries(plenum, '2026-07-07');
    const old = expand(before, ...year2026);
    expect(old.map((o) => o.localDate).at(-1)).toBe('2026-06-02');
    expect(old).toHaveLength(6);
    const next = expand({ ...after, startTime: '19:00' }, ...year2026);
    expect(next[0].localDate).toBe('2026-07-07');
    expect(next[0].startsAt.toISOString()).toBe('2026-07-07T17:00:00.000Z');
    expect(next).toHaveLength(6);
  });

  it('divides a COUNT between both parts', () => {
    const counted = { ...plenum, rrule: 'FREQ=MONTHLY;BYDAY=+1TU;COUNT=10' };
    const { before, after } = splitSeries(counted, '2026-04-07');
    expect(expand(before, ...year2026)).toHaveLength(3);
    expect(expand(after, ...year2026)).toHaveLength(7);
    expect(() => splitSeries(counted, '2026-01-01')).toThrow(InvalidRuleError);
  });
});

describe('rule validation', () => {
  it('accepts presets and refuses sub-daily, DTSTART and garbage', () => {
    for (const preset of Object.values(RULE_PRESETS)) expect(isValidRule(preset)).toBe(true);
    expect(isValidRule('FREQ=HOURLY')).toBe(false);
    expect(isValidRule('FREQ=MINUTELY')).toBe(false);
    expect(isValidRule('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toBe(false);
    expect(isValidRule('nonsense')).toBe(false);
    expect(isValidRule('')).toBe(false);
    expect(parseRule('RRULE:FREQ=WEEKLY;BYDAY=MO').freq).toBe(2);
  });
});
