import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';

/**
 * A value only the recipient may read (a link with a token). Templates place it in the text; the outbox stores a
 * placeholder there and the value itself encrypted (see mailer.ts), and it is put back only when the mail is sent.
 */
export type Secret = { readonly secret: string };
export const secret = (value: string): Secret => Object.freeze({ secret: value });
const isSecret = (part: unknown): part is Secret =>
  typeof part === 'object' && part !== null && typeof (part as Secret).secret === 'string';

/** Where a secret goes back into the stored text: `placeholder` starts at character `at`. */
export type SecretSlot = { at: number; placeholder: string; value: string };
/** `locale` is the recipient's language: the office's signature (mailer.ts) is added in it. */
export type MailContent = { subject: string; text: string; secrets: SecretSlot[]; locale: Locale };

type Part = string | Secret;

/** Joins lines (a line may mix text and secrets) into the outbox text, recording where each secret was left out. */
export function composeText(
  locale: Locale,
  lines: ReadonlyArray<Part | ReadonlyArray<Part>>,
): Omit<MailContent, 'subject'> {
  const placeholder = translate(locale, 'mail.secretPlaceholder');
  const secrets: SecretSlot[] = [];
  let text = '';
  lines.forEach((line, index) => {
    if (index > 0) text += '\n';
    for (const part of Array.isArray(line) ? line : [line]) {
      if (isSecret(part)) {
        secrets.push({ at: text.length, placeholder, value: part.secret });
        text += placeholder;
      } else text += part as string;
    }
  });
  return { text, secrets, locale };
}

/** The text the recipient reads: every placeholder replaced by its secret. Throws if the text does not match. */
export function revealText(text: string, secrets: readonly SecretSlot[]): string {
  let out = text;
  for (const slot of [...secrets].sort((a, b) => b.at - a.at)) {
    if (out.slice(slot.at, slot.at + slot.placeholder.length) !== slot.placeholder)
      throw new Error('the stored mail text does not match its secrets');
    out = out.slice(0, slot.at) + slot.value + out.slice(slot.at + slot.placeholder.length);
  }
  return out;
}

/**
 * Account mails in the recipient's language, from the shared catalogue. `invite_existing` goes to an address that
 * already has an account (in another office): its stored text is identical to an invitation's, so the inviting office
 * cannot tell the two apart, and only the recipient reads that no second account was created.
 */
export function accountMail(
  kind: 'invite' | 'reset' | 'invite_existing',
  locale: Locale,
  params: { name: string; office: string; hours: number; link?: Secret },
): MailContent {
  const t = (key: string) => translate(locale, `mail.${key}`, params);
  const link = params.link?.secret ?? '';
  // For invitations the explanation is part of the secret: it differs between a new and an existing account.
  const personal =
    kind === 'reset'
      ? [t('resetBody'), secret(link)]
      : [secret(kind === 'invite' ? `${t('inviteBody')}\n${link}` : t('inviteExistingAccount'))];
  const subject = t(kind === 'reset' ? 'resetSubject' : 'inviteSubject');
  return { subject, ...composeText(locale, [t('greeting'), '', ...personal, '', t('ignore'), '', t('signature')]) };
}

/** The offer mail: what, where, when, whom to ask, until when, and two single-use links that work without signing in. */
export function offerMail(
  locale: Locale,
  params: {
    name: string;
    title: string;
    district: string;
    /** Already formatted for the recipient: dates, weekdays and times in their language. */
    when: string;
    times: string;
    meetingPoint: string | null;
    onSiteContact: string | null;
    message: string;
    acceptLink: Secret;
    declineLink: Secret;
    appLink: string;
    /** The deadline in the recipient's language and the office's local time. */
    expiresAt: string;
  },
): MailContent {
  const t = (key: string) => translate(locale, `mail.${key}`, params);
  const line = (label: string, value: string | null) => (value ? [`${t(label)}: ${value}`] : []);
  const body = composeText(locale, [
    t('greeting'),
    '',
    t('offerBody'),
    '',
    params.title,
    ...line('offerWhere', params.district),
    ...line('offerWhen', params.when),
    ...line('offerTimes', params.times),
    ...line('offerMeetingPoint', params.meetingPoint),
    ...line('offerOnSiteContact', params.onSiteContact),
    ...(params.message ? ['', params.message] : []),
    '',
    [`${t('offerAccept')}: `, params.acceptLink],
    [`${t('offerDecline')}: `, params.declineLink],
    `${t('offerInApp')}: ${params.appLink}`,
    '',
    t('offerExpires'),
    '',
    t('signature'),
  ]);
  return { subject: t('offerSubject'), ...body };
}

/** To the guides whose offer ended because the request has all the guides it needs: thanks, nothing to do. */
export function requestFilledMail(locale: Locale, params: { name: string; title: string }): MailContent {
  const t = (key: string) => translate(locale, `mail.${key}`, params);
  return {
    subject: t('filledSubject'),
    ...composeText(locale, [t('greeting'), '', t('filledBody'), '', t('signature')]),
  };
}

export type ReminderLine = {
  kind: 'review_due' | 'background_check_due' | 'agreement_unconfirmed' | 'offer_unanswered';
  line: Record<string, string>;
};

/** The coordinators' daily digest: one line per item, grouped by kind, in the coordinator's language. */
export function reminderDigestMail(locale: Locale, params: { name: string; items: ReminderLine[] }): MailContent {
  const t = (key: string, p: Record<string, unknown> = params) => translate(locale, `jobs.${key}`, p);
  const kinds = ['review_due', 'background_check_due', 'agreement_unconfirmed', 'offer_unanswered'] as const;
  const lines: string[] = [translate(locale, 'mail.greeting', params), '', t('digestIntro')];
  for (const kind of kinds) {
    const items = params.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    lines.push('', t(`heading.${kind}`));
    for (const item of items) lines.push(`- ${t(`line.${kind}`, item.line)}`);
  }
  lines.push('', translate(locale, 'mail.signature'));
  return { subject: t('digestSubject', { count: params.items.length }), ...composeText(locale, lines) };
}

/** To a guide whose offer still waits for an answer: where to answer (the app; the mail links are not repeated). */
export function offerReminderMail(
  locale: Locale,
  params: { name: string; title: string; date: string; link: string },
): MailContent {
  const t = (key: string) => translate(locale, `jobs.${key}`, params);
  return {
    subject: t('offerReminderSubject'),
    ...composeText(locale, [
      translate(locale, 'mail.greeting', params),
      '',
      t('offerReminderBody'),
      params.link,
      '',
      translate(locale, 'mail.signature'),
    ]),
  };
}
