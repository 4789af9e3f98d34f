import type { Actor } from '../../server/context.js';

/**
 * Coordinators write to the office's guides and read every thread; a guide reads only the messages they are on the
 * list of and only their own thread (never the list itself or another guide's thread).
 */
export const messagePolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  own: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
};
