import { type SQL, sql } from 'drizzle-orm';
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

const GUIDE_COLUMNS = sql`g.id, g.first_name, g.last_name, g.status, g.certified_at, g.consent_withdrawn_at,
  g.background_checked_at, g.background_issued_at, g.background_relevant_conviction,
  g.languages, g.gender, g.home_district_id, g.service_district_ids, g.specializations, g.fields,
  g.availability, g.max_active_assignments, g.active_assignments as active`;

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/**
 * Candidate guides for one request, in two cheap steps so that a large office is never loaded into memory:
 * 1. SQL applies the hard gates (capacity is a column on the guide row) and a coarse pre-score (shared languages,
 *    district, field), and returns only the `limit` most promising guides. Guides sharing a required language are
 *    looked at first (GIN index on language_codes); others only fill up when there are too few.
 * 2. For just those guides, one grouped query over their deployments adds fairness and continuity.
 * With `eligible: false` it returns the nearest guides that fail a gate, for "what each lacks".
 */
export async function findCandidates(tx: Tx, q: CandidateQuery): Promise<CandidateWithName[]> {
  const gates = sql`(
    g.status = 'active'
    and g.certified_at is not null
    and g.consent_withdrawn_at is null
    and g.active_assignments < g.max_active_assignments
    and (${!q.minorsInvolved} or (g.background_checked_at >= ${q.checkValidSince}::date and coalesce(g.background_relevant_conviction, false) = false))
  )`;
  const languageScore = q.languages.length
    ? sql.join(
        q.languages.map((code) => sql`(case when ${code} = any(g.language_codes) then 10 else 0 end)`),
        sql` + `,
      )
    : sql`0`;
  const preScore = sql`${languageScore}
      + (case when ${q.districtId}::uuid = g.home_district_id or ${q.districtId}::uuid = any(g.service_district_ids) then 5 else 0 end)
      + (case when ${q.field}::text = any(g.fields) then 3 else 0 end)`;
  const select = (languageFilter: SQL, limit: number) => sql`
    select ${GUIDE_COLUMNS}
    from guides g
    where g.office_id = ${q.officeId}
      and ${q.eligible ? gates : sql`not ${gates}`}
      and ${languageFilter}
    order by ${preScore} desc, g.id
    limit ${limit}`;
  const languages = sql.param(q.languages);
  let rows = q.languages.length
    ? rowsOf<CandidateRow>(await tx.execute(select(sql`g.language_codes && ${languages}::text[]`, q.limit)))
    : rowsOf<CandidateRow>(await tx.execute(select(sql`true`, q.limit)));
  if (q.languages.length && rows.length < q.limit) {
    const more = await tx.execute(select(sql`not (g.language_codes && ${languages}::text[])`, q.limit - rows.length));
    rows = [...rows, ...rowsOf<CandidateRow>(more)];
  }
  const ids = rows.map((r) => r.id);
  const history = new Map<string, { recent: number; withPartner: boolean }>();
  if (ids.length) {
    const stats = await tx.execute(sql`
      select a.guide_id,
             count(*) filter (where a.started_at >= ${q.fairnessSince})::int as recent,
             bool_or(a.partner_id = ${q.partnerId}) as with_partner
      from assignments a
      where a.guide_id = any(${sql.param(ids)}::uuid[])
      group by a.guide_id`);
    for (const s of rowsOf<{ guide_id: string; recent: number; with_partner: boolean }>(stats)) {
      history.set(s.guide_id, { recent: Number(s.recent), withPartner: Boolean(s.with_partner) });
    }
  }
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
    recentAssignments: history.get(r.id)?.recent ?? 0,
    previousPartnerIds: history.get(r.id)?.withPartner ? [q.partnerId] : [],
  }));
}
