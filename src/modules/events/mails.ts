/** The invitation mail in the guide's language, with the personal answer link (a secret) and the .ics attached. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { composeText, type MailContent, secret } from '../mail/templates.js';

export function formatEventStart(locale: Locale, at: Date, timeZone: string) {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

export function invitationMail(
  locale: Locale,
  params: { name: string; title: string; when: string; place: string | null; rsvpLink: string; appLink: string },
): MailContent {
  const t = (key: string) => translate(locale, `events.mail.${key}`, params);
  const lines = [
    translate(locale, 'mail.greeting', params),
    '',
    t('invitationBody'),
    '',
    params.title,
    `${t('when')}: ${params.when}`,
    ...(params.place ? [`${t('place')}: ${params.place}`] : []),
    '',
    t('answerByLink'),
    [secret(params.rsvpLink)],
    '',
    `${t('inApp')}: ${params.appLink}`,
    '',
    translate(locale, 'mail.signature'),
  ];
  return { subject: t('invitationSubject'), ...composeText(locale, lines) };
}
