import type { Locale } from './enums.js';
import { translate } from './i18n/index.js';
import { intlLocaleOf } from './numbers.js';

/** Weekday 1 (Monday) … 7 as the locale writes it, e.g. "Di." / "Tue" / "الثلاثاء". */
export function weekdayName(weekday: number, locale: Locale, width: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, weekday));
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { weekday: width, timeZone: 'UTC' }).format(day);
}

/** A wall-clock time "09:30" in the locale's digits and form. */
export function clockTime(hhmm: string, locale: Locale): string {
  const [h, m] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
}

export const calendarDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** "Di. 09:00–12:00, Do. 14:00–16:00" in the reader's language. */
export function slotsText(slots: { weekday: number; from: string; to: string }[], locale: Locale): string {
  const list = new Intl.ListFormat(intlLocaleOf(locale), { style: 'short', type: 'unit' });
  return list.format(
    slots.map((s) => `${weekdayName(s.weekday, locale)} ${clockTime(s.from, locale)}–${clockTime(s.to, locale)}`),
  );
}

/** "einmalig am 10.12.2026", "Wöchentlich vom 10.12.2026 bis 10.03.2027" in the reader's language. */
export function periodText(r: { frequency: string; startsOn: string; endsOn: string | null }, locale: Locale): string {
  const frequency = translate(locale, `requests.frequency.${r.frequency}`);
  if (r.frequency === 'once')
    return translate(locale, 'mail.frequencyOnce', { date: calendarDate(r.startsOn, locale) });
  if (r.endsOn)
    return translate(locale, 'mail.frequencyUntil', {
      frequency,
      from: calendarDate(r.startsOn, locale),
      to: calendarDate(r.endsOn, locale),
    });
  return translate(locale, 'mail.frequencyFrom', { frequency, date: calendarDate(r.startsOn, locale) });
}
