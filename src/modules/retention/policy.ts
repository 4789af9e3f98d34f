import type { Actor } from '../../server/context.js';

/** Retention and erasure are the office's decisions: coordinators only. */
export const retentionPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
