/**
 * Courses (Kurse): the basic qualification, specialisation, sustainability and further-training modules an office
 * runs, their sessions, enrolments with a waiting list, and attendance per session. Completion is a pure rule in
 * domain/courses/completion.ts.
 */
import { z } from 'zod';
import { abilities, isoDateTime, isoDateTimeOut, optionalText, pagination, shortText } from './common.js';

export const COURSE_TYPES = ['basic', 'specialisation', 'sustainability', 'further_training'] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const COURSE_STATUSES = ['draft', 'open', 'running', 'finished', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'not_completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** Enrolments that hold a place in the course (count against its capacity). */
export const PLACE_HOLDING_STATUSES = ['enrolled', 'completed', 'not_completed'] as const;

/** One teaching unit (Unterrichtseinheit, UE) is 45 minutes. */
export const MINUTES_PER_TEACHING_UNIT = 45;
/** The completion rule when the office says nothing else: attendance of at least 80 % of the course's UE. */
export const DEFAULT_COMPLETION_PERCENT = 80;
/** A sustainability module may be taken only this many months after the guide's first activity. */
export const SUSTAINABILITY_MONTHS_AFTER_FIRST_ACTIVITY = 6;

const referenceKey = z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' });
const unique = (items: string[]) => new Set(items).size === items.length;

const courseFields = {
  title: shortText(200),
  type: z.enum(COURSE_TYPES),
  description: optionalText(4000),
  /** The course's teaching units (UE of 45 minutes) in total: the base of the completion rule. */
  teachingUnits: z.number().int().min(1).max(500),
  capacity: z.number().int().min(1).max(500),
  /** Participant fee in cents; null when free. */
  feeCents: z.number().int().min(0).max(10_000_000).nullable(),
  completionMinAttendancePercent: z.number().int().min(1).max(100),
  /** The specialisation (office reference key) a completed specialisation module adds to the guide. */
  grantsSpecialisation: referenceKey.nullable(),
  /** Trainer accounts (role trainer or coordinator) of the office. */
  trainerIds: z.array(z.uuid()).max(10).refine(unique, { message: 'validation.duplicate' }),
};

export const courseCreateInput = z.strictObject({
  ...courseFields,
  feeCents: courseFields.feeCents.optional(),
  completionMinAttendancePercent: courseFields.completionMinAttendancePercent.optional(),
  grantsSpecialisation: courseFields.grantsSpecialisation.optional(),
  trainerIds: courseFields.trainerIds.optional(),
  status: z.enum(['draft', 'open']).optional(),
});
export type CourseCreateInput = z.infer<typeof courseCreateInput>;

export const coursePatchInput = z
  .strictObject({ ...courseFields, status: z.enum(COURSE_STATUSES) })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export type CoursePatchInput = z.infer<typeof coursePatchInput>;

export const courseListQuery = z.strictObject({
  status: z.enum(COURSE_STATUSES).optional(),
  type: z.enum(COURSE_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  ...pagination,
});

const sessionFields = {
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  room: optionalText(200),
  topic: optionalText(300),
  /** UE taught in this session. */
  teachingUnits: z.number().int().min(0).max(20),
  /** Who teaches this session, as printed (free text; the course's trainer accounts hold the access). */
  trainerNames: optionalText(300),
  /**
   * One of the office's rooms, booked for the session (issue 12 §2; its name fills `room`). On a change: null
   * releases the booking, absent keeps it (a moved session moves its booking).
   */
  roomId: z.uuid().nullable().optional(),
};
const endsAfterStart = (s: { startsAt?: string; endsAt?: string }) =>
  !s.startsAt || !s.endsAt || new Date(s.endsAt) > new Date(s.startsAt);

export const courseSessionInput = z
  .strictObject(sessionFields)
  .refine(endsAfterStart, { message: 'validation.endBeforeStart', path: ['endsAt'] });
export type CourseSessionInput = z.infer<typeof courseSessionInput>;
export const courseSessionPatchInput = z
  .strictObject(sessionFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' })
  .refine(endsAfterStart, { message: 'validation.endBeforeStart', path: ['endsAt'] });

export const courseSessionParams = z.strictObject({ id: z.uuid(), sessionId: z.uuid() });
export const courseEnrolmentParams = z.strictObject({ id: z.uuid(), enrolmentId: z.uuid() });

export const enrolmentCreateInput = z.strictObject({ guideId: z.uuid() });

export const attendanceRowInput = z.strictObject({
  guideId: z.uuid(),
  present: z.boolean(),
  minutesMissed: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
/** The whole attendance of one session at once (the paper list typed in, or ticked on a phone in the room). */
export const attendanceInput = z.strictObject({
  rows: z
    .array(attendanceRowInput)
    .min(1)
    .max(500)
    .refine((rows) => unique(rows.map((r) => r.guideId)), { message: 'validation.duplicate' }),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const courseTrainerSchema = z.object({ id: z.uuid(), name: z.string() });

export const courseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.enum(COURSE_TYPES),
  description: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  teachingUnits: z.number().int(),
  capacity: z.number().int(),
  feeCents: z.number().int().nullable(),
  completionMinAttendancePercent: z.number().int(),
  grantsSpecialisation: z.string().nullable(),
  trainers: z.array(courseTrainerSchema),
  sessionCount: z.number().int(),
  firstSessionAt: isoDateTimeOut.nullable(),
  lastSessionAt: isoDateTimeOut.nullable(),
  enrolledCount: z.number().int(),
  waitlistCount: z.number().int(),
  createdAt: isoDateTimeOut,
  abilities,
});
export type Course = z.infer<typeof courseSchema>;

export const courseSessionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  startsAt: isoDateTimeOut,
  endsAt: isoDateTimeOut,
  room: z.string().nullable(),
  topic: z.string().nullable(),
  teachingUnits: z.number().int(),
  trainerNames: z.string().nullable(),
});
export type CourseSession = z.infer<typeof courseSessionSchema>;

/** An enrolment names the guide only: trainers see no contact or other personal data. */
export const enrolmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  guideId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  /** 1, 2, 3 … on the waiting list; null otherwise. */
  waitlistPosition: z.number().int().nullable(),
  enrolledAt: isoDateTimeOut,
  completedAt: isoDateTimeOut.nullable(),
  /** UE attended so far (session UE minus minutes missed / 45), rounded to two decimals. */
  attendedUnits: z.number(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const attendanceSchema = z.object({
  sessionId: z.uuid(),
  guideId: z.uuid(),
  present: z.boolean(),
  minutesMissed: z.number().int(),
  recordedAt: isoDateTimeOut,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const courseDetailSchema = z.object({
  course: courseSchema,
  sessions: z.array(courseSessionSchema),
  enrolments: z.array(enrolmentSchema),
  attendance: z.array(attendanceSchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

/** The outcome of finishing a course: who completed, who did not. */
export const courseFinishResultSchema = z.object({
  course: courseSchema,
  completed: z.array(z.uuid()),
  notCompleted: z.array(z.uuid()),
});

/** A session of one of the signed-in guide's courses, with their own attendance as recorded (null: not yet). */
export const myCourseSessionSchema = courseSessionSchema.extend({
  attendance: z.enum(['present', 'absent']).nullable(),
  minutesMissed: z.number().int(),
});

/** "Meine Kurse": one of the guide's enrolments with the sessions and their progress towards completion. */
export const myCourseSchema = z.object({
  enrolmentId: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  type: z.enum(COURSE_TYPES),
  courseStatus: z.enum(COURSE_STATUSES),
  enrolmentStatus: z.enum(ENROLMENT_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  teachingUnits: z.number().int(),
  completionMinAttendancePercent: z.number().int(),
  /** UE attended so far and UE needed to complete (the course's rule). */
  attendedUnits: z.number(),
  requiredUnits: z.number(),
  sessions: z.array(myCourseSessionSchema),
});
export type MyCourse = z.infer<typeof myCourseSchema>;
export const myCoursesSchema = z.object({ items: z.array(myCourseSchema), total: z.number().int() });

/** An upcoming session in the office's agenda (courses page). */
export const agendaItemSchema = courseSessionSchema.extend({
  courseTitle: z.string(),
  courseType: z.enum(COURSE_TYPES),
});
export const agendaQuery = z.strictObject({
  from: isoDateTime.optional(),
  days: z.coerce.number().int().min(1).max(366).default(62),
});

/** Problem codes of this capability. */
export const COURSE_PROBLEM_CODES = [
  'notEligibleYet',
  'alreadyEnrolled',
  'courseClosed',
  'guideNotActiveForCourse',
  'courseHasNoSessions',
  'notEnrolled',
  'unknownTrainer',
  'unknownSpecialisation',
  'courseFinished',
] as const;
