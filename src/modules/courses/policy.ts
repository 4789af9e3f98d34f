import type { Actor } from '../../server/context.js';

const isCoordinator = (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null;
const isTrainer = (actor: Actor) => actor.role === 'trainer' && actor.officeId !== null;
type CourseRef = { officeId: string; trainerIds: readonly string[]; status: string };
const closed = (course: CourseRef) => course.status === 'finished' || course.status === 'cancelled';

/**
 * Coordinators run the office's courses. A trainer sees only the courses they teach: the sessions and the names of
 * the participants (no contact or other personal data), and records attendance. A guide reads their own sessions as
 * a calendar feed.
 */
export const coursePolicy = {
  list: (actor: Actor) => isCoordinator(actor) || isTrainer(actor),
  manage: isCoordinator,
  /** The trainer filter of lists: a trainer's own courses only. */
  trainerFilter: (actor: Actor) => (isTrainer(actor) ? actor.userId : undefined),
  view: (actor: Actor, course: CourseRef) =>
    actor.officeId === course.officeId &&
    (isCoordinator(actor) || (isTrainer(actor) && course.trainerIds.includes(actor.userId))),
  recordAttendance: (actor: Actor, course: CourseRef) => coursePolicy.view(actor, course) && !closed(course),
  myCalendar: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
  abilities: (actor: Actor, course: CourseRef) => ({
    update: isCoordinator(actor),
    manageSessions: isCoordinator(actor) && !closed(course),
    enrol: isCoordinator(actor) && !closed(course),
    recordAttendance: coursePolicy.recordAttendance(actor, course),
    finish: isCoordinator(actor) && !closed(course),
  }),
};
