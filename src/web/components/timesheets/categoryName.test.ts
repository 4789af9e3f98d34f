import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/enums.js';
import { translate } from '../../../shared/i18n/index.js';
import { categoryNameIn } from './categoryName.js';

/** The real catalogues, as the SPA reads them. */
const name = (language: Locale, key: string | null, label: string | null, translations?: unknown) =>
  categoryNameIn(((k: string) => translate(language, k)) as TFunction, language, key, label, translations);

describe('a category name in the reader’s language', () => {
  const cafe = { en: 'Language café', ar: 'مقهى اللغة', fa: '', tr: '', ru: '', uk: '' };

  it("takes the office's translation where it entered one", () => {
    expect(name('ar', 'sprachcafe', 'Sprachcafé', cafe)).toBe('مقهى اللغة');
    expect(name('en', null, 'Sprachcafé', cafe)).toBe('Language café');
  });

  it('reads German where the language has none, and for German readers', () => {
    expect(name('fa', 'sprachcafe', 'Sprachcafé', cafe)).toBe('Sprachcafé');
    expect(name('de', 'sprachcafe', 'Sprachcafé', cafe)).toBe('Sprachcafé');
    expect(name('tr', 'sprachcafe', 'Sprachcafé', undefined)).toBe('Sprachcafé');
  });

  it("an unchanged default category reads the catalogue's name unless the office translated it", () => {
    expect(name('ar', 'course', 'Kurs und Fortbildung', { ar: '' })).toBe(
      translate('ar', 'recognition.category.course'),
    );
    expect(name('ar', 'course', 'Kurs und Fortbildung', { ar: '' })).not.toBe('Kurs und Fortbildung');
    expect(name('en', 'plenum', 'Plenum', { en: 'Monthly meeting' })).toBe('Monthly meeting');
    // Renamed by the office: its own German name, not the catalogue's.
    expect(name('ar', 'plenum', 'Lotsentreffen', {})).toBe('Lotsentreffen');
  });
});
