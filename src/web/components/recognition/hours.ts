import { formatDecimal, intlLocaleOf } from '../../../shared/numbers.js';
import { currentLocale } from '../../i18n';

/** Minutes as hours with one decimal in the reader's way of writing ("12,5" / "12.5"). */
export const hoursOf = (minutes: number, locale: string = currentLocale()) =>
  formatDecimal(Math.round(minutes / 6) / 10, locale, { maxFractionDigits: 1 });

/** "2026-03" as "März 2026" in the reader's language. */
export function monthLabel(month: string, locale: string = currentLocale()) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlLocaleOf(locale), {
    month: 'short',
    year: 'numeric',
    numberingSystem: 'latn',
  }).format(new Date(y, m - 1, 1));
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
