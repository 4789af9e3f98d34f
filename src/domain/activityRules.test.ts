import { describe, expect, it } from 'vitest';
import { checkActivity } from './activityRules.js';

const ctx = {
  today: '2026-12-03',
  nowTime: '12:00',
  period: { startsOn: '2026-11-20', endsOn: '2027-02-20' },
  preparationDaysBefore: 14,
  dailyMaxMinutes: 600,
  sameDay: [] as { id: string; startTime: string; endTime: string; minutes: number }[],
};
const entry = { date: '2026-12-01', startTime: '10:00', endTime: '11:30', type: 'accompaniment' };
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('activity rules (evidence)', () => {
  it('accepts a plain entry inside the period', () => {
    expect(checkActivity(entry, ctx)).toEqual([]);
  });
  it("regression: refuses dates in the future, also later today in the office's time", () => {
    expect(codes(checkActivity({ ...entry, date: '2026-12-04' }, ctx))).toEqual(['inFuture']);
    expect(codes(checkActivity({ ...entry, date: '2026-12-03', endTime: '12:30' }, ctx))).toEqual(['inFuture']);
    expect(checkActivity({ ...entry, date: '2026-12-03', startTime: '09:00', endTime: '11:00' }, ctx)).toEqual([]);
  });
  it('regression: allows preparation up to the set number of days before the agreement starts', () => {
    expect(checkActivity({ ...entry, date: '2026-11-06', type: 'preparation' }, ctx)).toEqual([]);
    expect(codes(checkActivity({ ...entry, date: '2026-11-05', type: 'preparation' }, ctx))).toEqual([
      'outsideAgreement',
    ]);
    expect(codes(checkActivity({ ...entry, date: '2026-11-19' }, ctx))).toEqual(['outsideAgreement']);
  });
  it('regression: refuses a duplicate and an overlapping entry of the same guide', () => {
    const sameDay = [{ id: 'a', startTime: '10:00', endTime: '11:30', minutes: 90 }];
    expect(codes(checkActivity(entry, { ...ctx, sameDay }))).toEqual(['activityDuplicate']);
    expect(codes(checkActivity({ ...entry, startTime: '11:00', endTime: '12:00' }, { ...ctx, sameDay }))).toEqual([
      'activityOverlap',
    ]);
    // Touching is not overlapping.
    expect(checkActivity({ ...entry, startTime: '11:30', endTime: '12:00' }, { ...ctx, sameDay })).toEqual([]);
  });
  it('regression: refuses more than the daily maximum across deployments', () => {
    const sameDay = [{ id: 'a', startTime: '06:00', endTime: '15:00', minutes: 540 }];
    const late = { ...entry, startTime: '15:00', endTime: '16:30' };
    expect(codes(checkActivity(late, { ...ctx, sameDay }))).toEqual(['dailyMaxExceeded']);
    expect(checkActivity({ ...late, endTime: '16:00' }, { ...ctx, sameDay })).toEqual([]);
  });
});
