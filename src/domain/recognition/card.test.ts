import { describe, expect, it } from 'vitest';
import {
  addToMonth,
  CARD_RULE_SETS,
  cardExpiresOn,
  cardValidity,
  evaluateCard,
  lastCompleteMonth,
  yearThresholdMinutes,
} from './card.js';

const nds = CARD_RULE_SETS.niedersachsen;
const hessen = CARD_RULE_SETS.hessen;

/** The same minutes in each of the `count` months ending with `end`. */
function even(end: string, count: number, minutesPerMonth: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < count; i++) m.set(addToMonth(end, -i), minutesPerMonth);
  return m;
}

describe('Ehrenamtskarte thresholds', () => {
  it('Niedersachsen: 5 h a week or 250 h a year — 250 h (the weaker) qualifies a year; 2 years; 3 years valid', () => {
    expect(yearThresholdMinutes(nds)).toBe(250 * 60);
    expect(nds.years).toBe(2);
    expect(nds.validityYears).toBe(3);
  });
  it('Hessen: 5 h a week on average over 52 weeks = 260 h a year', () => {
    expect(yearThresholdMinutes(hessen)).toBe(260 * 60);
  });
  it('months and the evaluation end', () => {
    expect(addToMonth('2026-01', -1)).toBe('2025-12');
    expect(addToMonth('2025-12', 13)).toBe('2027-01');
    expect(lastCompleteMonth('2026-12-04')).toBe('2026-11');
    expect(lastCompleteMonth('2026-01-31')).toBe('2025-12');
  });
});

describe('Ehrenamtskarte Niedersachsen eligibility', () => {
  const asOf = '2026-12-04'; // blocks: 2025-12…2026-11 and 2024-12…2025-11
  it('exactly 250 h in each of the two years qualifies', () => {
    const monthly = even('2026-11', 24, 1250); // 12 × 1250 min = 15000 min = 250 h
    const r = evaluateCard(monthly, asOf, nds);
    expect(r.status).toBe('eligible');
    expect(r.blocks.map((b) => [b.from, b.to, b.minutes])).toEqual([
      ['2025-12', '2026-11', 15000],
      ['2024-12', '2025-11', 15000],
    ]);
    expect(r.totalMinutes).toBe(30000);
  });
  it('one minute short in the older year does not qualify (but is near: soon)', () => {
    const monthly = even('2026-11', 24, 1250);
    monthly.set('2025-01', 1249);
    const r = evaluateCard(monthly, asOf, nds);
    expect(r.blocks[1].minutes).toBe(14999);
    expect(r.status).toBe('soon');
  });
  it('5 h a week all year long (260 h) qualifies', () => {
    expect(evaluateCard(even('2026-11', 24, 1300), asOf, nds).status).toBe('eligible');
  });
  it('250 h in one year alone is not enough: 2 years are needed', () => {
    const r = evaluateCard(even('2026-11', 12, 1500), asOf, nds);
    expect(r.blocks[1].minutes).toBe(0);
    expect(r.status).toBe('notYet');
  });
  it('the current month does not count yet', () => {
    const monthly = even('2026-11', 24, 1250);
    monthly.set('2026-12', 100_000);
    monthly.set('2024-12', 0); // the older block loses 1250 min, the current month cannot make up for it
    expect(evaluateCard(monthly, asOf, nds).blocks[1].minutes).toBe(13750);
  });
  it('reversals (negative minutes) are summed', () => {
    const monthly = even('2026-11', 24, 1250);
    monthly.set('2026-05', 1250 - 60);
    expect(evaluateCard(monthly, asOf, nds).blocks[0].minutes).toBe(14940);
  });
  it('soon by pace: 21 months at 25 h qualify at the end of December', () => {
    // 2025-03 … 2026-11 at 1500 min: the older block (2024-12…2025-11) has 9 × 1500 = 13500 < 15000. At the end of
    // 2026-12 (the pace continued) it is 2025-01…2025-12 = 10 × 1500 = 15000: qualifies.
    const r = evaluateCard(even('2026-11', 21, 1500), asOf, nds); // 2025-03 … 2026-11
    expect(r.status).toBe('soon');
    expect(r.reason).toBe('projected');
    expect(r.projectedMonth).toBe('2026-12');
  });
  it('soon by hours: 80 % of 250 h (200 h) in both years', () => {
    const r = evaluateCard(even('2026-11', 24, 1000), asOf, nds); // 200 h a year
    expect(r.status).toBe('soon');
    expect(r.reason).toBe('nearHours');
  });
  it('below 80 % and no pace to get there: not yet', () => {
    expect(evaluateCard(even('2026-11', 24, 999), asOf, nds).status).toBe('notYet');
    expect(evaluateCard(new Map(), asOf, nds).status).toBe('notYet');
  });
});

describe('Hessen Ehrenamts-Card', () => {
  const asOf = '2026-12-04';
  it('250 h a year is not 5 h a week; 260 h is', () => {
    expect(evaluateCard(even('2026-11', 24, 1250), asOf, hessen).status).not.toBe('eligible');
    expect(evaluateCard(even('2026-11', 24, 1300), asOf, hessen).status).toBe('eligible');
  });
  it('one minute under 260 h in a year does not qualify', () => {
    const monthly = even('2026-11', 24, 1300);
    monthly.set('2026-06', 1299);
    expect(evaluateCard(monthly, asOf, hessen).blocks[0].qualifies).toBe(false);
  });
});

describe('card validity', () => {
  it('a Niedersachsen card is valid 3 years, until the day before', () => {
    expect(cardExpiresOn('2026-03-15', 3)).toBe('2029-03-14');
    expect(cardExpiresOn('2024-02-29', 3)).toBe('2027-02-27');
    expect(cardExpiresOn('2026-01-01', 2)).toBe('2027-12-31');
  });
  it('runs out soon within 3 months, expired the day after the last valid day', () => {
    expect(cardValidity('2027-03-04', '2026-12-04')).toBe('expiringSoon');
    expect(cardValidity('2027-03-05', '2026-12-04')).toBe('valid');
    expect(cardValidity('2026-12-04', '2026-12-04')).toBe('expiringSoon');
    expect(cardValidity('2026-12-03', '2026-12-04')).toBe('expired');
  });
});
