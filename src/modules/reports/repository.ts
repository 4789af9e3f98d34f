import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { GUIDE_AGE_GROUPS } from '../../domain/reports/ageGroups.js';
import type { Period } from '../../domain/reports/period.js';
import type { CountRow, OfficeFigures } from '../../shared/reports.js';
import { courseFundingOf } from './courseFunding.js';

/**
 * Whose figures: one office (the coordinator's report) or several (a funder's view over the offices it funds, which
 * reuses these functions). Calendar days are counted in `timeZone`; `now` ends what counts as held (course sessions).
 */
export type ReportScope = { officeIds: string[]; timeZone: string; now: Date };

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/**
 * Every figure is one aggregate query: counts, sums and percentiles come out of the database, never out of rows
 * loaded into Node (issue 13: "honest figures"). Each breakdown query answers key, label and count.
 */
async function counts(tx: Tx, query: SQL): Promise<CountRow[]> {
  const rows = rowsOf<{ key: string; label: string | null; count: number | string }>(await tx.execute(query));
  return rows.map((r) => ({ key: String(r.key), label: r.label ?? null, count: Number(r.count) }));
}

async function one<T extends Record<string, unknown>>(tx: Tx, query: SQL): Promise<T> {
  return rowsOf<T>(await tx.execute(query))[0];
}

const offices = (s: ReportScope) => sql`${sql.param(s.officeIds)}::uuid[]`;
/** A timestamp column's calendar day in the scope's time zone, inside the period. */
const dayIn = (column: SQL, s: ReportScope, p: Period) =>
  sql`(${column} at time zone ${s.timeZone})::date between ${p.from}::date and ${p.to}::date`;
const dateIn = (column: SQL, p: Period) => sql`${column} between ${p.from}::date and ${p.to}::date`;
const ORDER = sql.raw('order by count desc, key');

/**
 * Guides with at least one deployment activity or (not reversed) hour entry dated in the period: issue 13's "active".
 * `officeCondition` picks the offices on `g`. The Land view counts with the same definition, per office.
 */
export const activeGuidesOf = (officeCondition: SQL, p: Period) => sql`
  select g.* from guides g
  where ${officeCondition}
    and (exists (select 1 from activities a where a.guide_id = g.id and ${dateIn(sql`a.date`, p)})
      or exists (select 1 from hour_entries h where h.guide_id = g.id and h.minutes > 0 and ${dateIn(sql`h.date`, p)}
                   and not exists (select 1 from hour_entries r where r.reverses_entry_id = h.id)))`;
const activeGuides = (s: ReportScope, p: Period) => activeGuidesOf(sql`g.office_id = any(${offices(s)})`, p);

/**
 * Each matched request of the offices `officeCondition` picks (on `r`) with its filing time and its first
 * deployment's start: time to match runs from one to the other. The Land view uses the same definition.
 */
export const firstMatchesOf = (officeCondition: SQL) => sql`
  select r.office_id, r.created_at, min(a.started_at) as matched_at
  from requests r join assignments a on a.request_id = r.id
  where ${officeCondition} group by r.id, r.office_id, r.created_at`;

/** The age group in the period's last year, from the consented birth year; the bounds are the domain's. */
function ageGroupSql(p: Period): SQL {
  const year = Number(p.to.slice(0, 4));
  const cases = GUIDE_AGE_GROUPS.map(
    (g) => sql`when ${year} - g.birth_year between ${g.min} and ${g.max} then ${g.key}`,
  );
  return sql`case when g.statistics_consent_at is null or g.birth_year is null then 'not_stated' ${sql.join(cases, sql` `)} else 'not_stated' end`;
}

export const reportRepository = {
  async guideFigures(tx: Tx, s: ReportScope, p: Period): Promise<OfficeFigures['guides']> {
    const active = activeGuides(s, p);
    const [newlyQualified, total, byGender, byAgeGroup, byMigrationBackground, byCountry, byLanguage] = await inOrder(
      () =>
        counts(
          tx,
          sql`select c.course_id::text as key, max(c.course_title) as label, count(*)::int as count
              from course_certificates c
              where c.office_id = any(${offices(s)}) and c.revoked_at is null
                and coalesce(c.last_day, (c.issued_at at time zone ${s.timeZone})::date) between ${p.from}::date and ${p.to}::date
              group by c.course_id ${ORDER}`,
        ),
      () => one<{ count: number }>(tx, sql`select count(*)::int as count from (${active}) g`),
      () =>
        counts(
          tx,
          sql`select coalesce(g.gender, 'not_stated') as key, null as label, count(*)::int as count
              from (${active}) g group by 1 ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select ${ageGroupSql(p)} as key, null as label, count(*)::int as count from (${active}) g group by 1 ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select case when g.statistics_consent_at is null then 'not_stated'
                          else coalesce(g.migration_background, 'not_stated') end as key,
                     null as label, count(*)::int as count
              from (${active}) g group by 1 ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select coalesce(c.code, 'not_stated') as key, null as label, count(*)::int as count
              from (${active}) g left join lateral unnest(g.countries) as c(code) on true group by 1 ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select coalesce(l.code, 'not_stated') as key, null as label, count(*)::int as count
              from (${active}) g left join lateral unnest(g.language_codes) as l(code) on true group by 1 ${ORDER}`,
        ),
    );
    return {
      newlyQualified,
      newlyQualifiedTotal: newlyQualified.reduce((sum, r) => sum + r.count, 0),
      active: total.count,
      byGender,
      byAgeGroup,
      byMigrationBackground,
      byCountry,
      byLanguage,
    };
  },

  async requestFigures(tx: Tx, s: ReportScope, p: Period): Promise<OfficeFigures['requests']> {
    const filed = sql`select r.* from requests r where r.office_id = any(${offices(s)}) and ${dayIn(sql`r.created_at`, s, p)}`;
    const [total, byField, byType, byPartner, byDistrict, match, withoutMatch, referralsByService] = await inOrder(
      () => one<{ count: number }>(tx, sql`select count(*)::int as count from (${filed}) r`),
      () =>
        counts(
          tx,
          sql`select r.field as key, max(f.name) as label, count(*)::int as count
              from (${filed}) r left join fields_of_action f on f.office_id = r.office_id and f.key = r.field
              group by r.field ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select r.type as key, null as label, count(*)::int as count from (${filed}) r group by 1 ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          // Requests from the public form have no partner: one row keyed `public_form` counts them.
          sql`select coalesce(p.id::text, 'public_form') as key, p.name as label, count(*)::int as count
              from (${filed}) r left join partners p on p.id = r.partner_id group by p.id, p.name ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select d.id::text as key, d.name as label, count(*)::int as count
              from (${filed}) r join districts d on d.id = r.district_id group by d.id, d.name ${ORDER}`,
        ),
      () =>
        one<{ matched: number; median: number | null; p90: number | null }>(
          tx,
          sql`with firsts as (${firstMatchesOf(sql`r.office_id = any(${offices(s)})`)})
              select count(*)::int as matched,
                round((percentile_cont(0.5) within group (order by extract(epoch from matched_at - created_at) / 86400))::numeric, 1)::float8 as median,
                round((percentile_cont(0.9) within group (order by extract(epoch from matched_at - created_at) / 86400))::numeric, 1)::float8 as p90
              from firsts where ${dayIn(sql`matched_at`, s, p)}`,
        ),
      () =>
        counts(
          tx,
          sql`select r.status as key, r.status_reason as label, count(*)::int as count
              from requests r
              where r.office_id = any(${offices(s)}) and r.status in ('no_match', 'cancelled')
                and ${dayIn(sql`r.status_changed_at`, s, p)}
                and not exists (select 1 from assignments a where a.request_id = r.id)
              group by r.status, r.status_reason ${ORDER}`,
        ),
      () =>
        counts(
          tx,
          sql`select coalesce(sd.id::text, 'other') as key, max(sd.name) as label, count(*)::int as count
              from assignments a left join service_directory sd on sd.id = a.referred_service_id
              where a.office_id = any(${offices(s)}) and a.outcome = 'referred' and ${dayIn(sql`a.closed_at`, s, p)}
              group by 1 ${ORDER}`,
        ),
    );
    return {
      filed: total.count,
      byField,
      byType,
      byPartner,
      byDistrict,
      matched: match.matched,
      daysToMatchMedian: match.median === null ? null : Number(match.median),
      daysToMatchP90: match.p90 === null ? null : Number(match.p90),
      withoutMatch,
      referralsByService,
    };
  },

  async deploymentFigures(tx: Tx, s: ReportScope, p: Period): Promise<OfficeFigures['deployments']> {
    const running = sql`select a.* from assignments a
      where a.office_id = any(${offices(s)}) and (a.started_at at time zone ${s.timeZone})::date <= ${p.to}::date
        and (a.closed_at is null or (a.closed_at at time zone ${s.timeZone})::date >= ${p.from}::date)`;
    const supportedRequests = sql`select r.* from requests r where r.id in (select request_id from (${running}) a)`;
    const [totals, outcomes, supported, householdSizes, languages] = await inOrder(
      () =>
        one<{ active: number; closed: number }>(
          tx,
          sql`select (select count(*)::int from (${running}) a) as active,
                     (select count(*)::int from assignments a
                      where a.office_id = any(${offices(s)}) and ${dayIn(sql`a.closed_at`, s, p)}) as closed`,
        ),
      () =>
        counts(
          tx,
          sql`select coalesce(a.outcome, 'not_stated') as key, null as label, count(*)::int as count
              from assignments a where a.office_id = any(${offices(s)}) and ${dayIn(sql`a.closed_at`, s, p)}
              group by 1 ${ORDER}`,
        ),
      () =>
        one<{ individuals: number; families: number; people: number }>(
          tx,
          sql`select count(*) filter (where r.person_household = 'individual')::int as individuals,
                     count(*) filter (where r.person_household = 'family')::int as families,
                     coalesce(sum(r.person_household_size), 0)::int as people
              from (${supportedRequests}) r`,
        ),
      () =>
        counts(
          tx,
          sql`select r.person_household_size::text as key, null as label, count(*)::int as count
              from (${supportedRequests}) r group by r.person_household_size order by r.person_household_size`,
        ),
      () =>
        counts(
          tx,
          sql`select l.code as key, null as label, count(*)::int as count
              from (${running}) a join requests r on r.id = a.request_id cross join lateral unnest(r.languages) as l(code)
              group by 1 ${ORDER}`,
        ),
    );
    return { active: totals.active, closed: totals.closed, outcomes, supported, householdSizes, languages };
  },

  async hourFigures(tx: Tx, s: ReportScope, p: Period): Promise<OfficeFigures['hours']> {
    const [byCategory, claims, payouts, sheets] = await inOrder(
      () =>
        counts(
          tx,
          sql`select key, label, count from (
                select 'deployments' as key, null as label, coalesce(sum(a.minutes), 0)::int as count, -1 as sort
                from activities a where a.office_id = any(${offices(s)}) and ${dateIn(sql`a.date`, p)}
                union all
                select c.key, c.label, sum(h.minutes)::int as count, c.sort_order as sort
                from hour_entries h join hour_categories c on c.id = h.category_id
                where h.office_id = any(${offices(s)}) and ${dateIn(sql`h.date`, p)}
                group by c.key, c.label, c.sort_order) t
              where count <> 0 order by sort, key`,
        ),
      () =>
        one<{ cents: number; claims: number }>(
          tx,
          sql`select coalesce(sum(amount_cents), 0)::int as cents, count(*)::int as claims from expense_claims
              where office_id = any(${offices(s)}) and status in ('approved', 'paid') and ${dateIn(sql`date`, p)}`,
        ),
      () =>
        one<{ cents: number }>(
          tx,
          sql`select coalesce(sum(total_cents), 0)::int as cents from payout_runs
              where office_id = any(${offices(s)}) and ${dateIn(sql`paid_on`, p)}`,
        ),
      () =>
        one<{ minutes: number }>(
          tx,
          sql`select coalesce(sum(approved_minutes), 0)::int as minutes from time_sheets
              where office_id = any(${offices(s)}) and status = 'approved'
                and month between ${p.from.slice(0, 7)} and ${p.to.slice(0, 7)}`,
        ),
    );
    return {
      totalMinutes: byCategory.reduce((sum, r) => sum + r.count, 0),
      byCategory,
      reimbursedCents: claims.cents,
      reimbursedClaims: claims.claims,
      paidOutCents: payouts.cents,
      approvedSheetMinutes: sheets.minutes,
    };
  },

  async courseFigures(tx: Tx, s: ReportScope, p: Period): Promise<OfficeFigures['courses']> {
    const rows = rowsOf<{
      course_id: string;
      title: string;
      participants: number;
      units_held: number;
      attendance_rate: number | null;
      completions: number;
    }>(
      await tx.execute(sql`
        with held as (
          select s.id, s.course_id, s.teaching_units from course_sessions s
          where s.office_id = any(${offices(s)}) and s.starts_at <= ${s.now.toISOString()}::timestamptz
            and ${dayIn(sql`s.starts_at`, s, p)}),
        parts as (
          select e.id, e.course_id from course_enrolments e
          where e.office_id = any(${offices(s)}) and e.status in ('enrolled', 'completed', 'not_completed'))
        select c.id as course_id, c.title,
          (select count(*) from parts where parts.course_id = c.id)::int as participants,
          (select coalesce(sum(held.teaching_units), 0) from held where held.course_id = c.id)::int as units_held,
          round((select count(*) from course_attendance a join held on held.id = a.session_id
              join parts on parts.id = a.enrolment_id where a.present and held.course_id = c.id)::numeric
            / nullif((select count(*) from held where held.course_id = c.id)
              * (select count(*) from parts where parts.course_id = c.id), 0), 3)::float8 as attendance_rate,
          (select count(*) from course_enrolments e where e.course_id = c.id and e.status = 'completed'
            and ${dayIn(sql`e.completed_at`, s, p)})::int as completions
        from courses c
        where c.office_id = any(${offices(s)}) and exists (select 1 from held where held.course_id = c.id)
        order by c.title, c.id`),
    );
    const base = rows.map((r) => ({
      courseId: String(r.course_id),
      title: String(r.title),
      participants: Number(r.participants),
      unitsHeld: Number(r.units_held),
      attendanceRate: r.attendance_rate === null ? null : Number(r.attendance_rate),
      completions: Number(r.completions),
    }));
    const funding = await courseFundingOf(tx, s, p, base);
    const items = base.map((i) => ({
      ...i,
      ...(funding.get(i.courseId) ?? { ended: false, funding: null, fundingProblem: 'noneChosen' as const }),
    }));
    return {
      items,
      participants: items.reduce((sum, r) => sum + r.participants, 0),
      unitsHeld: items.reduce((sum, r) => sum + r.unitsHeld, 0),
      completions: items.reduce((sum, r) => sum + r.completions, 0),
      fundableCents: items.reduce((sum, r) => sum + (r.ended ? (r.funding?.totalCents ?? 0) : 0), 0),
    };
  },

  /** The cover of the funder forms: the office, its Träger (as in its directory entry) and its funding programme. */
  async cover(tx: Tx, officeId: string) {
    const row = await one<{ name: string; provider: string | null; programme: string | null; region: string | null }>(
      tx,
      sql`select o.name, d.provider, fp.name as programme, fp.region
          from offices o left join directory_entries d on d.office_id = o.id
          left join funding_programmes fp on fp.id = o.programme_id
          where o.id = ${officeId}`,
    );
    return { officeName: row.name, provider: row.provider ?? '', programme: row.programme, region: row.region };
  },

  async officeName(tx: Tx, officeId: string): Promise<string> {
    return (await one<{ name: string }>(tx, sql`select name from offices where id = ${officeId}`)).name;
  },
};
