import type { Actor } from '../../server/context.js';

const isCoordinator = (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null;
const isGuide = (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null;

/**
 * Coordinators run the office's events and groups and record attendance. A guide sees the events they are invited
 * to (their audience), answers them, and reads their minutes. Partners and trainers see no events.
 */
export const eventPolicy = {
  list: (actor: Actor) => isCoordinator(actor) || isGuide(actor),
  manage: isCoordinator,
  /** The guide filter of lists: a guide's own invitations only. */
  guideFilter: (actor: Actor) => (isGuide(actor) ? (actor.guideId as string) : undefined),
  view: (actor: Actor, event: { officeId: string }, invited: boolean) =>
    actor.officeId === event.officeId && (isCoordinator(actor) || (isGuide(actor) && invited)),
  rsvp: (actor: Actor, invited: boolean) => isGuide(actor) && invited,
  feed: (actor: Actor) => isCoordinator(actor) || isGuide(actor),
};
