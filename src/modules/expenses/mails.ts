/** Mails to a guide about their expense claims, in the guide's language: returned, approved, paid. */
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { composeText, type MailContent } from '../mail/templates.js';
import { expenseRepository as repo } from './repository.js';

const euros = (locale: Locale, cents: number) =>
  new Intl.NumberFormat(intlLocaleOf(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
const longDate = (locale: Locale, isoDay: string) =>
  new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );

export type ClaimMail =
  | { kind: 'returned'; date: string; comment: string }
  | { kind: 'approved'; count: number; totalCents: number }
  | { kind: 'paid'; count: number; totalCents: number; paidOn: string };

export function claimMail(locale: Locale, name: string, mail: ClaimMail): MailContent & { subject: string } {
  const params =
    mail.kind === 'returned'
      ? { date: longDate(locale, mail.date) }
      : {
          count: mail.count,
          amount: euros(locale, mail.totalCents),
          ...(mail.kind === 'paid' ? { date: longDate(locale, mail.paidOn) } : {}),
        };
  const t = (key: string) => translate(locale, `expenses.mail.${key}`, params);
  const lines = [translate(locale, 'mail.greeting', { name }), '', t(`${mail.kind}Body`)];
  if (mail.kind === 'returned') lines.push('', mail.comment);
  lines.push('', translate(locale, 'mail.signature'));
  return { subject: t(`${mail.kind}Subject`), ...composeText(locale, lines) };
}

/** Queues one claim mail to a guide; nothing for a guide without an address or anonymised. */
export async function queueClaimMail(ctx: AppContext, tx: Tx, officeId: string, guideId: string, mail: ClaimMail) {
  const guide = await repo.guideName(tx, guideId);
  if (!guide?.email || guide.anonymisedAt) return null;
  const content = claimMail(guide.locale as Locale, guide.firstName, mail);
  return ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...content });
}

/** Claims summed per guide: one mail per guide, however many claims a bulk action touched. */
export function perGuide(rows: readonly { guideId: string; amountCents: number }[]) {
  const sums = new Map<string, { count: number; totalCents: number }>();
  for (const r of rows) {
    const s = sums.get(r.guideId) ?? { count: 0, totalCents: 0 };
    s.count += 1;
    s.totalCents += r.amountCents;
    sums.set(r.guideId, s);
  }
  return sums;
}
