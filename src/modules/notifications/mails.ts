/** Notification mails in the recipient's language: one per notification (immediately) or one daily digest. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import type { NotificationKind } from '../../shared/notifications.js';
import { composeText, type MailContent } from '../mail/templates.js';

export type MailedNotification = {
  kind: NotificationKind;
  params: Record<string, string | number>;
  /** An SPA path; made absolute with the public URL. Never carries a token. */
  link: string | null;
};

/** The line a notification reads as, in the centre and in mail. */
export const notificationText = (locale: Locale, n: Pick<MailedNotification, 'kind' | 'params'>) =>
  translate(locale, `notifications.kinds.${n.kind}.text`, n.params);

const footer = (locale: Locale, publicUrl: string) => [
  '',
  translate(locale, 'notifications.mail.preferences', { url: `${publicUrl}/me/notifications` }),
  '',
  translate(locale, 'mail.signature'),
];

export function notificationMail(
  locale: Locale,
  params: { name: string; publicUrl: string; notification: MailedNotification },
): MailContent {
  const n = params.notification;
  return {
    subject: translate(locale, `notifications.kinds.${n.kind}.title`, n.params),
    ...composeText(locale, [
      translate(locale, 'mail.greeting', params),
      '',
      notificationText(locale, n),
      ...(n.link ? [`${params.publicUrl}${n.link}`] : []),
      ...footer(locale, params.publicUrl),
    ]),
  };
}

export function notificationDigestMail(
  locale: Locale,
  params: { name: string; publicUrl: string; notifications: MailedNotification[] },
): MailContent {
  const lines = [translate(locale, 'mail.greeting', params), '', translate(locale, 'notifications.mail.digestIntro')];
  for (const n of params.notifications) {
    lines.push('', `- ${notificationText(locale, n)}`);
    if (n.link) lines.push(`  ${params.publicUrl}${n.link}`);
  }
  lines.push('', `${params.publicUrl}/notifications`, ...footer(locale, params.publicUrl));
  return {
    subject: translate(locale, 'notifications.mail.digestSubject', { count: params.notifications.length }),
    ...composeText(locale, lines),
  };
}
