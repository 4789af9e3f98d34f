import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';

/** Account mails in the recipient's language, from the shared catalogue. */
export function accountMail(
  kind: 'invite' | 'reset',
  locale: Locale,
  params: { name: string; office: string; link: string; hours: number },
): { subject: string; text: string } {
  const t = (key: string) => translate(locale, `mail.${key}`, params);
  const subject = t(kind === 'invite' ? 'inviteSubject' : 'resetSubject');
  const text = [
    t('greeting'),
    '',
    t(kind === 'invite' ? 'inviteBody' : 'resetBody'),
    params.link,
    '',
    t('ignore'),
    '',
    t('signature'),
  ].join('\n');
  return { subject, text };
}
