import type { Actor } from '../../server/context.js';
import type {
  Attendance,
  Course,
  CourseSession,
  CourseStatus,
  CourseType,
  Enrolment,
  EnrolmentStatus,
} from '../../shared/courses.js';
import { coursePolicy } from './policy.js';
import type { AttendanceRow, CourseRow, CourseStats, EnrolmentRow, SessionRow } from './repository.js';

export function presentCourse(actor: Actor, row: CourseRow, stats: CourseStats): Course {
  return {
    id: row.id,
    title: row.title,
    type: row.type as CourseType,
    description: row.description,
    status: row.status as CourseStatus,
    teachingUnits: row.teachingUnits,
    capacity: row.capacity,
    feeCents: row.feeCents,
    completionMinAttendancePercent: row.completionMinAttendancePercent,
    grantsSpecialisation: row.grantsSpecialisation,
    trainers: stats.trainers,
    sessionCount: stats.sessionCount,
    firstSessionAt: stats.firstSessionAt ? new Date(stats.firstSessionAt).toISOString() : null,
    lastSessionAt: stats.lastSessionAt ? new Date(stats.lastSessionAt).toISOString() : null,
    enrolledCount: stats.enrolledCount,
    waitlistCount: stats.waitlistCount,
    createdAt: row.createdAt.toISOString(),
    abilities: coursePolicy.abilities(actor, {
      officeId: row.officeId,
      status: row.status,
      trainerIds: stats.trainers.map((t) => t.id),
    }),
  };
}

export const presentSession = (row: SessionRow): CourseSession => ({
  id: row.id,
  courseId: row.courseId,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  room: row.room,
  topic: row.topic,
  teachingUnits: row.teachingUnits,
  trainerNames: row.trainerNames,
});

/** Names only: no contact or other personal data of the guide (trainers read this too). */
export const presentEnrolment = (row: EnrolmentRow, attendedUnits: number): Enrolment => ({
  id: row.id,
  courseId: row.courseId,
  guideId: row.guideId,
  firstName: row.firstName,
  lastName: row.lastName,
  status: row.status as EnrolmentStatus,
  waitlistPosition: row.waitlistPosition,
  enrolledAt: row.enrolledAt.toISOString(),
  completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  attendedUnits,
});

export const presentAttendance = (row: AttendanceRow): Attendance => ({
  sessionId: row.sessionId,
  guideId: row.guideId,
  present: row.present,
  minutesMissed: row.minutesMissed,
  recordedAt: row.recordedAt.toISOString(),
});
