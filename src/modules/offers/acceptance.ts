import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { guides } from '../../db/schema/index.js';
import { todayIn } from '../../domain/dates.js';
import type { GateResult } from '../../domain/matching/types.js';
import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { startDeployment } from '../assignments/commands.js';
import { assignmentRepository } from '../assignments/repository.js';
import { recordAudit } from '../audit/recorder.js';
import { scoreGuideForRequest } from '../matching/service.js';
import { partnerRepository } from '../partners/repository.js';
import { changeRequestStatus } from '../requests/commands.js';
import type { RequestRow } from '../requests/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { type OfferRow, offerRepository as repo } from './repository.js';

/** The answer for an offer that can no longer be answered: the guide learns why (superseded, expired …). */
export function offerNotOpen(offer: OfferRow, now: Date): AppError | null {
  if (offer.status !== 'pending') return new AppError(409, `offer_${offer.status}` as 'offer_superseded');
  if (offer.expiresAt <= now) return new AppError(409, 'offer_expired');
  return null;
}

/**
 * Gates that block an acceptance now. A paused guide whom the coordinator offered the request anyway (with a
 * recorded reason) may still accept; every other gate is law or policy and is checked again at this moment.
 */
function blockingGates(gates: GateResult[], offer: OfferRow, guideStatus: string) {
  return gates.filter(
    (g) => !g.passed && !(g.gate === 'active' && g.overridable && offer.overrideReason && guideStatus === 'paused'),
  );
}

export type Accepted = { assignmentId: string; supersededGuideIds: string[] };

/**
 * The first N acceptances win (N = guides the request needs). The caller holds the request's row lock and then the
 * offer's; here the guide's row is locked last. Two guides accepting the same request are serialised on the request
 * row, one guide accepting two requests on the guide row, so neither an extra deployment nor a guide over capacity
 * can result. Every hard gate is checked again inside this transaction: a guide who left, or whose consent was
 * withdrawn after the offer went out, cannot accept.
 */
export async function acceptOffer(tx: Tx, actor: Actor, offer: OfferRow, request: RequestRow, now: Date) {
  const closed = offerNotOpen(offer, now);
  if (closed) throw closed;
  if (request.status !== 'offered') throw new AppError(409, 'request_taken');
  const taken = await assignmentRepository.countForRequest(tx, request.id);
  if (taken >= request.guidesNeeded) throw new AppError(409, 'offer_superseded');
  const [locked] = await tx.select().from(guides).where(eq(guides.id, offer.guideId)).for('update');
  const scored = await scoreGuideForRequest(tx, request, offer.guideId, now);
  if (!scored) throw new AppError(409, 'not_eligible');
  const blocking = blockingGates(scored.score.gates, offer, locked.status);
  if (blocking.length === 1 && blocking[0].gate === 'capacity') throw new AppError(409, 'capacity_reached');
  if (blocking.length) {
    throw new AppError(
      409,
      'not_eligible',
      blocking.map((g) => ({ path: 'gates', code: `gate_${g.gate}` })),
    );
  }
  const settings = await settingsRepository.get(tx, request.officeId);
  const partner = request.partnerId ? await partnerRepository.findById(tx, request.partnerId) : undefined;
  const assignment = await startDeployment(tx, {
    request,
    offerId: offer.id,
    guideId: offer.guideId,
    partnerType: partner?.type ?? 'other',
    settings,
    today: todayIn(settings.timeZone, now),
    now,
  });
  await repo.setStatus(tx, offer.id, 'accepted', now);
  let superseded: { guideId: string }[] = [];
  if (taken + 1 >= request.guidesNeeded) {
    superseded = await repo.supersedePending(tx, request.id, now);
    await changeRequestStatus(tx, actor, request, 'matched', now);
  }
  await recordAudit(tx, actor, {
    action: 'offer.accepted',
    entityType: 'offer',
    entityId: offer.id,
    changes: { assignmentId: assignment.id },
  });
  return { assignmentId: assignment.id, supersededGuideIds: superseded.map((s) => s.guideId) } satisfies Accepted;
}
