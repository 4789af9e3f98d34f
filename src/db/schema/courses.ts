/** Courses (Kurse), their sessions and trainers, enrolments with a waiting list, and attendance per session. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { COURSE_STATUSES, COURSE_TYPES, DEFAULT_COMPLETION_PERCENT, ENROLMENT_STATUSES } from '../../shared/courses.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';

export const courses = pgTable(
  'courses',
  {
    id: id(),
    officeId: officeId(),
    title: text('title').notNull(),
    type: text('type', { enum: COURSE_TYPES }).notNull(),
    description: text('description'),
    /** Teaching units (UE, 45 minutes) of the whole course: the base of the completion rule. */
    teachingUnits: integer('teaching_units').notNull(),
    capacity: integer('capacity').notNull(),
    feeCents: integer('fee_cents'),
    completionMinAttendancePercent: integer('completion_min_attendance_percent')
      .notNull()
      .default(DEFAULT_COMPLETION_PERCENT),
    /** Specialisation key (office reference data) a completed specialisation module adds to the guide. */
    grantsSpecialisation: text('grants_specialisation'),
    status: text('status', { enum: COURSE_STATUSES }).notNull().default('draft'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('courses_type_check', t.type, COURSE_TYPES),
    oneOf('courses_status_check', t.status, COURSE_STATUSES),
    check('courses_teaching_units_check', sql`${t.teachingUnits} > 0`),
    check('courses_capacity_check', sql`${t.capacity} > 0`),
    check('courses_fee_check', sql`${t.feeCents} is null or ${t.feeCents} >= 0`),
    check('courses_completion_percent_check', sql`${t.completionMinAttendancePercent} between 1 and 100`),
    index('courses_office_status_idx').on(t.officeId, t.status),
  ],
);

/** The trainer accounts of a course: they see it, its sessions and its participants' names, and record attendance. */
export const courseTrainers = pgTable(
  'course_trainers',
  {
    officeId: officeId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index('course_trainers_user_idx').on(t.userId)],
);

export const courseSessions = pgTable(
  'course_sessions',
  {
    id: id(),
    officeId: officeId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room'),
    topic: text('topic'),
    teachingUnits: integer('teaching_units').notNull().default(0),
    /** Who teaches this session, as printed. */
    trainerNames: text('trainer_names'),
    /** Set by the daily reminder job once the "tomorrow" mails are queued, so a session is reminded once. */
    reminderQueuedAt: timestamp('reminder_queued_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('course_sessions_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('course_sessions_units_check', sql`${t.teachingUnits} >= 0`),
    index('course_sessions_course_idx').on(t.courseId, t.startsAt),
    index('course_sessions_office_start_idx').on(t.officeId, t.startsAt),
  ],
);

export const courseEnrolments = pgTable(
  'course_enrolments',
  {
    id: id(),
    officeId: officeId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
    /** Order on the waiting list (lower moves up first); null unless waitlisted. */
    waitlistPosition: integer('waitlist_position'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('course_enrolments_status_check', t.status, ENROLMENT_STATUSES),
    unique('course_enrolments_course_guide_key').on(t.courseId, t.guideId),
    check('course_enrolments_waitlist_check', sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} is not null)`),
    index('course_enrolments_guide_idx').on(t.guideId),
  ],
);

export const courseAttendance = pgTable(
  'course_attendance',
  {
    id: id(),
    officeId: officeId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => courseEnrolments.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    minutesMissed: integer('minutes_missed').notNull().default(0),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('course_attendance_session_guide_key').on(t.sessionId, t.guideId),
    check('course_attendance_minutes_check', sql`${t.minutesMissed} >= 0`),
    index('course_attendance_enrolment_idx').on(t.enrolmentId),
    index('course_attendance_guide_idx').on(t.guideId),
  ],
);
