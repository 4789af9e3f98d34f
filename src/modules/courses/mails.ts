/** Course mails in the guide's language: enrolment, waiting list, moved up, session reminder. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { composeText, type MailContent } from '../mail/templates.js';

export type CourseMailKind = 'enrolled' | 'waitlisted' | 'movedUp' | 'reminder';

/** A session's start in the recipient's language and the office's time zone. */
export function formatSessionStart(locale: Locale, at: Date, timeZone: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

export function courseMail(
  kind: CourseMailKind,
  locale: Locale,
  params: { name: string; title: string; when: string | null; room: string | null; position?: number },
): MailContent {
  const t = (key: string) => translate(locale, `courses.mail.${key}`, params);
  const lines = [
    translate(locale, 'mail.greeting', params),
    '',
    t(`${kind}Body`),
    '',
    params.title,
    ...(params.when ? [`${t('when')}: ${params.when}`] : []),
    ...(params.room ? [`${t('room')}: ${params.room}`] : []),
    '',
    translate(locale, 'mail.signature'),
  ];
  return { subject: t(`${kind}Subject`), ...composeText(locale, lines) };
}
