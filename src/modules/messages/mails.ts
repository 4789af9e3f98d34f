/** The mail of a message to guides, in the recipient's language: the coordinator's text and a link to reply. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { composeText, type MailContent } from '../mail/templates.js';

export function broadcastMail(
  locale: Locale,
  params: { name: string; office: string; author: string; subject: string; body: string; url: string },
): MailContent {
  const t = (key: string) => translate(locale, `messages.mail.${key}`, params);
  const lines = [
    translate(locale, 'mail.greeting', params),
    '',
    t('intro'),
    '',
    params.body,
    '',
    t('replyAction'),
    params.url,
    '',
    t('optOutHint'),
    '',
    translate(locale, 'mail.signature'),
  ];
  // The subject is the coordinator's own, prefixed with the office so the guide recognises it.
  return { subject: `${params.office}: ${params.subject}`, ...composeText(locale, lines) };
}
