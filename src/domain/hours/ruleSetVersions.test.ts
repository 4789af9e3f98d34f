import { describe, expect, it } from 'vitest';
import { checkNewVersion, lastDayOfMonth, versionInUse } from './ruleSetVersions.js';

const facts = { today: '2026-06-15', latestApprovedMonth: '2026-04' };
const nothingApproved = { today: '2026-06-15', latestApprovedMonth: null };

describe('rule-set versions are evidence', () => {
  it('a version is in use from its valid-from date on, or when an approved month starts on or after it', () => {
    expect(versionInUse('2026-06-15', facts)).toBe(true);
    expect(versionInUse('2020-01-01', nothingApproved)).toBe(true);
    expect(versionInUse('2026-06-16', facts)).toBe(false);
    expect(versionInUse('2027-01-01', nothingApproved)).toBe(false);
    // A month approved ahead of the clock (time zones): its first day decides.
    expect(versionInUse('2026-07-01', { today: '2026-06-30', latestApprovedMonth: '2026-07' })).toBe(true);
    expect(versionInUse('2026-07-02', { today: '2026-06-30', latestApprovedMonth: '2026-07' })).toBe(false);
  });

  it('a new version starts after every approved month and after the versions of its rule set in use', () => {
    expect(checkNewVersion('2026-04-01', [], facts)).toEqual({ code: 'beforeApprovedMonth', month: '2026-04' });
    expect(checkNewVersion('2026-03-10', [], facts)).toEqual({ code: 'beforeApprovedMonth', month: '2026-04' });
    // After the approved months, even in the past: the office sets up the running year.
    expect(checkNewVersion('2026-04-02', [], facts)).toBeNull();
    expect(checkNewVersion('2026-05-01', ['2026-01-01'], facts)).toBeNull();
    expect(checkNewVersion('2025-06-01', ['2026-01-01'], nothingApproved)).toEqual({
      code: 'notAfterVersionInUse',
      validFrom: '2026-01-01',
    });
    expect(checkNewVersion('2026-01-01', ['2026-01-01'], nothingApproved)).toEqual({
      code: 'notAfterVersionInUse',
      validFrom: '2026-01-01',
    });
    // A planned (future) version of the same name does not count: it can still be changed or deleted itself.
    expect(checkNewVersion('2026-08-01', ['2026-01-01', '2026-09-01'], facts)).toBeNull();
    expect(checkNewVersion('2020-01-01', [], nothingApproved)).toBeNull();
  });
});

describe('lastDayOfMonth', () => {
  it('knows short months and leap years', () => {
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
    expect(lastDayOfMonth('2025-04')).toBe('2025-04-30');
  });
});
