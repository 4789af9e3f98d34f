import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { agreements, assignments, guides, offers } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { addMonths, todayIso } from '../../domain/dates.js';
import { evaluateGates } from '../../domain/matching/score.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../server/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import { DEFAULT_BOUNDARIES_TEXT, DEFAULT_CONFIDENTIALITY_TEXT } from '../../shared/assignments.js';
import type { Locale } from '../../shared/enums.js';
import type { offerCreateInput } from '../../shared/matching.js';
import { recordAudit } from '../audit/recorder.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { guideRepository } from '../guides/repository.js';
import { offerMail, secret } from '../mail/templates.js';
import { GOOD_FIT_THRESHOLD, rankForRequest } from '../matching/service.js';
import { referenceRepository } from '../reference/repository.js';
import { requestPolicy } from '../requests/policy.js';
import { type RequestRow, requestRepository } from '../requests/repository.js';
import type { RequestService } from '../requests/service.js';
import { settingsRepository } from '../settings/repository.js';
import { offerPolicy } from './policy.js';
import { type OfferRow, offerRepository as repo } from './repository.js';

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function presentOffer(row: Listed, actor: Actor) {
  const o = row.offer;
  return {
    id: o.id,
    requestId: o.requestId,
    requestTitle: row.requestTitle,
    guideId: o.guideId,
    guideName: `${row.guideFirst} ${row.guideLast}`,
    message: o.message,
    status: o.status as 'pending',
    overrideReason: actor.role === 'coordinator' ? o.overrideReason : null,
    declineReason: o.declineReason,
    expiresAt: o.expiresAt.toISOString(),
    respondedAt: o.respondedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    assignmentId: row.assignmentId ?? null,
    abilities: offerPolicy.abilities(actor, o),
  };
}

export class OfferService {
  constructor(
    private readonly ctx: AppContext,
    private readonly requests: RequestService,
  ) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  candidates(actor: Actor, requestId: string) {
    return this.scope(actor, async (tx) => {
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      await this.expireOverdue(tx, actor);
      return rankForRequest(tx, found.request, this.ctx.now());
    });
  }

  /**
   * Offers a request to chosen guides. Weak fits (below the threshold) and guides failing an overridable gate need a
   * recorded reason; gates set by law or policy (certificate, consent, background check for minors) cannot be overridden.
   */
  async send(actor: Actor, requestId: string, input: z.output<typeof offerCreateInput>) {
    if (!offerPolicy.send(actor)) throw forbidden();
    const mails = await this.scope(actor, async (tx, officeId) => {
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      let request = await requestRepository.lockById(tx, requestId);
      if (!['new', 'in_review', 'offered', 'no_match'].includes(request.status))
        throw new AppError(409, 'invalid_status_transition');
      const ranking = await rankForRequest(tx, request, this.ctx.now());
      const all = new Map([...ranking.eligible, ...ranking.notEligible].map((c) => [c.guideId, c]));
      const pending = await repo.pendingGuideIds(tx, requestId);
      const needsReason: string[] = [];
      for (const [index, guideId] of input.guideIds.entries()) {
        const guide = await guideRepository.findById(tx, guideId);
        if (!guide) throw invalidField(`guideIds.${index}`, 'invalid_uuid');
        if (pending.has(guideId))
          throw new AppError(409, 'conflict', [{ path: `guideIds.${index}`, code: 'offerPending' }]);
        const scored = all.get(guideId) ?? (await this.scoreOne(tx, request, guideId));
        const blocking = scored.gates.filter((g) => !g.passed && !g.overridable);
        if (blocking.length) {
          throw new AppError(
            409,
            'conflict',
            blocking.map((g) => ({ path: `guideIds.${index}`, code: `gate_${g.gate}` })),
          );
        }
        if (!scored.eligible || scored.score < GOOD_FIT_THRESHOLD) needsReason.push(guideId);
      }
      if (needsReason.length && !input.overrideReason) throw invalidField('overrideReason', 'overrideReasonRequired');

      const settings = await settingsRepository.get(tx, officeId);
      const expiresAt = new Date(this.ctx.now().getTime() + settings.offerExpiryHours * 3_600_000);
      const tokens = new Map(input.guideIds.map((id) => [id, newToken()]));
      const rows = await repo.insertMany(
        tx,
        input.guideIds.map((guideId) => ({
          officeId,
          requestId,
          guideId,
          message: input.message,
          overrideReason: needsReason.includes(guideId) ? (input.overrideReason ?? null) : null,
          linkTokenHash: hashToken(tokens.get(guideId) as string),
          expiresAt,
          createdByUserId: actor.userId,
        })),
      );
      if (request.status === 'new') request = await this.requests.changeStatus(tx, actor, request, 'in_review');
      if (request.status === 'no_match') request = await this.requests.changeStatus(tx, actor, request, 'in_review');
      if (request.status === 'in_review') request = await this.requests.changeStatus(tx, actor, request, 'offered');
      const districtName = (await referenceRepository.findDistrict(tx, request.districtId))?.name ?? '';
      const mailIds: (string | null)[] = [];
      for (const row of rows) {
        const guide = await guideRepository.findById(tx, row.guideId);
        await requestRepository.addEvent(tx, {
          officeId,
          requestId,
          kind: 'offer_sent',
          message: `${guide?.firstName ?? ''} ${guide?.lastName ?? ''}`.trim(),
          actorUserId: actor.userId,
          actorName: actor.displayName,
        });
        await recordAudit(tx, actor, {
          action: 'offer.sent',
          entityType: 'offer',
          entityId: row.id,
          changes: { requestId, guideId: row.guideId, override: row.overrideReason !== null },
        });
        if (guide?.email) {
          const token = tokens.get(row.guideId) as string;
          const mail = offerMail(guide.locale as Locale, {
            name: guide.firstName,
            title: request.title,
            district: districtName,
            startsOn: request.startsOn,
            message: input.message,
            acceptLink: secret(`${this.ctx.config.publicUrl}/offers/answer/${token}?answer=accept`),
            declineLink: secret(`${this.ctx.config.publicUrl}/offers/answer/${token}?answer=decline`),
            appLink: `${this.ctx.config.publicUrl}/my/offers/${row.id}`,
            expiresAt: expiresAt.toISOString().slice(0, 16).replace('T', ' '),
          });
          mailIds.push(await this.ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...mail }));
        }
      }
      return { mailIds, ids: rows.map((r) => r.id) };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mails.mailIds);
    return this.scope(actor, async (tx) => {
      const items = [];
      for (const id of mails.ids) items.push(presentOffer((await repo.findById(tx, id)) as Listed, actor));
      return { items, total: items.length };
    });
  }

  /** A guide outside the candidate lists (e.g. in another district) is scored on demand. */
  private async scoreOne(tx: Tx, request: Awaited<ReturnType<typeof requestRepository.lockById>>, guideId: string) {
    // Not among the nearest candidates: a weak fit that needs a reason, with its gates evaluated directly.
    const guide = await guideRepository.findById(tx, guideId);
    const gates = evaluateGates(
      {
        id: guideId,
        status: guide?.status ?? 'left',
        certifiedAt: guide?.certifiedAt ?? null,
        consentWithdrawnAt: guide?.consentWithdrawnAt ?? null,
        backgroundCheck: guide?.backgroundCheckedAt
          ? { checkedAt: guide.backgroundCheckedAt, relevantConviction: Boolean(guide.backgroundRelevantConviction) }
          : null,
        languages: [],
        gender: null,
        homeDistrictId: null,
        serviceDistrictIds: [],
        specializations: [],
        fields: [],
        availability: [],
        maxActiveAssignments: guide?.maxActiveAssignments ?? 0,
        activeAssignments: guide?.activeAssignments ?? 0,
        recentAssignments: 0,
        previousPartnerIds: [],
      },
      {
        languages: [],
        districtId: null,
        field: null,
        specialization: null,
        preferredGender: null,
        minorsInvolved: request.minorsInvolved,
        slots: [],
        partnerId: request.partnerId,
      },
      todayIso(this.ctx.now()),
    );
    return { guideId, eligible: gates.every((g) => g.passed), score: 0, gates };
  }

  listForRequest(actor: Actor, requestId: string) {
    return this.scope(actor, async (tx) => {
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      await this.expireOverdue(tx, actor);
      const rows = await repo.list(tx, { requestId });
      return { items: rows.map((r) => presentOffer(r, actor)), total: rows.length };
    });
  }

  /** A guide's own offers (the phone view). */
  listMine(actor: Actor, status?: string[]) {
    if (actor.role !== 'guide' || !actor.guideId) throw forbidden();
    return this.scope(actor, async (tx) => {
      await this.expireOverdue(tx, actor);
      const rows = await repo.list(tx, { guideId: actor.guideId as string, status });
      return { items: rows.map((r) => presentOffer(r, actor)), total: rows.length };
    });
  }

  get(actor: Actor, id: string) {
    return this.scope(actor, async (tx) => {
      await this.expireOverdue(tx, actor);
      const row = await repo.findById(tx, id);
      if (!row || !offerPolicy.view(actor, row.offer)) throw notFound();
      const found = await requestRepository.findById(tx, row.offer.requestId);
      const district = found ? await referenceRepository.findDistrict(tx, found.request.districtId) : undefined;
      const r = found?.request;
      return {
        ...presentOffer(row, actor),
        request: {
          title: r?.title ?? '',
          description: r?.description ?? '',
          field: r?.field ?? '',
          type: r?.type ?? '',
          districtName: district?.name ?? '',
          startsOn: r?.startsOn ?? '',
          endsOn: r?.endsOn ?? null,
          frequency: r?.frequency ?? '',
          expectedHours: r?.expectedHours ?? 0,
          languages: r?.languages ?? [],
          minorsInvolved: r?.minorsInvolved ?? false,
          partnerName: found?.partnerName ?? '',
        },
      };
    });
  }

  /**
   * The first acceptance wins. Locks, in a fixed order, the offer, its request and the guide: two guides accepting
   * the same request are serialised on the request row, and one guide accepting two requests on the guide row, so
   * neither a second deployment nor a guide over capacity can result. The unique index on
   * assignments.request_id is the last line of defence.
   */
  private async acceptInTx(tx: Tx, actor: Actor, offer: OfferRow, request: RequestRow) {
    const now = this.ctx.now();
    if (offer.status !== 'pending')
      throw new AppError(409, 'conflict', [{ path: 'status', code: `offer_${offer.status}` }]);
    if (offer.expiresAt <= now) throw new AppError(409, 'offer_expired');
    if (request.status !== 'offered') throw new AppError(409, 'request_taken');
    const [guide] = await tx.select().from(guides).where(eq(guides.id, offer.guideId)).for('update');
    if (guide.activeAssignments >= guide.maxActiveAssignments) throw new AppError(409, 'capacity_reached');
    await tx
      .update(guides)
      .set({ activeAssignments: sql`${guides.activeAssignments} + 1` })
      .where(eq(guides.id, guide.id));
    const [assignment] = await tx
      .insert(assignments)
      .values({
        officeId: offer.officeId,
        requestId: request.id,
        guideId: offer.guideId,
        partnerId: request.partnerId,
        offerId: offer.id,
        startedAt: now,
      })
      .returning();
    await repo.setStatus(tx, offer.id, 'accepted', now);
    await repo.supersedeOthers(tx, request.id, offer.id, now);
    const settings = await settingsRepository.get(tx, offer.officeId);
    const today = todayIso(now);
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; they compare lexically, not numerically.
    const startsOn = request.startsOn > today ? request.startsOn : today;
    const endsOn = request.endsOn && request.endsOn >= startsOn ? request.endsOn : addMonths(startsOn, 3);
    await tx.insert(agreements).values({
      officeId: offer.officeId,
      assignmentId: assignment.id,
      goal: request.title,
      steps: [{ title: 'Erstes Treffen vereinbaren', status: 'open' }],
      startsOn,
      endsOn,
      frequency: request.frequency,
      contactChannels: '',
      boundaries: DEFAULT_BOUNDARIES_TEXT,
      confidentiality: DEFAULT_CONFIDENTIALITY_TEXT,
      reviewOn: new Date(Date.parse(startsOn) + settings.reviewAfterDays * 86_400_000).toISOString().slice(0, 10),
    });
    await this.requests.changeStatus(tx, actor, request, 'matched');
    await recordAudit(tx, actor, {
      action: 'offer.accepted',
      entityType: 'offer',
      entityId: offer.id,
      changes: { assignmentId: assignment.id },
    });
    return assignment;
  }

  private async declineInTx(tx: Tx, actor: Actor, offer: OfferRow, reason?: string) {
    if (offer.status !== 'pending')
      throw new AppError(409, 'conflict', [{ path: 'status', code: `offer_${offer.status}` }]);
    const updated = await repo.setStatus(tx, offer.id, 'declined', this.ctx.now(), reason ?? null);
    await requestRepository.addEvent(tx, {
      officeId: offer.officeId,
      requestId: offer.requestId,
      kind: 'offer_declined',
      message: reason ?? null,
      actorUserId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, { action: 'offer.declined', entityType: 'offer', entityId: offer.id });
    await this.fallBackIfNoneOpen(tx, actor, offer.requestId);
    return updated;
  }

  /**
   * Every write to offers takes the request's row lock first, then the offer's: one lock order everywhere, so
   * concurrent accepts, declines and expiries queue up instead of deadlocking.
   */
  private async lockOfferAndRequest(tx: Tx, offerId: string) {
    const peek = await repo.findById(tx, offerId);
    if (!peek) return null;
    const request = await requestRepository.lockById(tx, peek.offer.requestId);
    const offer = await repo.lock(tx, offerId);
    return { request, offer };
  }

  /** When the last open offer of a request ends without acceptance, the request goes back to review. */
  private async fallBackIfNoneOpen(tx: Tx, actor: Actor, requestId: string) {
    const request = await requestRepository.lockById(tx, requestId);
    if (request.status === 'offered' && (await repo.countPending(tx, requestId)) === 0) {
      await this.requests.changeStatus(tx, actor, request, 'in_review', 'Alle Angebote beantwortet oder abgelaufen');
    }
  }

  /** Offers past their expiry become `expired`; runs before offer reads and from the server's timer. */
  async expireOverdue(tx: Tx, actor: Actor) {
    const now = this.ctx.now();
    for (const requestId of await repo.requestsWithOverdueOffers(tx, now)) {
      await requestRepository.lockById(tx, requestId);
      await repo.expireOverdue(tx, requestId, now);
      await this.fallBackIfNoneOpen(tx, actor, requestId);
    }
  }

  /** The periodic sweep of the running server, across offices (system scope). */
  expireAllOverdue() {
    return inScope(this.ctx.database.db, 'system', (tx) => this.expireOverdue(tx, SYSTEM_ACTOR));
  }

  async accept(actor: Actor, id: string) {
    await this.scope(actor, async (tx) => {
      const locked = await this.lockOfferAndRequest(tx, id);
      if (!locked || !offerPolicy.view(actor, locked.offer)) throw notFound();
      if (!offerPolicy.answer(actor, locked.offer) && locked.offer.status === 'pending') throw forbidden();
      return this.acceptInTx(tx, actor, locked.offer, locked.request);
    });
    return this.get(actor, id);
  }

  async decline(actor: Actor, id: string, reason?: string) {
    await this.scope(actor, async (tx) => {
      const locked = await this.lockOfferAndRequest(tx, id);
      if (!locked || !offerPolicy.view(actor, locked.offer)) throw notFound();
      if (!offerPolicy.answer(actor, locked.offer) && locked.offer.status === 'pending') throw forbidden();
      return this.declineInTx(tx, actor, locked.offer, reason);
    });
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string) {
    await this.scope(actor, async (tx) => {
      const locked = await this.lockOfferAndRequest(tx, id);
      if (!locked || !offerPolicy.view(actor, locked.offer)) throw notFound();
      const offer = locked.offer;
      if (!offerPolicy.withdraw(actor, offer)) throw conflict();
      await repo.setStatus(tx, offer.id, 'withdrawn', this.ctx.now());
      await recordAudit(tx, actor, { action: 'offer.withdrawn', entityType: 'offer', entityId: offer.id });
      await this.fallBackIfNoneOpen(tx, actor, offer.requestId);
    });
    return this.get(actor, id);
  }

  /**
   * The signed single-use link from the e-mail: works without signing in. The token is stored hashed, cleared on
   * any answer (single use) and dies with the offer's expiry.
   */
  async answerByLink(token: string, answer: 'accept' | 'decline', reason?: string) {
    const tokenHash = hashToken(token);
    const offer = await inScope(this.ctx.database.db, 'system', (tx) => repo.findByLinkToken(tx, tokenHash));
    if (!offer) throw new AppError(404, 'token_invalid');
    const guideActor = await inScope(this.ctx.database.db, 'system', async (tx) => {
      const [guide] = await tx.select().from(guides).where(eq(guides.id, offer.guideId));
      return {
        userId: offer.guideId,
        role: 'guide' as const,
        officeId: offer.officeId,
        partnerId: null,
        guideId: offer.guideId,
        displayName: `${guide.firstName} ${guide.lastName} (E-Mail-Link)`,
        email: guide.email ?? '',
        locale: guide.locale as Locale,
      };
    });
    return inScope(this.ctx.database.db, { officeId: offer.officeId }, async (tx) => {
      const locked = await this.lockOfferAndRequest(tx, offer.id);
      if (!locked || locked.offer.linkTokenHash !== tokenHash) throw new AppError(404, 'token_invalid');
      if (answer === 'accept') await this.acceptInTx(tx, guideActor, locked.offer, locked.request);
      else await this.declineInTx(tx, guideActor, locked.offer, reason);
      const [final] = await tx.select({ status: offers.status }).from(offers).where(eq(offers.id, offer.id));
      return { status: final.status as 'accepted' | 'declined' };
    });
  }
}
