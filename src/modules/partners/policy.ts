import type { Actor } from '../../server/context.js';
import type { PartnerAbilities } from '../../shared/partners.js';

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;

export const partnerPolicy = {
  list: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  create: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  /** A partner contact sees their own organisation only. */
  view: (actor: Actor, partner: { id: string; officeId: string }) =>
    isCoordinatorOf(actor, partner.officeId) ||
    (actor.role === 'partner_contact' && actor.partnerId === partner.id && actor.officeId === partner.officeId),
  update: (actor: Actor, partner: { officeId: string }) => isCoordinatorOf(actor, partner.officeId),
  manageContacts: (actor: Actor, partner: { officeId: string }) => isCoordinatorOf(actor, partner.officeId),
  viewNotes: (actor: Actor, partner: { officeId: string }) => isCoordinatorOf(actor, partner.officeId),
  abilities(actor: Actor, partner: { id: string; officeId: string }): PartnerAbilities {
    return { update: this.update(actor, partner), manageContacts: this.manageContacts(actor, partner) };
  },
};
