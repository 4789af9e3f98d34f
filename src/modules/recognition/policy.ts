import type { Actor } from '../../server/context.js';

/** Coordinators see the office's recognition lists and sign; a guide downloads their own statement. */
export const recognitionPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  own: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
};
