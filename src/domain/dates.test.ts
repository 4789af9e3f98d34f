import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isKnownTimeZone, localDateTime, todayIn, todayIso } from './dates.js';

describe('addMonths', () => {
  it('keeps the day where it exists and clamps to the month end otherwise', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-11-29', 60)).toBe('2031-11-29');
    expect(addMonths('2026-02-10', -3)).toBe('2025-11-10');
  });
  it('regression: a re-check due date past year 9999 (checkedAt 9999-12-31 stored before the range check) stays a valid ISO date instead of breaking the guide list', () => {
    expect(addMonths('9999-12-31', 60)).toBe('9999-12-31');
    expect(addMonths(addMonths('9999-12-31', 60), -3)).toBe('9999-09-30');
    expect(addMonths('0001-02-01', -3)).toBe('0001-01-01');
    expect(addDays('9999-12-31', 42)).toBe('9999-12-31');
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
  });
  it('regression: "today" is the office\'s date (Europe/Berlin), not UTC\'s', () => {
    // 23:30 UTC on 29 November is 00:30 on 30 November in Berlin.
    expect(todayIso(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(todayIn('Europe/Berlin', new Date('2026-11-29T22:59:00Z'))).toBe('2026-11-29');
    expect(todayIn('UTC', new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
    // Summer time: UTC+2.
    expect(todayIn('Europe/Berlin', new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
  it('knows IANA time zones, and a rejected zone is not remembered as valid', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow(RangeError);
    // The cached formatter gives the same answers as a fresh one, zone by zone.
    expect(todayIn('Asia/Tokyo', new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-30');
    expect(todayIn('UTC', new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-29');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('gives local wall-clock date and time of an instant', () => {
    expect(localDateTime(new Date('2026-12-03T13:05:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-12-03',
      time: '14:05',
    });
    expect(localDateTime(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2027-01-01',
      time: '00:30',
    });
  });
});
