import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { fundingPrograms, offices, users } from '../../db/schema/index.js';
import { activeGuidesOf, firstMatchesOf } from '../reports/repository.js';

/** What the database answers per office: counts and sums only (no row of a person ever leaves PostgreSQL). */
export type OfficeAggregate = {
  officeId: string;
  name: string;
  city: string;
  guidesActive: number;
  guidesNewlyQualified: number;
  requestsFiled: number;
  requestsMatched: number;
  hourMinutes: number;
  /** Distinct guides with hours in the period: fewer than five and the office's hours are withheld. */
  hourGuides: number;
  medianDaysToMatch: number | null;
};

/** PGlite and node-postgres both answer `{ rows }`; the guard keeps a driver change from going unnoticed. */
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export const landRepository = {
  /** The funder's programme; null for an account without one (the schema allows none for other roles). */
  async programmeOfUser(tx: Tx, userId: string) {
    const [row] = await tx
      .select({ id: fundingPrograms.id, name: fundingPrograms.name, region: fundingPrograms.region })
      .from(users)
      .innerJoin(fundingPrograms, eq(fundingPrograms.id, users.programmeId))
      .where(eq(users.id, userId));
    return row ?? null;
  },

  /**
   * Every figure of the Land view per office of the programme, in one statement. Period bounds are calendar days in
   * each office's own time zone (its settings), so a request filed at 23:30 on 31 December counts in December.
   * "Active" guides and time to match are defined once, in the office report (`activeGuidesOf`, `firstMatchesOf`),
   * so a funder and the office read the same figure: active is at least one activity or hour entry dated in the
   * period; the median time to match runs over the requests whose first deployment started in the period.
   * Filed and matched count the requests filed in the period, and how many of them found a guide.
   */
  async figuresByOffice(tx: Tx, programmeId: string, from: string, to: string): Promise<OfficeAggregate[]> {
    const period = { from, to };
    const result = await tx.execute(sql`
      with o as (
        select id, name, city, coalesce(settings->>'timeZone', 'Europe/Berlin') as tz,
          ((${from}::date)::timestamp at time zone coalesce(settings->>'timeZone', 'Europe/Berlin')) as t0,
          (((${to}::date) + 1)::timestamp at time zone coalesce(settings->>'timeZone', 'Europe/Berlin')) as t1
        from offices where programme_id = ${programmeId}
      ),
      qualified as (
        select g.office_id, count(*) as n from guides g join o on o.id = g.office_id
        where g.certified_at between ${from}::date and ${to}::date group by g.office_id
      ),
      active as (
        select g.office_id, count(*) as n from (${activeGuidesOf(sql`g.office_id in (select id from o)`, period)}) g
        group by g.office_id
      ),
      hours as (
        select h.office_id, sum(h.minutes) as minutes, count(distinct h.guide_id) as guides
        from hour_entries h join o on o.id = h.office_id
        where h.date between ${from}::date and ${to}::date group by h.office_id
      ),
      req as (
        select r.office_id, count(*) as filed, count(m.first_at) as matched
        from requests r join o on o.id = r.office_id
        left join lateral (select min(a.started_at) as first_at from assignments a where a.request_id = r.id) m on true
        where r.created_at >= o.t0 and r.created_at < o.t1
        group by r.office_id
      ),
      waits as (
        select f.office_id,
          percentile_cont(0.5) within group (order by extract(epoch from f.matched_at - f.created_at) / 86400.0)
            as median_days
        from (${firstMatchesOf(sql`r.office_id in (select id from o)`)}) f join o on o.id = f.office_id
        where (f.matched_at at time zone o.tz)::date between ${from}::date and ${to}::date
        group by f.office_id
      )
      select o.id, o.name, o.city, qualified.n as qualified, active.n as active, hours.minutes, hours.guides,
        req.filed, req.matched, waits.median_days
      from o
      left join qualified on qualified.office_id = o.id
      left join active on active.office_id = o.id
      left join hours on hours.office_id = o.id
      left join req on req.office_id = o.id
      left join waits on waits.office_id = o.id
      order by o.name, o.id`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({
      officeId: String(r.id),
      name: String(r.name),
      city: String(r.city),
      guidesActive: num(r.active),
      guidesNewlyQualified: num(r.qualified),
      requestsFiled: num(r.filed),
      requestsMatched: num(r.matched),
      hourMinutes: num(r.minutes),
      hourGuides: num(r.guides),
      medianDaysToMatch: r.median_days === null || r.median_days === undefined ? null : Number(r.median_days),
    }));
  },

  /** The median over every request of the programme: a median cannot be added up from the offices' medians. */
  async medianDaysToMatch(tx: Tx, programmeId: string, from: string, to: string): Promise<number | null> {
    const result = await tx.execute(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from f.matched_at - f.created_at) / 86400.0)
        as median_days
      from (${firstMatchesOf(sql`r.office_id in (select id from offices where programme_id = ${programmeId})`)}) f
      join offices o on o.id = f.office_id
      where (f.matched_at at time zone coalesce(o.settings->>'timeZone', 'Europe/Berlin'))::date
        between ${from}::date and ${to}::date`);
    const value = rowsOf<{ median_days: unknown }>(result)[0]?.median_days;
    return value === null || value === undefined ? null : Number(value);
  },

  // Programme administration (platform admin).
  listProgrammes: (tx: Tx) => tx.select().from(fundingPrograms).orderBy(asc(fundingPrograms.name)),
  findProgramme: async (tx: Tx, id: string) =>
    (await tx.select().from(fundingPrograms).where(eq(fundingPrograms.id, id)))[0],
  insertProgramme: async (tx: Tx, values: { name: string; region: string }) =>
    (await tx.insert(fundingPrograms).values(values).returning())[0],
  updateProgramme: async (tx: Tx, id: string, values: { name?: string; region?: string }) =>
    (
      await tx
        .update(fundingPrograms)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(fundingPrograms.id, id))
        .returning()
    )[0],
  officesOf: (tx: Tx, programmeIds: string[]) =>
    programmeIds.length
      ? tx
          .select({ id: offices.id, name: offices.name, city: offices.city, programmeId: offices.programmeId })
          .from(offices)
          .where(inArray(offices.programmeId, programmeIds))
          .orderBy(asc(offices.name))
      : Promise.resolve([]),
  /** Funder accounts that can still sign in (invited or active); deactivated ones are not counted. */
  funderCounts: (tx: Tx) =>
    tx
      .select({ programmeId: users.programmeId, n: count() })
      .from(users)
      .where(and(eq(users.role, 'funder'), isNull(users.disabledAt)))
      .groupBy(users.programmeId),
  funders: (tx: Tx, programmeId: string) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.role, 'funder'), eq(users.programmeId, programmeId)))
      .orderBy(asc(users.displayName), asc(users.id)),
  findFunder: async (tx: Tx, programmeId: string, userId: string) =>
    (
      await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.role, 'funder'), eq(users.programmeId, programmeId)))
    )[0],
  existingOffices: (tx: Tx, ids: string[]) =>
    ids.length ? tx.select({ id: offices.id }).from(offices).where(inArray(offices.id, ids)) : Promise.resolve([]),
  /** Sets the programme's offices to exactly `officeIds`: the others it had are unlinked. */
  async setOffices(tx: Tx, programmeId: string, officeIds: string[]) {
    await tx.update(offices).set({ programmeId: null }).where(eq(offices.programmeId, programmeId));
    if (officeIds.length) await tx.update(offices).set({ programmeId }).where(inArray(offices.id, officeIds));
  },
};
