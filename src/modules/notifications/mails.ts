/** Notification mails in the recipient's language: one per notification (immediately) or one daily digest. */
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/notifications.js';
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

/**
 * The daily digest: grouped by kind under a heading, one "- " line each, in the order of NOTIFICATION_KINDS, then a
 * link to the notification centre.
 */
export function notificationDigestMail(
  locale: Locale,
  params: { name: string; publicUrl: string; notifications: MailedNotification[] },
): MailContent {
  const lines = [translate(locale, 'mail.greeting', params), '', translate(locale, 'jobs.digestIntro')];
  for (const kind of NOTIFICATION_KINDS) {
    const items = params.notifications.filter((n) => n.kind === kind);
    if (!items.length) continue;
    lines.push('', translate(locale, `notifications.kinds.${kind}.heading`));
    for (const n of items) lines.push(`- ${translate(locale, `notifications.kinds.${kind}.line`, n.params)}`);
  }
  lines.push('', `${params.publicUrl}/notifications`, ...footer(locale, params.publicUrl));
  return {
    subject: translate(locale, 'jobs.digestSubject', { count: params.notifications.length }),
    ...composeText(locale, lines),
  };
}
