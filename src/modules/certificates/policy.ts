import type { Actor } from '../../server/context.js';

/** Coordinators issue, print and withdraw certificates and keep the funding figures; a guide reads their own. */
export const certificatePolicy = {
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  /** The attendance list: coordinators and trainers (which course is checked with the course, see CourseService). */
  attendanceList: (actor: Actor) =>
    (actor.role === 'coordinator' || actor.role === 'trainer') && actor.officeId !== null,
  own: (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null,
};
