import type { Actor } from '../../server/context.js';

/**
 * Coordinators decide and pay claims, keep bank details and the office's debtor account; a guide files and reads
 * their own claims, their own receipts and their own bank details. Nobody else sees any of it.
 */
export const expensePolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  own: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
  /** A receipt: the guide who owns the claim, or a coordinator of the office. */
  seeReceipt: (actor: Actor, claim: { guideId: string }) =>
    expensePolicy.manage(actor) || (expensePolicy.own(actor) && actor.guideId === claim.guideId),
};
