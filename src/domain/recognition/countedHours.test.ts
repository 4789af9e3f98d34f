import { describe, expect, it } from 'vitest';
import { HOUR_CATEGORY_KINDS } from '../hours/kinds.js';
import { CARD_CATEGORY_KINDS, CARD_SHEET_STATUSES, countsForCard } from './countedHours.js';

const entry = (over: Partial<Extract<Parameters<typeof countsForCard>[0], { source: 'entry' }>> = {}) =>
  ({ source: 'entry', sheetStatus: 'approved', kind: 'plenum', unpaid: false, ...over }) as const;

describe('hours the Ehrenamtskarte counts', () => {
  it('counts hours outside deployments only in approved months: not drafts (no sheet), submitted or returned', () => {
    expect(countsForCard(entry())).toBe(true);
    expect(countsForCard(entry({ sheetStatus: null }))).toBe(false);
    expect(countsForCard(entry({ sheetStatus: 'submitted' }))).toBe(false);
    expect(countsForCard(entry({ sheetStatus: 'returned' }))).toBe(false);
    expect(CARD_SHEET_STATUSES).toEqual(['approved']);
  });

  it('counts deployment hours once approved; NULL approval does not count', () => {
    expect(countsForCard({ source: 'deployment', approvedAt: '2026-03-31T10:00:00Z' })).toBe(true);
    expect(countsForCard({ source: 'deployment', approvedAt: new Date() })).toBe(true);
    expect(countsForCard({ source: 'deployment', approvedAt: null })).toBe(false);
  });

  it('counts every category of engagement, unpaid hours (also NULL) and a missing kind', () => {
    for (const kind of HOUR_CATEGORY_KINDS) expect(countsForCard(entry({ kind }))).toBe(true);
    expect(CARD_CATEGORY_KINDS).toEqual(HOUR_CATEGORY_KINDS);
    expect(countsForCard(entry({ unpaid: true }))).toBe(true);
    expect(countsForCard(entry({ unpaid: null }))).toBe(true);
    expect(countsForCard(entry({ kind: null }))).toBe(true);
  });
});
