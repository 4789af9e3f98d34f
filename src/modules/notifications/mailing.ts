/**
 * Mail of notifications by each user's preference (issue 12 §4), run by the job queue: every minute the 'immediate'
 * ones, once a day the 'digest' ones, one mail per user. A notification is claimed by setting `mailed_at` in the same
 * transaction as its outbox row, on rows locked with FOR UPDATE SKIP LOCKED: a rerun, a retry or a second instance
 * finds it claimed, so each is mailed once. 'off' and MAILED_BY_SENDER kinds are never mailed here.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { AppContext } from '../../server/context.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import {
  COORDINATOR_IMMEDIATE_BY_DEFAULT,
  IMMEDIATE_BY_DEFAULT,
  MAILED_BY_SENDER,
  type NotificationChannel,
  type NotificationKind,
} from '../../shared/notifications.js';
import { notificationDigestMail, notificationMail } from './mails.js';

type Claimed = {
  id: string;
  office_id: string | null;
  user_id: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  read_at: Date | string | null;
  created_at: Date | string;
  email: string;
  display_name: string;
  locale: string;
};

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Claims the unmailed notifications whose effective channel (the user's choice, else the kind's default) is `channel`. */
async function claim(tx: Tx, channel: NotificationChannel, now: Date, limit: SQL): Promise<Claimed[]> {
  const result = (await tx.execute(sql`
    with picked as (
      select n.id from notifications n
        join users u on u.id = n.user_id
        left join notification_preferences p on p.user_id = n.user_id and p.kind = n.kind
       where n.mailed_at is null and u.disabled_at is null
         and n.kind not in (${inList(MAILED_BY_SENDER)})
         and coalesce(p.channel,
               case when (u.role = 'coordinator' and n.kind in (${inList(COORDINATOR_IMMEDIATE_BY_DEFAULT)}))
                      or (u.role <> 'coordinator' and n.kind in (${inList(IMMEDIATE_BY_DEFAULT)}))
                    then 'immediate' else 'digest' end) = ${channel}
       order by n.created_at, n.id
       ${limit}
       for update of n skip locked
    ), claimed as (
      update notifications n set mailed_at = ${now}
        from picked where n.id = picked.id and n.mailed_at is null
      returning n.id, n.office_id, n.user_id, n.kind, n.params, n.link, n.read_at, n.created_at
    )
    select c.*, u.email, u.display_name, coalesce(g.locale, u.locale) as locale
      from claimed c join users u on u.id = c.user_id left join guides g on g.id = u.guide_id
     order by c.user_id, c.created_at, c.id`)) as unknown as { rows: Claimed[] } | Claimed[];
  return Array.isArray(result) ? result : result.rows;
}

const localeOf = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'de');

/** The 'immediate' notifications not yet mailed, one mail each (every minute). */
export async function mailImmediateNotifications(ctx: AppContext) {
  const publicUrl = ctx.config.publicUrl;
  const ids = await inScope(ctx.database.db, 'system', async (tx) => {
    const out: string[] = [];
    for (const n of await claim(tx, 'immediate', ctx.now(), sql`limit 500`)) {
      const mail = notificationMail(localeOf(n.locale), { name: n.display_name, publicUrl, notification: n });
      out.push(await ctx.mailer.enqueue(tx, { officeId: n.office_id, to: n.email, ...mail }));
    }
    return out;
  });
  await ctx.mailer.deliver(ctx.database.db, ids);
  return { mails: ids.length };
}

/**
 * The daily digest: every 'digest' notification not yet mailed is claimed; each user gets one mail listing those
 * still unread (what they have already read in the app is not mailed again).
 */
export async function mailNotificationDigests(ctx: AppContext) {
  const publicUrl = ctx.config.publicUrl;
  const ids = await inScope(ctx.database.db, 'system', async (tx) => {
    const byUser = new Map<string, Claimed[]>();
    for (const n of await claim(tx, 'digest', ctx.now(), sql``)) {
      if (n.read_at) continue;
      byUser.set(n.user_id, [...(byUser.get(n.user_id) ?? []), n]);
    }
    const out: string[] = [];
    for (const list of byUser.values()) {
      const [first] = list;
      const mail = notificationDigestMail(localeOf(first.locale), {
        name: first.display_name,
        publicUrl,
        notifications: list,
      });
      out.push(await ctx.mailer.enqueue(tx, { officeId: first.office_id, to: first.email, ...mail }));
    }
    return out;
  });
  await ctx.mailer.deliver(ctx.database.db, ids);
  return { mails: ids.length };
}
