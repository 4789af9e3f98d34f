import type { Actor } from '../../server/context.js';

/**
 * The office's coordinators decide whether and how it appears in the public directory; the directory itself is
 * public and needs no policy (it shows only what offices chose to publish, and no person).
 */
export const directoryPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
