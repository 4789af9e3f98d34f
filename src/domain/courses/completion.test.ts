import { describe, expect, it } from 'vitest';
import { attendedUnits, completion, sustainabilityEligibility, unitsAttended } from './completion.js';

const sessions = [
  { id: 's1', teachingUnits: 4 },
  { id: 's2', teachingUnits: 4 },
  { id: 's3', teachingUnits: 2 },
];
const rule = { teachingUnits: 10, completionMinAttendancePercent: 80 };

describe('course completion', () => {
  it('counts a present session with its UE, less the minutes missed in UE of 45 minutes', () => {
    expect(unitsAttended(sessions[0], { sessionId: 's1', present: true, minutesMissed: 0 })).toBe(4);
    expect(unitsAttended(sessions[0], { sessionId: 's1', present: true, minutesMissed: 45 })).toBe(3);
    expect(unitsAttended(sessions[0], { sessionId: 's1', present: true, minutesMissed: 9999 })).toBe(0);
    expect(unitsAttended(sessions[0], { sessionId: 's1', present: false, minutesMissed: 0 })).toBe(0);
    expect(unitsAttended(sessions[0], undefined)).toBe(0);
  });

  it('completes at exactly the required share and not below it', () => {
    const all = [
      { sessionId: 's1', present: true, minutesMissed: 0 },
      { sessionId: 's2', present: true, minutesMissed: 0 },
    ];
    // 8 of 10 UE = 80 %
    expect(completion(rule, sessions, all)).toEqual({ attendedUnits: 8, requiredUnits: 8, complete: true });
    const late = [...all.slice(0, 1), { sessionId: 's2', present: true, minutesMissed: 1 }];
    expect(completion(rule, sessions, late).complete).toBe(false);
    expect(completion(rule, sessions, []).complete).toBe(false);
  });

  it('rounds attended UE to hundredths', () => {
    expect(attendedUnits(sessions, [{ sessionId: 's3', present: true, minutesMissed: 30 }])).toBe(1.33);
  });
});

describe('sustainability eligibility', () => {
  it('opens 6 months after the first activity', () => {
    expect(sustainabilityEligibility('2026-01-15', '2026-07-15')).toEqual({
      eligible: true,
      eligibleFrom: '2026-07-15',
    });
    expect(sustainabilityEligibility('2026-01-15', '2026-07-14')).toEqual({
      eligible: false,
      eligibleFrom: '2026-07-15',
    });
  });

  it('is closed without any activity', () => {
    expect(sustainabilityEligibility(null, '2026-07-14')).toEqual({ eligible: false, eligibleFrom: null });
  });
});
