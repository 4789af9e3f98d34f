import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { courseFunding, type FundingKind, teachersOf } from '../../domain/courses/funding.js';
import type { Period } from '../../domain/reports/period.js';
import type { OfficeFigures } from '../../shared/reports.js';
import type { ReportScope } from './repository.js';

type Item = OfficeFigures['courses']['items'][number];
type Funding = Pick<Item, 'ended' | 'funding' | 'fundingProblem'>;
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
const jsonOf = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * The fundable amount of the report's courses (issue 13 §1): SQL sums each course's held UE up to the period's end
 * per set of trainers (how many teach at once), and the domain's `courseFunding` (the course report's computation)
 * applies the course's rule set to those sums. A course counts in the period in which its last session is held.
 */
export async function courseFundingOf(
  tx: Tx,
  s: ReportScope,
  p: Period,
  items: { courseId: string; participants: number }[],
): Promise<Map<string, Funding>> {
  if (items.length === 0) return new Map();
  const ids = sql`${sql.param(items.map((i) => i.courseId))}::uuid[]`;
  const day = sql`(s.starts_at at time zone ${s.timeZone})::date`;
  const courses = rowsOf<{
    course_id: string;
    office_id: string;
    rule_set_name: string | null;
    materials_cents: number | string | null;
    first_day: string | null;
    last_day: string | null;
    last_held: boolean;
    sessions: unknown;
  }>(
    await tx.execute(sql`
      select c.id as course_id, c.office_id, f.rule_set_name, f.materials_cents,
        (select min(${day})::text from course_sessions s where s.course_id = c.id) as first_day,
        (select max(${day})::text from course_sessions s where s.course_id = c.id) as last_day,
        coalesce((select max(s.starts_at) <= ${s.now.toISOString()}::timestamptz from course_sessions s where s.course_id = c.id), false) as last_held,
        (select coalesce(json_agg(json_build_object('units', g.units, 'trainers', g.trainer_names)), '[]'::json)
         from (select s.trainer_names, sum(s.teaching_units)::int as units from course_sessions s
               where s.course_id = c.id and s.starts_at <= ${s.now.toISOString()}::timestamptz
                 and ${day} <= ${p.to}::date
               group by s.trainer_names) g) as sessions
      from courses c left join course_funding f on f.course_id = c.id
      where c.id = any(${ids}) and c.office_id = any(${sql.param(s.officeIds)}::uuid[])`),
  );
  const ruleSets = rowsOf<{
    office_id: string;
    name: string;
    kind: FundingKind;
    params: unknown;
    valid_from: string;
  }>(
    await tx.execute(sql`
      select office_id, name, kind, params, valid_from::text as valid_from from funding_rule_sets
      where office_id = any(${sql.param(s.officeIds)}::uuid[])`),
  );
  const participants = new Map(items.map((i) => [i.courseId, i.participants]));
  const result = new Map<string, Funding>();
  for (const c of courses) {
    const named = ruleSets
      .filter((r) => r.office_id === c.office_id && r.name === c.rule_set_name)
      .map((r) => ({
        name: r.name,
        kind: r.kind,
        validFrom: String(r.valid_from),
        params: jsonOf<Record<string, number>>(r.params),
      }));
    const sessions = jsonOf<{ units: number; trainers: string | null }[]>(c.sessions).map((g) => ({
      teachingUnits: Number(g.units),
      teachers: teachersOf(g.trainers),
    }));
    const {
      ruleSet,
      problem,
      result: amount,
    } = courseFunding(c.rule_set_name, named, c.first_day ?? p.to, {
      sessions,
      participants: participants.get(String(c.course_id)) ?? 0,
      materialsCents: Number(c.materials_cents ?? 0),
    });
    result.set(String(c.course_id), {
      ended: Boolean(c.last_held) && c.last_day !== null && c.last_day <= p.to,
      fundingProblem: problem,
      funding:
        ruleSet && amount
          ? {
              ruleSetName: ruleSet.name,
              kind: ruleSet.kind,
              fundable: amount.fundable,
              notes: amount.notes,
              unitsFunded: amount.unitsFunded,
              teachingCents: amount.teachingCents,
              materialsCents: amount.materialsCents,
              totalCents: amount.totalCents,
            }
          : null,
    });
  }
  return result;
}
