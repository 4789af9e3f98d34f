import { describe, expect, it } from 'vitest';
import { byOfficeDay, formatOfficeDay, officeDayKey, officeRange, officeTime } from './officeTime';

describe('the calendar in the office time zone', () => {
  it('puts 23:30 UTC in a Berlin winter on the next day, and keeps it in UTC and New York', () => {
    expect(officeDayKey('2027-01-11T23:30:00Z', 'Europe/Berlin')).toBe('2027-01-12');
    expect(officeDayKey('2027-01-11T23:30:00Z', 'UTC')).toBe('2027-01-11');
    expect(officeDayKey('2027-01-12T03:00:00Z', 'America/New_York')).toBe('2027-01-11');
  });

  it('shifts with daylight saving time: 22:30 UTC is the next day in a Berlin summer, not in winter', () => {
    expect(officeDayKey('2027-07-05T22:30:00Z', 'Europe/Berlin')).toBe('2027-07-06');
    expect(officeDayKey('2027-01-05T22:30:00Z', 'Europe/Berlin')).toBe('2027-01-05');
  });

  it('shows the office clock', () => {
    expect(officeTime('2027-01-05T17:00:00Z', 'de-DE', 'Europe/Berlin')).toBe('18:00');
    expect(officeTime('2027-07-06T16:00:00Z', 'de-DE', 'Europe/Berlin')).toBe('18:00');
    expect(officeTime('2027-01-05T17:00:00Z', 'de-DE', 'UTC')).toBe('17:00');
  });

  it('names an office day without shifting it', () => {
    expect(formatOfficeDay('2027-01-12', 'de-DE', { weekday: 'long', day: 'numeric', month: 'long' })).toBe(
      'Dienstag, 12. Januar',
    );
  });

  it('fetches a view from office midnight to office midnight', () => {
    const month = officeRange('month', new Date(2027, 0, 15), 'Europe/Berlin');
    expect(month.start.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(month.end.toISOString()).toBe('2027-01-31T23:00:00.000Z');
    const week = officeRange('week', new Date(2027, 6, 8), 'Europe/Berlin');
    expect(week.start.toISOString()).toBe('2027-07-04T22:00:00.000Z');
    expect(week.end.toISOString()).toBe('2027-07-11T22:00:00.000Z');
  });

  it('groups entries by office day in their order', () => {
    const days = byOfficeDay(
      [
        { id: 'a', startsAt: '2027-01-11T18:00:00Z' },
        { id: 'b', startsAt: '2027-01-11T23:30:00Z' },
        { id: 'c', startsAt: '2027-01-12T08:00:00Z' },
      ],
      'Europe/Berlin',
    );
    expect([...days.entries()].map(([k, v]) => [k, v.map((e) => e.id)])).toEqual([
      ['2027-01-11', ['a']],
      ['2027-01-12', ['b', 'c']],
    ]);
  });
});
