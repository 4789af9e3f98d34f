import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatNumber, numberFormat } from './format';

describe('reused Intl formatters', () => {
  it('hands out one formatter per language and options, and a new one for other options', () => {
    const first = dateTimeFormat('de-DE', { dateStyle: 'medium' });
    expect(dateTimeFormat('de-DE', { dateStyle: 'medium' })).toBe(first);
    expect(dateTimeFormat('ar', { dateStyle: 'medium' })).not.toBe(first);
    expect(dateTimeFormat('de-DE', { dateStyle: 'long' })).not.toBe(first);
    expect(numberFormat('de-DE')).toBe(numberFormat('de-DE', {}));
    expect(numberFormat('de-DE', { style: 'percent' })).not.toBe(numberFormat('de-DE'));
  });

  it('throws for an option the runtime rejects, as `new` does, and keeps nothing for it', () => {
    expect(() => dateTimeFormat('de-DE', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('de-DE', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(dateTimeFormat('de-DE', { timeZone: 'Europe/Berlin' }).resolvedOptions().timeZone).toBe('Europe/Berlin');
  });

  it('formats as before', () => {
    expect(formatDate('2026-12-05', 'de')).toBe('05.12.2026');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});
