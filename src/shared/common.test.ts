import { describe, expect, it } from 'vitest';
import { isoDate, isoDateOut, isoDateTime, isoDateTimeOut } from './common.js';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('input dates have a plausible range (1900–2100)', () => {
  it('regression: a calendar date in year 0000 or 9999 is refused (PostgreSQL refused year 0 with a 500)', () => {
    for (const value of ['0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01'])
      expect(messages(isoDate.safeParse(value)), value).toEqual(['validation.date_out_of_range']);
    for (const value of ['1900-01-01', '2026-05-31', '2100-12-31']) expect(isoDate.safeParse(value).success).toBe(true);
  });

  it('regression: an instant in year 0000 or 9999 is refused', () => {
    for (const value of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1899-12-31T23:59:59+01:00',
      '2101-01-01T00:00:00Z',
    ])
      expect(messages(isoDateTime.safeParse(value)), value).toEqual(['validation.date_out_of_range']);
    for (const value of ['1900-01-01T00:00:00Z', '2026-05-31T12:30:00+02:00', '2100-12-31T23:59:59.999Z'])
      expect(isoDateTime.safeParse(value).success, value).toBe(true);
  });

  it('reports a malformed date with the format message only', () => {
    expect(messages(isoDate.safeParse('2025-02-30'))).toHaveLength(1);
    expect(messages(isoDate.safeParse('morgen'))).not.toContain('validation.date_out_of_range');
  });

  it('response dates are not re-validated, so data stored before the range existed still serialises', () => {
    expect(isoDateOut.safeParse('9999-12-31').success).toBe(true);
    expect(isoDateTimeOut.safeParse('9999-12-31T00:00:00.000Z').success).toBe(true);
  });
});
