import type { Actor } from '../../server/context.js';

/** Importing writes guides and partners in bulk: coordinators of an office only. */
export const importPolicy = {
  import: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
