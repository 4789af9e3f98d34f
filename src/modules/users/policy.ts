import type { Actor } from '../../server/context.js';

export const userPolicy = {
  /** Coordinators manage the accounts of their own office. */
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  disable: (actor: Actor, user: { id: string; officeId: string | null }) =>
    actor.role === 'coordinator' && actor.officeId === user.officeId && actor.userId !== user.id,
};
