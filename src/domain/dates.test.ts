import { describe, expect, it } from 'vitest';
import { addMonths, todayIso } from './dates.js';

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
  });
  it('formats today as an ISO date in UTC', () => {
    expect(todayIso(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
  });
});
