import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { forbidden, invalidField, notFound } from '../../server/errors.js';
import type {
  partnerContactInput,
  partnerCreateInput,
  partnerListQuery,
  partnerPatchInput,
} from '../../shared/partners.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { referenceRepository } from '../reference/repository.js';
import type { UserService } from '../users/service.js';
import { partnerPolicy } from './policy.js';
import { presentPartner } from './presenter.js';
import { partnerRepository as repo } from './repository.js';

const AUDIT_REDACTED = ['notes'];

export class PartnerService {
  constructor(
    private readonly ctx: AppContext,
    private readonly users: UserService,
  ) {}

  private async checkDistrict(tx: Tx, districtId: string | null | undefined) {
    if (districtId && !(await referenceRepository.findDistrict(tx, districtId)))
      throw invalidField('districtId', 'districtUnknown');
  }

  list(actor: Actor, query: z.output<typeof partnerListQuery>) {
    if (!partnerPolicy.list(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const { items, total } = await repo.list(tx, officeId, query);
      const contacts = await repo.contactsOf(
        tx,
        items.map((p) => p.id),
      );
      return { items: items.map((p) => presentPartner(p, contacts, actor)), total };
    });
  }

  get(actor: Actor, id: string) {
    if (!actor.officeId) throw notFound();
    return inScope(this.ctx.database.db, { officeId: actor.officeId }, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !partnerPolicy.view(actor, row)) throw notFound();
      return presentPartner(row, await repo.contactsOf(tx, [id]), actor);
    });
  }

  create(actor: Actor, input: z.output<typeof partnerCreateInput>) {
    if (!partnerPolicy.create(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => this.createIn(tx, actor, officeId, input));
  }

  /** Creates a partner in the caller's transaction (the import writes many all-or-nothing). */
  async createIn(tx: Tx, actor: Actor, officeId: string, input: z.output<typeof partnerCreateInput>) {
    if (!partnerPolicy.create(actor)) throw forbidden();
    await this.checkDistrict(tx, input.districtId);
    const row = await repo.insert(tx, { ...input, officeId });
    await recordAudit(tx, actor, {
      action: 'partner.created',
      entityType: 'partner',
      entityId: row.id,
      changes: diffFields(null, input, AUDIT_REDACTED),
    });
    return presentPartner(row, [], actor);
  }

  update(actor: Actor, id: string, input: z.output<typeof partnerPatchInput>) {
    if (!actor.officeId) throw notFound();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, { officeId }, (tx) => this.updateIn(tx, actor, id, input));
  }

  /** Updates a partner in the caller's transaction (the import writes many all-or-nothing). */
  async updateIn(tx: Tx, actor: Actor, id: string, input: z.output<typeof partnerPatchInput>) {
    const before = await repo.findById(tx, id);
    if (!before || !partnerPolicy.view(actor, before)) throw notFound();
    if (!partnerPolicy.update(actor, before)) throw forbidden();
    await this.checkDistrict(tx, input.districtId);
    const after = await repo.update(tx, id, { ...input, updatedAt: this.ctx.now() });
    await recordAudit(tx, actor, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: id,
      changes: diffFields(before, input, AUDIT_REDACTED),
    });
    return presentPartner(after, await repo.contactsOf(tx, [id]), actor);
  }

  /** Adds a contact person; with `invite`, they get a partner-contact account and a one-time link. */
  async addContact(actor: Actor, partnerId: string, input: z.output<typeof partnerContactInput>) {
    if (!actor.officeId) throw notFound();
    const { partner, mailIds } = await inScope(this.ctx.database.db, { officeId: actor.officeId }, async (tx) => {
      const row = await repo.findById(tx, partnerId);
      if (!row || !partnerPolicy.view(actor, row)) throw notFound();
      if (!partnerPolicy.manageContacts(actor, row)) throw forbidden();
      const contact = await repo.insertContact(tx, {
        officeId: row.officeId,
        partnerId,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
      });
      const mailIds: (string | null)[] = [];
      if (input.invite) {
        const invited = await this.users.createInvitedUser(tx, actor, {
          email: input.email,
          displayName: input.name,
          role: 'partner_contact',
          partnerId,
        });
        await repo.linkContactUser(tx, contact.id, invited.user.id);
        mailIds.push(invited.mailId);
      }
      await recordAudit(tx, actor, {
        action: 'partner.contact_added',
        entityType: 'partner',
        entityId: partnerId,
        changes: { contactId: contact.id, invited: input.invite },
      });
      return { partner: presentPartner(row, await repo.contactsOf(tx, [partnerId]), actor), mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return partner;
  }
}
