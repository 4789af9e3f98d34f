import type { Actor } from '../../server/context.js';

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;

/** Recruitment is the coordination office's work: coordinators only, in their own office. */
export const recruitmentPolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  view: (actor: Actor, applicant: { officeId: string }) => isCoordinatorOf(actor, applicant.officeId),
  abilities: (actor: Actor, applicant: { officeId: string; guideId: string | null; status: string }) => {
    const mine = isCoordinatorOf(actor, applicant.officeId);
    return {
      step: mine,
      converse: mine && applicant.status !== 'dropped_out',
      accept: mine && !applicant.guideId && ['conversation_held', 'enrolled', 'certified'].includes(applicant.status),
      delete: mine,
    };
  },
};
