import { CANCELLABLE_BY_PARTNER, type RequestStatus } from '../../domain/requestStatus.js';
import type { Actor } from '../../server/context.js';
import type { RequestAbilities } from '../../shared/requests.js';

type RequestRef = { officeId: string; partnerId: string | null; status: string };

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;
/** A partner contact sees only what their own organisation filed, even within the same office. */
const isOwnPartner = (actor: Actor, r: RequestRef) =>
  actor.role === 'partner_contact' &&
  r.partnerId !== null && // a request from the public form belongs to no partner
  actor.officeId === r.officeId &&
  actor.partnerId === r.partnerId;

export const requestPolicy = {
  list: (actor: Actor) => (actor.role === 'coordinator' || actor.role === 'partner_contact') && actor.officeId !== null,
  create: (actor: Actor) =>
    (actor.role === 'coordinator' || (actor.role === 'partner_contact' && actor.partnerId !== null)) &&
    actor.officeId !== null,
  view: (actor: Actor, r: RequestRef) => isCoordinatorOf(actor, r.officeId) || isOwnPartner(actor, r),
  /** Closed and cancelled requests are records: nobody edits them any more. */
  update: (actor: Actor, r: RequestRef) =>
    (isCoordinatorOf(actor, r.officeId) && r.status !== 'closed' && r.status !== 'cancelled') ||
    (isOwnPartner(actor, r) && (r.status === 'new' || r.status === 'in_review')),
  review: (actor: Actor, r: RequestRef) => isCoordinatorOf(actor, r.officeId),
  cancel: (actor: Actor, r: RequestRef) =>
    (isCoordinatorOf(actor, r.officeId) || isOwnPartner(actor, r)) &&
    CANCELLABLE_BY_PARTNER.includes(r.status as RequestStatus),
  message: (actor: Actor, r: RequestRef) => isCoordinatorOf(actor, r.officeId) || isOwnPartner(actor, r),
  match: (actor: Actor, r: RequestRef) => isCoordinatorOf(actor, r.officeId),
  /** Name and contact of a person who asked through the public form: personal data for the coordination only. */
  readContact: (actor: Actor, r: RequestRef) => isCoordinatorOf(actor, r.officeId),
  abilities(actor: Actor, r: RequestRef): RequestAbilities {
    return {
      update: this.update(actor, r),
      review: this.review(actor, r),
      cancel: this.cancel(actor, r),
      message: this.message(actor, r),
      match: this.match(actor, r) && ['in_review', 'offered', 'no_match', 'new'].includes(r.status),
    };
  },
};
