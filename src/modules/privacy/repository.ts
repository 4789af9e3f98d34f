import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

export type Json = Record<string, unknown>;
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
/** A foreign key of one column: `table.column` references the subject's table. */
export type Reference = { table: string; column: string };

/**
 * Every single-column foreign key in the public schema that points at `target`, read from the database catalogue at
 * run time: a table added later that references a guide, a user or a request is exported without anyone listing it.
 */
export async function referencesTo(tx: Tx, target: string): Promise<Reference[]> {
  return rowsOf<Reference>(
    await tx.execute(sql`
      select cl.relname as "table", a.attname as "column"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_class ref on ref.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and n.nspname = 'public' and ref.relname = ${target}
        and array_length(c.conkey, 1) = 1
      order by cl.relname, a.attname`),
  );
}

/**
 * The rows of `table` whose `column` is one of `ids`, each as JSON (`to_jsonb`): dates and times come out as ISO
 * strings on PGlite and PostgreSQL alike. Row-level security still limits them to the caller's office.
 */
export async function rowsReferencing(tx: Tx, ref: Reference, ids: string[]): Promise<Json[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{ row: Json }>(
    await tx.execute(sql`
      select to_jsonb(t) as row from ${sql.identifier(ref.table)} t
      where t.${sql.identifier(ref.column)}::text = any(${sql.param(ids)}::text[])
      order by 1`),
  );
  return rows.map((r) => r.row);
}

/** Audit actions that record a read of the record named by the event (not a change to it). */
export const READ_ACTIONS = ['guide.viewed', 'privacy.data_exported', 'recognition.statement_downloaded'] as const;

export const privacyRepository = {
  async assignmentIdsOfGuide(tx: Tx, guideId: string): Promise<string[]> {
    return rowsOf<{ id: string }>(await tx.execute(sql`select id from assignments where guide_id = ${guideId}`)).map(
      (r) => r.id,
    );
  },

  async outboxTo(tx: Tx, officeId: string, address: string): Promise<Json[]> {
    return rowsOf<{ row: Json }>(
      await tx.execute(sql`
        select jsonb_build_object('id', id, 'to', to_address, 'subject', subject, 'text', body_text,
          'status', status, 'createdAt', created_at, 'sentAt', sent_at) as row
        from outbox where office_id = ${officeId} and lower(to_address) = lower(${address})
        order by created_at, id`),
    ).map((r) => r.row);
  },

  /** Audit events about the given records, or done by the given user, oldest first. */
  async auditAbout(tx: Tx, officeId: string, entityIds: string[], actorUserId: string | null): Promise<Json[]> {
    return rowsOf<{ row: Json }>(
      await tx.execute(sql`
        select jsonb_build_object('id', id, 'at', at, 'action', action, 'entityType', entity_type,
          'entityId', entity_id, 'actorName', actor_name, 'via', via, 'changes', changes) as row
        from audit_events
        where office_id = ${officeId}
          and (entity_id = any(${sql.param(entityIds)}::text[]) or actor_user_id::text = ${actorUserId ?? ''})
        order by at, id`),
    ).map((r) => r.row);
  },

  /**
   * Every read of a person's record: the record itself viewed or exported (Art. 15), and for a guide also the guide
   * list exports and the agreement PDFs of their deployments that named them. Newest first.
   */
  async readsOf(tx: Tx, officeId: string, entityType: string, id: string, assignmentIds: string[]) {
    return rowsOf<{ id: string; at: string; action: string; actorName: string | null; via: string | null }>(
      await tx.execute(sql`
        select id, to_jsonb(at) #>> '{}' as "at", action, actor_name as "actorName", via
        from audit_events
        where office_id = ${officeId} and (
          (entity_type = ${entityType} and entity_id = ${id} and action = any(${sql.param([...READ_ACTIONS])}::text[]))
          or (action = 'guide.exported' and ${entityType} = 'guide'
              and coalesce(changes->'guideIds', '[]'::jsonb) @> jsonb_build_array(${id}::text))
          or (action = 'agreement.pdf_downloaded' and entity_id = any(${sql.param(assignmentIds)}::text[])))
        order by at desc, id desc
        limit 500`),
    );
  },
};
