import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { serviceDirectory } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type {
  activityInput,
  agreementExtendInput,
  agreementPatchInput,
  assignmentListQuery,
  closeInput,
} from '../../shared/assignments.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { officeRepository } from '../offices/repository.js';
import { requestRepository } from '../requests/repository.js';
import type { RequestService } from '../requests/service.js';
import { renderAgreementPdf } from './agreementPdf.js';
import { assignmentPolicy } from './policy.js';
import { type AgreementRow, assignmentRepository as repo } from './repository.js';

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type Totals = { activities: number; minutes: number; km: number; expensesCents: number };
const NO_TOTALS: Totals = { activities: 0, minutes: 0, km: 0, expensesCents: 0 };

function presentAgreement(a: AgreementRow | undefined) {
  if (!a) return null;
  return {
    id: a.id,
    goal: a.goal,
    steps: a.steps as { title: string; status: 'open' }[],
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    frequency: a.frequency as 'once',
    contactChannels: a.contactChannels,
    boundaries: a.boundaries,
    confidentiality: a.confidentiality,
    reviewOn: a.reviewOn,
    guideConfirmedAt: a.guideConfirmedAt?.toISOString() ?? null,
    partnerConfirmedAt: a.partnerConfirmedAt?.toISOString() ?? null,
    extensions: a.extensions,
    version: a.version,
  };
}

function presentAssignment(row: Listed, agreement: AgreementRow | undefined, totals: Totals, actor: Actor) {
  const a = row.assignment;
  return {
    id: a.id,
    requestId: a.requestId,
    requestTitle: row.requestTitle,
    guideId: a.guideId,
    guideName: `${row.guideFirst} ${row.guideLast}`,
    partnerId: a.partnerId,
    partnerName: row.partnerName,
    status: a.status as 'active',
    startedAt: a.startedAt.toISOString(),
    closedAt: a.closedAt?.toISOString() ?? null,
    outcome: a.outcome as 'goal_reached' | null,
    referredTo: a.referredTo,
    endedEarlyReason: a.endedEarlyReason,
    guideFeedback: a.guideFeedback,
    partnerFeedback: a.partnerFeedback,
    agreement: presentAgreement(agreement),
    totals,
    abilities: assignmentPolicy.abilities(actor, a),
  };
}

const minutesBetween = (from: string, to: string) =>
  Number(to.slice(0, 2)) * 60 + Number(to.slice(3, 5)) - (Number(from.slice(0, 2)) * 60 + Number(from.slice(3, 5)));

export class AssignmentService {
  constructor(
    private readonly ctx: AppContext,
    private readonly requests: RequestService,
  ) {}

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

  async updateAgreement(actor: Actor, id: string, input: z.output<typeof agreementPatchInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.editAgreement(actor, row.assignment)) throw forbidden();
      const agreement = await repo.agreementOf(tx, id);
      const substantive = input.goal !== undefined || input.steps?.length !== agreement.steps.length;
      // A change to goal or steps needs both confirmations again.
      await repo.updateAgreement(tx, agreement.id, {
        ...input,
        version: agreement.version + 1,
        updatedAt: this.ctx.now(),
        ...(substantive ? { guideConfirmedAt: null, partnerConfirmedAt: null } : {}),
      });
      await recordAudit(tx, actor, {
        action: 'agreement.updated',
        entityType: 'assignment',
        entityId: id,
        changes: diffFields(agreement as unknown as Record<string, unknown>, input),
      });
    });
    return this.get(actor, id);
  }

  /** Guide and partner confirm; with both confirmations the deployment is active. Time-stamped for evidence. */
  async confirmAgreement(actor: Actor, id: string) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.confirm(actor, row.assignment)) throw forbidden();
      const locked = await repo.lock(tx, id);
      const agreement = await repo.agreementOf(tx, id);
      const now = this.ctx.now();
      const values = actor.role === 'guide' ? { guideConfirmedAt: now } : { partnerConfirmedAt: now };
      const updated = await repo.updateAgreement(tx, agreement.id, values);
      await recordAudit(tx, actor, {
        action: 'agreement.confirmed',
        entityType: 'assignment',
        entityId: id,
        changes: { by: actor.role },
      });
      if (updated.guideConfirmedAt && updated.partnerConfirmedAt && locked.status === 'pending_agreement') {
        await repo.update(tx, id, { status: 'active' });
        const request = await requestRepository.lockById(tx, locked.requestId);
        await this.requests.changeStatus(tx, actor, request, 'active');
      }
    });
    return this.get(actor, id);
  }

  async extend(actor: Actor, id: string, input: z.output<typeof agreementExtendInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.editAgreement(actor, row.assignment)) throw forbidden();
      const agreement = await repo.agreementOf(tx, id);
      if (input.endsOn <= agreement.endsOn) throw invalidField('endsOn', 'extensionMustBeLater');
      const extension = {
        from: agreement.endsOn,
        to: input.endsOn,
        reason: input.reason,
        at: this.ctx.now().toISOString(),
        by: actor.displayName,
      };
      await repo.updateAgreement(tx, agreement.id, {
        endsOn: input.endsOn,
        extensions: [...agreement.extensions, extension],
        version: agreement.version + 1,
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'agreement.extended',
        entityType: 'assignment',
        entityId: id,
        changes: { endsOn: { from: agreement.endsOn, to: input.endsOn } },
      });
    });
    return this.get(actor, id);
  }

  async agreementPdf(actor: Actor, id: string) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.loadVisible(tx, actor, id);
      const agreement = await repo.agreementOf(tx, id);
      const request = await requestRepository.findById(tx, row.assignment.requestId);
      const office = await officeRepository.findById(tx, officeId);
      await recordAudit(tx, actor, { action: 'agreement.pdf_downloaded', entityType: 'assignment', entityId: id });
      return renderAgreementPdf({
        officeName: office?.name ?? '',
        partnerName: row.partnerName,
        guideName: `${row.guideFirst} ${row.guideLast}`,
        personInitials: request?.request.personInitials ?? '',
        requestTitle: row.requestTitle,
        goal: agreement.goal,
        steps: agreement.steps,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        frequency: agreement.frequency,
        contactChannels: agreement.contactChannels,
        boundaries: agreement.boundaries,
        confidentiality: agreement.confidentiality,
        reviewOn: agreement.reviewOn,
        guideConfirmedAt: agreement.guideConfirmedAt?.toISOString() ?? null,
        partnerConfirmedAt: agreement.partnerConfirmedAt?.toISOString() ?? null,
        extensions: agreement.extensions,
      });
    });
  }

  listActivities(actor: Actor, id: string) {
    return this.scope(actor, async (tx) => {
      await this.loadVisible(tx, actor, id);
      const rows = await repo.activitiesOf(tx, id);
      return {
        items: rows.map((a) => ({
          id: a.id,
          date: a.date,
          startTime: a.startTime,
          endTime: a.endTime,
          minutes: a.minutes,
          type: a.type as 'other',
          km: a.km,
          expensesCents: a.expensesCents,
          note: a.note,
          createdAt: a.createdAt.toISOString(),
        })),
        total: rows.length,
      };
    });
  }

  /** Every activity belongs to a dated, recorded deployment (insurance evidence), within the agreement's period. */
  async logActivity(actor: Actor, id: string, input: z.output<typeof activityInput>) {
    const created = await this.scope(actor, async (tx, officeId) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.logActivity(actor, row.assignment)) throw forbidden();
      const agreement = await repo.agreementOf(tx, id);
      if (agreement && (input.date < agreement.startsOn || input.date > agreement.endsOn)) {
        throw invalidField('date', 'outsideAgreement');
      }
      if (input.date > new Date(this.ctx.now().getTime() + 86_400_000).toISOString().slice(0, 10))
        throw invalidField('date', 'inFuture');
      const activity = await repo.insertActivity(tx, {
        officeId,
        assignmentId: id,
        guideId: row.assignment.guideId,
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        minutes: minutesBetween(input.startTime, input.endTime),
        type: input.type,
        km: input.km,
        expensesCents: input.expensesCents,
        note: input.note ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'activity.logged',
        entityType: 'assignment',
        entityId: id,
        changes: { activityId: activity.id, minutes: activity.minutes, km: activity.km },
      });
      return activity;
    });
    return {
      id: created.id,
      date: created.date,
      startTime: created.startTime,
      endTime: created.endTime,
      minutes: created.minutes,
      type: created.type as 'other',
      km: created.km,
      expensesCents: created.expensesCents,
      note: created.note,
      createdAt: created.createdAt.toISOString(),
    };
  }

  async close(actor: Actor, id: string, input: z.output<typeof closeInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.close(actor, row.assignment)) throw forbidden();
      const locked = await repo.lock(tx, id);
      if (locked.status === 'closed') throw new AppError(409, 'invalid_status_transition');
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
        closedAt: this.ctx.now(),
        outcome: input.outcome,
        referredServiceId: input.referredServiceId ?? null,
        referredTo: input.referredTo ?? null,
        endedEarlyReason: input.endedEarlyReason ?? null,
        guideFeedback: input.guideFeedback ?? locked.guideFeedback,
        partnerFeedback: input.partnerFeedback ?? locked.partnerFeedback,
      });
      await repo.releaseGuideCapacity(tx, locked.guideId);
      const request = await requestRepository.lockById(tx, locked.requestId);
      await this.requests.changeStatus(tx, actor, request, 'closed', input.outcome);
      await recordAudit(tx, actor, {
        action: 'assignment.closed',
        entityType: 'assignment',
        entityId: id,
        changes: { outcome: input.outcome },
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

  totalsPerGuide(actor: Actor) {
    if (actor.role !== 'coordinator') throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.totalsPerGuide(tx, officeId);
      return { items: rows.map((r) => ({ ...r, km: Number(r.km) })), total: rows.length };
    });
  }
}
