import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { recordAudit } from '../audit/recorder.js';
import { addRequestEvent, changeRequestStatus } from '../requests/commands.js';
import { requestRepository } from '../requests/repository.js';
import { offerRepository as repo } from './repository.js';

/** When the last open offer of a request ends without filling it, the request goes back to review. */
export async function fallBackIfNoneOpen(tx: Tx, actor: Actor, requestId: string, now: Date) {
  const request = await requestRepository.lockById(tx, requestId);
  if (request.status === 'offered' && (await repo.countPending(tx, requestId)) === 0) {
    await changeRequestStatus(tx, actor, request, 'in_review', now, 'Alle Angebote beantwortet oder abgelaufen');
  }
}

/**
 * Withdraws a guide's pending offers because the guide can no longer take them (paused, left, consent withdrawn).
 * Takes each request's lock before its offer's, the one lock order of every offer write, and must run before the
 * guide's own row is updated, so that it never waits for a lock while holding the guide's.
 */
export async function withdrawPendingForGuide(tx: Tx, actor: Actor, guideId: string, reason: string, now: Date) {
  const pending = await repo.pendingForGuide(tx, guideId);
  for (const { id, requestId } of pending) {
    const request = await requestRepository.lockById(tx, requestId);
    const offer = await repo.lock(tx, id);
    if (offer.status !== 'pending') continue;
    await repo.setStatus(tx, id, 'withdrawn', now);
    await addRequestEvent(tx, actor, {
      officeId: request.officeId,
      requestId,
      kind: 'offer_withdrawn',
      message: reason,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'offer.withdrawn',
      entityType: 'offer',
      entityId: id,
      changes: { automatic: true, reason },
    });
    await fallBackIfNoneOpen(tx, actor, requestId, now);
  }
  return pending.length;
}

/**
 * Withdraws a request's pending offers because the request may no longer be offered (the accompanied person
 * withdrew their consent). The request's lock comes first, as in every offer write.
 */
export async function withdrawPendingForRequest(tx: Tx, actor: Actor, requestId: string, reason: string, now: Date) {
  const request = await requestRepository.lockById(tx, requestId);
  const pending = (await repo.list(tx, { requestId, status: ['pending'] })).map((r) => r.offer);
  for (const { id } of pending) {
    await repo.lock(tx, id);
    await repo.setStatus(tx, id, 'withdrawn', now);
    await recordAudit(tx, actor, {
      action: 'offer.withdrawn',
      entityType: 'offer',
      entityId: id,
      changes: { automatic: true, reason },
    });
  }
  if (pending.length) {
    await addRequestEvent(tx, actor, {
      officeId: request.officeId,
      requestId,
      kind: 'offer_withdrawn',
      message: reason,
      at: now,
    });
    await fallBackIfNoneOpen(tx, actor, requestId, now);
  }
  return pending.length;
}

/** Offers past their deadline become `expired` (the periodic sweep; reads only show them as expired). */
export async function expireOverdue(tx: Tx, actor: Actor, now: Date) {
  for (const requestId of await repo.requestsWithOverdueOffers(tx, now)) {
    await requestRepository.lockById(tx, requestId);
    await repo.expireOverdue(tx, requestId, now);
    await fallBackIfNoneOpen(tx, actor, requestId, now);
  }
}
