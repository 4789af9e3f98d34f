import { describe, expect, it } from 'vitest';
import { LOCALES } from './enums.js';
import { formatDecimal, fractionDigits, intlLocaleOf, parseDecimal, toLatinDigits } from './numbers.js';

describe('parseDecimal', () => {
  it.each([
    ['2,80', 2.8],
    ['2.80', 2.8],
    ['2', 2],
    ['1.234', 1234],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['1,234', 1.234],
    ['0,5', 0.5],
    [',5', 0.5],
    ['  4,5 ', 4.5],
    ['1 234,5', 1234.5],
    ['-12,5', -12.5],
  ])('de: %s → %s', (text, value) => {
    expect(parseDecimal(text, 'de')).toBe(value);
  });

  it.each([
    ['2.80', 2.8],
    ['2,80', 2.8],
    ['1,234', 1234],
    ['1,234.56', 1234.56],
    ['12,345,678', 12345678],
    ['1.234', 1.234],
    ['0,500', 0.5],
    ['.75', 0.75],
  ])('en: %s → %s', (text, value) => {
    expect(parseDecimal(text, 'en')).toBe(value);
  });

  it.each([
    // The report of issue 7: "2,80" typed in the Arabic UI was saved as 280.
    ['2,80', 2.8],
    ['2.80', 2.8],
    ['٢٫٨٠', 2.8],
    ['٢,٨٠', 2.8],
    ['٢٬٥٠٠٫٥', 2500.5],
    ['١٢', 12],
    ['2،80', 2.8],
    ['\u200f2,80\u200f', 2.8],
    ['1,234.5', 1234.5],
  ])('ar: %s → %s', (text, value) => {
    expect(parseDecimal(text, 'ar')).toBe(value);
  });

  it.each([
    ['۲٫۸', 2.8],
    ['۲٫۸۰', 2.8],
    ['۱٬۲۳۴٫۵', 1234.5],
    ['۲,۸۰', 2.8],
    ['2,80', 2.8],
    ['۱۰۰', 100],
  ])('fa (Persian digits): %s → %s', (text, value) => {
    expect(parseDecimal(text, 'fa')).toBe(value);
  });

  it.each(['de', 'en', 'ar', 'fa'])('%s: garbage is null, never a silent number', (locale) => {
    for (const text of [
      '',
      '   ',
      'abc',
      '2,80 Euro',
      '1,2,3',
      '1.2.3',
      '2,8,0',
      '2..8',
      '1.23,4.5',
      '٢٫٨٫٠',
      '٢٫٨,٠',
      '1e5',
      'Infinity',
      '-',
      ',',
      '12-3',
      '0x10',
    ]) {
      expect(parseDecimal(text, locale), `${locale}: ${JSON.stringify(text)}`).toBeNull();
    }
  });

  it('a comma is a group separator only where the locale writes it so, and only with three-digit groups', () => {
    expect(parseDecimal('2,800', 'en')).toBe(2800);
    expect(parseDecimal('2,800', 'de')).toBe(2.8);
    expect(parseDecimal('2.800', 'de')).toBe(2800);
    expect(parseDecimal('2.800', 'en')).toBe(2.8);
    expect(parseDecimal('2,8000', 'en')).toBe(2.8);
  });
});

describe('formatDecimal', () => {
  it('writes the locale separators; Arabic and Persian keep Latin digits like the rest of the UI', () => {
    expect(formatDecimal(2.8, 'de', { minFractionDigits: 2 })).toBe('2,80');
    expect(formatDecimal(2.8, 'en', { minFractionDigits: 2 })).toBe('2.80');
    expect(formatDecimal(2.8, 'ar', { minFractionDigits: 2 })).toBe('2.80');
    expect(formatDecimal(2.8, 'fa', { minFractionDigits: 2 })).toBe('2.80');
    expect(formatDecimal(2.8, 'ru', { minFractionDigits: 2 })).toBe('2,80');
    expect(formatDecimal(1234.5, 'de')).toBe('1.234,5');
    expect(formatDecimal(1234.5, 'de', { grouping: false })).toBe('1234,5');
    expect(formatDecimal(4, 'de', { maxFractionDigits: 1 })).toBe('4');
  });

  it.each(['de', 'en', 'ar', 'fa'])('%s: what is formatted reads back as the same number', (locale) => {
    for (const value of [0, 0.5, 2.8, 12.25, 999.99, 1234.5, 1000, -3.75]) {
      expect(parseDecimal(formatDecimal(value, locale), locale)).toBe(value);
      expect(parseDecimal(formatDecimal(value, locale, { grouping: false }), locale)).toBe(value);
    }
  });
});

describe('helpers', () => {
  it('converts Arabic-Indic and Persian digits', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
  it('counts fraction digits', () => {
    expect(fractionDigits(2.8)).toBe(1);
    expect(fractionDigits(2.805)).toBe(3);
    expect(fractionDigits(3)).toBe(0);
  });
});

describe('intlLocaleOf', () => {
  it.each(LOCALES)('%s: dates in the Gregorian calendar with Latin digits', (locale) => {
    const text = new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2026-12-03T00:00:00Z'),
    );
    // The Solar Hijri calendar would say 1405, Persian digits ۲۰۲۶.
    expect(text).toContain('2026');
  });
});
