import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { serviceDirectory } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { activityTotalsQuery, assignmentListQuery, closeInput } from '../../shared/assignments.js';
import { recordAudit } from '../audit/recorder.js';
import { changeRequestStatus } from '../requests/commands.js';
import { requestRepository } from '../requests/repository.js';
import { assignmentPolicy } from './policy.js';
import { NO_TOTALS, presentAssignment } from './presenter.js';
import { assignmentRepository as repo } from './repository.js';

export class AssignmentService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  private async loadVisible(tx: Tx, actor: Actor, id: string) {
    const row = await repo.findById(tx, id);
    if (!row || !assignmentPolicy.view(actor, row.assignment)) throw notFound();
    return row;
  }

  private async presentOne(tx: Tx, actor: Actor, id: string) {
    const row = await this.loadVisible(tx, actor, id);
    const [agreement, totals] = await inOrder(
      () => repo.agreementOf(tx, id),
      () => repo.totalsFor(tx, [id]),
    );
    return presentAssignment(row, agreement, totals.get(id) ?? NO_TOTALS, actor);
  }

  list(actor: Actor, q: z.output<typeof assignmentListQuery>) {
    if (!assignmentPolicy.list(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      // Guides see their own deployments, partner contacts their organisation's.
      const pinned = {
        ...q,
        guideId: actor.role === 'guide' ? (actor.guideId as string) : q.guideId,
        partnerId: actor.role === 'partner_contact' ? (actor.partnerId as string) : undefined,
      };
      const { items, total } = await repo.list(tx, officeId, pinned);
      const ids = items.map((i) => i.assignment.id);
      const [agreementRows, totals] = await inOrder(
        () => repo.agreementsFor(tx, ids),
        () => repo.totalsFor(tx, ids),
      );
      const byAssignment = new Map(agreementRows.map((a) => [a.assignmentId, a]));
      return {
        items: items.map((i) =>
          presentAssignment(i, byAssignment.get(i.assignment.id), totals.get(i.assignment.id) ?? NO_TOTALS, actor),
        ),
        total,
      };
    });
  }

  get(actor: Actor, id: string) {
    return this.scope(actor, (tx) => this.presentOne(tx, actor, id));
  }

  /**
   * Closes a deployment with its outcome. When the partner never confirmed the agreement, the coordinator must say
   * so knowingly (`acknowledgeUnconfirmed`), and the audit records it. A request with several guides closes with
   * its last deployment.
   */
  async close(actor: Actor, id: string, input: z.output<typeof closeInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.close(actor, row.assignment)) throw forbidden();
      const now = this.ctx.now();
      const request = await requestRepository.lockById(tx, row.assignment.requestId);
      const locked = await repo.lock(tx, id);
      if (locked.status === 'closed') throw new AppError(409, 'invalid_status_transition');
      const partnerConfirmed = (await repo.agreementVersions(tx, id)).some((a) => a.partnerConfirmedAt !== null);
      if (!partnerConfirmed && !input.acknowledgeUnconfirmed) throw new AppError(409, 'agreement_unconfirmed');
      // The referral must be an entry of this office's directory (RLS hides others): never a 500, never another office's.
      if (input.referredServiceId) {
        const [service] = await tx
          .select({ id: serviceDirectory.id })
          .from(serviceDirectory)
          .where(eq(serviceDirectory.id, input.referredServiceId));
        if (!service) throw invalidField('referredServiceId', 'invalid_value');
      }
      await repo.update(tx, id, {
        status: 'closed',
        closedAt: now,
        outcome: input.outcome,
        referredServiceId: input.referredServiceId ?? null,
        referredTo: input.referredTo ?? null,
        endedEarlyReason: input.endedEarlyReason ?? null,
        guideFeedback: input.guideFeedback ?? locked.guideFeedback,
        partnerFeedback: input.partnerFeedback ?? locked.partnerFeedback,
      });
      await repo.releaseGuideCapacity(tx, locked.guideId);
      const stillOpen = await repo.openCountForRequest(tx, request.id);
      if (stillOpen === 0 && ['matched', 'active'].includes(request.status)) {
        await changeRequestStatus(tx, actor, request, 'closed', now, input.outcome);
      }
      await recordAudit(tx, actor, {
        action: 'assignment.closed',
        entityType: 'assignment',
        entityId: id,
        changes: { outcome: input.outcome, partnerConfirmed },
      });
    });
    return this.get(actor, id);
  }

  /** Both sides give feedback, also after closing. */
  async feedback(actor: Actor, id: string, feedback: string) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.feedback(actor, row.assignment)) throw forbidden();
      await repo.update(tx, id, actor.role === 'guide' ? { guideFeedback: feedback } : { partnerFeedback: feedback });
      await recordAudit(tx, actor, {
        action: 'assignment.feedback',
        entityType: 'assignment',
        entityId: id,
        changes: { by: actor.role },
      });
    });
    return this.get(actor, id);
  }

  /** Hours per guide in a period: the coordinator sees all guides, a guide their own. */
  totalsPerGuide(actor: Actor, q: z.output<typeof activityTotalsQuery> = {}) {
    if (actor.role !== 'coordinator' && !(actor.role === 'guide' && actor.guideId)) throw forbidden();
    const query = actor.role === 'guide' ? { ...q, guideId: actor.guideId as string } : q;
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.totalsPerGuide(tx, officeId, query);
      return { items: rows.map((r) => ({ ...r, km: Number(r.km) })), total: rows.length };
    });
  }
}
