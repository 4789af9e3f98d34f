import { describe, expect, it } from 'vitest';
import {
  compactTranslations,
  completeTranslations,
  localizedLabel,
  localizedText,
  translationsInput,
} from './localized.js';

describe('office texts per language', () => {
  it("reads the translation in the reader's language", () => {
    expect(localizedLabel('Wohnen', { ar: 'السكن', en: 'Housing' }, 'ar')).toBe('السكن');
    expect(localizedLabel('Wohnen', { ar: 'السكن', en: 'Housing' }, 'en')).toBe('Housing');
  });
  it('falls back to German for a missing, empty or blank translation', () => {
    expect(localizedLabel('Wohnen', { ar: 'السكن' }, 'fa')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', { fa: '' }, 'fa')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', { fa: '   ' }, 'fa')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', null, 'tr')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', 'garbage', 'tr')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', { tr: 42 }, 'tr')).toBe('Wohnen');
  });
  it('German readers and unknown languages read German, never a stored "de" translation', () => {
    expect(localizedLabel('Wohnen', { de: 'Anders', en: 'Housing' }, 'de')).toBe('Wohnen');
    expect(localizedLabel('Wohnen', { en: 'Housing' }, 'xx')).toBe('Wohnen');
  });
  it('a text kept with German in it follows the same rule', () => {
    const signature = { de: 'Ihre Lotsenstelle', ar: 'مكتب الإرشاد', en: '' };
    expect(localizedText(signature, 'ar')).toBe('مكتب الإرشاد');
    expect(localizedText(signature, 'en')).toBe('Ihre Lotsenstelle');
    expect(localizedText(signature, 'de')).toBe('Ihre Lotsenstelle');
  });
  it('stores only the languages with a text, and reads every language back', () => {
    expect(compactTranslations({ en: ' Housing ', ar: '', fa: '  ' })).toEqual({ en: 'Housing' });
    expect(completeTranslations({ en: 'Housing', xx: 'no' })).toEqual({
      en: 'Housing',
      ar: '',
      fa: '',
      tr: '',
      ru: '',
      uk: '',
    });
  });
  it('the input takes the six other languages only, each within its length', () => {
    const input = translationsInput(10);
    expect(input.safeParse({ ar: 'السكن' }).success).toBe(true);
    expect(input.safeParse({ de: 'Wohnen' }).success).toBe(false);
    expect(input.safeParse({ en: 'x'.repeat(11) }).success).toBe(false);
  });
});
