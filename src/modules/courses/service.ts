import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { completion } from '../../domain/courses/completion.js';
import { addDays } from '../../domain/dates.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type {
  agendaQuery,
  CourseCreateInput,
  CoursePatchInput,
  CourseSessionInput,
  courseListQuery,
  courseSessionPatchInput,
  MyCourse,
} from '../../shared/courses.js';
import { recordAudit } from '../audit/recorder.js';
import { syncSessionRoom } from '../rooms/sessionBookings.js';
import { settingsRepository } from '../settings/repository.js';
import { calendarFileName, courseCalendar } from './calendar.js';
import { attendanceOf, EnrolmentCommands } from './enrolments.js';
import { queueCourseMail } from './mails.js';
import { coursePolicy as policy } from './policy.js';
import { presentCourse, presentEnrolment, presentSession } from './presenter.js';
import { type CourseRow, courseRepository as repo } from './repository.js';

export class CourseService {
  readonly enrolments: EnrolmentCommands;

  constructor(private readonly ctx: AppContext) {
    this.enrolments = new EnrolmentCommands(ctx, this);
  }

  scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  /** The course if the actor may see it (404 otherwise, never revealing that it exists). */
  async load(tx: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
    const row = opts.lock ? await repo.lock(tx, id) : await repo.find(tx, id);
    if (!row) throw notFound();
    const trainerIds = await repo.trainerIds(tx, id);
    if (!policy.view(actor, { ...row, trainerIds })) throw notFound();
    return { row, trainerIds };
  }

  async present(tx: Tx, actor: Actor, row: CourseRow) {
    const stats = (await repo.stats(tx, [row.id])).get(row.id);
    if (!stats) throw notFound();
    return presentCourse(actor, row, stats);
  }

  list(actor: Actor, q: z.output<typeof courseListQuery>) {
    if (!policy.list(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { rows, total } = await repo.list(tx, officeId, { ...q, trainerUserId: policy.trainerFilter(actor) });
      const stats = await repo.stats(
        tx,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => presentCourse(actor, r, stats.get(r.id) as NonNullable<ReturnType<typeof stats.get>>)),
        total,
      };
    });
  }

  private async checkReferences(
    tx: Tx,
    officeId: string,
    input: { trainerIds?: string[]; grantsSpecialisation?: string | null },
  ) {
    if (input.trainerIds?.length) {
      const valid = new Set(await repo.validTrainerIds(tx, officeId, input.trainerIds));
      const bad = input.trainerIds.findIndex((id) => !valid.has(id));
      if (bad >= 0) throw invalidField(`trainerIds.${bad}`, 'trainerUnknown');
    }
    if (input.grantsSpecialisation && !(await repo.specialisationExists(tx, officeId, input.grantsSpecialisation)))
      throw invalidField('grantsSpecialisation', 'specializationUnknown');
  }

  create(actor: Actor, input: CourseCreateInput) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.checkReferences(tx, officeId, input);
      const { trainerIds = [], ...values } = input;
      // The office's default completion rule, copied into the course: a later change of the default leaves it be.
      const completionMinAttendancePercent =
        values.completionMinAttendancePercent ??
        (await settingsRepository.get(tx, officeId)).courses.completionMinAttendancePercent;
      const row = await repo.insert(tx, {
        officeId,
        ...values,
        completionMinAttendancePercent,
        feeCents: values.feeCents ?? null,
        grantsSpecialisation: values.grantsSpecialisation ?? null,
        description: values.description ?? null,
        status: values.status ?? 'draft',
      });
      await repo.setTrainers(tx, officeId, row.id, trainerIds);
      await recordAudit(tx, actor, {
        action: 'course.created',
        entityType: 'course',
        entityId: row.id,
        changes: { title: row.title, type: row.type },
      });
      return this.present(tx, actor, row);
    });
  }

  get(actor: Actor, id: string) {
    if (!policy.list(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const { row } = await this.load(tx, actor, id);
      return this.detail(tx, actor, row);
    });
  }

  async detail(tx: Tx, actor: Actor, row: CourseRow) {
    const [sessions, enrolments, attendance] = [
      await repo.sessions(tx, row.id),
      await repo.enrolments(tx, row.id),
      await repo.attendance(tx, row.id),
    ];
    const units = attendanceOf(sessions, attendance);
    return {
      course: await this.present(tx, actor, row),
      sessions: sessions.map(presentSession),
      enrolments: enrolments.map((e) => presentEnrolment(e, units(e.guideId))),
      attendance: attendance.map((a) => ({
        sessionId: a.sessionId,
        guideId: a.guideId,
        present: a.present,
        minutesMissed: a.minutesMissed,
        recordedAt: a.recordedAt.toISOString(),
      })),
    };
  }

  async update(actor: Actor, id: string, input: CoursePatchInput) {
    if (!policy.manage(actor)) throw forbidden();
    const { course, mailIds } = await this.scope(actor, async (tx, officeId) => {
      const { row: before } = await this.load(tx, actor, id, { lock: true });
      // A finished course is evidence (completions, certificates): it is not changed any more.
      if (before.status === 'finished') throw new AppError(409, 'course_closed');
      if (input.status === 'finished') throw invalidField('status', 'useFinish');
      await this.checkReferences(tx, officeId, input);
      const { trainerIds, ...values } = input;
      const row = await repo.update(tx, id, { ...values, updatedAt: this.ctx.now() });
      if (trainerIds) await repo.setTrainers(tx, officeId, id, trainerIds);
      await recordAudit(tx, actor, {
        action: 'course.updated',
        entityType: 'course',
        entityId: id,
        changes: { title: row.title, ...(input.status ? { status: input.status } : {}) },
      });
      // Everyone holding a place or waiting for one learns that the course does not take place.
      const mailIds: string[] = [];
      if (input.status === 'cancelled' && before.status !== 'cancelled')
        for (const e of await repo.enrolments(tx, id))
          if (e.status === 'enrolled' || e.status === 'waitlisted') {
            const mailId = await queueCourseMail(this.ctx, tx, row, e.guideId, 'cancelled');
            if (mailId) mailIds.push(mailId);
          }
      return { course: await this.present(tx, actor, row), mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return course;
  }

  private async openForChanges(tx: Tx, actor: Actor, id: string) {
    const { row } = await this.load(tx, actor, id, { lock: true });
    if (row.status === 'finished' || row.status === 'cancelled') throw new AppError(409, 'course_closed');
    return row;
  }

  addSession(actor: Actor, id: string, input: CourseSessionInput) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const course = await this.openForChanges(tx, actor, id);
      let row = await repo.insertSession(tx, {
        officeId,
        courseId: course.id,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        room: input.room ?? null,
        topic: input.topic ?? null,
        teachingUnits: input.teachingUnits,
        trainerNames: input.trainerNames ?? null,
      });
      if (input.roomId) {
        const booked = await syncSessionRoom(tx, {
          officeId,
          sessionId: row.id,
          roomId: input.roomId,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          title: course.title,
          bookedBy: recordedUserId(actor),
          now: this.ctx.now(),
        });
        if (booked) row = await repo.updateSession(tx, row.id, { room: booked.roomName });
      }
      await recordAudit(tx, actor, {
        action: 'course.session_added',
        entityType: 'course',
        entityId: course.id,
        changes: { date: input.startsAt },
      });
      return presentSession(row);
    });
  }

  updateSession(actor: Actor, id: string, sessionId: string, input: z.output<typeof courseSessionPatchInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const course = await this.openForChanges(tx, actor, id);
      const before = await repo.findSession(tx, course.id, sessionId);
      if (!before) throw notFound();
      const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
      if (endsAt <= startsAt) throw invalidField('endsAt', 'endBeforeStart');
      const { roomId, ...fields } = input;
      const booked = await syncSessionRoom(tx, {
        officeId: course.officeId,
        sessionId,
        roomId,
        startsAt,
        endsAt,
        title: course.title,
        bookedBy: recordedUserId(actor),
        now: this.ctx.now(),
      });
      const row = await repo.updateSession(tx, sessionId, {
        ...fields,
        ...(booked ? { room: booked.roomName } : {}),
        startsAt,
        endsAt,
        // A moved session is reminded again.
        ...(input.startsAt ? { reminderQueuedAt: null } : {}),
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'course.session_updated',
        entityType: 'course',
        entityId: course.id,
        changes: { date: row.startsAt.toISOString() },
      });
      return presentSession(row);
    });
  }

  deleteSession(actor: Actor, id: string, sessionId: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const course = await this.openForChanges(tx, actor, id);
      const session = await repo.findSession(tx, course.id, sessionId);
      if (!session) throw notFound();
      // Recorded attendance is evidence: a session with attendance stays.
      if ((await repo.attendanceCount(tx, sessionId)) > 0) throw new AppError(409, 'course_session_has_attendance');
      await repo.deleteSession(tx, sessionId);
      await recordAudit(tx, actor, {
        action: 'course.session_deleted',
        entityType: 'course',
        entityId: course.id,
        changes: { date: session.startsAt.toISOString() },
      });
    });
  }

  agenda(actor: Actor, q: z.output<typeof agendaQuery>) {
    if (!policy.list(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const from = q.from ? new Date(q.from) : this.ctx.now();
      const to = new Date(from.getTime() + q.days * 86_400_000);
      const rows = await repo.agenda(tx, officeId, from, to, policy.trainerFilter(actor));
      const items = rows.map(({ session, course }) => ({
        ...presentSession(session),
        courseTitle: course.title,
        courseType: course.type,
      }));
      return { items, total: items.length };
    });
  }

  calendar(actor: Actor, id: string) {
    if (!policy.list(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const { row } = await this.load(tx, actor, id);
      const sessions = await repo.sessions(tx, id);
      const text = courseCalendar(
        row.title,
        sessions.map((session) => ({ session, course: row })),
      );
      return { text, fileName: calendarFileName(row.title) };
    });
  }

  /** The signed-in guide's course sessions (courses they hold a place in) as one feed. */
  myCalendar(actor: Actor) {
    if (!policy.myCalendar(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const rows = await repo.guideSessions(tx, actor.guideId as string);
      return courseCalendar('Lotsennetz', rows);
    });
  }

  /** "Meine Kurse": the signed-in guide's enrolments, sessions, own attendance and progress. */
  mine(actor: Actor): Promise<{ items: MyCourse[]; total: number }> {
    if (!policy.myCalendar(actor)) throw forbidden();
    const guideId = actor.guideId as string;
    return this.scope(actor, async (tx) => {
      const enrolments = await repo.guideEnrolments(tx, guideId);
      const sessions = await repo.sessionsOfCourses(
        tx,
        enrolments.map((e) => e.course.id),
      );
      const marks = await repo.guideAttendance(tx, guideId);
      const markOf = new Map(marks.map((m) => [m.sessionId, m]));
      const items = enrolments.map(({ enrolment, course }): MyCourse => {
        const own = sessions.filter((s) => s.courseId === course.id);
        const progress = completion(
          course,
          own.map((s) => ({ id: s.id, teachingUnits: s.teachingUnits })),
          marks.filter((m) => m.enrolmentId === enrolment.id),
        );
        return {
          enrolmentId: enrolment.id,
          courseId: course.id,
          title: course.title,
          type: course.type as MyCourse['type'],
          courseStatus: course.status as MyCourse['courseStatus'],
          enrolmentStatus: enrolment.status as MyCourse['enrolmentStatus'],
          waitlistPosition: enrolment.waitlistPosition,
          teachingUnits: course.teachingUnits,
          completionMinAttendancePercent: course.completionMinAttendancePercent,
          attendedUnits: progress.attendedUnits,
          requiredUnits: progress.requiredUnits,
          sessions: own.map((s) => {
            const mark = markOf.get(s.id);
            return {
              ...presentSession(s),
              attendance: mark ? (mark.present ? 'present' : 'absent') : null,
              minutesMissed: mark?.minutesMissed ?? 0,
            };
          }),
        };
      });
      return { items, total: items.length };
    });
  }

  /** Today in the office's time zone, and the day after. */
  async today(tx: Tx, officeId: string) {
    const today = await settingsRepository.today(tx, officeId, this.ctx.now());
    return { today, tomorrow: addDays(today, 1) };
  }
}
