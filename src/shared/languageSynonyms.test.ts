import { describe, expect, it } from 'vitest';
import { LOCALES } from './enums.js';
import { LANGUAGE_NAMES } from './languageNames.js';
import { LANGUAGE_SYNONYMS, languageMatches, normalizeSearch } from './languageSynonyms.js';
import { displayName, LANGUAGE_CODES } from './reference-data.js';

const found = (search: string) => LANGUAGE_CODES.filter((code) => languageMatches(code, search));

describe('language search', () => {
  it('finds Persian by "Farsi", and its German name is Persisch', () => {
    expect(found('Farsi')).toContain('fa');
    expect(found('farsi')).toContain('fa');
    expect(displayName('language', 'fa', 'de')).toBe('Persisch');
  });

  it('finds Kurmanji by the spellings people type', () => {
    for (const search of ['Kurmanci', 'Kurmandschi', 'kurmancî', 'Kurmanji']) expect(found(search)).toEqual(['kmr']);
    expect(found('Sorani')).toEqual(['ckb']);
    expect(found('Kurdisch')).toEqual(expect.arrayContaining(['kmr', 'ckb']));
  });

  it('finds Tigrinya, Pashto and Aramaic by their other names', () => {
    expect(found('Tigrinisch')).toEqual(['ti']);
    expect(found('Paschtu')).toEqual(['ps']);
    expect(found('Pashto')).toEqual(['ps']);
    expect(found('Aramäisch')).toEqual(['syr']);
  });

  it('finds languages by their Arabic names, with or without hamza and article', () => {
    expect(found('الفارسية')).toEqual(['fa']);
    expect(found('فارسي')).toContain('fa');
    expect(found('الكرمانجية')).toEqual(['kmr']);
    expect(found('اردو')).toEqual(['ur']);
  });

  it('matches nothing for a name that is no language', () => {
    expect(found('Klingonisch')).toEqual([]);
  });

  it('normalises accents, case and Arabic letter variants', () => {
    expect(normalizeSearch('Kurmancî')).toBe('kurmanci');
    expect(normalizeSearch('فارسی')).toBe(normalizeSearch('فارسي'));
    expect(normalizeSearch('Weiß')).toBe('weiss');
  });
});

describe('language names', () => {
  it('names every offered language in every UI language, never by its code', () => {
    for (const code of LANGUAGE_CODES) {
      for (const locale of LOCALES) {
        const name = displayName('language', code, locale);
        expect(name, `${code} in ${locale}`).not.toBe(code);
        expect(name.length, `${code} in ${locale}`).toBeGreaterThan(1);
      }
      expect(/[\u0600-\u06ff]/.test(LANGUAGE_NAMES[code].ar), `${code} in Arabic script`).toBe(true);
      expect(/[\u0600-\u06ff]/.test(LANGUAGE_NAMES[code].fa), `${code} in Persian script`).toBe(true);
      for (const cyrillic of ['ru', 'uk'] as const)
        expect(/[\u0400-\u04ff]/.test(LANGUAGE_NAMES[code][cyrillic]), `${code} in ${cyrillic}`).toBe(true);
    }
  });

  it('keeps synonyms only for offered languages', () => {
    for (const code of Object.keys(LANGUAGE_SYNONYMS)) expect(LANGUAGE_CODES).toContain(code);
  });
});
