import { describe, expect, it } from 'vitest';
import { claimAmountCents, costProblems, DEFAULT_KM_RATE_CENTS, kmRateAt } from './amounts.js';

const set = (name: string, validFrom: string, kmRateCents?: number) => ({
  name,
  validFrom,
  options: kmRateCents === undefined ? {} : { kmRateCents },
});

describe('km rate by date', () => {
  it('is 0.30 € per km when the office has no rule set', () => {
    expect(DEFAULT_KM_RATE_CENTS).toBe(30);
    expect(kmRateAt([], '2026-03-10')).toBe(30);
  });

  it('is 0.30 € per km before the first rule set is valid', () => {
    expect(kmRateAt([set('Hessen WIR', '2026-04-01', 35)], '2026-03-31')).toBe(30);
  });

  it('gives each claim of a month its own day’s rate when the rate changes within the month', () => {
    const sets = [set('Hessen WIR', '2026-01-01', 30), set('Hessen WIR', '2026-03-15', 38)];
    expect(kmRateAt(sets, '2026-03-14')).toBe(30);
    expect(kmRateAt(sets, '2026-03-15')).toBe(38);
    expect(kmRateAt(sets, '2026-03-31')).toBe(38);
    // 20 km on the 14th and 20 km on the 16th: 6.00 € + 7.60 €.
    const march = [
      claimAmountCents({ transport: 'car', km: 20 }, kmRateAt(sets, '2026-03-14')),
      claimAmountCents({ transport: 'car', km: 20 }, kmRateAt(sets, '2026-03-16')),
    ];
    expect(march).toEqual([600, 760]);
  });

  it('takes the latest valid-from date, whatever the order of the rule sets', () => {
    const sets = [set('B', '2026-06-01', 40), set('A', '2025-01-01', 25), set('C', '2026-02-01', 33)];
    expect(kmRateAt(sets, '2026-05-31')).toBe(33);
    expect(kmRateAt(sets, '2026-06-01')).toBe(40);
  });

  it('falls back to 0.30 € when the valid rule set names no rate', () => {
    expect(kmRateAt([set('Kommune', '2026-01-01')], '2026-02-01')).toBe(30);
  });
});

describe('claim amount', () => {
  it('is km × rate by car or bike', () => {
    expect(claimAmountCents({ transport: 'car', km: 42 }, 30)).toBe(1260);
    expect(claimAmountCents({ transport: 'bike', km: 7 }, 30)).toBe(210);
  });

  it('is the ticket price by public transport, km ignored', () => {
    expect(claimAmountCents({ transport: 'publicTransport', km: 50, ticketCents: 340 }, 30)).toBe(340);
  });

  it('adds other costs to the travel costs', () => {
    expect(claimAmountCents({ transport: 'car', km: 10, otherCents: 250 }, 30)).toBe(550);
    expect(claimAmountCents({ transport: 'other', otherCents: 1299 }, 30)).toBe(1299);
  });

  it('needs km by car, a ticket by public transport, and a receipt for other costs', () => {
    expect(costProblems({ transport: 'car' }, false)).toEqual([{ path: 'km', code: 'required' }]);
    expect(costProblems({ transport: 'publicTransport' }, false)).toEqual([{ path: 'ticketCents', code: 'required' }]);
    expect(costProblems({ transport: 'other', otherCents: 500 }, false)).toEqual([
      { path: 'receipt', code: 'receiptRequired' },
    ]);
    expect(costProblems({ transport: 'other', otherCents: 500 }, true)).toEqual([]);
    expect(costProblems({ transport: 'car', km: 12 }, false)).toEqual([]);
  });
});
