import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { inScope } from '../db/scope.js';
import { addDays, todayIn } from '../domain/dates.js';
import { offerReminderMail, reminderDigestMail } from '../modules/mail/templates.js';
import type { AppContext } from '../server/context.js';
import type { REMINDER_KINDS } from '../shared/audit.js';
import type { Locale } from '../shared/enums.js';

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How far ahead or after the reminders look. */
export const REMINDER_RULES = {
  reviewDueWithinDays: 7,
  /** § 72a practice (domain/backgroundCheck.ts): re-check after 60 months; remind 3 months ahead. */
  backgroundRecheckMonths: 60,
  backgroundWarnMonths: 3,
  agreementUnconfirmedAfterDays: 3,
  offerUnansweredAfterHours: 24,
};

type Item = {
  officeId: string;
  kind: Exclude<ReminderKind, 'event_tomorrow'>;
  subjectId: string;
  period: string;
  line: Record<string, string>;
};

/** Monday of the week of `day`: an unconfirmed agreement is mentioned once a week, not every day. */
function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

const rows = async <T>(tx: Tx, query: ReturnType<typeof sql>) =>
  (await tx.execute(query)) as unknown as { rows: T[] } | T[];
const list = <T>(result: { rows: T[] } | T[]) => (Array.isArray(result) ? result : result.rows);

/**
 * The daily reminders: coordinators get one digest per office with what needs them (reviews due, background checks to
 * renew, agreements still unconfirmed, offers nobody answered), guides a nudge for an offer still waiting for them.
 * Idempotent: every item is first recorded in reminders_sent (kind, subject, period) and only mailed when the insert
 * was new, in the same transaction as the mail, so a rerun, a retry or a second instance sends nothing twice.
 */
export async function sendReminders(ctx: AppContext, timeZone = 'Europe/Berlin') {
  const now = ctx.now();
  // The calendar day in Germany: reminders are per office day, not per UTC day.
  const today = todayIn(timeZone, now);
  const r = REMINDER_RULES;
  const mailIds = await inScope(ctx.database.db, 'system', async (tx) => {
    const items: Item[] = [];
    for (const row of list(
      await rows<{ office_id: string; id: string; review_on: string; guide: string; title: string }>(
        tx,
        sql`select ag.office_id, ag.id, ag.review_on::text as review_on, g.first_name || ' ' || g.last_name as guide,
                   rq.title
              from agreements ag join assignments a on a.id = ag.assignment_id
              join guides g on g.id = a.guide_id join requests rq on rq.id = a.request_id
             where a.status = 'active' and ag.superseded_at is null
               and ag.review_on <= ${addDays(today, r.reviewDueWithinDays)}::date`,
      ),
    ))
      items.push({
        officeId: row.office_id,
        kind: 'review_due',
        subjectId: row.id,
        period: row.review_on,
        line: { guide: row.guide, title: row.title, date: row.review_on },
      });
    for (const row of list(
      await rows<{ office_id: string; id: string; due: string; guide: string }>(
        tx,
        sql`select g.office_id, g.id, (g.background_checked_at + make_interval(months => ${r.backgroundRecheckMonths}))::date::text as due,
                   g.first_name || ' ' || g.last_name as guide
              from guides g
             where g.status in ('active', 'in_training', 'paused') and g.background_checked_at is not null
               and g.background_checked_at + make_interval(months => ${r.backgroundRecheckMonths - r.backgroundWarnMonths}) <= ${today}::date`,
      ),
    ))
      items.push({
        officeId: row.office_id,
        kind: 'background_check_due',
        subjectId: row.id,
        period: row.due,
        line: { guide: row.guide, date: row.due },
      });
    for (const row of list(
      await rows<{ office_id: string; id: string; guide: string; title: string }>(
        tx,
        sql`select ag.office_id, ag.id, g.first_name || ' ' || g.last_name as guide, rq.title
              from agreements ag join assignments a on a.id = ag.assignment_id
              join guides g on g.id = a.guide_id join requests rq on rq.id = a.request_id
             where a.status in ('pending_agreement', 'active') and ag.superseded_at is null
               and (ag.guide_confirmed_at is null or ag.partner_confirmed_at is null)
               and ag.created_at <= ${new Date(now.getTime() - r.agreementUnconfirmedAfterDays * 86_400_000)}`,
      ),
    ))
      items.push({
        officeId: row.office_id,
        kind: 'agreement_unconfirmed',
        subjectId: row.id,
        period: weekOf(today),
        line: { guide: row.guide, title: row.title },
      });
    const unanswered = list(
      await rows<{
        office_id: string;
        id: string;
        guide: string;
        first_name: string;
        email: string | null;
        locale: string;
        title: string;
        expires_at: string | Date;
      }>(
        tx,
        sql`select o.office_id, o.id, g.first_name || ' ' || g.last_name as guide, g.first_name, g.email, g.locale,
                   rq.title, o.expires_at
              from offers o join guides g on g.id = o.guide_id join requests rq on rq.id = o.request_id
             where o.status = 'pending' and o.expires_at > ${now}
               and o.created_at <= ${new Date(now.getTime() - r.offerUnansweredAfterHours * 3_600_000)}`,
      ),
    );
    for (const row of unanswered)
      items.push({
        officeId: row.office_id,
        kind: 'offer_unanswered',
        subjectId: row.id,
        period: today,
        line: { guide: row.guide, title: row.title, date: todayIn(timeZone, new Date(row.expires_at)) },
      });

    // Claim each item for its period; only the new ones are mailed.
    const fresh: Item[] = [];
    for (const item of items) {
      const inserted = list(
        await rows<{ id: string }>(
          tx,
          sql`insert into reminders_sent (office_id, kind, subject_id, period)
              values (${item.officeId}, ${item.kind}, ${item.subjectId}, ${item.period}::date)
              on conflict (kind, subject_id, period) do nothing returning id`,
        ),
      );
      if (inserted.length) fresh.push(item);
    }

    const ids: string[] = [];
    const offices = [...new Set(fresh.map((i) => i.officeId))];
    for (const officeId of offices) {
      const officeItems = fresh.filter((i) => i.officeId === officeId);
      const coordinators = list(
        await rows<{ email: string; display_name: string; locale: string }>(
          tx,
          sql`select email, display_name, locale from users
               where office_id = ${officeId} and role = 'coordinator' and disabled_at is null and password_hash is not null`,
        ),
      );
      for (const c of coordinators) {
        const mail = reminderDigestMail(c.locale as Locale, { name: c.display_name, items: officeItems });
        ids.push(await ctx.mailer.enqueue(tx, { officeId, to: c.email, ...mail }));
      }
    }
    for (const item of fresh.filter((i) => i.kind === 'offer_unanswered')) {
      const offer = unanswered.find((o) => o.id === item.subjectId);
      if (!offer?.email) continue;
      const mail = offerReminderMail(offer.locale as Locale, {
        name: offer.first_name,
        title: offer.title,
        date: item.line.date,
        link: `${ctx.config.publicUrl}/my/offers/${offer.id}`,
      });
      ids.push(await ctx.mailer.enqueue(tx, { officeId: offer.office_id, to: offer.email, ...mail }));
    }
    return ids;
  });
  await ctx.mailer.deliver(ctx.database.db, mailIds);
  return { mails: mailIds.length };
}
