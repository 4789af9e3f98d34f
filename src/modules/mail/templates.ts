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

/** The offer mail: what, where, when, and two single-use links that work without signing in. */
export function offerMail(
  locale: Locale,
  params: {
    name: string;
    title: string;
    district: string;
    startsOn: string;
    message: string;
    acceptLink: string;
    declineLink: string;
    appLink: string;
    expiresAt: string;
  },
): { subject: string; text: string } {
  const t = (key: string) => translate(locale, `mail.${key}`, params);
  const text = [
    t('greeting'),
    '',
    t('offerBody'),
    '',
    `${params.title} · ${params.district} · ${params.startsOn}`,
    ...(params.message ? ['', params.message] : []),
    '',
    `${t('offerAccept')}: ${params.acceptLink}`,
    `${t('offerDecline')}: ${params.declineLink}`,
    `${t('offerInApp')}: ${params.appLink}`,
    '',
    t('offerExpires'),
    '',
    t('signature'),
  ].join('\n');
  return { subject: t('offerSubject'), text };
}
