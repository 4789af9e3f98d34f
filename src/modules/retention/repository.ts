import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { retentionHolds } from '../../db/schema/index.js';
import { ENDED_REQUEST_STATUSES } from '../../domain/retention.js';
import type { RetentionEntityType, RetentionRule } from '../../shared/retention.js';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
const one = async <T>(tx: Tx, query: SQL) => rowsOf<T>(await tx.execute(query))[0];

/** A guide that left or is otherwise on a retention clock, with the facts its dates are computed from. */
export type GuideClockRow = {
  id: string;
  name: string;
  status: string;
  status_changed_on: string | null;
  consent_withdrawn_at: string | null;
  has_background_check: boolean;
  running: number;
  /** The latest of the last logged activity and the last closed deployment. */
  last_work_on: string | null;
};

export type RequestClockRow = { id: string; title: string; ended_on: string; running: number };

export type HoldRow = typeof retentionHolds.$inferSelect & { byName: string | null };

export const retentionRepository = {
  /** Guides not yet anonymised that left (status "left") or withdrew consent: every clock of a guide starts there. */
  async guideClocks(tx: Tx, officeId: string): Promise<GuideClockRow[]> {
    return rowsOf<GuideClockRow>(
      await tx.execute(sql`
        select g.id, g.first_name || ' ' || g.last_name as name, g.status,
               g.status_changed_at::date::text as status_changed_on, g.consent_withdrawn_at::text as consent_withdrawn_at,
               (g.background_checked_at is not null or g.background_issued_at is not null
                  or g.background_relevant_conviction is not null) as has_background_check,
               (select count(*)::int from assignments a
                 where a.guide_id = g.id and a.status in ('pending_agreement', 'active')) as running,
               greatest((select max(ac.date) from activities ac where ac.guide_id = g.id),
                        (select max(a.closed_at)::date from assignments a where a.guide_id = g.id))::text as last_work_on
          from guides g
         where g.office_id = ${officeId} and g.anonymised_at is null
           and (g.status = 'left' or g.consent_withdrawn_at is not null)`),
    );
  },

  /** Requests whose accompanied person's data is still held and that have ended. */
  async requestClocks(tx: Tx, officeId: string): Promise<RequestClockRow[]> {
    return rowsOf<RequestClockRow>(
      await tx.execute(sql`
        select r.id, r.title, r.status_changed_at::date::text as ended_on,
               (select count(*)::int from assignments a
                 where a.request_id = r.id and a.status in ('pending_agreement', 'active')) as running
          from requests r
         where r.office_id = ${officeId} and r.person_anonymised_at is null
           and r.status in (${sql.join(
             ENDED_REQUEST_STATUSES.map((s) => sql`${s}`),
             sql`, `,
           )})`),
    );
  },

  async activeHolds(tx: Tx, officeId: string): Promise<HoldRow[]> {
    return rowsOf<HoldRow>(
      await tx.execute(sql`
        select h.id, h.office_id as "officeId", h.entity_type as "entityType", h.entity_id as "entityId", h.rule,
               h.reason, h.created_by_user_id as "createdByUserId", h.created_at as "createdAt",
               h.released_at as "releasedAt", h.released_by_user_id as "releasedByUserId", u.display_name as "byName"
          from retention_holds h left join users u on u.id = h.created_by_user_id
         where h.office_id = ${officeId} and h.released_at is null`),
    ).map((h) => ({ ...h, createdAt: new Date(h.createdAt) }));
  },

  async findActiveHold(tx: Tx, entityId: string, rule: RetentionRule) {
    const [row] = await tx
      .select()
      .from(retentionHolds)
      .where(
        and(eq(retentionHolds.entityId, entityId), eq(retentionHolds.rule, rule), isNull(retentionHolds.releasedAt)),
      );
    return row;
  },

  async findHold(tx: Tx, id: string) {
    const [row] = await tx.select().from(retentionHolds).where(eq(retentionHolds.id, id));
    return row;
  },

  async insertHold(
    tx: Tx,
    values: {
      officeId: string;
      entityType: RetentionEntityType;
      entityId: string;
      rule: RetentionRule;
      reason: string;
      createdByUserId: string | null;
      createdAt: Date;
    },
  ) {
    const [row] = await tx.insert(retentionHolds).values(values).returning();
    return row;
  },

  async releaseHold(tx: Tx, id: string, userId: string | null, at: Date) {
    await tx
      .update(retentionHolds)
      .set({ releasedAt: at, releasedByUserId: userId })
      .where(and(eq(retentionHolds.id, id), isNull(retentionHolds.releasedAt)));
  },

  /** Whether the record exists in the office (row-level security hides other offices' rows anyway). */
  async entityExists(tx: Tx, entityType: RetentionEntityType, entityId: string): Promise<boolean> {
    const table = { guide: 'guides', request: 'requests', partner_contact: 'partner_contacts' }[entityType];
    const row = await one<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.identifier(table)} where id = ${entityId}`,
    );
    return (row?.n ?? 0) > 0;
  },

  async clearBackgroundCheck(tx: Tx, guideId: string, now: Date) {
    await tx.execute(sql`
      update guides set background_checked_at = null, background_issued_at = null,
                        background_relevant_conviction = null, updated_at = ${now}
       where id = ${guideId}`);
  },

  /** The privileged scrub (db/erasure.ts): every text column of the office, and the guide's own rows for p_guide_needles. */
  async erase(
    tx: Tx,
    officeId: string,
    needles: string[],
    guideId: string | null,
    guideNeedles: string[],
    placeholder: string,
  ) {
    const row = await one<{ n: number }>(
      tx,
      sql`select lotsennetz_erase(${officeId}::uuid, ${sql.param(needles)}::text[], ${guideId}::uuid,
                                  ${sql.param(guideNeedles)}::text[], ${placeholder}) as n`,
    );
    return row?.n ?? 0;
  },

  async eraseAuditFields(
    tx: Tx,
    officeId: string,
    entityType: string,
    entityId: string,
    keys: string[],
    placeholder: string,
  ) {
    await tx.execute(
      sql`select lotsennetz_erase_audit_fields(${officeId}::uuid, ${entityType}, ${entityId}, ${sql.param(keys)}::text[], ${placeholder})`,
    );
  },

  async purgeAudit(tx: Tx, officeId: string, before: string) {
    const row = await one<{ n: number }>(
      tx,
      sql`select lotsennetz_purge_audit(${officeId}::uuid, ${before}::timestamptz) as n`,
    );
    return row?.n ?? 0;
  },

  async officeIds(tx: Tx): Promise<string[]> {
    return rowsOf<{ id: string }>(await tx.execute(sql`select id from offices order by created_at`)).map((r) => r.id);
  },
};
