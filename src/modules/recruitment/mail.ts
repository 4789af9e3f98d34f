import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { composeText, type MailContent, type Secret } from '../mail/templates.js';

/** The double opt-in mail: the link that confirms the address given on the public form. */
export function applicantConfirmMail(
  locale: Locale,
  params: { name: string; office: string; hours: number; link: Secret },
): MailContent {
  const t = (key: string) => translate(locale, key, params);
  return {
    subject: t('recruitment.mail.confirmSubject'),
    ...composeText(locale, [
      t('mail.greeting'),
      '',
      t('recruitment.mail.confirmBody'),
      params.link,
      '',
      t('recruitment.mail.confirmIgnore'),
      '',
      t('mail.signature'),
    ]),
  };
}
