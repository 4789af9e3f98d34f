import type { Tx } from '../../db/client.js';
import { canTransition, type RequestStatus } from '../../domain/requestStatus.js';
import { type Actor, recordedUserId } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/recorder.js';
import { type RequestRow, requestRepository as repo } from './repository.js';

/**
 * Changes a request's status and writes it to the timeline and the audit log, in the caller's transaction. The
 * requests module owns request status: offers and deployments call this command instead of updating the row.
 */
export async function changeRequestStatus(
  tx: Tx,
  actor: Actor,
  row: RequestRow,
  to: RequestStatus,
  now: Date,
  reason?: string | null,
): Promise<RequestRow> {
  const from = row.status as RequestStatus;
  if (from === to) return row;
  if (!canTransition(from, to)) throw new AppError(409, 'invalid_status_transition');
  const updated = await repo.update(tx, row.id, {
    status: to,
    statusReason: reason ?? null,
    statusChangedAt: now,
    updatedAt: now,
  });
  await repo.addEvent(tx, {
    officeId: row.officeId,
    requestId: row.id,
    kind: 'status',
    fromStatus: from,
    toStatus: to,
    message: reason ?? null,
    actorUserId: recordedUserId(actor),
    actorName: actor.displayName,
    at: now,
  });
  await recordAudit(tx, actor, {
    action: 'request.status_changed',
    entityType: 'request',
    entityId: row.id,
    officeId: row.officeId,
    changes: { status: { from, to } },
  });
  return updated;
}

/** A timeline entry written by another module (an offer sent, declined, withdrawn). */
export function addRequestEvent(
  tx: Tx,
  actor: Actor,
  event: { officeId: string; requestId: string; kind: string; message?: string | null; at: Date },
) {
  return repo.addEvent(tx, {
    officeId: event.officeId,
    requestId: event.requestId,
    kind: event.kind,
    message: event.message ?? null,
    actorUserId: recordedUserId(actor),
    actorName: actor.displayName,
    at: event.at,
  });
}
