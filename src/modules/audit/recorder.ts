import type { Tx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { type Actor, recordedUserId } from '../../server/context.js';
import type { AuditAction, AuditEntityType } from '../../shared/audit.js';

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
  /** Platform-level events (offices) carry the office they concern, or none. */
  officeId?: string | null;
  /** When it happened, for jobs that run on an injected clock (the retention job); default the database's now(). */
  at?: Date;
};

/** The row of one audit record: the office is the entry's own, or else the actor's. */
const auditRow = (actor: Actor, entry: AuditEntry) => ({
  officeId: entry.officeId !== undefined ? entry.officeId : actor.officeId,
  actorUserId: recordedUserId(actor),
  actorName: actor.displayName,
  via: actor.via ?? null,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId ?? null,
  changes: entry.changes ?? null,
  ...(entry.at ? { at: entry.at } : {}),
});

/** Written in the caller's transaction: if the change rolls back, so does its audit record. Returns the event's id. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<string> {
  const [row] = await tx.insert(auditEvents).values(auditRow(actor, entry)).returning({ id: auditEvents.id });
  return row.id;
}

/** Many audit records in multi-row inserts (a bulk write such as the import), in the caller's transaction. */
export async function recordAudits(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000)
    await tx.insert(auditEvents).values(entries.slice(i, i + 1000).map((entry) => auditRow(actor, entry)));
}

const REDACTED = '[geändert]';

/**
 * Field-level diff for the audit log. Free-text fields that may hold sensitive details are named but
 * their content is not copied into the log.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  redact: readonly string[] = [],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before ? before[key] : null;
    const to = after[key];
    if (JSON.stringify(from ?? null) === JSON.stringify(to ?? null)) continue;
    changes[key] = redact.includes(key) ? { from: REDACTED, to: REDACTED } : { from: from ?? null, to: to ?? null };
  }
  return changes;
}
