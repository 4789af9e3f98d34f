import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { CandidateGuide } from '../../domain/matching/types.js';

type CandidateQuery = {
  officeId: string;
  languages: string[];
  districtId: string | null;
  field: string | null;
  minorsInvolved: boolean;
  partnerId: string;
  /** Oldest background check still valid today (today − 5 years). */
  checkValidSince: string;
  fairnessSince: Date;
  eligible: boolean;
  limit: number;
};

type CandidateRow = {
  id: string;
  first_name: string;
  last_name: string;
  status: string;
  certified_at: string | null;
  consent_withdrawn_at: string | null;
  background_checked_at: string | null;
  background_issued_at: string | null;
  background_relevant_conviction: boolean | null;
  languages: { code: string; level: string }[];
  gender: string | null;
  home_district_id: string | null;
  service_district_ids: string[];
  specializations: string[];
  fields: string[];
  availability: { weekday: number; from: string; to: string }[];
  max_active_assignments: number;
  active: number;
  recent: number;
  worked_with_partner: boolean;
};

export type CandidateWithName = CandidateGuide & { firstName: string; lastName: string };

const asDate = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
const asArray = (v: unknown): string[] =>
  Array.isArray(v)
    ? (v as string[])
    : typeof v === 'string'
      ? v
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)
      : [];

/**
 * Candidate guides for one request. The hard gates run in SQL (so a large office is never loaded into memory),
 * and a coarse pre-score (shared languages, district, field) picks the `limit` most promising rows for exact scoring.
 * With `eligible: false` it returns the nearest guides that fail a gate, for "what each lacks".
 */
export async function findCandidates(tx: Tx, q: CandidateQuery): Promise<CandidateWithName[]> {
  const langs = sql.param(q.languages);
  const gates = sql`(
    g.status = 'active'
    and g.certified_at is not null
    and g.consent_withdrawn_at is null
    and coalesce(c.active, 0) < g.max_active_assignments
    and (${!q.minorsInvolved} or (g.background_checked_at >= ${q.checkValidSince}::date and coalesce(g.background_relevant_conviction, false) = false))
  )`;
  const result = await tx.execute(sql`
    with counts as (
      select a.guide_id,
             count(*) filter (where a.status in ('pending_agreement', 'active'))::int as active,
             count(*) filter (where a.started_at >= ${q.fairnessSince})::int as recent,
             bool_or(a.partner_id = ${q.partnerId}) as worked_with_partner
      from assignments a
      where a.office_id = ${q.officeId}
      group by a.guide_id
    )
    select g.id, g.first_name, g.last_name, g.status, g.certified_at, g.consent_withdrawn_at,
           g.background_checked_at, g.background_issued_at, g.background_relevant_conviction,
           g.languages, g.gender, g.home_district_id, g.service_district_ids, g.specializations, g.fields,
           g.availability, g.max_active_assignments,
           coalesce(c.active, 0) as active, coalesce(c.recent, 0) as recent,
           coalesce(c.worked_with_partner, false) as worked_with_partner
    from guides g
    left join counts c on c.guide_id = g.id
    where g.office_id = ${q.officeId}
      and ${q.eligible ? gates : sql`not ${gates}`}
    order by
      (select count(*) from unnest(g.language_codes) l where l = any(${langs}::text[])) * 10
      + case when ${q.districtId}::uuid = g.home_district_id or ${q.districtId}::uuid = any(g.service_district_ids) then 5 else 0 end
      + case when ${q.field}::text = any(g.fields) then 3 else 0 end
      desc,
      coalesce(c.recent, 0) asc,
      g.id
    limit ${q.limit}
  `);
  const rows = ((result as unknown as { rows?: CandidateRow[] }).rows ??
    (result as unknown as CandidateRow[])) as CandidateRow[];
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    status: r.status,
    certifiedAt: asDate(r.certified_at),
    consentWithdrawnAt: asDate(r.consent_withdrawn_at),
    backgroundCheck: r.background_checked_at
      ? {
          checkedAt: asDate(r.background_checked_at) as string,
          issuedAt: asDate(r.background_issued_at),
          relevantConviction: Boolean(r.background_relevant_conviction),
        }
      : null,
    languages: r.languages,
    gender: r.gender,
    homeDistrictId: r.home_district_id,
    serviceDistrictIds: asArray(r.service_district_ids),
    specializations: asArray(r.specializations),
    fields: asArray(r.fields),
    availability: r.availability,
    maxActiveAssignments: r.max_active_assignments,
    activeAssignments: Number(r.active),
    recentAssignments: Number(r.recent),
    previousPartnerIds: r.worked_with_partner ? [q.partnerId] : [],
  }));
}
