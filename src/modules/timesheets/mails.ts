/** The mail a guide gets when a coordinator returns their time sheet, in the guide's language. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { composeText, type MailContent } from '../mail/templates.js';

export function sheetReturnedMail(
  locale: Locale,
  params: { name: string; month: string; comment: string; url: string },
): MailContent {
  const t = (key: string) => translate(locale, `timesheets.mail.${key}`, params);
  const lines = [
    translate(locale, 'mail.greeting', params),
    '',
    t('returnedBody'),
    '',
    params.comment,
    '',
    t('returnedAction'),
    params.url,
    '',
    translate(locale, 'mail.signature'),
  ];
  return { subject: t('returnedSubject'), ...composeText(locale, lines) };
}

/** The month in the recipient's language ("März 2026"). */
export function formatMonth(locale: Locale, month: string) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
