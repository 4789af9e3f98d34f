import type { Actor } from '../../server/context.js';

export const officePolicy = {
  /** Offices are created and listed by platform admins only. */
  manage: (actor: Actor) => actor.role === 'platform_admin',
  viewOwn: (actor: Actor) => actor.officeId !== null,
  updateOwn: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
