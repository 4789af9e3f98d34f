import { describe, expect, it } from 'vitest';
import { SMALL_CELL_THRESHOLD, suppress } from './suppression.js';

const cells = (...values: number[]) => values.map((value) => ({ value }));

/** Every value a withheld cell could be worked out to from the visible ones by one subtraction in a group. */
function recoverable(values: number[], out: (string | null)[], groups: { total: number; parts: number[] }[]) {
  const found: number[] = [];
  for (const g of groups) {
    const members = [g.total, ...g.parts];
    const hidden = members.filter((i) => out[i] !== null);
    if (hidden.length === 1) found.push(hidden[0]);
  }
  return found.filter((i) => values[i] < SMALL_CELL_THRESHOLD);
}

describe('small-cell suppression', () => {
  it('withholds every count below 5, zero included, and shows 5 and above', () => {
    const out = suppress(cells(0, 1, 4, 5, 120), []);
    expect(out).toEqual(['small', 'small', 'small', null, null]);
  });

  it('withholds a cell the caller marks small whatever its value (hours of fewer than five guides)', () => {
    expect(suppress([{ value: 312, forceSmall: true }], [])).toEqual(['small']);
  });

  it('withholds the next-smallest part when exactly one part of a total is withheld', () => {
    // total 40 = 3 + 9 + 28: 3 alone would be 40 - 9 - 28.
    const out = suppress(cells(40, 3, 9, 28), [{ total: 0, parts: [1, 2, 3] }]);
    expect(out).toEqual([null, 'small', 'secondary', null]);
  });

  it('leaves a group alone when two parts are small already', () => {
    const out = suppress(cells(30, 2, 3, 25), [{ total: 0, parts: [1, 2, 3] }]);
    expect(out).toEqual([null, 'small', 'small', null]);
  });

  it('withholds the total when it is the only other member (one office in the programme)', () => {
    expect(suppress(cells(3, 3), [{ total: 0, parts: [1] }])).toEqual(['small', 'small']);
    expect(suppress(cells(12, 12, 0), [{ total: 0, parts: [1, 2] }])).toEqual([null, 'secondary', 'small']);
  });

  it('withholds a small total like any other count, and shows a large one with its large part', () => {
    expect(suppress(cells(4, 4, 0), [{ total: 0, parts: [1, 2] }])).toEqual(['small', 'small', 'small']);
    expect(suppress(cells(7, 7), [{ total: 0, parts: [1] }])).toEqual([null, null]);
  });

  it('repeats across rows and columns until no group has exactly one withheld member', () => {
    // Two offices × (filed = matched + unmatched), plus the total row and column totals.
    // index: office A filed 0, matched 1, unmatched 2; office B 3, 4, 5; total 6, 7, 8.
    const values = [20, 2, 18, 30, 25, 5, 50, 27, 23];
    const groups = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [4, 5] },
      { total: 6, parts: [7, 8] },
      { total: 6, parts: [0, 3] },
      { total: 7, parts: [1, 4] },
      { total: 8, parts: [2, 5] },
    ];
    const out = suppress(cells(...values), groups);
    expect(out[1]).toBe('small');
    expect(recoverable(values, out, groups)).toEqual([]);
    for (const g of groups) expect([g.total, ...g.parts].filter((i) => out[i] !== null).length).not.toBe(1);
  });

  it('is deterministic on ties: the lower index goes first', () => {
    const out = suppress(cells(23, 1, 11, 11), [{ total: 0, parts: [1, 2, 3] }]);
    expect(out).toEqual([null, 'small', 'secondary', null]);
  });
});
