import { describe, expect, it } from 'vitest';
import { guideCreateInput, guidePatchInput } from './guides.js';

const base = { firstName: 'Amal', lastName: 'Beispiel' };
const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('guide validation', () => {
  it('accepts a minimal guide and fills defaults', () => {
    const parsed = guideCreateInput.parse(base);
    expect(parsed.status).toBe('interested');
    expect(parsed.languages).toEqual([]);
    expect(parsed.maxActiveAssignments).toBe(2);
  });

  it('rejects unknown language and country codes, and Kurdish variants are known', () => {
    const bad = guideCreateInput.safeParse({ ...base, languages: [{ code: 'xx', level: 'B1' }], countries: ['ZZ'] });
    expect(messages(bad)).toEqual([
      'languages.0.code:validation.languageUnknown',
      'countries.0:validation.countryUnknown',
    ]);
    const kurdish = guideCreateInput.safeParse({
      ...base,
      languages: [
        { code: 'kmr', level: 'native' },
        { code: 'ckb', level: 'B2' },
        { code: 'prs', level: 'C1' },
      ],
    });
    expect(kurdish.success).toBe(true);
  });

  it('rejects an availability slot that ends before it starts', () => {
    const bad = guideCreateInput.safeParse({ ...base, availability: [{ weekday: 1, from: '14:00', to: '09:00' }] });
    expect(messages(bad)).toEqual(['availability.0.to:validation.slotEndsBeforeStart']);
  });

  it('rejects oversized text, unknown fields and duplicate languages', () => {
    expect(guideCreateInput.safeParse({ ...base, firstName: 'x'.repeat(101) }).success).toBe(false);
    expect(guideCreateInput.safeParse({ ...base, shoeSize: 44 }).success).toBe(false);
    const dup = guideCreateInput.safeParse({
      ...base,
      languages: [
        { code: 'ar', level: 'native' },
        { code: 'ar', level: 'B1' },
      ],
    });
    expect(messages(dup)).toEqual(['languages:validation.duplicate']);
  });

  it('rejects a background check issued after it was shown', () => {
    const bad = guideCreateInput.safeParse({
      ...base,
      backgroundCheck: { checkedAt: '2026-01-01', issuedAt: '2026-02-01', relevantConviction: false },
    });
    expect(messages(bad)).toEqual(['backgroundCheck.issuedAt:validation.issuedAfterChecked']);
  });

  it('keeps PATCH partial: no defaults are injected, empty patches are refused', () => {
    expect(guidePatchInput.parse({ phone: '+49 511 1' })).toEqual({ phone: '+49 511 1' });
    expect(messages(guidePatchInput.safeParse({}))).toEqual([':validation.emptyPatch']);
  });
});
