import type { Actor } from '../../server/context.js';

export const referencePolicy = {
  /** Every member of an office reads its reference data (forms need it). */
  read: (actor: Actor) => actor.officeId !== null,
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
