/**
 * Demo notifications (invented, issue 12 §4): a few unread ones in the bell of the Hannover demo guide and
 * coordinator, drawn from the demo's own offers, deployments and guides, so each leads to a real page. They are
 * marked mailed: a fresh demo does not send a burst of old news to the demo mailbox.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { inScope } from '../db/scope.js';
import { addDays, addMonths, todayIso } from '../domain/dates.js';
import { notify } from '../modules/notifications/notify.js';
import type { AppContext } from '../server/context.js';
import { DEMO_ACCOUNTS } from './demoData.js';

const first = async <T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T | undefined> => {
  const result = (await tx.execute(query)) as unknown as { rows: T[] } | T[];
  return (Array.isArray(result) ? result : result.rows)[0];
};

export async function seedDemoNotifications(ctx: AppContext, officeId: string) {
  const today = todayIso(ctx.now());
  await inScope(ctx.database.db, 'system', async (tx) => {
    const user = (email: string) =>
      first<{ id: string; guide_id: string | null }>(tx, sql`select id, guide_id from users where email = ${email}`);
    const coordinator = await user(DEMO_ACCOUNTS.hannoverCoordinator);
    const guide = await user(DEMO_ACCOUNTS.hannoverGuide);
    if (!coordinator || !guide?.guide_id) return;
    const put = (
      userId: string,
      kind: Parameters<typeof notify>[1]['kind'],
      params: Record<string, string>,
      link: string,
    ) => notify(tx, { officeId, userIds: [userId], kind, params, link });

    const deployment = await first<{ id: string; title: string; guide: string }>(
      tx,
      sql`select a.id, rq.title, g.first_name || ' ' || g.last_name as guide
            from assignments a join requests rq on rq.id = a.request_id join guides g on g.id = a.guide_id
           where a.office_id = ${officeId} and a.status = 'active' order by a.id limit 1`,
    );
    if (deployment)
      await put(
        coordinator.id,
        'review_due',
        { guide: deployment.guide, title: deployment.title, date: addDays(today, 5) },
        `/assignments/${deployment.id}`,
      );
    const checked = await first<{ id: string; guide: string }>(
      tx,
      sql`select id, first_name || ' ' || last_name as guide from guides
           where office_id = ${officeId} and status = 'active' and background_checked_at is not null
           order by background_checked_at limit 1`,
    );
    if (checked)
      await put(
        coordinator.id,
        'background_check_due',
        { guide: checked.guide, date: addMonths(today, 2) },
        `/guides/${checked.id}`,
      );
    const pending = await first<{ id: string; request_id: string; title: string; guide: string; expires: string }>(
      tx,
      sql`select o.id, o.request_id, rq.title, g.first_name || ' ' || g.last_name as guide,
                 o.expires_at::date::text as expires
            from offers o join requests rq on rq.id = o.request_id join guides g on g.id = o.guide_id
           where o.office_id = ${officeId} and o.status = 'pending' order by o.created_at limit 1`,
    );
    if (pending)
      await put(
        coordinator.id,
        'offer_unanswered',
        { guide: pending.guide, title: pending.title, date: pending.expires },
        `/requests/${pending.request_id}`,
      );

    const own = await first<{ id: string; title: string; guide: string; expires: string }>(
      tx,
      sql`select o.id, rq.title, g.first_name || ' ' || g.last_name as guide, o.expires_at::date::text as expires
            from offers o join requests rq on rq.id = o.request_id join guides g on g.id = o.guide_id
           where o.guide_id = ${guide.guide_id} order by o.created_at desc limit 1`,
    );
    if (own) {
      await put(guide.id, 'offer_new', { title: own.title }, `/my/offers/${own.id}`);
      await put(
        guide.id,
        'offer_unanswered',
        { guide: own.guide, title: own.title, date: own.expires },
        `/my/offers/${own.id}`,
      );
    }
    const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    await put(
      guide.id,
      'time_sheet_due',
      { month: lastMonth, date: `${today.slice(0, 7)}-10` },
      `/my/hours/${lastMonth}`,
    );
    // Already in the demo mailbox's past: nothing of this is mailed again.
    await tx.execute(sql`update notifications set mailed_at = now() where office_id = ${officeId}`);
  });
}
