import type { Actor } from '../../server/context.js';

const isCoordinator = (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null;

/**
 * Rooms and bookings are the coordination office's planning ("Disposition von Räumlichkeiten"). Guides see a room
 * as the place of their event or course, never the booking plan, so they need no room API of their own.
 */
export const roomPolicy = {
  list: isCoordinator,
  manage: isCoordinator,
  book: isCoordinator,
  view: (actor: Actor, record: { officeId: string }) => isCoordinator(actor) && actor.officeId === record.officeId,
};
