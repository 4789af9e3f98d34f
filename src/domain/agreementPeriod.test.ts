import { describe, expect, it } from 'vitest';
import { draftAgreementPeriod } from './agreementPeriod.js';

describe('draftAgreementPeriod', () => {
  it('regression: a one-off request is agreed for its one date, not three months with a review', () => {
    expect(draftAgreementPeriod({ startsOn: '2026-12-10', endsOn: null, frequency: 'once' }, '2026-12-03', 42)).toEqual(
      {
        startsOn: '2026-12-10',
        endsOn: '2026-12-10',
        reviewOn: '2026-12-10',
      },
    );
  });
  it("keeps a one-off request's own end date", () => {
    expect(
      draftAgreementPeriod({ startsOn: '2026-12-10', endsOn: '2026-12-12', frequency: 'once' }, '2026-12-03', 42),
    ).toEqual({ startsOn: '2026-12-10', endsOn: '2026-12-12', reviewOn: '2026-12-12' });
  });
  it("gives a recurring request three months and a review after the office's days", () => {
    expect(
      draftAgreementPeriod({ startsOn: '2026-12-10', endsOn: null, frequency: 'weekly' }, '2026-12-03', 42),
    ).toEqual({
      startsOn: '2026-12-10',
      endsOn: '2027-03-10',
      reviewOn: '2027-01-21',
    });
  });
  it("starts today when the request's start has passed, and never reviews after the end", () => {
    expect(
      draftAgreementPeriod({ startsOn: '2026-11-01', endsOn: '2026-12-20', frequency: 'weekly' }, '2026-12-03', 42),
    ).toEqual({ startsOn: '2026-12-03', endsOn: '2026-12-20', reviewOn: '2026-12-20' });
  });
});
