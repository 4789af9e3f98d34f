import { describe, expect, it } from 'vitest';
import { PROGRAMME_DEFAULTS } from '../../shared/programmes.js';
import {
  ASYLBLG_MONTHLY_FREE_CENTS,
  allowanceCents,
  allowancesForYear,
  benefitsHint,
  checkTaxFree,
  taxFreeLimitCents,
} from './allowances.js';
import { capHoursFor, capStatus, checkPaidEntry, countsTowardCap, paidMinutesWithinCap } from './caps.js';
import { checkTeamBudget, checkTeamEntry, moveTeamBudget, moveTeamHours } from './teamBudget.js';
import { canDecide, canSubmit, entriesEditable, monthRange, sheetDueOn, versionAt } from './timesheet.js';

const hessen = PROGRAMME_DEFAULTS.hessenWir;

describe('Hessen WIR allowance', () => {
  it('pays 5 € per hour', () => {
    expect(hessen.allowanceCentsPerHour).toBe(500);
    expect(allowanceCents(60, 500)).toBe(500);
    expect(allowanceCents(90, 500)).toBe(750);
    expect(allowanceCents(276 * 60, 500)).toBe(138_000);
  });
  it('pays no more than the cap over the year, and the month that reaches it only up to it', () => {
    const months = [
      { month: '2026-01', paidMinutes: 200 * 60, centsPerHour: 500, allowancesEnabled: true },
      { month: '2026-02', paidMinutes: 100 * 60, centsPerHour: 500, allowancesEnabled: true },
      { month: '2026-03', paidMinutes: 10 * 60, centsPerHour: 500, allowancesEnabled: true },
    ];
    expect(allowancesForYear(months, 276)).toEqual([
      { month: '2026-01', paidMinutes: 200 * 60, cents: 100_000 },
      { month: '2026-02', paidMinutes: 76 * 60, cents: 38_000 },
      { month: '2026-03', paidMinutes: 0, cents: 0 },
    ]);
  });
  it('pays nothing when allowances are off', () => {
    expect(
      allowancesForYear([{ month: '2026-01', paidMinutes: 600, centsPerHour: 500, allowancesEnabled: false }], null),
    ).toEqual([{ month: '2026-01', paidMinutes: 600, cents: 0 }]);
  });
});

describe('caps: 276 h a year, 414 h for coordinating guides', () => {
  it('chooses the cap by the guide', () => {
    expect(capHoursFor(hessen, false)).toBe(276);
    expect(capHoursFor(hessen, true)).toBe(414);
    expect(capHoursFor(PROGRAMME_DEFAULTS.niedersachsen, true)).toBeNull();
    expect(capHoursFor({ capHours: 276, coordinatorCapHours: null }, true)).toBe(276);
  });
  it('warns from 90 % (248.4 h) and is reached at 276 h', () => {
    expect(capStatus(248 * 60, 276).state).toBe('ok');
    expect(capStatus(248 * 60 + 24, 276).state).toBe('warning');
    expect(capStatus(275 * 60, 276)).toMatchObject({ state: 'warning', remainingMinutes: 60 });
    expect(capStatus(276 * 60, 276)).toMatchObject({ state: 'reached', remainingMinutes: 0 });
    expect(capStatus(400 * 60, 414).state).toBe('warning');
    expect(capStatus(413 * 60, null).state).toBe('none');
  });
  it('blocks paid hours past the cap, allows them up to it', () => {
    expect(checkPaidEntry(275 * 60, 60, 276).allowed).toBe(true);
    expect(checkPaidEntry(275 * 60, 90, 276)).toEqual({ allowed: false, overMinutes: 30, remainingMinutes: 60 });
    expect(checkPaidEntry(276 * 60, 15, 276)).toEqual({ allowed: false, overMinutes: 15, remainingMinutes: 0 });
    expect(checkPaidEntry(276 * 60, 120, 414).allowed).toBe(true);
    expect(checkPaidEntry(10_000 * 60, 120, null).allowed).toBe(true);
  });
  it('counts only the chosen categories, or all when none are chosen', () => {
    expect(countsTowardCap('plenum', [])).toBe(true);
    expect(countsTowardCap('plenum', ['deployment'])).toBe(false);
    expect(countsTowardCap('deployment', ['deployment'])).toBe(true);
  });
  it('pays no minute above the cap', () => {
    expect(paidMinutesWithinCap(300 * 60, 276)).toBe(276 * 60);
    expect(paidMinutesWithinCap(300 * 60, null)).toBe(300 * 60);
  });
});

describe('team budget', () => {
  const team = [
    { guideId: 'a', hours: 276, capHours: 276 },
    { guideId: 'b', hours: 200, capHours: 276 },
    { guideId: 'c', hours: 300, capHours: 414 },
  ];
  it('accepts allocations within the budget and every cap', () => {
    expect(checkTeamBudget(776, team)).toEqual([]);
  });
  it('moves hours between guides while nobody passes their cap', () => {
    const moved = moveTeamHours(776, team, 'b', 'c', 114);
    expect(moved.ok).toBe(true);
    if (moved.ok) expect(moved.allocations.map((a) => a.hours)).toEqual([276, 86, 414]);
  });
  it('refuses a move that puts a guide above their cap', () => {
    expect(moveTeamHours(776, team, 'b', 'a', 1)).toEqual({
      ok: false,
      problems: [{ code: 'aboveCap', guideId: 'a', hours: 277, capHours: 276 }],
    });
    expect(moveTeamHours(776, team, 'b', 'c', 115).ok).toBe(false);
  });
  it('blocks paid hours once the team budget is used up, whoever logs them', () => {
    expect(checkTeamEntry(700 * 60, 60, 776)).toEqual({ allowed: true });
    expect(checkTeamEntry(776 * 60 - 30, 60, 776)).toEqual({ allowed: false, remainingMinutes: 30 });
    expect(checkTeamEntry(10_000 * 60, 60, null)).toEqual({ allowed: true });
  });
  it('refuses more than the budget and negative hours', () => {
    expect(checkTeamBudget(700, team)).toEqual([{ code: 'aboveBudget', totalHours: 776, budgetHours: 700 }]);
    expect(moveTeamHours(776, team, 'b', 'c', 201).ok).toBe(false);
  });
});

describe('tax-free allowances 2026', () => {
  it('knows 960 € and 3,300 €', () => {
    expect(taxFreeLimitCents(2026, 'ehrenamtspauschale')).toBe(96_000);
    expect(taxFreeLimitCents(2026, 'uebungsleiterpauschale')).toBe(330_000);
    expect(taxFreeLimitCents(2027, 'ehrenamtspauschale')).toBe(96_000);
  });
  it('warns before a payment exceeds the Ehrenamtspauschale', () => {
    expect(checkTaxFree(80_000, 6_400, 96_000).state).toBe('warning');
    expect(checkTaxFree(80_000, 6_399, 96_000).state).toBe('ok');
    expect(checkTaxFree(90_000, 10_000, 96_000)).toEqual({
      state: 'exceeds',
      limitCents: 96_000,
      remainingCents: 6_000,
      overCents: 4_000,
    });
    expect(checkTaxFree(96_000, 0, 96_000).state).toBe('warning');
  });
  it('allows 3,300 € under the Übungsleiterpauschale', () => {
    expect(checkTaxFree(300_000, 30_000, 330_000).state).toBe('warning');
    expect(checkTaxFree(300_000, 30_001, 330_000).overCents).toBe(1);
  });
});

describe('Bürgergeld and AsylbLG', () => {
  it('AsylbLG: 250 € a month without deduction', () => {
    expect(ASYLBLG_MONTHLY_FREE_CENTS).toBe(25_000);
    expect(benefitsHint('asylblg', 20_000)).toEqual({ mustReport: true, freeCents: 25_000, aboveFreeCents: 0 });
    expect(benefitsHint('asylblg', 30_000).aboveFreeCents).toBe(5_000);
  });
  it('Bürgergeld: must report; no hint otherwise', () => {
    expect(benefitsHint('buergergeld', 30_000).mustReport).toBe(true);
    expect(benefitsHint('none', 30_000).mustReport).toBe(false);
  });
});

describe('time sheet', () => {
  it('submits open or returned months; decides submitted ones', () => {
    expect(canSubmit('open')).toBe(true);
    expect(canSubmit('returned')).toBe(true);
    expect(canSubmit('submitted')).toBe(false);
    expect(canSubmit('approved')).toBe(false);
    expect(canDecide('submitted')).toBe(true);
    expect(canDecide('returned')).toBe(false);
  });
  it('locks entries for the guide once submitted and for everybody once approved', () => {
    expect(entriesEditable('submitted', 'guide')).toBe(false);
    expect(entriesEditable('submitted', 'coordinator')).toBe(true);
    expect(entriesEditable('approved', 'coordinator')).toBe(false);
    expect(entriesEditable('returned', 'guide')).toBe(true);
  });
  it('knows month ranges and deadlines', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02').to).toBe('2028-02-29');
    expect(sheetDueOn('2026-12', 10)).toBe('2027-01-10');
    expect(sheetDueOn('2026-03', 5)).toBe('2026-04-05');
  });
  it('applies the rule-set version valid at a date', () => {
    const versions = [
      { validFrom: '2026-01-01', rate: 500 },
      { validFrom: '2026-07-01', rate: 600 },
    ];
    expect(versionAt(versions, '2025-12-31')).toBeUndefined();
    expect(versionAt(versions, '2026-06-30')?.rate).toBe(500);
    expect(versionAt(versions, '2026-07-01')?.rate).toBe(600);
  });
});

describe('moving hours of the team budget (Hessen WIR: no share above its guide’s cap)', () => {
  const shares = [
    { guideId: 'a', hours: 276, capHours: 276, usedMinutes: 200 * 60 },
    { guideId: 'b', hours: 100, capHours: 276, usedMinutes: 40 * 60 },
    { guideId: 'c', hours: 0, capHours: 414, usedMinutes: 0 },
  ];
  it('moves between guides, from the unallocated rest and back to it', () => {
    const moved = moveTeamBudget(500, shares, 'b', 'c', 60);
    expect(moved.ok && moved.shares.map((s) => s.hours)).toEqual([276, 40, 60]);
    const fromRest = moveTeamBudget(500, shares, null, 'c', 124);
    expect(fromRest.ok && fromRest.shares.map((s) => s.hours)).toEqual([276, 100, 124]);
    const toRest = moveTeamBudget(500, shares, 'b', null, 60);
    expect(toRest.ok && toRest.shares.map((s) => s.hours)).toEqual([276, 40, 0]);
  });
  it('refuses a share above the cap, above the budget, below zero or below the hours already used', () => {
    expect(moveTeamBudget(500, shares, 'b', 'a', 1)).toEqual({
      ok: false,
      problems: [{ code: 'aboveCap', guideId: 'a', hours: 277, capHours: 276 }],
    });
    expect(moveTeamBudget(500, shares, null, 'c', 125)).toEqual({
      ok: false,
      problems: [{ code: 'aboveBudget', totalHours: 501, budgetHours: 500 }],
    });
    expect(moveTeamBudget(500, shares, 'b', 'c', 101).ok).toBe(false);
    expect(moveTeamBudget(500, shares, 'b', 'c', 61)).toEqual({
      ok: false,
      problems: [{ code: 'belowUsed', guideId: 'b', usedMinutes: 2400 }],
    });
    // No cap (null): only the budget limits the share.
    const uncapped = [{ guideId: 'd', hours: 0, capHours: null, usedMinutes: 0 }];
    expect(moveTeamBudget(1000, uncapped, null, 'd', 1000).ok).toBe(true);
  });
});
