import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { inScope } from '../db/scope.js';
import { todayIn } from '../domain/dates.js';
import {
  agreementUnconfirmedCutoff,
  offerCutoffs,
  type ReminderRules,
  reviewDueUntil,
  timeSheetOverdueMonth,
} from '../domain/reminders/rules.js';
import { sendCourseSessionReminders } from '../modules/courses/reminders.js';
import { sendEventReminders } from '../modules/events/reminders.js';
import { offerReminderMail } from '../modules/mail/templates.js';
import { mailImmediateNotifications, mailNotificationDigests } from '../modules/notifications/mailing.js';
import { notify } from '../modules/notifications/notify.js';
import type { AppContext } from '../server/context.js';
import type { REMINDER_KINDS } from '../shared/audit.js';
import { LOCALES, type Locale } from '../shared/enums.js';
import type { NotificationKind } from '../shared/notifications.js';
import { resolveOfficeSettings } from '../shared/settings.js';

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** § 72a practice (domain/backgroundCheck.ts): a background check is re-checked after 60 months. */
export const BACKGROUND_RECHECK_MONTHS = 60;

type Item = {
  officeId: string;
  /** The key in reminders_sent: one row per (kind, subject, period) makes the reminder once. */
  claim: ReminderKind;
  kind: NotificationKind;
  subjectId: string;
  period: string;
  userIds: string[];
  params: Record<string, string>;
  link: string;
  /** A guide without an account cannot see a notification: their offer reminder goes straight to their address. */
  mailWithoutAccount?: { email: string; locale: string; firstName: string; title: string; date: string };
};

const rows = async <T>(tx: Tx, query: ReturnType<typeof sql>) => {
  const result = (await tx.execute(query)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
};
const localeOf = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'de');

/** The office's active coordinators with a usable account: they receive the office's reminders. */
const coordinatorsOf = async (tx: Tx, officeId: string) =>
  (
    await rows<{ id: string }>(
      tx,
      sql`select id from users where office_id = ${officeId} and role = 'coordinator' and disabled_at is null
             and password_hash is not null`,
    )
  ).map((r) => r.id);

/** What is due in one office today, by the office's own reminder settings (domain/reminders/rules.ts). */
async function dueItems(tx: Tx, officeId: string, r: ReminderRules, today: string, now: Date, timeZone: string) {
  const items: Item[] = [];
  const coordinators = await coordinatorsOf(tx, officeId);
  const guideUser = sql`(select u.id from users u where u.guide_id = g.id and u.disabled_at is null limit 1)`;

  for (const row of await rows<{ id: string; assignment_id: string; review_on: string; guide: string; title: string }>(
    tx,
    sql`select ag.id, a.id as assignment_id, ag.review_on::text as review_on,
               g.first_name || ' ' || g.last_name as guide, rq.title
          from agreements ag join assignments a on a.id = ag.assignment_id
          join guides g on g.id = a.guide_id join requests rq on rq.id = a.request_id
         where ag.office_id = ${officeId} and a.status = 'active' and ag.superseded_at is null
           and ag.review_on <= ${reviewDueUntil(today, r)}::date`,
  ))
    items.push({
      officeId,
      claim: 'review_due',
      kind: 'review_due',
      subjectId: row.id,
      period: row.review_on,
      userIds: coordinators,
      params: { guide: row.guide, title: row.title, date: row.review_on },
      link: `/assignments/${row.assignment_id}`,
    });

  for (const row of await rows<{ id: string; due: string; guide: string }>(
    tx,
    sql`select g.id, (g.background_checked_at + make_interval(months => ${BACKGROUND_RECHECK_MONTHS}))::date::text as due,
               g.first_name || ' ' || g.last_name as guide
          from guides g
         where g.office_id = ${officeId} and g.status in ('active', 'in_training', 'paused')
           and g.background_checked_at is not null
           and g.background_checked_at + make_interval(months => ${BACKGROUND_RECHECK_MONTHS - r.backgroundCheckWarnMonths}) <= ${today}::date`,
  ))
    items.push({
      officeId,
      claim: 'background_check_due',
      kind: 'background_check_due',
      subjectId: row.id,
      period: row.due,
      userIds: coordinators,
      params: { guide: row.guide, date: row.due },
      link: `/guides/${row.id}`,
    });

  for (const row of await rows<{
    id: string;
    assignment_id: string;
    created_on: string;
    guide: string;
    title: string;
    guide_user: string | null;
    guide_confirmed: boolean;
  }>(
    tx,
    sql`select ag.id, a.id as assignment_id, ag.created_at::date::text as created_on,
               g.first_name || ' ' || g.last_name as guide, rq.title, ${guideUser} as guide_user,
               ag.guide_confirmed_at is not null as guide_confirmed
          from agreements ag join assignments a on a.id = ag.assignment_id
          join guides g on g.id = a.guide_id join requests rq on rq.id = a.request_id
         where ag.office_id = ${officeId} and a.status in ('pending_agreement', 'active') and ag.superseded_at is null
           and (ag.guide_confirmed_at is null or ag.partner_confirmed_at is null)
           and ag.created_at <= ${agreementUnconfirmedCutoff(now, r)}`,
  ))
    items.push({
      officeId,
      claim: 'agreement_unconfirmed',
      kind: 'agreement_unconfirmed',
      subjectId: row.id,
      period: row.created_on,
      // The guide hears of it too while their own confirmation is missing.
      userIds: [...coordinators, ...(row.guide_user && !row.guide_confirmed ? [row.guide_user] : [])],
      params: { guide: row.guide, title: row.title },
      link: `/assignments/${row.assignment_id}`,
    });

  const cut = offerCutoffs(now, r);
  for (const row of await rows<{
    id: string;
    request_id: string;
    sent_on: string;
    created_at: string | Date;
    guide: string;
    first_name: string;
    email: string | null;
    locale: string;
    title: string;
    expires_at: string | Date;
    guide_user: string | null;
  }>(
    tx,
    sql`select o.id, o.request_id, o.created_at::date::text as sent_on, o.created_at,
               g.first_name || ' ' || g.last_name as guide, g.first_name, g.email, g.locale,
               rq.title, o.expires_at, ${guideUser} as guide_user
          from offers o join guides g on g.id = o.guide_id join requests rq on rq.id = o.request_id
         where o.office_id = ${officeId} and o.status = 'pending' and o.expires_at > ${now}
           and o.created_at <= ${cut.guide}`,
  )) {
    const params = { guide: row.guide, title: row.title, date: todayIn(timeZone, new Date(row.expires_at)) };
    items.push({
      officeId,
      claim: 'offer_unanswered',
      kind: 'offer_unanswered',
      subjectId: row.id,
      period: row.sent_on,
      userIds: row.guide_user ? [row.guide_user] : [],
      params,
      link: `/my/offers/${row.id}`,
      mailWithoutAccount:
        !row.guide_user && row.email
          ? { email: row.email, locale: row.locale, firstName: row.first_name, title: row.title, date: params.date }
          : undefined,
    });
    if (new Date(row.created_at) <= cut.coordinator)
      items.push({
        officeId,
        claim: 'offer_unanswered_coordinator',
        kind: 'offer_unanswered',
        subjectId: row.id,
        period: row.sent_on,
        userIds: coordinators,
        params,
        link: `/requests/${row.request_id}`,
      });
  }

  const month = timeSheetOverdueMonth(today, r);
  if (month) {
    const from = `${month}-01`;
    const deadline = `${today.slice(0, 7)}-${String(r.timeSheetDeadlineDay).padStart(2, '0')}`;
    for (const row of await rows<{ id: string; guide_user: string | null }>(
      tx,
      sql`select g.id, ${guideUser} as guide_user from guides g
           where g.office_id = ${officeId} and g.anonymised_at is null
             and (exists (select 1 from hour_entries h where h.guide_id = g.id
                           and h.date >= ${from}::date and h.date < (${from}::date + interval '1 month'))
               or exists (select 1 from activities ac where ac.guide_id = g.id
                           and ac.date >= ${from}::date and ac.date < (${from}::date + interval '1 month')))
             and not exists (select 1 from time_sheets ts where ts.guide_id = g.id and ts.month = ${month}
                               and ts.status in ('submitted', 'approved'))`,
    ))
      if (row.guide_user)
        items.push({
          officeId,
          claim: 'time_sheet_due',
          kind: 'time_sheet_due',
          subjectId: row.id,
          period: from,
          userIds: [row.guide_user],
          params: { month, date: deadline },
          link: `/my/hours/${month}`,
        });
  }
  return items;
}

/**
 * The daily reminders (issue 12 §4), each office by its own settings (settings.reminders) and its own day: every
 * reminder that is due becomes notifications for the right users. Idempotent: each item is first claimed in
 * reminders_sent (kind, subject, period) and only notified when the claim was new, in the same transaction, so a
 * rerun, a retry or a second instance notifies nothing twice. Mail follows from the notifications (mailing.ts).
 */
export async function sendReminders(ctx: AppContext) {
  const now = ctx.now();
  const result = await inScope(ctx.database.db, 'system', async (tx) => {
    let notified = 0;
    const mails: string[] = [];
    for (const office of await rows<{ id: string; settings: unknown }>(
      tx,
      sql`select id, settings from offices where deactivated_at is null`,
    )) {
      const settings = resolveOfficeSettings(office.settings);
      const today = todayIn(settings.timeZone, now);
      for (const item of await dueItems(tx, office.id, settings.reminders, today, now, settings.timeZone)) {
        const claimed = await rows<{ id: string }>(
          tx,
          sql`insert into reminders_sent (office_id, kind, subject_id, period)
              values (${item.officeId}, ${item.claim}, ${item.subjectId}, ${item.period}::date)
              on conflict (kind, subject_id, period) do nothing returning id`,
        );
        if (!claimed.length) continue;
        notified += (
          await notify(tx, {
            officeId: item.officeId,
            userIds: item.userIds,
            kind: item.kind,
            params: item.params,
            link: item.link,
          })
        ).length;
        const direct = item.mailWithoutAccount;
        if (direct) {
          const mail = offerReminderMail(localeOf(direct.locale), {
            name: direct.firstName,
            title: direct.title,
            date: direct.date,
            link: `${ctx.config.publicUrl}${item.link}`,
          });
          mails.push(await ctx.mailer.enqueue(tx, { officeId: item.officeId, to: direct.email, ...mail }));
        }
      }
    }
    return { notified, mails };
  });
  await ctx.mailer.deliver(ctx.database.db, result.mails);
  return { notifications: result.notified, mails: result.mails.length };
}

/**
 * The daily job: the reminders, the course sessions and events of tomorrow, then the mail that follows from them (what users
 * want at once, and everyone's daily digest), so a coordinator still gets one mail a day with everything due.
 */
export async function runDailyReminders(ctx: AppContext) {
  const reminders = await sendReminders(ctx);
  const courseSessions = await sendCourseSessionReminders(ctx);
  const eventsTomorrow = await sendEventReminders(ctx);
  const immediate = await mailImmediateNotifications(ctx);
  const digests = await mailNotificationDigests(ctx);
  return { ...reminders, courseSessions, events: eventsTomorrow, immediate: immediate.mails, digests: digests.mails };
}
