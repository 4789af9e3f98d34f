import { describe, expect, it } from 'vitest';
import { courseFunding, FUNDING_TEMPLATES, fundableAmount, ruleSetValidOn, teachersOf } from './funding.js';

const sessions = (n: number, units: number, teachers = 1) =>
  Array.from({ length: n }, () => ({ teachingUnits: units, teachers }));

describe('Niedersachsen: 25 € per UE (50 € with two teachers), up to 50 UE and 600 € materials', () => {
  const rule = FUNDING_TEMPLATES.niedersachsen;
  it('pays a basic course of 12 sessions × 4 UE by one teacher: 48 UE × 25 € = 1,200 €, plus materials', () => {
    const r = fundableAmount(rule, { sessions: sessions(12, 4), participants: 15, materialsCents: 35000 });
    expect(r).toMatchObject({ unitsHeld: 48, unitsFunded: 48, teachingCents: 120000, materialsCents: 35000 });
    expect(r.totalCents).toBe(155000);
    expect(r.notes).toEqual([]);
  });
  it('pays 50 € per UE taught by two teachers at once', () => {
    const r = fundableAmount(rule, {
      sessions: [...sessions(2, 4, 2), ...sessions(10, 4, 1)],
      participants: 12,
      materialsCents: 0,
    });
    expect(r.teachingCents).toBe(8 * 5000 + 40 * 2500);
  });
  it('caps at 50 UE (the dearer two-teacher UE first) and materials at 600 €', () => {
    const r = fundableAmount(rule, {
      sessions: [...sessions(13, 4, 1), ...sessions(1, 4, 2)],
      participants: 12,
      materialsCents: 90000,
    });
    expect(r.unitsHeld).toBe(56);
    expect(r.unitsFunded).toBe(50);
    expect(r.teachingCents).toBe(4 * 5000 + 46 * 2500);
    expect(r.materialsCents).toBe(60000);
    expect(r.notes).toEqual(['unitsCapped', 'materialsCapped']);
  });
});

describe('Hessen WIR: 12.50 € per participant and UE, for courses of 20 to 36 UE', () => {
  const rule = FUNDING_TEMPLATES.hessen_wir;
  it('pays 30 UE × 14 participants × 12.50 € = 5,250 €', () => {
    const r = fundableAmount(rule, { sessions: sessions(10, 3), participants: 14, materialsCents: 0 });
    expect(r).toMatchObject({ fundable: true, unitsHeld: 30, totalCents: 525000 });
  });
  it('funds nothing below 20 UE or above 36 UE, and says why', () => {
    expect(fundableAmount(rule, { sessions: sessions(6, 3), participants: 14, materialsCents: 0 })).toMatchObject({
      fundable: false,
      totalCents: 0,
      notes: ['tooFewUnits'],
    });
    expect(fundableAmount(rule, { sessions: sessions(10, 4), participants: 14, materialsCents: 0 })).toMatchObject({
      fundable: false,
      notes: ['tooManyUnits'],
    });
    // The edges are fundable.
    expect(fundableAmount(rule, { sessions: sessions(5, 4), participants: 1, materialsCents: 0 }).totalCents).toBe(
      25000,
    );
    expect(fundableAmount(rule, { sessions: sessions(9, 4), participants: 1, materialsCents: 0 }).fundable).toBe(true);
  });
});

describe('helpers', () => {
  it('counts teachers from the printed names', () => {
    expect(teachersOf(null)).toBe(1);
    expect(teachersOf('')).toBe(1);
    expect(teachersOf('Anna Beispiel')).toBe(1);
    expect(teachersOf('Anna Beispiel, Omar Muster')).toBe(2);
    expect(teachersOf('Anna Beispiel und Omar Muster')).toBe(2);
    expect(teachersOf('A. Beispiel / O. Muster / L. Probe')).toBe(3);
  });
  it('picks the rule set valid on a day: the newest valid-from on or before it', () => {
    const sets = [
      { id: 'old', validFrom: '2024-01-01' },
      { id: 'new', validFrom: '2026-07-01' },
    ];
    expect(ruleSetValidOn(sets, '2026-06-30')?.id).toBe('old');
    expect(ruleSetValidOn(sets, '2026-07-01')?.id).toBe('new');
    expect(ruleSetValidOn(sets, '2023-12-31')).toBeUndefined();
  });
});

describe('courseFunding: the rule set a course is reported under', () => {
  const delivery = { sessions: [{ teachingUnits: 4, teachers: 1 }], participants: 3, materialsCents: 0 };
  const sets = [
    { name: 'NDS', validFrom: '2024-01-01', ...FUNDING_TEMPLATES.niedersachsen },
    {
      name: 'NDS',
      validFrom: '2026-01-01',
      kind: 'per_unit' as const,
      params: { ...FUNDING_TEMPLATES.niedersachsen.params, unitCents: 3000 },
    },
  ];

  it('names the problem when no rule set is chosen or none is valid on the first day', () => {
    expect(courseFunding(null, sets, '2025-03-01', delivery)).toEqual({
      ruleSet: undefined,
      problem: 'noneChosen',
      result: null,
    });
    expect(courseFunding('NDS', sets, '2023-12-31', delivery)).toEqual({
      ruleSet: undefined,
      problem: 'notValidYet',
      result: null,
    });
  });

  it('applies the version valid on the first day', () => {
    expect(courseFunding('NDS', sets, '2025-12-31', delivery).result?.totalCents).toBe(4 * 2500);
    expect(courseFunding('NDS', sets, '2026-01-01', delivery).result?.totalCents).toBe(4 * 3000);
  });
});
