import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { CandidateGuide, HardGate } from '../../domain/matching/types.js';

/** What the SQL needs to decide the hard gates; mirrors `evaluateGates` in the pure scorer. */
export type GateQuery = {
  officeId: string;
  minorsInvolved: boolean;
  /** Language mediation with the office's language gate on: the guide must speak a required language. */
  languageGate: boolean;
  languages: string[];
  /** A background check is valid until this many months after it was seen (same month arithmetic as the scorer). */
  recheckAfterMonths: number;
  /** Today in the office's time zone. */
  today: string;
  /** The request's days that a guide's own pause must not touch (`pauseWindow` in domain/guidePause.ts). */
  pauseWindow: { startsOn: string; endsOn: string };
};

/** Narrowing the candidate list: by name, language, district, free capacity, or one chosen guide. */
export type CandidateFilters = {
  q?: string;
  language?: string;
  districtId?: string;
  hasCapacity?: boolean;
  guideId?: string;
};

type CandidateQuery = GateQuery & {
  districtId: string | null;
  field: string | null;
  specialization: string | null;
  partnerId: string | null;
  fairnessSince: Date;
  eligible: boolean;
  limit: number;
  filters: CandidateFilters;
};

type CandidateRow = {
  id: string;
  first_name: string;
  last_name: string;
  status: string;
  certified_at: string | null;
  consent_version: string | null;
  consent_given_at: string | null;
  consent_withdrawn_at: string | null;
  confidentiality_pledge_at: string | null;
  confidentiality_pledge_version: string | null;
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
  pauses: { startsOn: string; endsOn: string }[] | string | null;
};

export type CandidateWithName = CandidateGuide & { firstName: string; lastName: string; certifiedAt: string | null };

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

const GUIDE_COLUMNS = sql`g.id, g.first_name, g.last_name, g.status, g.certified_at,
  g.consent_version, g.consent_given_at, g.consent_withdrawn_at, g.confidentiality_pledge_at, g.confidentiality_pledge_version,
  g.background_checked_at, g.background_issued_at, g.background_relevant_conviction,
  g.languages, g.gender, g.home_district_id, g.service_district_ids, g.specializations, g.fields,
  g.availability, g.max_active_assignments, g.active_assignments as active,
  (select coalesce(json_agg(json_build_object('startsOn', p.starts_on, 'endsOn', p.ends_on)), '[]'::json)
     from guide_pauses p where p.guide_id = g.id) as pauses`;

export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/**
 * Each hard gate as a boolean that is never NULL. SQL is three-valued: `not (a and b)` is NULL when a column is
 * NULL, and such a guide used to fall out of both the eligible and the not-eligible list. Every column that can be
 * NULL is tested with `is [not] null` or wrapped in coalesce, so each guide lands in exactly one list.
 */
export function gateSql(q: GateQuery): Record<HardGate, SQL> {
  const languages = sql.param(q.languages);
  return {
    active: sql`coalesce(g.status = 'active', false)`,
    // Both dates are NOT NULL, so the overlap test is never NULL; `not exists` is true or false.
    notPaused: sql`(not exists (select 1 from guide_pauses p where p.guide_id = g.id
      and p.starts_on <= ${q.pauseWindow.endsOn}::date and p.ends_on >= ${q.pauseWindow.startsOn}::date))`,
    certified: sql`(g.certified_at is not null)`,
    consent: sql`(g.consent_given_at is not null and coalesce(g.consent_version, '') <> ''
      and g.consent_withdrawn_at is null
      and g.confidentiality_pledge_at is not null and coalesce(g.confidentiality_pledge_version, '') <> '')`,
    backgroundCheck: q.minorsInvolved
      ? sql`(g.background_checked_at is not null
          and (g.background_checked_at + make_interval(months => ${q.recheckAfterMonths}))::date > ${q.today}::date
          and g.background_checked_at <= ${q.today}::date
          and g.background_relevant_conviction is not null and not g.background_relevant_conviction)`
      : sql`true`,
    capacity: sql`coalesce(g.active_assignments < g.max_active_assignments, false)`,
    language:
      q.languageGate && q.languages.length ? sql`coalesce(g.language_codes && ${languages}::text[], false)` : sql`true`,
  };
}

export const allGates = (q: GateQuery) => sql`(${sql.join(Object.values(gateSql(q)), sql` and `)})`;

function filterSql(officeId: string, f: CandidateFilters): SQL {
  const where: SQL[] = [sql`g.office_id = ${officeId}`];
  if (f.q) {
    const term = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(g.first_name || ' ' || g.last_name || ' ' || g.first_name) ilike ${term}`);
  }
  if (f.language) where.push(sql`g.language_codes @> array[${f.language}]::text[]`);
  if (f.districtId)
    where.push(
      sql`(g.home_district_id = ${f.districtId}::uuid or g.service_district_ids @> array[${f.districtId}]::uuid[])`,
    );
  if (f.hasCapacity === true) where.push(sql`coalesce(g.active_assignments < g.max_active_assignments, false)`);
  if (f.hasCapacity === false) where.push(sql`not coalesce(g.active_assignments < g.max_active_assignments, false)`);
  if (f.guideId) where.push(sql`g.id = ${f.guideId}::uuid`);
  return sql.join(where, sql` and `);
}

/**
 * Candidate guides for one request, in two cheap steps so that a large office is never loaded into memory:
 * 1. SQL applies the hard gates (capacity is a column on the guide row) and a coarse pre-score (shared languages,
 *    district, field), and returns only the `limit` most promising guides. Guides sharing a required language are
 *    looked at first (GIN index on language_codes); others only fill up when there are too few.
 * 2. For just those guides, one grouped query over their deployments adds fairness and continuity.
 * With `eligible: false` it returns the nearest guides that fail a gate, for "what each lacks".
 */
export async function findCandidates(tx: Tx, q: CandidateQuery): Promise<CandidateWithName[]> {
  const gates = allGates(q);
  const languageScore = q.languages.length
    ? sql.join(
        q.languages.map((code) => sql`(case when ${code} = any(g.language_codes) then 10 else 0 end)`),
        sql` + `,
      )
    : sql`0`;
  const preScore = sql`${languageScore}
      + (case when ${q.districtId}::uuid = g.home_district_id or ${q.districtId}::uuid = any(g.service_district_ids) then 5 else 0 end)
      + (case when ${q.field}::text = any(g.fields) then 3 else 0 end)
      + (case when ${q.specialization}::text = any(g.specializations) then 3 else 0 end)`;
  const filters = filterSql(q.officeId, q.filters);
  const select = (languageFilter: SQL, limit: number) => sql`
    select ${GUIDE_COLUMNS}
    from guides g
    where ${filters}
      and ${gates} = ${q.eligible}
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
  return rows.map((r) => toCandidate(r, history.get(r.id), q.partnerId));
}

function toCandidate(
  r: CandidateRow,
  history: { recent: number; withPartner: boolean } | undefined,
  partnerId: string | null,
): CandidateWithName {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    status: r.status,
    certifiedAt: asDate(r.certified_at),
    consent:
      r.consent_given_at || r.consent_version || r.consent_withdrawn_at
        ? {
            version: r.consent_version,
            givenAt: asDate(r.consent_given_at),
            withdrawnAt: asDate(r.consent_withdrawn_at),
          }
        : null,
    pledge:
      r.confidentiality_pledge_at || r.confidentiality_pledge_version
        ? { version: r.confidentiality_pledge_version, at: asDate(r.confidentiality_pledge_at) }
        : null,
    backgroundCheck: r.background_checked_at
      ? {
          checkedAt: asDate(r.background_checked_at) as string,
          issuedAt: asDate(r.background_issued_at),
          // Unknown counts as a conviction: the gate must never pass on missing data.
          relevantConviction: r.background_relevant_conviction !== false,
        }
      : null,
    languages: r.languages ?? [],
    gender: r.gender,
    homeDistrictId: r.home_district_id,
    serviceDistrictIds: asArray(r.service_district_ids),
    specializations: asArray(r.specializations),
    fields: asArray(r.fields),
    availability: r.availability ?? [],
    maxActiveAssignments: Number(r.max_active_assignments),
    activeAssignments: Number(r.active),
    recentAssignments: history?.recent ?? 0,
    previousPartnerIds: history?.withPartner && partnerId ? [partnerId] : [],
    pauses: (typeof r.pauses === 'string' ? JSON.parse(r.pauses) : (r.pauses ?? [])) as {
      startsOn: string;
      endsOn: string;
    }[],
  };
}

/** One guide as a candidate, with its own history: for offers to a guide outside the lists, and for acceptance. */
export async function loadCandidate(
  tx: Tx,
  guideId: string,
  partnerId: string | null,
  fairnessSince: Date,
): Promise<CandidateWithName | null> {
  const [row] = rowsOf<CandidateRow>(
    await tx.execute(sql`select ${GUIDE_COLUMNS} from guides g where g.id = ${guideId}`),
  );
  if (!row) return null;
  const [stats] = rowsOf<{ recent: number; with_partner: boolean }>(
    await tx.execute(sql`
      select count(*) filter (where a.started_at >= ${fairnessSince})::int as recent,
             coalesce(bool_or(a.partner_id = ${partnerId}), false) as with_partner
      from assignments a where a.guide_id = ${guideId}`),
  );
  return toCandidate(row, { recent: Number(stats?.recent ?? 0), withPartner: Boolean(stats?.with_partner) }, partnerId);
}

export type CandidateCounts = {
  guides: number;
  matchingFilters: number;
  eligible: number;
  failedGates: Record<HardGate, number>;
};

/** Counts over the whole office, so the answer accounts for every guide, also those not listed. */
export async function countCandidates(tx: Tx, q: GateQuery, filters: CandidateFilters): Promise<CandidateCounts> {
  const gates = gateSql(q);
  const filtered = filterSql(q.officeId, filters);
  const failed = Object.entries(gates).map(
    ([gate, expr]) =>
      sql`count(*) filter (where (${filtered}) and not ${expr})::int as ${sql.identifier(`failed_${gate}`)}`,
  );
  const [row] = rowsOf<Record<string, number>>(
    await tx.execute(sql`
      select count(*)::int as guides,
             count(*) filter (where ${filtered})::int as matching,
             count(*) filter (where (${filtered}) and ${allGates(q)})::int as eligible,
             ${sql.join(failed, sql`, `)}
      from guides g where g.office_id = ${q.officeId}`),
  );
  return {
    guides: Number(row.guides),
    matchingFilters: Number(row.matching),
    eligible: Number(row.eligible),
    failedGates: Object.fromEntries(Object.keys(gates).map((gate) => [gate, Number(row[`failed_${gate}`])])) as Record<
      HardGate,
      number
    >,
  };
}

/** Guides of the office who speak each of the given languages (active and certified ones): for the "nobody speaks" warning. */
export async function speakersPerLanguage(tx: Tx, officeId: string, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = rowsOf<{ code: string; n: number }>(
    await tx.execute(sql`
      select c.code, count(g.id)::int as n
      from unnest(${sql.param(codes)}::text[]) as c(code)
      left join guides g on g.office_id = ${officeId} and g.status = 'active' and g.certified_at is not null
        and c.code = any(g.language_codes)
      group by c.code`),
  );
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
