/** Enrolment with a waiting list, withdrawal and moving up, attendance, and finishing a course with its effects. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { guides } from '../../db/schema/index.js';
import { attendedUnits, completion, sustainabilityEligibility } from '../../domain/courses/completion.js';
import { todayIn } from '../../domain/dates.js';
import { type Actor, type AppContext, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { AttendanceInput } from '../../shared/courses.js';
import { recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { type CourseMailKind, queueCourseMail } from './mails.js';
import { coursePolicy as policy } from './policy.js';
import { presentEnrolment } from './presenter.js';
import { type AttendanceRow, type CourseRow, courseRepository as repo, type SessionRow } from './repository.js';
import type { CourseService } from './service.js';

/** UE attended per guide, from a course's sessions and attendance rows. */
export function attendanceOf(sessions: readonly SessionRow[], rows: readonly AttendanceRow[]) {
  const units = sessions.map((s) => ({ id: s.id, teachingUnits: s.teachingUnits }));
  return (guideId: string) =>
    attendedUnits(
      units,
      rows.filter((r) => r.guideId === guideId),
    );
}

const closed = (row: CourseRow) => row.status === 'finished' || row.status === 'cancelled';

export class EnrolmentCommands {
  constructor(
    private readonly ctx: AppContext,
    private readonly courses: CourseService,
  ) {}

  private mail(tx: Tx, course: CourseRow, guideId: string, kind: CourseMailKind, position?: number) {
    return queueCourseMail(this.ctx, tx, course, guideId, kind, position);
  }

  /**
   * Enrols a guide: a place while the course has one, else the end of the waiting list. A sustainability module
   * needs 6 months since the guide's first activity, counted to the course's first session (409 not_eligible_yet).
   */
  async enrol(actor: Actor, courseId: string, guideId: string) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.courses.scope(actor, async (tx, officeId) => {
      const { row: course } = await this.courses.load(tx, actor, courseId, { lock: true });
      if (closed(course)) throw new AppError(409, 'course_closed');
      const [guide] = await tx
        .select({ id: guides.id, anonymisedAt: guides.anonymisedAt })
        .from(guides)
        .where(and(eq(guides.id, guideId), eq(guides.officeId, officeId)))
        .limit(1);
      if (!guide || guide.anonymisedAt) throw invalidField('guideId', 'guideUnknown');
      const existing = await repo.enrolmentOf(tx, courseId, guideId);
      if (existing && existing.status !== 'withdrawn') throw new AppError(409, 'already_enrolled');
      if (course.type === 'sustainability') await this.checkEligible(tx, course, guideId);
      const full = (await repo.placesTaken(tx, courseId)) >= course.capacity;
      const position = full ? await repo.nextWaitlistPosition(tx, courseId) : null;
      const now = this.ctx.now();
      const row = await repo.upsertEnrolment(tx, {
        officeId,
        courseId,
        guideId,
        status: full ? 'waitlisted' : 'enrolled',
        waitlistPosition: position,
        enrolledAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'course.enrolled',
        entityType: 'course',
        entityId: courseId,
        changes: { guideId, status: row.status },
      });
      const mailId = await this.mail(tx, course, guideId, full ? 'waitlisted' : 'enrolled', position ?? undefined);
      const [withName] = (await repo.enrolments(tx, courseId)).filter((e) => e.id === row.id);
      return { result: presentEnrolment(withName, 0), mailIds: [mailId] };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  private async checkEligible(tx: Tx, course: CourseRow, guideId: string) {
    const settings = await settingsRepository.get(tx, course.officeId);
    const [first] = await repo.sessions(tx, course.id);
    const start = todayIn(settings.timeZone, first?.startsAt ?? this.ctx.now());
    const verdict = sustainabilityEligibility(await repo.firstActivityDate(tx, guideId), start);
    if (verdict.eligible) return;
    throw new AppError(409, 'not_eligible_yet', [
      verdict.eligibleFrom
        ? { path: 'guideId', code: 'notEligibleYet', params: { date: verdict.eligibleFrom } }
        : { path: 'guideId', code: 'noActivityYet' },
    ]);
  }

  /** Withdraws an enrolment; a place it held goes to the first on the waiting list, in the same transaction. */
  async withdraw(actor: Actor, courseId: string, enrolmentId: string) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.courses.scope(actor, async (tx) => {
      const { row: course } = await this.courses.load(tx, actor, courseId, { lock: true });
      const enrolment = await repo.findEnrolment(tx, courseId, enrolmentId);
      if (!enrolment) throw notFound();
      if (closed(course)) throw new AppError(409, 'course_closed');
      if (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted') throw new AppError(409, 'conflict');
      const now = this.ctx.now();
      await repo.updateEnrolment(tx, enrolmentId, {
        status: 'withdrawn',
        waitlistPosition: null,
        withdrawnAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'course.withdrawn',
        entityType: 'course',
        entityId: courseId,
        changes: { guideId: enrolment.guideId },
      });
      const mails: (string | null)[] = [];
      if (enrolment.status === 'enrolled' && (await repo.placesTaken(tx, courseId)) < course.capacity) {
        const next = await repo.firstWaitlisted(tx, courseId);
        if (next) {
          await repo.updateEnrolment(tx, next.id, { status: 'enrolled', waitlistPosition: null, updatedAt: now });
          await recordAudit(tx, actor, {
            action: 'course.moved_up',
            entityType: 'course',
            entityId: courseId,
            changes: { guideId: next.guideId },
          });
          mails.push(await this.mail(tx, course, next.guideId, 'movedUp'));
        }
      }
      return { result: await this.courses.detail(tx, actor, course), mailIds: mails };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  /** The attendance of one session, all rows at once (coordinator or the course's trainer). */
  recordAttendance(actor: Actor, courseId: string, sessionId: string, input: AttendanceInput) {
    if (!policy.list(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const { row: course, trainerIds } = await this.courses.load(tx, actor, courseId, { lock: true });
      const session = await repo.findSession(tx, courseId, sessionId);
      if (!session) throw notFound();
      if (!policy.recordAttendance(actor, { ...course, trainerIds })) throw new AppError(409, 'course_closed');
      const enrolments = new Map(
        (await repo.enrolments(tx, courseId))
          .filter((e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed')
          .map((e) => [e.guideId, e]),
      );
      const bad = input.rows.findIndex((r) => !enrolments.has(r.guideId));
      if (bad >= 0) throw invalidField(`rows.${bad}.guideId`, 'notEnrolled');
      const now = this.ctx.now();
      await repo.upsertAttendance(
        tx,
        input.rows.map((r) => ({
          officeId,
          sessionId,
          enrolmentId: enrolments.get(r.guideId)?.id as string,
          guideId: r.guideId,
          present: r.present,
          minutesMissed: r.present ? r.minutesMissed : 0,
          recordedBy: recordedUserId(actor),
          recordedAt: now,
        })),
      );
      await recordAudit(tx, actor, {
        action: 'course.attendance_recorded',
        entityType: 'course',
        entityId: courseId,
        changes: { date: session.startsAt.toISOString(), count: input.rows.length },
      });
      return this.courses.detail(tx, actor, course);
    });
  }

  /**
   * Finishes a course: each enrolled guide is marked completed or not by the completion rule. Completing a basic
   * qualification certifies the guide (an earlier certification date stays); a specialisation module adds its
   * specialisation. Waiting-list entries are withdrawn.
   */
  finish(actor: Actor, courseId: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const { row: course } = await this.courses.load(tx, actor, courseId, { lock: true });
      if (closed(course)) throw new AppError(409, 'course_closed');
      const sessions = await repo.sessions(tx, courseId);
      if (!sessions.length) throw new AppError(409, 'course_has_no_sessions');
      const attendance = await repo.attendance(tx, courseId);
      const now = this.ctx.now();
      const today = await settingsRepository.today(tx, officeId, now);
      const completed: string[] = [];
      const notCompleted: string[] = [];
      for (const e of await repo.enrolments(tx, courseId)) {
        if (e.status === 'waitlisted') {
          await repo.updateEnrolment(tx, e.id, { status: 'withdrawn', waitlistPosition: null, withdrawnAt: now });
          continue;
        }
        if (e.status !== 'enrolled') continue;
        const marks = attendance.filter((a) => a.guideId === e.guideId);
        const units = sessions.map((s) => ({ id: s.id, teachingUnits: s.teachingUnits }));
        const verdict = completion(course, units, marks);
        await repo.updateEnrolment(tx, e.id, {
          status: verdict.complete ? 'completed' : 'not_completed',
          completedAt: verdict.complete ? now : null,
          updatedAt: now,
        });
        if (!verdict.complete) {
          notCompleted.push(e.guideId);
          continue;
        }
        completed.push(e.guideId);
        await this.applyCompletion(tx, actor, course, e.guideId, today);
      }
      const row = await repo.update(tx, courseId, { status: 'finished', finishedAt: now, updatedAt: now });
      await recordAudit(tx, actor, {
        action: 'course.finished',
        entityType: 'course',
        entityId: courseId,
        changes: { title: course.title, count: completed.length },
      });
      return { course: await this.courses.present(tx, actor, row), completed, notCompleted };
    });
  }

  private async applyCompletion(tx: Tx, actor: Actor, course: CourseRow, guideId: string, today: string) {
    const changes: Record<string, unknown> = { title: course.title };
    if (course.type === 'basic') {
      const [g] = await tx
        .update(guides)
        .set({ certifiedAt: sql`coalesce(${guides.certifiedAt}, ${today}::date)`, updatedAt: this.ctx.now() })
        .where(eq(guides.id, guideId))
        .returning({ certifiedAt: guides.certifiedAt });
      changes.certifiedAt = g?.certifiedAt ?? today;
    }
    if (course.type === 'specialisation' && course.grantsSpecialisation) {
      await tx
        .update(guides)
        .set({
          specializations: sql`case when ${guides.specializations} @> array[${course.grantsSpecialisation}]::text[]
            then ${guides.specializations} else array_append(${guides.specializations}, ${course.grantsSpecialisation}) end`,
          updatedAt: this.ctx.now(),
        })
        .where(eq(guides.id, guideId));
      changes.specialization = course.grantsSpecialisation;
    }
    await recordAudit(tx, actor, { action: 'guide.course_completed', entityType: 'guide', entityId: guideId, changes });
  }
}
