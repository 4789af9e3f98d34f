import type { Tx } from '../../db/client.js';
import type { SubjectKind } from '../../shared/privacy.js';
import { type Json, type Reference, referencesTo, rowsReferencing } from './repository.js';

export const SUBJECT_TABLES: Record<SubjectKind, string> = {
  guide: 'guides',
  user: 'users',
  request: 'requests',
  applicant: 'applicants',
};

/**
 * Rows found in these tables are followed one step further: a guide's deployments bring their agreements and
 * activities, an account its sessions and partner-contact record.
 */
const DESCEND = ['assignments', 'users'];

/** Credentials never leave the database, not even to their owner: the ids of sessions and links are token hashes. */
const OMIT_COLUMNS: Record<string, string[]> = {
  sessions: ['id', 'csrf_token'],
  auth_tokens: ['id'],
  // A receipt's bytes (up to 5 MB each) would swell the file and its PDF to unreadable hex: the file lists each
  // receipt (name, type, size, date), and the receipt itself stays downloadable from the claim.
  expense_receipts: ['data'],
  // The same for the files a coordinator uploaded to events: listed, downloadable from the event.
  event_files: ['bytes'],
  // A push endpoint with its keys lets anyone push to the device: the file shows the device and dates only.
  push_subscriptions: ['endpoint', 'p256dh', 'auth', 'endpoint_hash'],
};
export const SECRET_COLUMN = /(^|_)(password|hash|token|secret|csrf)(_|$)/;

/**
 * Rows reached through a reference to the subject that mainly describe someone else: only what shows the link. A
 * partner contact's file lists the requests they filed, not the accompanied persons' details; an accompanied
 * person's file lists the offers made for them, not the guides' reasons for declining.
 */
const PROJECTIONS: Record<string, string[]> = {
  'requests.created_by_user_id': ['id', 'title', 'status', 'created_at'],
  'request:offers.request_id': ['id', 'status', 'created_at', 'expires_at', 'responded_at'],
  // A coordinator's file shows the recruitment steps and conversations they recorded, not the applicants' notes.
  'applicant_steps.recorded_by': ['id', 'status', 'step_on', 'created_at'],
  'applicant_conversations.held_by': ['id', 'held_on', 'outcome', 'created_at'],
  'applicant_conversations.recorded_by': ['id', 'held_on', 'outcome', 'created_at'],
};

export type Section = { table: string; column: string; rows: Json[] };

function clean(root: SubjectKind, ref: Reference, row: Json): Json {
  const keep = PROJECTIONS[`${root}:${ref.table}.${ref.column}`] ?? PROJECTIONS[`${ref.table}.${ref.column}`];
  const omit = OMIT_COLUMNS[ref.table] ?? [];
  return Object.fromEntries(
    Object.entries(row).filter(([k]) => !SECRET_COLUMN.test(k) && !omit.includes(k) && (!keep || keep.includes(k))),
  );
}

/** The subject's own row, without credentials. */
export async function subjectRecord(tx: Tx, kind: SubjectKind, id: string): Promise<Json | undefined> {
  const table = SUBJECT_TABLES[kind];
  const [row] = await rowsReferencing(tx, { table, column: 'id' }, [id]);
  return row && clean(kind, { table, column: 'id' }, row);
}

/**
 * Walks the database catalogue from the subject's table: every table with a foreign key to it gives one section
 * (also when empty, so the file shows what was looked at). A row reached twice is listed once, in its first section.
 */
export async function referencingSections(tx: Tx, kind: SubjectKind, id: string): Promise<Section[]> {
  const sections: Section[] = [];
  const seen = new Set<string>();
  const walk = async (target: string, ids: string[], depth: number) => {
    for (const ref of await referencesTo(tx, target)) {
      const rows = (await rowsReferencing(tx, ref, ids)).map((r) => clean(kind, ref, r));
      const fresh = rows.filter((r) => {
        const key = `${ref.table}:${String(r.id ?? JSON.stringify(r))}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      sections.push({ table: ref.table, column: ref.column, rows: fresh });
      if (depth === 0 && DESCEND.includes(ref.table) && fresh.length)
        await walk(
          ref.table,
          fresh.map((r) => String(r.id)),
          1,
        );
    }
  };
  await walk(SUBJECT_TABLES[kind], [id], 0);
  return sections;
}
