import type { TFunction } from 'i18next';
import type { Notification } from '../../../shared/notifications.js';
import { formatDate } from '../../i18n/format';
import { intlLocale } from '../../i18n/index';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** A notification's line in the reader's language: dates and months formatted for their locale. */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'params'>): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.params)) {
    if (typeof value === 'string' && ISO_DATE.test(value)) params[key] = formatDate(value);
    else if (typeof value === 'string' && MONTH.test(value))
      params[key] = new Intl.DateTimeFormat(intlLocale(), {
        month: 'long',
        year: 'numeric',
      }).format(new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 1));
    else params[key] = value;
  }
  return t(`notifications.kinds.${n.kind}.text`, params);
}
