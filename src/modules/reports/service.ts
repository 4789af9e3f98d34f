import ExcelJS from 'exceljs';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Period, previousPeriod } from '../../domain/reports/period.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { displayName } from '../../shared/reference-data.js';
import {
  BREAKDOWNS,
  KPIS,
  type OfficeFigures,
  type OfficeReport,
  type ReportQuery,
  rowLabel,
  type SachberichtInput,
} from '../../shared/reports.js';
import { settingsRepository } from '../settings/repository.js';
import { reportPolicy as policy } from './policy.js';
import { type ReportScope, reportRepository as repo } from './repository.js';
import { renderSachberichtPdf } from './sachbericht.js';
import { verwendungsnachweisWorkbook } from './verwendungsnachweis.js';

/** All figures of one scope and period; the queries run one after another in the caller's transaction. */
export async function figuresFor(tx: Tx, scope: ReportScope, period: Period): Promise<OfficeFigures> {
  return {
    guides: await repo.guideFigures(tx, scope, period),
    requests: await repo.requestFigures(tx, scope, period),
    deployments: await repo.deploymentFigures(tx, scope, period),
    hours: await repo.hourFigures(tx, scope, period),
    courses: await repo.courseFigures(tx, scope, period),
  };
}

const EURO = '#,##0.00 "€"';
const HOURS = '#,##0.0';
const sheetName = (name: string, taken: Set<string>) => {
  // Excel forbids * ? : \ / [ ] in sheet names and allows 31 characters; names must be unique.
  const base = name.replace(/[*?:\\/[\]]/g, '').slice(0, 28);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

/** The office's figures for a period with the previous period for comparison (issue 13 §1), and their XLSX. */
export class ReportService {
  constructor(private readonly ctx: AppContext) {}

  office(actor: Actor, query: ReportQuery): Promise<OfficeReport> {
    if (!policy.office(actor) || !actor.officeId) throw forbidden();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const scope: ReportScope = { officeIds: [officeId], timeZone, now: this.ctx.now() };
      const period = { from: query.from, to: query.to };
      const previous = previousPeriod(period);
      return {
        office: { id: officeId, name: await repo.officeName(tx, officeId) },
        period,
        previousPeriod: previous,
        current: await figuresFor(tx, scope, period),
        previous: await figuresFor(tx, scope, previous),
      };
    });
  }

  /** A cover sheet (office, periods, filters), the single numbers, then one sheet per figure: typed number cells. */
  async officeXlsx(actor: Actor, query: ReportQuery, locale: Locale) {
    const report = await this.office(actor, query);
    const t = (key: string) => translate(locale, key);
    const nameOf = (kind: 'language' | 'region', code: string) => displayName(kind, code, locale);
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Lotsennetz';
    workbook.created = this.ctx.now();
    const taken = new Set<string>();

    const cover = workbook.addWorksheet(sheetName(t('reports.xlsx.cover'), taken));
    cover.columns = [
      { key: 'label', width: 34 },
      { key: 'value', width: 44 },
      { key: 'to', width: 14 },
    ];
    cover.addRow([t('reports.title')]).font = { bold: true, size: 14 };
    cover.addRow([t('reports.xlsx.office'), report.office.name]);
    const periodRow = (label: string, p: { from: string; to: string }) => {
      const row = cover.addRow([label, date(p.from), date(p.to)]);
      row.getCell(2).numFmt = 'dd.mm.yyyy';
      row.getCell(3).numFmt = 'dd.mm.yyyy';
    };
    periodRow(t('reports.xlsx.period'), report.period);
    periodRow(t('reports.xlsx.previousPeriod'), report.previousPeriod);
    cover.addRow([t('reports.xlsx.filters'), t('reports.xlsx.noFilters')]);
    const created = cover.addRow([t('reports.xlsx.created'), this.ctx.now()]);
    created.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
    cover.addRow([]);
    cover.addRow([t('reports.xlsx.note')]);

    const head = [t('reports.xlsx.figure'), t('reports.current'), t('reports.previous')];
    const kpis = workbook.addWorksheet(sheetName(t('reports.xlsx.kpis'), taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    kpis.columns = [{ width: 44 }, { width: 16 }, { width: 16 }];
    kpis.addRow(head).font = { bold: true };
    for (const kpi of KPIS) {
      const value = (f: OfficeFigures) => {
        const v = kpi.pick(f);
        if (v === null) return null;
        return kpi.format === 'minutes' ? v / 60 : kpi.format === 'cents' ? v / 100 : v;
      };
      const row = kpis.addRow([t(`reports.kpi.${kpi.id}`), value(report.current), value(report.previous)]);
      const fmt = kpi.format === 'cents' ? EURO : kpi.format === 'minutes' || kpi.format === 'days' ? HOURS : '0';
      row.getCell(2).numFmt = fmt;
      row.getCell(3).numFmt = fmt;
    }

    for (const b of BREAKDOWNS) {
      const sheet = workbook.addWorksheet(sheetName(t(`reports.figure.${b.id}`), taken), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = [{ width: 44 }, { width: 16 }, { width: 16 }];
      sheet.addRow([t(`reports.figure.${b.id}`), t('reports.current'), t('reports.previous')]).font = { bold: true };
      const current = b.pick(report.current);
      const previous = new Map(b.pick(report.previous).map((r) => [r.key, r]));
      const scale = (n: number | undefined) => (n === undefined ? 0 : b.unit === 'minutes' ? n / 60 : n);
      // The period's rows in its order, then rows only the previous period had (so nothing of either is lost).
      const rows = [...current, ...[...previous.values()].filter((r) => !current.some((c) => c.key === r.key))];
      for (const r of rows) {
        const row = sheet.addRow([
          rowLabel(b.kind, r, t, nameOf),
          scale(current.find((c) => c.key === r.key)?.count),
          scale(previous.get(r.key)?.count),
        ]);
        if (b.unit === 'minutes') {
          row.getCell(2).numFmt = HOURS;
          row.getCell(3).numFmt = HOURS;
        }
      }
    }

    const courses = workbook.addWorksheet(sheetName(t('reports.figure.courses'), taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    courses.columns = [
      { width: 40 },
      { width: 14 },
      { width: 14 },
      { width: 14 },
      { width: 14 },
      { width: 24 },
      { width: 16 },
    ];
    courses.addRow([
      t('reports.course.title'),
      t('reports.course.participants'),
      t('reports.course.unitsHeld'),
      t('reports.course.attendanceRate'),
      t('reports.course.completions'),
      t('reports.course.ruleSet'),
      t('reports.course.fundable'),
    ]).font = { bold: true };
    for (const c of report.current.courses.items) {
      const ruleSet = c.funding ? c.funding.ruleSetName : t(`courseReport.problem.${c.fundingProblem ?? 'noneChosen'}`);
      const row = courses.addRow([
        c.title,
        c.participants,
        c.unitsHeld,
        c.attendanceRate,
        c.completions,
        c.ended ? ruleSet : `${ruleSet} (${t('reports.course.running')})`,
        c.funding ? c.funding.totalCents / 100 : null,
      ]);
      row.getCell(4).numFmt = '0.0%';
      row.getCell(7).numFmt = EURO;
    }
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), report };
  }

  private cover(officeId: string) {
    return inScope(this.ctx.database.db, { officeId }, (tx) => repo.cover(tx, officeId));
  }

  /** The numerical part of the einfacher Verwendungsnachweis (Niedersachsen) for the period, as XLSX. */
  async verwendungsnachweisXlsx(actor: Actor, query: ReportQuery, locale: Locale) {
    const report = await this.office(actor, query);
    const cover = await this.cover(report.office.id);
    const t = (key: string) => translate(locale, key);
    return { bytes: await verwendungsnachweisWorkbook(report, cover, t, this.ctx.now()), report };
  }

  /** The Sachbericht draft: the office's figures and charts with the coordinator's own texts, as a PDF. */
  async sachberichtPdf(actor: Actor, input: SachberichtInput, locale: Locale) {
    const report = await this.office(actor, { from: input.from, to: input.to });
    const cover = await this.cover(report.office.id);
    const letterhead = await inScope(this.ctx.database.db, { officeId: report.office.id }, async (tx) => ({
      name: report.office.name,
      ...(await settingsRepository.get(tx, report.office.id)).contact,
    }));
    const bytes = await renderSachberichtPdf({ report, cover, letterhead, texts: input, locale, now: this.ctx.now() });
    return { bytes, report };
  }
}
