import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  max,
  min,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  activities,
  assignments,
  courseAttendance,
  courseEnrolments,
  courseSessions,
  courses,
  courseTrainers,
  guides,
  specializations,
  users,
} from '../../db/schema/index.js';
import { PLACE_HOLDING_STATUSES } from '../../shared/courses.js';

export type CourseRow = typeof courses.$inferSelect;
export type SessionRow = typeof courseSessions.$inferSelect;
export type EnrolmentRow = typeof courseEnrolments.$inferSelect & { firstName: string; lastName: string };
export type AttendanceRow = typeof courseAttendance.$inferSelect;
export type CourseStats = {
  trainers: { id: string; name: string }[];
  sessionCount: number;
  firstSessionAt: Date | null;
  lastSessionAt: Date | null;
  enrolledCount: number;
  waitlistCount: number;
};
export type CourseWithStats = CourseRow & CourseStats;

const courseEnrolmentColumns = getTableColumns(courseEnrolments);
const courseAttendanceColumns = getTableColumns(courseAttendance);
const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const courseRepository = {
  async list(
    tx: Tx,
    officeId: string,
    q: { status?: string; type?: string; q?: string; limit: number; offset: number; trainerUserId?: string },
  ) {
    const where: SQL[] = [eq(courses.officeId, officeId)];
    if (q.status) where.push(eq(courses.status, q.status as CourseRow['status']));
    if (q.type) where.push(eq(courses.type, q.type as CourseRow['type']));
    if (q.q) where.push(ilike(courses.title, escapeLike(q.q)));
    if (q.trainerUserId)
      where.push(
        inArray(
          courses.id,
          tx
            .select({ id: courseTrainers.courseId })
            .from(courseTrainers)
            .where(eq(courseTrainers.userId, q.trainerUserId)),
        ),
      );
    const firstSession = sql`(select min(s.starts_at) from course_sessions s where s.course_id = ${courses.id})`;
    const rows = await tx
      .select()
      .from(courses)
      .where(and(...where))
      .orderBy(sql`${firstSession} desc nulls first`, asc(courses.title))
      .limit(q.limit)
      .offset(q.offset);
    const [{ total }] = await tx
      .select({ total: count() })
      .from(courses)
      .where(and(...where));
    return { rows, total };
  },

  find: async (tx: Tx, id: string) => (await tx.select().from(courses).where(eq(courses.id, id)).limit(1))[0],
  /** Locks the course row: enrolments, withdrawals and finishing of one course run one after the other. */
  lock: async (tx: Tx, id: string) =>
    (await tx.select().from(courses).where(eq(courses.id, id)).for('update').limit(1))[0],
  insert: async (tx: Tx, row: typeof courses.$inferInsert) => (await tx.insert(courses).values(row).returning())[0],
  update: async (tx: Tx, id: string, values: Partial<typeof courses.$inferInsert>) =>
    (await tx.update(courses).set(values).where(eq(courses.id, id)).returning())[0],

  specialisationExists: async (tx: Tx, officeId: string, key: string) =>
    (
      await tx
        .select({ key: specializations.key })
        .from(specializations)
        .where(and(eq(specializations.officeId, officeId), eq(specializations.key, key)))
        .limit(1)
    ).length > 0,
  trainerIds: async (tx: Tx, courseId: string) =>
    (
      await tx.select({ id: courseTrainers.userId }).from(courseTrainers).where(eq(courseTrainers.courseId, courseId))
    ).map((r) => r.id),
  async setTrainers(tx: Tx, officeId: string, courseId: string, userIds: string[]) {
    await tx.delete(courseTrainers).where(eq(courseTrainers.courseId, courseId));
    if (userIds.length)
      await tx.insert(courseTrainers).values(userIds.map((userId) => ({ officeId, courseId, userId })));
  },
  /** Of the given ids, those that are active trainer or coordinator accounts of the office. */
  async validTrainerIds(tx: Tx, officeId: string, ids: string[]) {
    if (!ids.length) return [];
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, ids),
          eq(users.officeId, officeId),
          inArray(users.role, ['trainer', 'coordinator']),
          isNull(users.disabledAt),
        ),
      );
    return rows.map((r) => r.id);
  },

  /** Trainers, session dates and head counts of the given courses. */
  async stats(tx: Tx, ids: string[]): Promise<Map<string, CourseStats>> {
    const out = new Map<string, CourseStats>();
    for (const id of ids)
      out.set(id, {
        trainers: [],
        sessionCount: 0,
        firstSessionAt: null,
        lastSessionAt: null,
        enrolledCount: 0,
        waitlistCount: 0,
      });
    if (!ids.length) return out;
    const trainerRows = await tx
      .select({ courseId: courseTrainers.courseId, id: users.id, name: users.displayName })
      .from(courseTrainers)
      .innerJoin(users, eq(users.id, courseTrainers.userId))
      .where(inArray(courseTrainers.courseId, ids))
      .orderBy(asc(users.displayName));
    for (const t of trainerRows) out.get(t.courseId)?.trainers.push({ id: t.id, name: t.name });
    const sessionRows = await tx
      .select({
        courseId: courseSessions.courseId,
        n: count(),
        first: min(courseSessions.startsAt),
        last: max(courseSessions.startsAt),
      })
      .from(courseSessions)
      .where(inArray(courseSessions.courseId, ids))
      .groupBy(courseSessions.courseId);
    for (const s of sessionRows) {
      const stats = out.get(s.courseId);
      if (stats) Object.assign(stats, { sessionCount: s.n, firstSessionAt: s.first, lastSessionAt: s.last });
    }
    const enrolmentRows = await tx
      .select({ courseId: courseEnrolments.courseId, status: courseEnrolments.status, n: count() })
      .from(courseEnrolments)
      .where(inArray(courseEnrolments.courseId, ids))
      .groupBy(courseEnrolments.courseId, courseEnrolments.status);
    for (const e of enrolmentRows) {
      const stats = out.get(e.courseId);
      if (!stats) continue;
      if ((PLACE_HOLDING_STATUSES as readonly string[]).includes(e.status)) stats.enrolledCount += e.n;
      if (e.status === 'waitlisted') stats.waitlistCount += e.n;
    }
    return out;
  },

  sessions: (tx: Tx, courseId: string) =>
    tx.select().from(courseSessions).where(eq(courseSessions.courseId, courseId)).orderBy(asc(courseSessions.startsAt)),
  findSession: async (tx: Tx, courseId: string, sessionId: string) =>
    (
      await tx
        .select()
        .from(courseSessions)
        .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, courseId)))
        .limit(1)
    )[0],
  insertSession: async (tx: Tx, row: typeof courseSessions.$inferInsert) =>
    (await tx.insert(courseSessions).values(row).returning())[0],
  updateSession: async (tx: Tx, id: string, values: Partial<typeof courseSessions.$inferInsert>) =>
    (await tx.update(courseSessions).set(values).where(eq(courseSessions.id, id)).returning())[0],
  deleteSession: (tx: Tx, id: string) => tx.delete(courseSessions).where(eq(courseSessions.id, id)),
  attendanceCount: async (tx: Tx, sessionId: string) =>
    (await tx.select({ n: count() }).from(courseAttendance).where(eq(courseAttendance.sessionId, sessionId)))[0].n,

  enrolments: (tx: Tx, courseId: string): Promise<EnrolmentRow[]> =>
    tx
      .select({ ...courseEnrolmentColumns, firstName: guides.firstName, lastName: guides.lastName })
      .from(courseEnrolments)
      .innerJoin(guides, eq(guides.id, courseEnrolments.guideId))
      .where(eq(courseEnrolments.courseId, courseId))
      .orderBy(
        sql`case ${courseEnrolments.status} when 'waitlisted' then 1 when 'withdrawn' then 2 else 0 end`,
        asc(courseEnrolments.waitlistPosition),
        asc(guides.lastName),
        asc(guides.firstName),
      ),
  findEnrolment: async (tx: Tx, courseId: string, id: string) =>
    (
      await tx
        .select()
        .from(courseEnrolments)
        .where(and(eq(courseEnrolments.id, id), eq(courseEnrolments.courseId, courseId)))
        .limit(1)
    )[0],
  enrolmentOf: async (tx: Tx, courseId: string, guideId: string) =>
    (
      await tx
        .select()
        .from(courseEnrolments)
        .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.guideId, guideId)))
        .limit(1)
    )[0],
  async placesTaken(tx: Tx, courseId: string) {
    const [row] = await tx
      .select({ n: count() })
      .from(courseEnrolments)
      .where(
        and(eq(courseEnrolments.courseId, courseId), inArray(courseEnrolments.status, [...PLACE_HOLDING_STATUSES])),
      );
    return row.n;
  },
  async nextWaitlistPosition(tx: Tx, courseId: string) {
    const [row] = await tx
      .select({ p: max(courseEnrolments.waitlistPosition) })
      .from(courseEnrolments)
      .where(eq(courseEnrolments.courseId, courseId));
    return (row?.p ?? 0) + 1;
  },
  firstWaitlisted: async (tx: Tx, courseId: string) =>
    (
      await tx
        .select()
        .from(courseEnrolments)
        .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'waitlisted')))
        .orderBy(asc(courseEnrolments.waitlistPosition))
        .limit(1)
    )[0],
  upsertEnrolment: async (tx: Tx, row: typeof courseEnrolments.$inferInsert) =>
    (
      await tx
        .insert(courseEnrolments)
        .values(row)
        .onConflictDoUpdate({
          target: [courseEnrolments.courseId, courseEnrolments.guideId],
          set: {
            status: row.status,
            waitlistPosition: row.waitlistPosition ?? null,
            enrolledAt: row.enrolledAt,
            withdrawnAt: null,
            completedAt: null,
            updatedAt: row.enrolledAt,
          },
        })
        .returning()
    )[0],
  updateEnrolment: async (tx: Tx, id: string, values: Partial<typeof courseEnrolments.$inferInsert>) =>
    (await tx.update(courseEnrolments).set(values).where(eq(courseEnrolments.id, id)).returning())[0],

  attendance: (tx: Tx, courseId: string) =>
    tx
      .select({ ...courseAttendanceColumns })
      .from(courseAttendance)
      .innerJoin(courseSessions, eq(courseSessions.id, courseAttendance.sessionId))
      .where(eq(courseSessions.courseId, courseId)),
  async upsertAttendance(tx: Tx, rows: (typeof courseAttendance.$inferInsert)[]) {
    if (!rows.length) return;
    await tx
      .insert(courseAttendance)
      .values(rows)
      .onConflictDoUpdate({
        target: [courseAttendance.sessionId, courseAttendance.guideId],
        set: {
          present: sql`excluded.present`,
          minutesMissed: sql`excluded.minutes_missed`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`excluded.recorded_at`,
        },
      });
  },

  /**
   * The day of a guide's first activity: the earliest logged activity or the start of a deployment that ran (active
   * or closed). Null when there is none (a guide with no activity at all is not eligible for a sustainability module).
   */
  async firstActivityDate(tx: Tx, guideId: string): Promise<string | null> {
    const [a] = await tx
      .select({ d: min(activities.date) })
      .from(activities)
      .where(eq(activities.guideId, guideId));
    const [d] = await tx
      .select({ d: sql<string | null>`min((${assignments.startedAt} at time zone 'Europe/Berlin')::date)::text` })
      .from(assignments)
      .where(and(eq(assignments.guideId, guideId), ne(assignments.status, 'pending_agreement')));
    const dates = [a?.d ?? null, d?.d ?? null].filter((x): x is string => Boolean(x)).sort();
    return dates[0] ?? null;
  },

  /** Sessions of the courses a guide holds a place in (not cancelled courses), for their calendar feed. */
  guideSessions: (tx: Tx, guideId: string) =>
    tx
      .select({ session: courseSessions, course: courses })
      .from(courseSessions)
      .innerJoin(courses, eq(courses.id, courseSessions.courseId))
      .innerJoin(
        courseEnrolments,
        and(eq(courseEnrolments.courseId, courses.id), eq(courseEnrolments.guideId, guideId)),
      )
      .where(and(inArray(courseEnrolments.status, [...PLACE_HOLDING_STATUSES]), ne(courses.status, 'cancelled')))
      .orderBy(asc(courseSessions.startsAt)),

  /** The guide's enrolments other than withdrawn ones, with their courses, newest course first. */
  guideEnrolments: (tx: Tx, guideId: string) =>
    tx
      .select({ enrolment: courseEnrolments, course: courses })
      .from(courseEnrolments)
      .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
      .where(and(eq(courseEnrolments.guideId, guideId), ne(courseEnrolments.status, 'withdrawn')))
      .orderBy(sql`${courseEnrolments.enrolledAt} desc`),

  sessionsOfCourses: (tx: Tx, courseIds: string[]) =>
    courseIds.length === 0
      ? Promise.resolve([] as SessionRow[])
      : tx
          .select()
          .from(courseSessions)
          .where(inArray(courseSessions.courseId, courseIds))
          .orderBy(asc(courseSessions.startsAt)),

  guideAttendance: (tx: Tx, guideId: string) =>
    tx.select(courseAttendanceColumns).from(courseAttendance).where(eq(courseAttendance.guideId, guideId)),

  /** Upcoming sessions of the office (or of a trainer's courses) between two instants. */
  agenda: (tx: Tx, officeId: string, from: Date, to: Date, trainerUserId?: string) =>
    tx
      .select({ session: courseSessions, course: courses })
      .from(courseSessions)
      .innerJoin(courses, eq(courses.id, courseSessions.courseId))
      .where(
        and(
          eq(courseSessions.officeId, officeId),
          gte(courseSessions.startsAt, from),
          lt(courseSessions.startsAt, to),
          ne(courses.status, 'cancelled'),
          trainerUserId
            ? inArray(
                courses.id,
                tx
                  .select({ id: courseTrainers.courseId })
                  .from(courseTrainers)
                  .where(eq(courseTrainers.userId, trainerUserId)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(courseSessions.startsAt))
      .limit(500),
};
