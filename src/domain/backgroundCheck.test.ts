import { describe, expect, it } from 'vitest';
import {
  backgroundCheckState,
  clearedForMinors,
  isCertificateFreshWhenShown,
  recheckDueOn,
} from './backgroundCheck.js';

const check = (checkedAt: string, extra: Partial<{ issuedAt: string; relevantConviction: boolean }> = {}) => ({
  checkedAt,
  relevantConviction: false,
  ...extra,
});

describe('background check (erweitertes Führungszeugnis)', () => {
  it('is missing when none was seen', () => {
    expect(backgroundCheckState(null, '2026-11-29')).toBe('missing');
  });

  it('must be re-checked five years after it was seen', () => {
    expect(recheckDueOn(check('2021-03-15'))).toBe('2026-03-15');
  });

  it('is valid until three months before the re-check, due in those months, expired from the re-check day', () => {
    const c = check('2022-01-31');
    expect(backgroundCheckState(c, '2026-10-30')).toBe('valid');
    expect(backgroundCheckState(c, '2026-10-31')).toBe('due');
    expect(backgroundCheckState(c, '2027-01-30')).toBe('due');
    expect(backgroundCheckState(c, '2027-01-31')).toBe('expired');
  });

  it('accepts a certificate issued at most three months before it was shown', () => {
    expect(isCertificateFreshWhenShown(check('2026-05-10', { issuedAt: '2026-02-10' }))).toBe(true);
    expect(isCertificateFreshWhenShown(check('2026-05-10', { issuedAt: '2026-02-09' }))).toBe(false);
    expect(isCertificateFreshWhenShown(check('2026-05-10', { issuedAt: '2026-05-11' }))).toBe(false);
    expect(isCertificateFreshWhenShown(check('2026-05-10'))).toBe(true);
  });

  it('clears a guide for work with minors only with a current check and no relevant conviction', () => {
    expect(clearedForMinors(check('2025-01-01'), '2026-11-29')).toBe(true);
    expect(clearedForMinors(check('2025-01-01', { relevantConviction: true }), '2026-11-29')).toBe(false);
    expect(clearedForMinors(check('2019-01-01'), '2026-11-29')).toBe(false);
    expect(clearedForMinors(null, '2026-11-29')).toBe(false);
  });

  it('regression: a check stored as 9999-12-31 (before dates had a range) yields a state instead of throwing', () => {
    expect(recheckDueOn(check('9999-12-31'))).toBe('9999-12-31');
    expect(backgroundCheckState(check('9999-12-31'), '2026-11-29')).toBe('valid');
  });
});
