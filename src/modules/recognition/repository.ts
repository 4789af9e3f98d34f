import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cardConfirmations, guides } from '../../db/schema/index.js';
import { CARD_CATEGORY_KINDS, CARD_SHEET_STATUSES } from '../../domain/recognition/countedHours.js';
import { HOUR_MILESTONES } from '../../domain/recognition/milestones.js';
import type { Locale } from '../../shared/enums.js';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

export type HourQuery = {
  officeId: string;
  /** One guide, or all the office's guides. */
  guideId?: string;
  /** Days, both included; open when left out. */
  from?: string;
  to?: string;
  /**
   * Count only the hours the office approved (domain/recognition/countedHours.ts): deployment hours approved
   * (`activities.approved_at`) and hours outside deployments of a month whose time sheet is approved, of every
   * category. The Ehrenamtskarte asks for it; statements and milestones still count every logged hour.
   */
  approvedOnly?: boolean;
  /** The language of field-of-action labels: the office's translation, else the German name (issue 14 §1). */
  locale?: Locale;
};

/**
 * Every hour a guide gave, one row per entry: deployment hours from `activities` (with the deployment's field of
 * action) and hours outside deployments from `hour_entries` (with their category; reversals are negative and so
 * are summed away). The one definition of "hours" that totals, the eligibility list and milestones share; always
 * aggregated in SQL, never loaded row by row.
 */
function hourSource(q: HourQuery): SQL {
  const activityWhere = [sql`a.office_id = ${q.officeId}`];
  const entryWhere = [sql`e.office_id = ${q.officeId}`];
  if (q.guideId) {
    activityWhere.push(sql`a.guide_id = ${q.guideId}`);
    entryWhere.push(sql`e.guide_id = ${q.guideId}`);
  }
  if (q.from) {
    activityWhere.push(sql`a.date >= ${q.from}::date`);
    entryWhere.push(sql`e.date >= ${q.from}::date`);
  }
  if (q.to) {
    activityWhere.push(sql`a.date <= ${q.to}::date`);
    entryWhere.push(sql`e.date <= ${q.to}::date`);
  }
  if (q.approvedOnly) {
    // domain/recognition/countedHours.ts: approved deployments, hours of approved months, every category kind.
    const statuses = `{${CARD_SHEET_STATUSES.join(',')}}`;
    const kinds = `{${CARD_CATEGORY_KINDS.join(',')}}`;
    activityWhere.push(sql`a.approved_at is not null`);
    entryWhere.push(
      sql`exists (select 1 from time_sheets ts where ts.guide_id = e.guide_id and ts.status = any(${statuses}::text[]) and ts.month = to_char(e.date, 'YYYY-MM'))`,
      sql`c.kind = any(${kinds}::text[])`,
    );
  }
  return sql`(
    select a.guide_id, a.date, a.minutes, 'deployment'::text as category_key,
      (select hc.label from hour_categories hc where hc.office_id = a.office_id and hc.key = 'deployment') as category_label,
      r.field as field_key, coalesce(nullif(trim(f.translations ->> ${q.locale ?? 'de'}::text), ''), f.name, r.field) as field_label, a.assignment_id as deployment_id,
      -1 as category_order
    from activities a
    join assignments s on s.id = a.assignment_id
    join requests r on r.id = s.request_id
    left join fields_of_action f on f.office_id = r.office_id and f.key = r.field
    where ${sql.join(activityWhere, sql` and `)}
    union all
    select e.guide_id, e.date, e.minutes, c.key, c.label, null, null, null, c.sort_order
    from hour_entries e
    join hour_categories c on c.id = e.category_id
    where ${sql.join(entryWhere, sql` and `)}
  )`;
}

export type HourDimension = 'total' | 'month' | 'category' | 'field';
export type HourTotal = { guideId: string; key: string; label: string | null; minutes: number; deployments: number };

const KEY: Record<HourDimension, SQL> = {
  total: sql`''::text`,
  month: sql`to_char(h.date, 'YYYY-MM')`,
  category: sql`h.category_key`,
  field: sql`h.field_key`,
};
/** Categories in the office's order (deployments first), months and fields by key. */
const ORDER: Record<HourDimension, SQL> = {
  total: sql`1`,
  month: sql`2`,
  category: sql`min(h.category_order), 2`,
  field: sql`max(h.field_label)`,
};
const LABEL: Record<HourDimension, SQL> = {
  total: sql`null::text`,
  month: sql`null::text`,
  category: sql`max(h.category_label)`,
  field: sql`max(h.field_label)`,
};

export const recognitionRepository = {
  /** Hours per guide and per total, month, category or field of action (deployment hours only for fields). */
  async hourTotals(tx: Tx, q: HourQuery, by: HourDimension): Promise<HourTotal[]> {
    const onlyDeployments = by === 'field' ? sql`where h.field_key is not null` : sql``;
    const result = await tx.execute(sql`
      select h.guide_id as "guideId", ${KEY[by]} as key, ${LABEL[by]} as label,
        sum(h.minutes)::int as minutes, count(distinct h.deployment_id)::int as deployments
      from ${hourSource(q)} h
      ${onlyDeployments}
      group by h.guide_id${by === 'total' ? sql`` : sql`, ${KEY[by]}`}
      order by h.guide_id, ${ORDER[by]}`);
    return rowsOf<HourTotal>(result);
  },

  /** The day each guide's running total first reached 100 h and 500 h (window sum over daily totals). */
  async hourMilestones(tx: Tx, q: HourQuery): Promise<{ guideId: string; hours: number; date: string }[]> {
    const thresholds = sql.join(
      HOUR_MILESTONES.map((h) => sql`(${h}::int)`),
      sql`, `,
    );
    const result = await tx.execute(sql`
      with daily as (
        select h.guide_id, h.date, sum(h.minutes) as minutes from ${hourSource(q)} h group by h.guide_id, h.date
      ), running as (
        select guide_id, date, sum(minutes) over (partition by guide_id order by date) as total from daily
      )
      select r.guide_id as "guideId", t.hours, to_char(min(r.date), 'YYYY-MM-DD') as date
      from running r cross join (values ${thresholds}) as t(hours)
      where r.total >= t.hours * 60
      group by r.guide_id, t.hours
      order by 3`);
    return rowsOf<{ guideId: string; hours: number; date: string }>(result);
  },

  /** The start of each guide's engagement: certification, else the first logged hour. */
  async engagementStarts(tx: Tx, officeId: string): Promise<{ guideId: string; start: string }[]> {
    const result = await tx.execute(sql`
      select g.id as "guideId",
        to_char(coalesce(g.certified_at, (select min(h.date) from ${hourSource({ officeId })} h where h.guide_id = g.id)), 'YYYY-MM-DD') as start
      from guides g
      where g.office_id = ${officeId} and g.anonymised_at is null`);
    return rowsOf<{ guideId: string; start: string | null }>(result).filter(
      (r): r is { guideId: string; start: string } => r.start !== null,
    );
  },

  guideNames: async (tx: Tx, officeId: string) =>
    new Map(
      (
        await tx
          .select({ id: guides.id, firstName: guides.firstName, lastName: guides.lastName })
          .from(guides)
          .where(and(eq(guides.officeId, officeId), sql`${guides.anonymisedAt} is null`))
      ).map((g) => [g.id, `${g.firstName} ${g.lastName}`.trim()]),
    ),

  findGuide: async (tx: Tx, id: string) => (await tx.select().from(guides).where(eq(guides.id, id)).limit(1))[0],

  /** Completed courses of a guide up to a day, with the certificate's code when one was issued. */
  async completedCourses(tx: Tx, guideId: string, to: string) {
    const result = await tx.execute(sql`
      select c.title, c.teaching_units as "teachingUnits", cc.code,
        to_char(coalesce(cc.last_day, (select max(s.starts_at)::date from course_sessions s where s.course_id = c.id)), 'YYYY-MM-DD') as "completedOn"
      from course_enrolments e
      join courses c on c.id = e.course_id
      left join course_certificates cc on cc.enrolment_id = e.id and cc.revoked_at is null
      where e.guide_id = ${guideId} and e.status = 'completed'
      order by 4 nulls last, 1`);
    return rowsOf<{ title: string; teachingUnits: number; code: string | null; completedOn: string | null }>(
      result,
    ).filter((r) => r.completedOn === null || r.completedOn <= to);
  },

  confirmations: (tx: Tx, officeId: string) =>
    tx
      .select()
      .from(cardConfirmations)
      .where(eq(cardConfirmations.officeId, officeId))
      .orderBy(asc(cardConfirmations.cardExpiresOn), desc(cardConfirmations.createdAt)),
  confirmationsOfGuide: (tx: Tx, guideId: string) =>
    tx
      .select()
      .from(cardConfirmations)
      .where(eq(cardConfirmations.guideId, guideId))
      .orderBy(desc(cardConfirmations.confirmedOn), desc(cardConfirmations.createdAt)),
  findConfirmation: async (tx: Tx, id: string) =>
    (await tx.select().from(cardConfirmations).where(eq(cardConfirmations.id, id)).limit(1))[0],
  insertConfirmation: async (tx: Tx, row: typeof cardConfirmations.$inferInsert) =>
    (await tx.insert(cardConfirmations).values(row).returning())[0],
  /** Records the card once: a second call changes nothing (the confirmation is evidence). */
  recordCard: async (tx: Tx, id: string, issuedOn: string, expiresOn: string) =>
    (
      await tx
        .update(cardConfirmations)
        .set({ cardIssuedOn: issuedOn, cardExpiresOn: expiresOn })
        .where(and(eq(cardConfirmations.id, id), sql`${cardConfirmations.cardIssuedOn} is null`))
        .returning()
    )[0],
};
export type ConfirmationRow = typeof cardConfirmations.$inferSelect;
