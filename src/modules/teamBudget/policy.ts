import type { Actor } from '../../server/context.js';

/** Only the office's coordinators see and share out the team budget. */
export const teamBudgetPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
