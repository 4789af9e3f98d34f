import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inOrder } from '../../db/inOrder.js';
import { inScope } from '../../db/scope.js';
import { addDays, addMonths, todayIn } from '../../domain/dates.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { dashboardSchema } from '../../shared/dashboard.js';
import { settingsRepository } from '../settings/repository.js';

/** Timestamps leave the database as ISO 8601 in UTC, whichever driver reads them (pg returns text otherwise). */
const ISO = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const rows = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/** The coordinator's day on one screen. Each list is capped; the pages behind it have the full lists. */
export class DashboardService {
  constructor(private readonly ctx: AppContext) {}

  get(actor: Actor): Promise<z.infer<typeof dashboardSchema>> {
    if (actor.role !== 'coordinator' || !actor.officeId) throw forbidden();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const settings = await settingsRepository.get(tx, officeId);
      const today = todayIn(settings.timeZone, this.ctx.now());
      const reviewHorizon = addDays(today, 14);
      const checkWarnSince = addMonths(today, -57);
      const minorsFields = sql.param(settings.minors.fields);
      const minorsSpecializations = sql.param(settings.minors.specializations);
      const [openRequests, unansweredOffers, atCapacity, neverDeployed, reviews, checks] = await inOrder(
        () =>
          tx.execute(sql`
          select r.id, r.title, p.name as partner_name, r.urgency, r.status, ${ISO('r.created_at')} as created_at,
                 floor(extract(epoch from (${this.ctx.now()}::timestamptz - r.created_at)) / 86400)::int as waiting_days
          from requests r left join partners p on p.id = r.partner_id
          where r.office_id = ${officeId} and r.status in ('new', 'in_review', 'offered')
          order by case r.urgency when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, r.created_at
          limit 50`),
        () =>
          tx.execute(sql`
          select o.id, o.request_id, r.title, g.first_name || ' ' || g.last_name as guide_name, ${ISO('o.expires_at')} as expires_at
          from offers o join requests r on r.id = o.request_id join guides g on g.id = o.guide_id
          where o.office_id = ${officeId} and o.status = 'pending' order by o.expires_at limit 50`),
        () =>
          tx.execute(sql`
          select g.id, g.first_name || ' ' || g.last_name as name, g.active_assignments as active, g.max_active_assignments as max
          from guides g
          where g.office_id = ${officeId} and g.status = 'active' and g.active_assignments >= g.max_active_assignments
          order by name limit 50`),
        () =>
          tx.execute(sql`
          select g.id, g.first_name || ' ' || g.last_name as name, g.certified_at
          from guides g
          where g.office_id = ${officeId} and g.status = 'active'
            and not exists (select 1 from assignments a where a.guide_id = g.id)
          order by g.certified_at nulls last, name limit 50`),
        () =>
          tx.execute(sql`
          select a.id as assignment_id, r.title, g.first_name || ' ' || g.last_name as guide_name, ag.review_on, ag.ends_on
          from agreements ag join assignments a on a.id = ag.assignment_id
          join requests r on r.id = a.request_id join guides g on g.id = a.guide_id
          where ag.office_id = ${officeId} and a.status <> 'closed' and (ag.review_on <= ${reviewHorizon}::date or ag.ends_on <= ${reviewHorizon}::date)
          order by least(ag.review_on, ag.ends_on) limit 50`),
        () =>
          tx.execute(sql`
          select g.id, g.first_name || ' ' || g.last_name as name, g.background_checked_at
          from guides g
          where g.office_id = ${officeId} and g.status in ('active', 'paused')
            and (g.background_checked_at is null or g.background_checked_at <= ${checkWarnSince}::date)
            and (g.fields && ${minorsFields}::text[] or g.specializations && ${minorsSpecializations}::text[]
              or g.background_checked_at is not null
              or exists (select 1 from assignments a join requests r on r.id = a.request_id
                         where a.guide_id = g.id and a.status <> 'closed' and r.minors_involved)
              or exists (select 1 from offers o join requests r on r.id = o.request_id
                         where o.guide_id = g.id and o.status = 'pending' and r.minors_involved))
          order by g.background_checked_at nulls first limit 50`),
      );
      const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
      const day = (v: unknown) => (v === null || v === undefined ? null : iso(v).slice(0, 10));
      type R = Record<string, unknown>;
      return {
        openRequests: rows<R>(openRequests).map((r) => ({
          id: String(r.id),
          title: String(r.title),
          partnerName: r.partner_name === null ? null : String(r.partner_name),
          urgency: String(r.urgency),
          status: String(r.status),
          createdAt: iso(r.created_at),
          waitingDays: Number(r.waiting_days),
        })),
        unansweredOffers: rows<R>(unansweredOffers).map((r) => ({
          id: String(r.id),
          requestId: String(r.request_id),
          requestTitle: String(r.title),
          guideName: String(r.guide_name),
          expiresAt: iso(r.expires_at),
        })),
        guidesAtCapacity: rows<R>(atCapacity).map((r) => ({
          id: String(r.id),
          name: String(r.name),
          active: Number(r.active),
          max: Number(r.max),
        })),
        guidesNeverDeployed: rows<R>(neverDeployed).map((r) => ({
          id: String(r.id),
          name: String(r.name),
          certifiedAt: day(r.certified_at),
        })),
        agreementsDueForReview: rows<R>(reviews).map((r) => ({
          assignmentId: String(r.assignment_id),
          requestTitle: String(r.title),
          guideName: String(r.guide_name),
          reviewOn: day(r.review_on) as string,
          endsOn: day(r.ends_on) as string,
        })),
        backgroundChecksDue: rows<R>(checks).map((r) => ({
          id: String(r.id),
          name: String(r.name),
          checkedAt: day(r.background_checked_at),
        })),
      };
    });
  }
}
