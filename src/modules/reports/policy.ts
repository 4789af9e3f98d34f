import type { Actor } from '../../server/context.js';

/** The office's figures are the coordination's reporting duty; guides, partners and trainers see none of them. */
export const reportPolicy = {
  office: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};
