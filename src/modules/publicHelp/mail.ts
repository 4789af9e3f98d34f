import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { composeText, type MailContent } from '../mail/templates.js';

/** The receipt for a request from the public form, in the person's language. It carries no link and no secret. */
export function helpReceivedMail(locale: Locale, params: { name: string; office: string }): MailContent {
  const t = (key: string) => translate(locale, key, params);
  return {
    subject: t('publicHelp.mail.subject'),
    ...composeText(locale, [
      t('publicHelp.mail.greeting'),
      '',
      t('publicHelp.mail.body'),
      '',
      t('publicHelp.mail.next'),
      '',
      t('publicHelp.mail.signature'),
    ]),
  };
}
