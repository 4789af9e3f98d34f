import { describe, expect, it } from 'vitest';
import { ageGroupOf } from './ageGroups.js';
import { periodContaining, periodDays, previousPeriod } from './period.js';

describe('reporting periods', () => {
  it('compares whole months, quarters and years with the same calendar unit before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('compares any other period with as many days immediately before', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(periodDays({ from: '2026-03-10', to: '2026-03-19' })).toBe(10);
    expect(periodDays({ from: '2026-01-01', to: '2026-01-01' })).toBe(1);
  });

  it('finds the month, quarter and year of a day', () => {
    expect(periodContaining('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodContaining('quarter', '2026-08-14')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodContaining('year', '2026-08-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('groups ages by the birth year, and no year is "not stated"', () => {
    expect(ageGroupOf(null, 2026)).toBe('not_stated');
    expect(ageGroupOf(2002, 2026)).toBe('under_25');
    expect(ageGroupOf(2001, 2026)).toBe('25_39');
    expect(ageGroupOf(1987, 2026)).toBe('25_39');
    expect(ageGroupOf(1986, 2026)).toBe('40_54');
    expect(ageGroupOf(1962, 2026)).toBe('55_64');
    expect(ageGroupOf(1961, 2026)).toBe('65_plus');
  });
});
