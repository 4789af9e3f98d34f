import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { RequestStatus } from '../../domain/requestStatus.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, type FieldError, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type {
  partnerRequestCreateInput,
  requestListQuery,
  requestPatchInput,
  requestTransitionInput,
} from '../../shared/requests.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { partnerRepository } from '../partners/repository.js';
import { referenceRepository } from '../reference/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { changeRequestStatus } from './commands.js';
import { requestPolicy } from './policy.js';
import { findingsFor, presentRequest } from './presenter.js';
import { type RequestRow, requestRepository as repo } from './repository.js';

type CreateValues = z.output<typeof partnerRequestCreateInput>;

/** Timeline entries about individual guides (offers sent, declined, withdrawn) stay with the office. */
const PARTNER_HIDDEN_EVENTS = ['offer_sent', 'offer_declined', 'offer_withdrawn'];

/** Description and notes may hold sensitive details: the audit log names the change, not the text. */
const AUDIT_REDACTED = ['description', 'notes', 'title'];

/**
 * What the requests module needs from the modules above it (deployments, offers), injected by the composition
 * root (server/services.ts): requests stay at the bottom of the coordination layers, with no import back up.
 */
export type RequestHooks = {
  /** The deployments of requests, oldest first. */
  deploymentIds(tx: Tx, requestIds: string[]): Promise<Map<string, string[]>>;
  deploymentCount(tx: Tx, requestId: string): Promise<number>;
  /** The request was cancelled or found no match: open offers end, deployments not yet started end early. */
  ended(tx: Tx, requestId: string, reason: string, now: Date): Promise<void>;
  /** The request has all the guides it needs: the other open offers end. */
  filled(tx: Tx, requestId: string, now: Date): Promise<void>;
};

export class RequestService {
  constructor(
    private readonly ctx: AppContext,
    private readonly hooks: RequestHooks,
  ) {}

  private officeScope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  /** Loads a request the actor may see, or answers 404 (never revealing that it exists). */
  async loadVisible(tx: Tx, actor: Actor, id: string) {
    const found = await repo.findById(tx, id);
    if (!found || !requestPolicy.view(actor, found.request)) throw notFound();
    return found;
  }

  private async checkReferences(tx: Tx, officeId: string, input: Partial<CreateValues>) {
    const errors: FieldError[] = [];
    if (input.districtId && !(await referenceRepository.findDistrict(tx, input.districtId)))
      errors.push({ path: 'districtId', code: 'districtUnknown' });
    if (input.field || input.specialization) {
      const keys = await referenceRepository.referenceKeys(tx, officeId);
      if (input.field && !keys.fields.has(input.field)) errors.push({ path: 'field', code: 'fieldUnknown' });
      if (input.specialization && !keys.specializations.has(input.specialization))
        errors.push({ path: 'specialization', code: 'specializationUnknown' });
    }
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
  }

  async present(tx: Tx, actor: Actor, row: RequestRow, partnerName: string | null) {
    const settings = await settingsRepository.get(tx, row.officeId);
    const matters = findingsFor(row, settings).map((f) => f.matter);
    const services = await repo.servicesFor(tx, row.officeId, matters);
    const deployments = await this.hooks.deploymentIds(tx, [row.id]);
    return presentRequest(row, partnerName, actor, settings, services, deployments.get(row.id) ?? []);
  }

  list(actor: Actor, q: z.output<typeof requestListQuery>) {
    if (!requestPolicy.list(actor)) throw forbidden();
    // A partner contact without an organisation owns no request (never the partner-less public ones).
    if (actor.role === 'partner_contact' && !actor.partnerId) return Promise.resolve({ items: [], total: 0 });
    return this.officeScope(actor, async (tx, officeId) => {
      // Partner contacts are pinned to their own organisation, whatever they ask for.
      const query = actor.role === 'partner_contact' ? { ...q, partnerId: actor.partnerId as string } : q;
      const { items, total } = await repo.list(tx, officeId, query);
      const settings = await settingsRepository.get(tx, officeId);
      const deployments = await this.hooks.deploymentIds(
        tx,
        items.map((r) => r.request.id),
      );
      return {
        items: items.map((r) =>
          presentRequest(r.request, r.partnerName, actor, settings, [], deployments.get(r.request.id) ?? []),
        ),
        total,
      };
    });
  }

  get(actor: Actor, id: string) {
    return this.officeScope(actor, async (tx) => {
      const found = await this.loadVisible(tx, actor, id);
      const timeline = await repo.timeline(tx, id);
      // Partners see the request's progress, not which guides were asked or why one declined.
      const visible =
        actor.role === 'partner_contact' ? timeline.filter((e) => !PARTNER_HIDDEN_EVENTS.includes(e.kind)) : timeline;
      // The person's name and contact from the public form: the office's coordinators only (policy.readContact).
      const contact = requestPolicy.readContact(actor, found.request) ? await repo.contactOf(tx, id) : undefined;
      return {
        ...(await this.present(tx, actor, found.request, found.partnerName)),
        timeline: visible.map((e) => ({
          id: e.id,
          kind: e.kind,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          message: e.message,
          // Partners see a guide's first name only (data minimisation), as on the deployment.
          actorName: actor.role === 'partner_contact' && e.guideFirstName ? e.guideFirstName : e.actorName,
          at: e.at.toISOString(),
        })),
        publicContact: contact
          ? { name: contact.name, channel: contact.channel, value: contact.value, locale: contact.locale }
          : null,
      };
    });
  }

  create(actor: Actor, input: CreateValues) {
    if (!requestPolicy.create(actor)) throw forbidden();
    return this.officeScope(actor, async (tx, officeId) => {
      const partnerId = actor.role === 'partner_contact' ? (actor.partnerId as string) : input.partnerId;
      if (!partnerId) throw invalidField('partnerId', 'required');
      const partner = await partnerRepository.findById(tx, partnerId);
      if (!partner) throw invalidField('partnerId', 'partnerUnknown');
      if (input.contactId && !(await repo.contactBelongsTo(tx, input.contactId, partnerId)))
        throw invalidField('contactId', 'invalid_value');
      await this.checkReferences(tx, officeId, input);
      const { person, partnerId: _ignored, ...rest } = input;
      const now = this.ctx.now();
      const row = await repo.insert(tx, {
        ...rest,
        officeId,
        partnerId,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
        createdByUserId: actor.userId,
        personInitials: person.initials,
        personAgeGroup: person.ageGroup,
        personLanguages: person.languages,
        personHousehold: person.household,
        personHouseholdSize: person.householdSize,
        personConsentGiven: person.consentGiven,
        personConsentVersion: person.consentVersion ?? null,
        personConsentLanguage: person.consentLanguage ?? null,
      });
      await repo.addEvent(tx, {
        at: this.ctx.now(),
        officeId,
        requestId: row.id,
        kind: 'created',
        toStatus: 'new',
        actorUserId: actor.userId,
        actorName: actor.displayName,
      });
      await recordAudit(tx, actor, {
        action: 'request.created',
        entityType: 'request',
        entityId: row.id,
        changes: { partnerId, field: row.field, type: row.type },
      });
      return this.present(tx, actor, row, partner.name);
    });
  }

  update(actor: Actor, id: string, input: z.output<typeof requestPatchInput>) {
    return this.officeScope(actor, async (tx, officeId) => {
      const found = await this.loadVisible(tx, actor, id);
      if (!requestPolicy.update(actor, found.request)) throw forbidden();
      await this.checkReferences(tx, officeId, input);
      if (input.guidesNeeded !== undefined && input.guidesNeeded !== found.request.guidesNeeded) {
        await this.checkGuidesNeeded(tx, found.request, input.guidesNeeded);
      }
      let after = await repo.update(tx, id, { ...input, updatedAt: this.ctx.now() });
      after = await this.matchIfFilled(tx, actor, after);
      const changes = diffFields(found.request as unknown as Record<string, unknown>, input, AUDIT_REDACTED);
      await repo.addEvent(tx, {
        at: this.ctx.now(),
        officeId,
        requestId: id,
        kind: 'updated',
        message: Object.keys(changes).join(', '),
        actorUserId: actor.userId,
        actorName: actor.displayName,
      });
      await recordAudit(tx, actor, { action: 'request.updated', entityType: 'request', entityId: id, changes });
      return this.present(tx, actor, after, found.partnerName);
    });
  }

  /** How many guides a request needs can change while it is being matched, never below those already found. */
  private async checkGuidesNeeded(tx: Tx, row: RequestRow, needed: number) {
    if (!['new', 'in_review', 'offered'].includes(row.status)) throw invalidField('guidesNeeded', 'guidesNeededLocked');
    const taken = await this.hooks.deploymentCount(tx, row.id);
    if (needed < taken) throw invalidField('guidesNeeded', 'guidesNeededBelowTaken');
  }

  /** A request whose need was lowered to the guides already found is matched; its other open offers end. */
  private async matchIfFilled(tx: Tx, actor: Actor, row: RequestRow) {
    if (!['in_review', 'offered'].includes(row.status)) return row;
    const taken = await this.hooks.deploymentCount(tx, row.id);
    if (taken === 0 || taken < row.guidesNeeded) return row;
    const locked = await repo.lockById(tx, row.id);
    await this.hooks.filled(tx, row.id, this.ctx.now());
    return this.changeStatus(tx, actor, locked, 'matched', 'Alle benötigten Lots:innen gefunden');
  }

  /** Records a status change on the timeline (see commands.ts, which other modules use). */
  changeStatus(tx: Tx, actor: Actor, row: RequestRow, to: RequestStatus, reason?: string | null) {
    return changeRequestStatus(tx, actor, row, to, this.ctx.now(), reason);
  }

  transition(actor: Actor, id: string, input: z.output<typeof requestTransitionInput>) {
    return this.officeScope(actor, async (tx) => {
      const found = await this.loadVisible(tx, actor, id);
      const allowed =
        input.status === 'cancelled'
          ? requestPolicy.cancel(actor, found.request)
          : requestPolicy.review(actor, found.request);
      if (!allowed) throw forbidden();
      if ((input.status === 'no_match' || input.status === 'cancelled') && !input.reason)
        throw invalidField('reason', 'reasonRequired');
      const locked = await repo.lockById(tx, id);
      const updated = await this.changeStatus(tx, actor, locked, input.status, input.reason);
      if (input.status === 'cancelled' || input.status === 'no_match') {
        // Open offers end with the request; a deployment that had not started yet ends too.
        await this.hooks.ended(tx, id, input.reason ?? '', this.ctx.now());
      }
      return this.present(tx, actor, updated, found.partnerName);
    });
  }

  /** Questions and answers between coordinator and partner, on the request's timeline. */
  async addMessage(actor: Actor, id: string, message: string) {
    await this.officeScope(actor, async (tx, officeId) => {
      const found = await this.loadVisible(tx, actor, id);
      if (!requestPolicy.message(actor, found.request)) throw forbidden();
      const kind = actor.role === 'partner_contact' ? 'partner_message' : 'coordinator_message';
      await repo.addEvent(tx, {
        at: this.ctx.now(),
        officeId,
        requestId: id,
        kind,
        message,
        actorUserId: actor.userId,
        actorName: actor.displayName,
      });
      await recordAudit(tx, actor, { action: 'request.message', entityType: 'request', entityId: id });
    });
    return this.get(actor, id);
  }
}
