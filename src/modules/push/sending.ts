/**
 * Web Push of notifications (issue 14 §2), run by the job queue every minute next to the notification mail. A
 * notification is claimed by setting `pushed_at` (FOR UPDATE SKIP LOCKED, like the mail job), so a rerun, a retry or a
 * second instance never pushes it twice; then each of the user's devices gets one encrypted request (RFC 8291
 * aes128gcm, VAPID) outside the transaction. Delivery is best effort: a failure is recorded on the subscription, an
 * endpoint that answers 404 or 410 is gone and its subscription deleted. The notification centre has everything anyway.
 */
import { type SQL, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { AppContext } from '../../server/context.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import {
  COORDINATOR_IMMEDIATE_BY_DEFAULT,
  IMMEDIATE_BY_DEFAULT,
  type NotificationKind,
} from '../../shared/notifications.js';
import { PUSH_KINDS } from '../../shared/push.js';
import { type PushSubscriptionRow, pushRepository } from './repository.js';

type Claimed = {
  id: string;
  user_id: string;
  kind: NotificationKind;
  link: string | null;
  locale: string;
  /** The user's channel for the kind is 'immediate': only then is it pushed. */
  wanted: boolean;
};

/** What a device receives: the kind's title and a generic line in the user's language, the link and an id; no names. */
export type PushPayload = { title: string; body: string; url: string; tag: string; kind: NotificationKind };

/** Only notifications this young are pushed: a device subscribed today is not flooded with last week's news. */
const PUSH_WINDOW = sql`interval '1 day'`;

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Claims the unpushed notifications of users with a device. Each is decided once, at the first run after it was
 * created: pushed when the user's channel for its kind is 'immediate' then, else never (a later change of the
 * preference does not push old news).
 */
async function claim(tx: Tx, now: Date, limit: SQL): Promise<Claimed[]> {
  const result = (await tx.execute(sql`
    with picked as (
      select n.id,
             coalesce(p.channel,
               case when (u.role = 'coordinator' and n.kind in (${inList(COORDINATOR_IMMEDIATE_BY_DEFAULT)}))
                      or (u.role <> 'coordinator' and n.kind in (${inList(IMMEDIATE_BY_DEFAULT)}))
                    then 'immediate' else 'digest' end) = 'immediate' as wanted
        from notifications n
        join users u on u.id = n.user_id
        left join notification_preferences p on p.user_id = n.user_id and p.kind = n.kind
       where n.pushed_at is null and u.disabled_at is null
         and n.kind in (${inList(PUSH_KINDS)})
         and n.created_at > now() - ${PUSH_WINDOW}
         and exists (select 1 from push_subscriptions s where s.user_id = n.user_id and s.created_at <= n.created_at)
       order by n.created_at, n.id
       ${limit}
       for update of n skip locked
    ), claimed as (
      update notifications n set pushed_at = ${now}
        from picked where n.id = picked.id and n.pushed_at is null
      returning n.id, n.user_id, n.kind, n.link, picked.wanted
    )
    select c.*, coalesce(g.locale, u.locale) as locale
      from claimed c join users u on u.id = c.user_id left join guides g on g.id = u.guide_id
     order by c.user_id, c.id`)) as unknown as { rows: Claimed[] } | Claimed[];
  return Array.isArray(result) ? result : result.rows;
}

const localeOf = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'de');

export function pushPayload(n: Pick<Claimed, 'id' | 'kind' | 'link' | 'locale'>): PushPayload {
  const locale = localeOf(n.locale);
  return {
    title: translate(locale, `notifications.kinds.${n.kind}.title`),
    body: translate(locale, 'push.body'),
    url: n.link ?? '/notifications',
    tag: n.id,
    kind: n.kind,
  };
}

type Outcome = { ok: true } | { ok: false; status: number; gone: boolean };

async function send(ctx: AppContext, sub: PushSubscriptionRow, payload: PushPayload): Promise<Outcome> {
  const vapid = ctx.config.vapid;
  if (!vapid) return { ok: false, status: 0, gone: false };
  try {
    await webpush.sendNotification(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: vapid,
        TTL: 24 * 3600,
        contentEncoding: 'aes128gcm',
        timeout: 10_000,
        urgency: payload.kind === 'offer_new' ? 'high' : 'normal',
      },
    );
    return { ok: true };
  } catch (error) {
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 0;
    return { ok: false, status, gone: status === 404 || status === 410 };
  }
}

/** The job's work: push what is due and report the counts (job_runs.outcome); a no-op without VAPID keys. */
export async function pushNotifications(ctx: AppContext) {
  if (!ctx.config.vapid) return { pushed: 0, failed: 0, removed: 0 };
  const db = ctx.database.db;
  const { claimed, subscriptions } = await inScope(db, 'system', async (tx) => {
    const claimed = (await claim(tx, ctx.now(), sql`limit 200`)).filter((n) => n.wanted);
    const subscriptions = await pushRepository.forUsers(tx, [...new Set(claimed.map((c) => c.user_id))]);
    return { claimed, subscriptions };
  });
  let pushed = 0;
  let failed = 0;
  const gone = new Set<string>();
  for (const n of claimed) {
    const payload = pushPayload(n);
    for (const sub of subscriptions.filter((s) => s.userId === n.user_id && !gone.has(s.id))) {
      const outcome = await send(ctx, sub, payload);
      // The endpoint is a secret: the log names the subscription's id and the status only.
      await inScope(db, 'system', async (tx) => {
        if (outcome.ok) await pushRepository.recordSuccess(tx, sub.id, ctx.now());
        else if (outcome.gone) await pushRepository.deleteById(tx, sub.id);
        else await pushRepository.recordFailure(tx, sub.id, ctx.now(), outcome.status);
      });
      if (outcome.ok) pushed++;
      else if (outcome.gone) gone.add(sub.id);
      else failed++;
    }
  }
  return { pushed, failed, removed: gone.size };
}
