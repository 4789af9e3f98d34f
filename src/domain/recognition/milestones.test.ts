import { describe, expect, it } from 'vitest';
import { anniversariesBetween, firstReached, hourMilestonesBetween } from './milestones.js';

describe('anniversaries', () => {
  it('1, 5 and 10 years within the period, bounds included', () => {
    expect(anniversariesBetween('2025-03-01', '2026-01-01', '2026-12-31')).toEqual([
      { kind: 'years', value: 1, date: '2026-03-01' },
    ]);
    expect(anniversariesBetween('2016-06-30', '2026-06-30', '2026-06-30')).toEqual([
      { kind: 'years', value: 10, date: '2026-06-30' },
    ]);
    expect(anniversariesBetween('2021-07-01', '2026-01-01', '2026-06-30')).toEqual([]);
    expect(anniversariesBetween('2021-07-01', '2026-07-01', '2026-07-01')).toEqual([
      { kind: 'years', value: 5, date: '2026-07-01' },
    ]);
  });
  it('2, 3 years are no milestones', () => {
    expect(anniversariesBetween('2023-05-05', '2020-01-01', '2030-01-01').map((m) => m.value)).toEqual([1, 5]);
  });
  it('29 February counts on 28 February', () => {
    expect(anniversariesBetween('2024-02-29', '2025-01-01', '2025-12-31')[0].date).toBe('2025-02-28');
  });
});

describe('hour milestones', () => {
  it('reached on the day the running total reaches 100 h and 500 h', () => {
    const daily = [
      { date: '2026-01-10', minutes: 99 * 60 },
      { date: '2026-01-11', minutes: 59 },
      { date: '2026-01-12', minutes: 1 },
      { date: '2026-02-01', minutes: 400 * 60 - 1 },
      { date: '2026-02-02', minutes: 1 },
    ];
    expect(firstReached(daily)).toEqual([
      { hours: 100, date: '2026-01-12' },
      { hours: 500, date: '2026-02-02' },
    ]);
  });
  it('a reversal counts against the total', () => {
    expect(
      firstReached([
        { date: '2026-01-01', minutes: 6000 - 60 },
        { date: '2026-01-02', minutes: -60 },
        { date: '2026-01-03', minutes: 120 },
      ]),
    ).toEqual([{ hours: 100, date: '2026-01-03' }]);
  });
  it('filters by period', () => {
    const reached = [
      { hours: 100, date: '2025-12-31' },
      { hours: 500, date: '2026-06-01' },
    ];
    expect(hourMilestonesBetween(reached, '2026-01-01', '2026-12-31')).toEqual([
      { kind: 'hours', value: 500, date: '2026-06-01' },
    ]);
  });
});
