import type { Actor } from '../../server/context.js';
import type { OfferAbilities } from '../../shared/matching.js';

type OfferRef = { officeId: string; guideId: string; status: string };

export const offerPolicy = {
  send: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  view: (actor: Actor, o: OfferRef) =>
    actor.officeId === o.officeId &&
    (actor.role === 'coordinator' || (actor.role === 'guide' && actor.guideId === o.guideId)),
  /** Each guide decides for themselves: only the guide answers their offer. */
  answer: (actor: Actor, o: OfferRef) =>
    actor.role === 'guide' && actor.guideId === o.guideId && actor.officeId === o.officeId && o.status === 'pending',
  withdraw: (actor: Actor, o: OfferRef) =>
    actor.role === 'coordinator' && actor.officeId === o.officeId && o.status === 'pending',
  abilities(actor: Actor, o: OfferRef): OfferAbilities {
    return { accept: this.answer(actor, o), decline: this.answer(actor, o), withdraw: this.withdraw(actor, o) };
  },
};
