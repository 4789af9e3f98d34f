import { describe, expect, it } from 'vitest';
import { periodText, slotsText } from './schedule.js';

describe("schedules in the reader's language", () => {
  it('writes weekly times with local weekday names', () => {
    expect(slotsText([{ weekday: 2, from: '09:00', to: '12:00' }], 'de')).toBe('Di 09:00–12:00');
    expect(slotsText([{ weekday: 2, from: '09:00', to: '12:00' }], 'en')).toBe('Tue 09:00–12:00');
    expect(slotsText([{ weekday: 2, from: '09:00', to: '12:00' }], 'ar')).toMatch(/الثلاثاء/);
  });
  it('writes the period without ISO dates', () => {
    expect(periodText({ frequency: 'once', startsOn: '2026-12-10', endsOn: null }, 'de')).toBe(
      'einmalig am 10.12.2026',
    );
    const weekly = periodText({ frequency: 'weekly', startsOn: '2026-12-10', endsOn: '2027-03-10' }, 'de');
    expect(weekly).toBe('Wöchentlich vom 10.12.2026 bis 10.03.2027');
    expect(periodText({ frequency: 'weekly', startsOn: '2026-12-10', endsOn: null }, 'ar')).not.toMatch(/\d{4}-\d{2}/);
  });
});
