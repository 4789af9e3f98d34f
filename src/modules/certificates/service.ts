import { randomInt } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { Office } from '../../documents/index.js';
import { localDateTime } from '../../domain/dates.js';
import type { ThrottleRule } from '../../domain/loginThrottle.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import {
  CERTIFICATE_CODE_ALPHABET,
  type Certificate,
  type CertificateVerification,
} from '../../shared/certificates.js';
import type { Locale } from '../../shared/enums.js';
import { recordAudit } from '../audit/recorder.js';
import { Throttle, throttleKey } from '../auth/throttle.js';
import { courseRepository } from '../courses/repository.js';
import type { CourseService } from '../courses/service.js';
import { officeRepository } from '../offices/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { mergePdfs, renderAttendanceListPdf, renderCertificatePdf } from './pdf.js';
import { certificatePolicy as policy } from './policy.js';
import { type CertificateRow, certificateRepository as repo } from './repository.js';

/** Unknown codes one client address may try in 15 minutes before the public check answers 429. */
export const VERIFY_MISS_THROTTLE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

const newCode = () =>
  Array.from({ length: 10 }, () => CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)]).join('');

/**
 * Certificates (Zertifikat, Teilnahmebescheinigung) of completed enrolments and the attendance list of a session.
 * A certificate is issued when first printed and states what was true then; the public verification confirms it
 * by its code and shows nothing but name, course and date.
 */
export class CertificateService {
  private readonly throttle: Throttle;

  constructor(
    private readonly ctx: AppContext,
    private readonly courses: CourseService,
  ) {
    this.throttle = new Throttle(ctx.database.db, () => ctx.now());
  }

  present(row: CertificateRow): Certificate {
    return {
      id: row.id,
      courseId: row.courseId,
      enrolmentId: row.enrolmentId,
      guideId: row.guideId,
      code: row.code,
      holderName: row.holderName,
      courseTitle: row.courseTitle,
      teachingUnits: row.teachingUnits,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      issuedAt: row.issuedAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      verifyUrl: this.verifyUrl(row.code),
    };
  }

  private verifyUrl(code: string) {
    return `${this.ctx.config.publicUrl}/verify/${code}`;
  }

  private async letterhead(tx: Tx, officeId: string): Promise<{ office: Office; timeZone: string }> {
    const [office, settings] = [
      await officeRepository.findById(tx, officeId),
      await settingsRepository.get(tx, officeId),
    ];
    return { office: { name: office?.name ?? '', ...settings.contact }, timeZone: settings.timeZone };
  }

  /** Issues the certificates of the given completed enrolments that have none yet; returns all of them. */
  private async issue(tx: Tx, actor: Actor, courseId: string, enrolmentIds: string[]) {
    const existing = await repo.forEnrolments(tx, enrolmentIds);
    const missing = enrolmentIds.filter((id) => !existing.some((c) => c.enrolmentId === id));
    if (missing.length === 0) return existing;
    const { timeZone } = await this.letterhead(tx, actor.officeId as string);
    const course = await courseRepository.find(tx, courseId);
    const sessions = await courseRepository.sessions(tx, courseId);
    const enrolments = await courseRepository.enrolments(tx, courseId);
    const day = (d: Date) => localDateTime(d, timeZone).date;
    for (const enrolmentId of missing) {
      const enrolment = enrolments.find((e) => e.id === enrolmentId);
      if (enrolment?.status !== 'completed') continue;
      for (let attempt = 0; attempt < 5; attempt++) {
        const inserted = await repo.insert(tx, {
          officeId: course.officeId,
          courseId,
          enrolmentId,
          guideId: enrolment.guideId,
          code: newCode(),
          holderName: `${enrolment.firstName} ${enrolment.lastName}`.trim(),
          courseTitle: course.title,
          teachingUnits: course.teachingUnits,
          firstDay: sessions[0] ? day(sessions[0].startsAt) : null,
          lastDay: sessions.length ? day(sessions[sessions.length - 1].startsAt) : null,
          issuedAt: this.ctx.now(),
          issuedBy: actor.userId,
        });
        if (inserted) {
          await recordAudit(tx, actor, {
            action: 'certificate.issued',
            entityType: 'course',
            entityId: courseId,
            changes: { certificateId: inserted.id, guideId: enrolment.guideId },
          });
          break;
        }
        // A code collision (or the same enrolment issued a moment ago): a fresh code, or the existing one below.
        if ((await repo.forEnrolments(tx, [enrolmentId])).length) break;
      }
    }
    return repo.forEnrolments(tx, enrolmentIds);
  }

  private async render(tx: Tx, row: CertificateRow, language: Locale) {
    const { office } = await this.letterhead(tx, row.officeId);
    const course = await courseRepository.find(tx, row.courseId);
    const topics = [
      ...new Set(
        (await courseRepository.sessions(tx, row.courseId)).map((s) => s.topic?.trim()).filter((t): t is string => !!t),
      ),
    ];
    return renderCertificatePdf({
      office,
      language,
      courseType: course.type,
      holderName: row.holderName,
      courseTitle: row.courseTitle,
      teachingUnits: row.teachingUnits,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      topics,
      code: row.code,
      verifyUrl: this.verifyUrl(row.code),
      issuedAt: row.issuedAt,
      revoked: row.revokedAt !== null,
    });
  }

  listForCourse(actor: Actor, courseId: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      await this.courses.load(tx, actor, courseId);
      const rows = await repo.forCourse(tx, courseId);
      return { items: rows.map((r) => this.present(r)), total: rows.length };
    });
  }

  /** One certificate, issued now if it was not yet; only for a completed enrolment (409 otherwise). */
  certificatePdf(actor: Actor, courseId: string, enrolmentId: string, language: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      await this.courses.load(tx, actor, courseId);
      const enrolment = await courseRepository.findEnrolment(tx, courseId, enrolmentId);
      if (!enrolment) throw notFound();
      if (enrolment.status !== 'completed') throw new AppError(409, 'certificate_not_completed');
      const [row] = await this.issue(tx, actor, courseId, [enrolmentId]);
      return { bytes: await this.render(tx, row, language), row };
    });
  }

  /** All certificates of a course in one file, issuing those not yet issued. */
  bulkPdf(actor: Actor, courseId: string, language: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      const { row: course } = await this.courses.load(tx, actor, courseId);
      const completed = (await repo.completedEnrolments(tx, courseId)).map((e) => e.id);
      if (completed.length === 0) throw new AppError(409, 'certificate_none_completed');
      const rows = (await this.issue(tx, actor, courseId, completed)).sort((a, b) =>
        a.holderName.localeCompare(b.holderName, 'de'),
      );
      const files = [];
      for (const row of rows) files.push(await this.render(tx, row, language));
      return { bytes: await mergePdfs(files), title: course.title, count: rows.length };
    });
  }

  revoke(actor: Actor, id: string, reason: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      const row = await repo.find(tx, id);
      if (!row) throw notFound();
      if (row.revokedAt) throw new AppError(409, 'certificate_already_revoked');
      await repo.revoke(tx, id, this.ctx.now(), reason);
      await recordAudit(tx, actor, {
        action: 'certificate.revoked',
        entityType: 'course',
        entityId: row.courseId,
        changes: { certificateId: id },
      });
      return this.present((await repo.find(tx, id)) as CertificateRow);
    });
  }

  /** The signed-in guide's certificates. */
  mine(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      const rows = await repo.forGuide(tx, actor.guideId as string);
      return { items: rows.map((r) => this.present(r)), total: rows.length };
    });
  }

  myPdf(actor: Actor, id: string, language: Locale) {
    if (!policy.own(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx) => {
      const row = await repo.find(tx, id);
      if (!row || row.guideId !== actor.guideId) throw notFound();
      return { bytes: await this.render(tx, row, language), row };
    });
  }

  /** Public: is this code a genuine certificate? Name, course and date only; unknown codes are 404. */
  /**
   * The public check of a certificate code. Codes are random, but guessing them is throttled all the same: each
   * unknown code counts against the client address, and after VERIFY_MISS_THROTTLE.limit misses in the window the
   * address gets 429 until the window has passed. Honest checks of real codes do not count.
   */
  async verify(code: string, clientIp: string): Promise<CertificateVerification> {
    const key = throttleKey.certificateVerify(clientIp);
    const wait = await this.throttle.retryAfter([{ key, rule: VERIFY_MISS_THROTTLE }]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });
    const found = await inScope(this.ctx.database.db, 'system', (tx) => repo.byCode(tx, code));
    if (!found) {
      await this.throttle.record([key]);
      throw notFound();
    }
    const c = found.certificate;
    return {
      status: c.revokedAt ? 'revoked' : 'valid',
      holderName: c.holderName,
      courseTitle: c.courseTitle,
      completedOn: c.lastDay,
      officeName: found.officeName,
    };
  }

  /** The Teilnehmendenliste of one session, for the coordinator or the course's trainer. */
  attendanceListPdf(actor: Actor, courseId: string, sessionId: string, language: Locale) {
    if (!policy.attendanceList(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const { row: course } = await this.courses.load(tx, actor, courseId);
      const session = await courseRepository.findSession(tx, courseId, sessionId);
      if (!session) throw notFound();
      const { office, timeZone } = await this.letterhead(tx, officeId);
      const participants = (await courseRepository.enrolments(tx, courseId))
        .filter((e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed')
        .map((e) => `${e.lastName}, ${e.firstName}`);
      const bytes = await renderAttendanceListPdf({
        office,
        language,
        courseTitle: course.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timeZone,
        room: session.room,
        topic: session.topic,
        trainerNames: session.trainerNames,
        teachingUnits: session.teachingUnits,
        participants,
      });
      return { bytes, title: course.title, day: localDateTime(session.startsAt, timeZone).date };
    });
  }
}
