import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { guides, users } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, recordedUserId, SYSTEM_ACTOR } from '../../server/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { Locale } from '../../shared/enums.js';
import type { candidatesQuery, offerCreateInput } from '../../shared/matching.js';
import { periodText, slotsText } from '../../shared/schedule.js';
import { recordAudit } from '../audit/recorder.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { guideRepository } from '../guides/repository.js';
import { offerMail, requestFilledMail, secret } from '../mail/templates.js';
import { GOOD_FIT_THRESHOLD, rankForRequest, scoreGuideForRequest } from '../matching/service.js';
import { accountsOfGuides, notify } from '../notifications/notify.js';
import { referenceRepository } from '../reference/repository.js';
import { addRequestEvent, changeRequestStatus } from '../requests/commands.js';
import { requestPolicy } from '../requests/policy.js';
import { requestRepository } from '../requests/repository.js';
import type { RequestService } from '../requests/service.js';
import { settingsRepository } from '../settings/repository.js';
import { acceptOffer, offerNotOpen } from './acceptance.js';
import { expireOverdue, fallBackIfNoneOpen } from './commands.js';
import { offerPolicy } from './policy.js';
import { effectiveStatus, type Listed, localDeadline, presentOffer } from './presenter.js';
import { offerRepository as repo } from './repository.js';

export class OfferService {
  constructor(
    private readonly ctx: AppContext,
    private readonly requests: RequestService,
  ) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  candidates(actor: Actor, requestId: string, q: z.output<typeof candidatesQuery>) {
    return this.scope(actor, async (tx) => {
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      const { limit, offset, ...filters } = q;
      const pending = await repo.pendingGuideIds(tx, requestId);
      return rankForRequest(tx, found.request, this.ctx.now(), pending, filters, { limit, offset });
    });
  }

  /**
   * Offers a request to chosen guides, also to guides outside the candidate lists. Weak fits (below the threshold)
   * and guides failing an overridable gate need a recorded reason; gates set by law or policy (certificate, consent,
   * background check for minors, the language gate) cannot be overridden, and nothing is offered for a person who
   * has not consented.
   */
  async send(actor: Actor, requestId: string, input: z.output<typeof offerCreateInput>) {
    if (!offerPolicy.send(actor)) throw forbidden();
    const mails = await this.scope(actor, async (tx, officeId) => {
      const now = this.ctx.now();
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      let request = await requestRepository.lockById(tx, requestId);
      if (!['new', 'in_review', 'offered', 'no_match'].includes(request.status))
        throw new AppError(409, 'invalid_status_transition');
      if (!request.personConsentGiven) throw new AppError(409, 'person_consent_missing');
      const pending = await repo.pendingGuideIds(tx, requestId);
      const needsReason: string[] = [];
      for (const [index, guideId] of input.guideIds.entries()) {
        const scored = await scoreGuideForRequest(tx, request, guideId, now);
        if (!scored) throw invalidField(`guideIds.${index}`, 'invalid_uuid');
        if (pending.has(guideId))
          throw new AppError(409, 'conflict', [{ path: `guideIds.${index}`, code: 'offerPending' }]);
        const blocking = scored.score.gates.filter((g) => !g.passed && !g.overridable);
        if (blocking.length) {
          throw new AppError(
            409,
            'conflict',
            blocking.map((g) => ({ path: `guideIds.${index}`, code: `gate_${g.gate}` })),
          );
        }
        if (!scored.score.eligible || scored.score.score < GOOD_FIT_THRESHOLD) needsReason.push(guideId);
      }
      if (needsReason.length && !input.overrideReason) throw invalidField('overrideReason', 'overrideReasonRequired');

      const settings = await settingsRepository.get(tx, officeId);
      const hours = input.expiresInHours ?? settings.offerExpiryHours;
      const expiresAt = new Date(now.getTime() + hours * 3_600_000);
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
          createdByUserId: recordedUserId(actor),
          createdAt: now,
        })),
      );
      for (const to of ['in_review', 'offered'] as const) {
        if (request.status !== 'offered') request = await changeRequestStatus(tx, actor, request, to, now);
      }
      const districtName = (await referenceRepository.findDistrict(tx, request.districtId))?.name ?? '';
      const mailIds: (string | null)[] = [];
      for (const row of rows) {
        const guide = await guideRepository.findById(tx, row.guideId);
        await addRequestEvent(tx, actor, {
          officeId,
          requestId,
          kind: 'offer_sent',
          message: `${guide?.firstName ?? ''} ${guide?.lastName ?? ''}`.trim(),
          at: now,
        });
        await recordAudit(tx, actor, {
          action: 'offer.sent',
          entityType: 'offer',
          entityId: row.id,
          changes: { requestId, guideId: row.guideId, override: row.overrideReason !== null },
        });
        if (guide?.email) {
          const token = tokens.get(row.guideId) as string;
          const locale = guide.locale as Locale;
          const mail = offerMail(locale, {
            name: guide.firstName,
            title: request.title,
            district: districtName,
            when: periodText(request, locale),
            times: request.slots.length ? slotsText(request.slots, locale) : '',
            meetingPoint: request.meetingPoint ?? request.place,
            onSiteContact: request.onSiteContact,
            message: input.message,
            acceptLink: secret(`${this.ctx.config.publicUrl}/offers/answer/${token}?answer=accept`),
            declineLink: secret(`${this.ctx.config.publicUrl}/offers/answer/${token}?answer=decline`),
            appLink: `${this.ctx.config.publicUrl}/my/offers/${row.id}`,
            expiresAt: localDeadline(expiresAt, guide.locale as Locale, settings.timeZone),
          });
          mailIds.push(await this.ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...mail }));
        }
        // In the guide's notification centre too (the offer mail above is the mail: offer_new is mailed by sender).
        await notify(tx, {
          officeId,
          userIds: await accountsOfGuides(tx, [row.guideId]),
          kind: 'offer_new',
          params: { title: request.title },
          link: `/my/offers/${row.id}`,
        });
      }
      return { mailIds, ids: rows.map((r) => r.id) };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mails.mailIds);
    return this.scope(actor, async (tx, officeId) => {
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const items = [];
      for (const id of mails.ids)
        items.push(presentOffer((await repo.findById(tx, id)) as Listed, actor, this.ctx.now(), timeZone));
      return { items, total: items.length };
    });
  }

  listForRequest(actor: Actor, requestId: string) {
    return this.scope(actor, async (tx, officeId) => {
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const found = await this.requests.loadVisible(tx, actor, requestId);
      if (!requestPolicy.match(actor, found.request)) throw forbidden();
      const rows = await repo.list(tx, { requestId });
      return { items: rows.map((r) => presentOffer(r, actor, this.ctx.now(), timeZone)), total: rows.length };
    });
  }

  /** A guide's offers, for the guide's profile: the coordinator of the office, or the guide themselves. */
  listForGuide(actor: Actor, guideId: string) {
    return this.scope(actor, async (tx, officeId) => {
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const guide = await guideRepository.findById(tx, guideId);
      const allowed = guide && (actor.role === 'coordinator' || (actor.role === 'guide' && actor.guideId === guideId));
      if (!allowed) throw notFound();
      const rows = await repo.list(tx, { guideId });
      return { items: rows.map((r) => presentOffer(r, actor, this.ctx.now(), timeZone)), total: rows.length };
    });
  }

  /** A guide's own offers (the phone view). */
  listMine(actor: Actor, status?: string[]) {
    if (actor.role !== 'guide' || !actor.guideId) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const now = this.ctx.now();
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const rows = await repo.list(tx, { guideId: actor.guideId as string });
      const items = rows
        .map((r) => presentOffer(r, actor, now, timeZone))
        .filter((o) => !status || status.includes(o.status));
      return { items, total: items.length };
    });
  }

  get(actor: Actor, id: string) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.findById(tx, id);
      if (!row || !offerPolicy.view(actor, row.offer)) throw notFound();
      const found = await requestRepository.findById(tx, row.offer.requestId);
      const district = found ? await referenceRepository.findDistrict(tx, found.request.districtId) : undefined;
      const settings = await settingsRepository.get(tx, officeId);
      const r = found?.request;
      return {
        ...presentOffer(row, actor, this.ctx.now(), settings.timeZone),
        request: {
          title: r?.title ?? '',
          description: r?.description ?? '',
          field: r?.field ?? '',
          type: r?.type ?? '',
          districtName: district?.name ?? '',
          place: r?.place ?? null,
          meetingPoint: r?.meetingPoint ?? null,
          onSiteContact: r?.onSiteContact ?? null,
          startsOn: r?.startsOn ?? '',
          endsOn: r?.endsOn ?? null,
          frequency: r?.frequency ?? '',
          slots: r?.slots ?? [],
          expectedHours: r?.expectedHours ?? 0,
          languages: r?.languages ?? [],
          minorsInvolved: r?.minorsInvolved ?? false,
          partnerName: found?.partnerName ?? null,
          guidesNeeded: r?.guidesNeeded ?? 1,
        },
        timeZone: settings.timeZone,
      };
    });
  }

  /**
   * Every write to offers takes the request's row lock first, then the offer's: one lock order everywhere, so
   * concurrent accepts, declines, withdrawals and expiries queue up instead of deadlocking.
   */
  private async lockOfferAndRequest(tx: Tx, offerId: string) {
    const peek = await repo.findById(tx, offerId);
    if (!peek) return null;
    const request = await requestRepository.lockById(tx, peek.offer.requestId);
    const offer = await repo.lock(tx, offerId);
    return { request, offer };
  }

  private async declineInTx(tx: Tx, actor: Actor, offerId: string, reason?: string) {
    const now = this.ctx.now();
    const locked = await this.lockOfferAndRequest(tx, offerId);
    if (!locked) throw notFound();
    const closed = offerNotOpen(locked.offer, now);
    if (closed) throw closed;
    await repo.setStatus(tx, offerId, 'declined', now, reason ?? null);
    await addRequestEvent(tx, actor, {
      officeId: locked.offer.officeId,
      requestId: locked.offer.requestId,
      kind: 'offer_declined',
      message: reason ?? null,
      at: now,
    });
    await recordAudit(tx, actor, { action: 'offer.declined', entityType: 'offer', entityId: offerId });
    await fallBackIfNoneOpen(tx, actor, locked.offer.requestId, now);
  }

  /** The guides whose offers ended because the request is filled hear so, in their language. */
  private async notifyFilled(tx: Tx, officeId: string, title: string, guideIds: string[]) {
    const mailIds: (string | null)[] = [];
    for (const guideId of guideIds) {
      const guide = await guideRepository.findById(tx, guideId);
      if (!guide?.email) continue;
      const mail = requestFilledMail(guide.locale as Locale, { name: guide.firstName, title });
      mailIds.push(await this.ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...mail }));
    }
    return mailIds;
  }

  private async acceptAndNotify(tx: Tx, actor: Actor, offerId: string) {
    const locked = await this.lockOfferAndRequest(tx, offerId);
    if (!locked) throw notFound();
    const accepted = await acceptOffer(tx, actor, locked.offer, locked.request, this.ctx.now());
    return this.notifyFilled(tx, locked.request.officeId, locked.request.title, accepted.supersededGuideIds);
  }

  private async answerAsGuide(actor: Actor, id: string, answer: 'accept' | 'decline', reason?: string) {
    const mailIds = await this.scope(actor, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !offerPolicy.view(actor, row.offer)) throw notFound();
      if (actor.role !== 'guide' || actor.guideId !== row.offer.guideId) throw forbidden();
      if (answer === 'decline') {
        await this.declineInTx(tx, actor, id, reason);
        return [];
      }
      return this.acceptAndNotify(tx, actor, id);
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return this.get(actor, id);
  }

  accept(actor: Actor, id: string) {
    return this.answerAsGuide(actor, id, 'accept');
  }

  decline(actor: Actor, id: string, reason?: string) {
    return this.answerAsGuide(actor, id, 'decline', reason);
  }

  async withdraw(actor: Actor, id: string) {
    await this.scope(actor, async (tx) => {
      const now = this.ctx.now();
      const locked = await this.lockOfferAndRequest(tx, id);
      if (!locked || !offerPolicy.view(actor, locked.offer)) throw notFound();
      const offer = locked.offer;
      if (!offerPolicy.withdraw(actor, offer)) throw conflict();
      await repo.setStatus(tx, offer.id, 'withdrawn', now);
      await addRequestEvent(tx, actor, {
        officeId: offer.officeId,
        requestId: offer.requestId,
        kind: 'offer_withdrawn',
        at: now,
      });
      await recordAudit(tx, actor, { action: 'offer.withdrawn', entityType: 'offer', entityId: offer.id });
      await fallBackIfNoneOpen(tx, actor, offer.requestId, now);
    });
    return this.get(actor, id);
  }

  /** The periodic sweep of the running server, across offices (system scope). */
  expireAllOverdue() {
    return inScope(this.ctx.database.db, 'system', (tx) => expireOverdue(tx, SYSTEM_ACTOR, this.ctx.now()));
  }

  /**
   * The guide behind an e-mail link, as the actor of its answer: recorded under the guide's user account when there
   * is one, else under no user id, and always marked "via e-mail link".
   */
  private async linkActor(tx: Tx, guideId: string, officeId: string): Promise<Actor> {
    const [guide] = await tx.select().from(guides).where(eq(guides.id, guideId));
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.guideId, guideId));
    return {
      userId: account?.id ?? guideId,
      accountless: !account,
      via: 'email_link',
      role: 'guide',
      officeId,
      partnerId: null,
      guideId,
      displayName: `${guide.firstName} ${guide.lastName}`,
      email: guide.email ?? '',
      locale: guide.locale as Locale,
    };
  }

  private findByLink(token: string) {
    return inScope(this.ctx.database.db, 'system', (tx) => repo.findByLinkToken(tx, hashToken(token)));
  }

  /** What the e-mail link's page shows before the guide answers: which request, until when, and its state. */
  async describeLink(token: string) {
    const offer = await this.findByLink(token);
    if (!offer) throw new AppError(404, 'token_invalid');
    return inScope(this.ctx.database.db, { officeId: offer.officeId }, async (tx) => {
      const found = await requestRepository.findById(tx, offer.requestId);
      const district = found ? await referenceRepository.findDistrict(tx, found.request.districtId) : undefined;
      const settings = await settingsRepository.get(tx, offer.officeId);
      return {
        status: effectiveStatus(offer, this.ctx.now()) as 'pending',
        requestTitle: found?.request.title ?? '',
        districtName: district?.name ?? '',
        startsOn: found?.request.startsOn ?? '',
        expiresAt: offer.expiresAt.toISOString(),
        timeZone: settings.timeZone,
      };
    });
  }

  /**
   * The signed single-use link from the e-mail: works without signing in. Only a pending offer can be answered, so
   * the link is single-use; a guide who lost the race learns `offer_superseded`, not "invalid link".
   */
  async answerByLink(token: string, answer: 'accept' | 'decline', reason?: string) {
    const offer = await this.findByLink(token);
    if (!offer) throw new AppError(404, 'token_invalid');
    const mailIds = await inScope(this.ctx.database.db, { officeId: offer.officeId }, async (tx) => {
      const actor = await this.linkActor(tx, offer.guideId, offer.officeId);
      if (answer === 'accept') return this.acceptAndNotify(tx, actor, offer.id);
      await this.declineInTx(tx, actor, offer.id, reason);
      return [];
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return { status: answer === 'accept' ? ('accepted' as const) : ('declined' as const) };
  }
}
