import { describe, expect, it } from 'vitest';
import { fileSlug, formatDate, formatDateTime } from './format.js';

describe('German formats', () => {
  it('prints dates as 03.12.2026 without shifting plain ISO dates through a time zone', () => {
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
    expect(formatDate('2026-12-31T23:30:00Z', 'Europe/Berlin')).toBe('01.01.2027');
  });

  it('prints times in the office time zone, summer and winter, never as UTC', () => {
    expect(formatDateTime('2026-12-03T13:05:00Z', 'Europe/Berlin')).toBe('03.12.2026, 14:05 Uhr');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'Europe/Berlin')).toBe('01.07.2026, 10:00 Uhr');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'UTC')).toBe('01.07.2026, 08:00 Uhr');
  });

  it('makes ASCII file-name parts', () => {
    expect(fileSlug('Begleitung zum Jobcenter')).toBe('Begleitung-zum-Jobcenter');
    expect(fileSlug('Übergang Schule/Ausbildung – Größe')).toBe('Uebergang-Schule-Ausbildung-Groesse');
    expect(fileSlug('Café 🌻 فاطمة')).toBe('Cafe');
    expect(fileSlug(`${'a'.repeat(30)} ${'b'.repeat(40)}`, 50)).toBe('a'.repeat(30));
  });
});
