import ExcelJS from 'exceljs';
import type { Tx } from '../../db/client.js';
import { attendedUnits } from '../../domain/courses/completion.js';
import { courseFunding, FUNDING_TEMPLATES, teachersOf } from '../../domain/courses/funding.js';
import { localDateTime } from '../../domain/dates.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import type { CourseReport, FundingRuleSet, FundingRuleSetInput } from '../../shared/certificates.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { recordAudit } from '../audit/recorder.js';
import { courseRepository } from '../courses/repository.js';
import type { CourseService } from '../courses/service.js';
import { settingsRepository } from '../settings/repository.js';
import { certificatePolicy as policy } from './policy.js';
import { type RuleSetRow, fundingRepository as repo } from './repository.js';

const PARTICIPATING = new Set(['enrolled', 'completed', 'not_completed']);

/**
 * Funding figures of courses: the office's rule sets (copies of a funder's published numbers, each valid from a
 * date) and the course report (participants, UE held, attendance rate, completions, fundable amount).
 */
export class FundingService {
  constructor(
    private readonly ctx: AppContext,
    private readonly courses: CourseService,
  ) {}

  private present(row: RuleSetRow, actor: Actor): FundingRuleSet {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      params: row.params,
      validFrom: row.validFrom,
      abilities: { delete: policy.manage(actor) },
    };
  }

  templates() {
    return Object.entries(FUNDING_TEMPLATES).map(([key, rule]) => ({
      key,
      kind: rule.kind,
      params: { ...rule.params },
    }));
  }

  listRuleSets(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const rows = await repo.ruleSets(tx, officeId);
      return { items: rows.map((r) => this.present(r, actor)), total: rows.length };
    });
  }

  /** A rule set, or a new version of one (same name, later valid-from): past reports keep the numbers they used. */
  createRuleSet(actor: Actor, input: FundingRuleSetInput) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const row = await repo.insertRuleSet(tx, { officeId, ...input });
      if (!row) throw new AppError(409, 'funding_rule_set_exists');
      await recordAudit(tx, actor, {
        action: 'funding.rule_set_created',
        entityType: 'office',
        entityId: officeId,
        changes: { ruleSetId: row.id, name: row.name, validFrom: row.validFrom, kind: row.kind, params: row.params },
      });
      return this.present(row, actor);
    });
  }

  deleteRuleSet(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      const row = await repo.findRuleSet(tx, id);
      if (!row) throw notFound();
      await repo.deleteRuleSet(tx, id);
      await recordAudit(tx, actor, {
        action: 'funding.rule_set_deleted',
        entityType: 'office',
        entityId: officeId,
        changes: { ruleSetId: id, name: row.name, validFrom: row.validFrom },
      });
    });
  }

  setCourseFunding(actor: Actor, courseId: string, input: { ruleSetName: string | null; materialsCents: number }) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      await this.courses.load(tx, actor, courseId);
      if (input.ruleSetName && (await repo.ruleSetsNamed(tx, officeId, input.ruleSetName)).length === 0)
        throw new AppError(400, 'validation_failed', [{ path: 'ruleSetName', code: 'ruleSetUnknown' }]);
      await repo.setCourseFunding(tx, { officeId, courseId, ...input });
      await recordAudit(tx, actor, {
        action: 'funding.course_set',
        entityType: 'course',
        entityId: courseId,
        changes: input,
      });
      return this.build(tx, officeId, courseId);
    });
  }

  report(actor: Actor, courseId: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.courses.scope(actor, async (tx, officeId) => {
      await this.courses.load(tx, actor, courseId);
      return this.build(tx, officeId, courseId);
    });
  }

  private async build(tx: Tx, officeId: string, courseId: string): Promise<CourseReport> {
    const now = this.ctx.now();
    const { timeZone } = await settingsRepository.get(tx, officeId);
    const course = await courseRepository.find(tx, courseId);
    const sessions = await courseRepository.sessions(tx, courseId);
    const held = sessions.filter((s) => s.startsAt <= now);
    const participants = (await courseRepository.enrolments(tx, courseId)).filter((e) => PARTICIPATING.has(e.status));
    const marks = await courseRepository.attendance(tx, courseId);
    const unitsHeld = held.reduce((sum, s) => sum + s.teachingUnits, 0);
    const heldUnits = held.map((s) => ({ id: s.id, teachingUnits: s.teachingUnits }));
    const attended = participants.reduce(
      (sum, p) =>
        sum +
        attendedUnits(
          heldUnits,
          marks.filter((m) => m.guideId === p.guideId),
        ),
      0,
    );
    const possible = unitsHeld * participants.length;
    const day = (d: Date) => localDateTime(d, timeZone).date;
    const firstDay = sessions[0] ? day(sessions[0].startsAt) : null;
    const funding = await repo.courseFunding(tx, courseId);
    const materialsCents = funding?.materialsCents ?? 0;
    const named = funding?.ruleSetName ? await repo.ruleSetsNamed(tx, officeId, funding.ruleSetName) : [];
    const {
      ruleSet,
      problem: ruleSetProblem,
      result,
    } = courseFunding(funding?.ruleSetName, named, firstDay ?? day(now), {
      sessions: held.map((s) => ({ teachingUnits: s.teachingUnits, teachers: teachersOf(s.trainerNames) })),
      participants: participants.length,
      materialsCents,
    });
    return {
      courseId,
      title: course.title,
      type: course.type,
      teachingUnits: course.teachingUnits,
      firstDay,
      lastDay: sessions.length ? day(sessions[sessions.length - 1].startsAt) : null,
      sessionsHeld: held.length,
      unitsHeld,
      participants: participants.length,
      completions: participants.filter((p) => p.status === 'completed').length,
      attendanceRate: possible > 0 ? Math.round((attended / possible) * 1000) / 1000 : null,
      materialsCents,
      ruleSet: ruleSet ? { name: ruleSet.name, kind: ruleSet.kind, validFrom: ruleSet.validFrom } : null,
      ruleSetProblem,
      funding: result
        ? {
            fundable: result.fundable,
            notes: result.notes,
            unitsFunded: result.unitsFunded,
            teachingCents: result.teachingCents,
            materialsCents: result.materialsCents,
            totalCents: result.totalCents,
          }
        : null,
    };
  }

  /** The report as a workbook for the funder: a summary sheet with typed numbers (euros as currency cells). */
  async reportXlsx(actor: Actor, courseId: string, locale: Locale) {
    const report = await this.report(actor, courseId);
    const t = (key: string, params?: Record<string, unknown>) => translate(locale, `courseReport.${key}`, params);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Lotsennetz';
    workbook.created = this.ctx.now();
    const sheet = workbook.addWorksheet(
      t('sheet')
        .replace(/[*?:\\/[\]]/g, '')
        .slice(0, 31),
    );
    sheet.columns = [
      { key: 'label', width: 38 },
      { key: 'value', width: 30 },
    ];
    const euro = '#,##0.00 "€"';
    const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    const rows: [string, string | number | Date | null, string?][] = [
      [t('course'), report.title],
      [t('type'), translate(locale, `documents.certificate.courseType.${report.type}`)],
      [t('firstDay'), date(report.firstDay), 'dd.mm.yyyy'],
      [t('lastDay'), date(report.lastDay), 'dd.mm.yyyy'],
      [t('plannedUnits'), report.teachingUnits],
      [t('sessionsHeld'), report.sessionsHeld],
      [t('unitsHeld'), report.unitsHeld],
      [t('participants'), report.participants],
      [t('completions'), report.completions],
      [t('attendanceRate'), report.attendanceRate, '0.0%'],
      [
        t('ruleSet'),
        report.ruleSet ? `${report.ruleSet.name} (${report.ruleSet.validFrom})` : t(`problem.${report.ruleSetProblem}`),
      ],
      [t('unitsFunded'), report.funding?.unitsFunded ?? null],
      [t('teaching'), report.funding ? report.funding.teachingCents / 100 : null, euro],
      [t('materials'), report.funding ? report.funding.materialsCents / 100 : null, euro],
      [t('total'), report.funding ? report.funding.totalCents / 100 : null, euro],
    ];
    const header = sheet.addRow({ label: t('title'), value: '' });
    header.font = { bold: true, size: 13 };
    for (const [label, value, numFmt] of rows) {
      const row = sheet.addRow({ label, value });
      if (numFmt) row.getCell('value').numFmt = numFmt;
    }
    if (report.funding?.notes.length)
      sheet.addRow({ label: t('notes'), value: report.funding.notes.map((n) => t(`note.${n}`)).join('; ') });
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), title: report.title };
  }
}
