import type { Actor } from '../../server/context.js';

/** Coordinators keep categories, rule sets, approvals and the guides' hour profiles; a guide logs and submits their own. */
export const timesheetPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  own: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
  /** Who may read the office's categories: both. */
  read: (actor: Actor) =>
    actor.officeId !== null && (actor.role === 'coordinator' || (actor.role === 'guide' && actor.guideId !== null)),
};
