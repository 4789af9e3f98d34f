import ExcelJS from 'exceljs';
import type { OfficeReport } from '../../shared/reports.js';

/** Who reports to whom: printed on the cover of the funder forms. */
export type ReportCover = { officeName: string; provider: string; programme: string | null; region: string | null };

const EURO = '#,##0.00 "€"';
const HOURS = '#,##0.0';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The numerical part of an einfacher Verwendungsnachweis (Niedersachsen, issue 13 §2): a cover (office, Träger,
 * programme, period), the courses reported under a per-UE rule set that ended in the period with their fundable
 * amounts, and the income and expenditure lines the product knows (courses, allowances paid, reimbursed costs) with
 * the figures behind them (guides, deployments, hours). Every amount and count is a typed cell, from the office report.
 */
export async function verwendungsnachweisWorkbook(
  report: OfficeReport,
  cover: ReportCover,
  t: (key: string) => string,
  now: Date,
): Promise<Buffer> {
  const k = (key: string) => t(`reports.vn.${key}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotsennetz';
  workbook.created = now;
  const f = report.current;

  const front = workbook.addWorksheet(k('sheetCover').slice(0, 31));
  front.columns = [{ width: 36 }, { width: 44 }, { width: 14 }];
  front.addRow([k('title')]).font = { bold: true, size: 14 };
  front.addRow([k('subtitle')]);
  front.addRow([]);
  front.addRow([k('office'), cover.officeName]);
  front.addRow([k('provider'), cover.provider || '–']);
  front.addRow([k('programme'), cover.programme ? `${cover.programme} (${cover.region})` : k('noProgramme')]);
  const period = front.addRow([k('period'), day(report.period.from), day(report.period.to)]);
  period.getCell(2).numFmt = 'dd.mm.yyyy';
  period.getCell(3).numFmt = 'dd.mm.yyyy';
  const created = front.addRow([k('created'), now]);
  created.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
  front.addRow([]);
  front.addRow([k('note')]);

  const courses = f.courses.items.filter((c) => c.ended && c.funding?.kind === 'per_unit');
  const sheet = workbook.addWorksheet(k('sheetCourses').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 40 }, ...Array.from({ length: 7 }, () => ({ width: 15 }))];
  sheet.addRow([
    k('course'),
    k('ruleSet'),
    k('participants'),
    k('unitsHeld'),
    k('unitsFunded'),
    k('teaching'),
    k('materials'),
    k('fundable'),
  ]).font = { bold: true };
  for (const c of courses) {
    const money = c.funding as NonNullable<typeof c.funding>;
    const row = sheet.addRow([
      c.title,
      money.ruleSetName,
      c.participants,
      c.unitsHeld,
      money.unitsFunded,
      money.teachingCents / 100,
      money.materialsCents / 100,
      money.totalCents / 100,
    ]);
    for (const n of [6, 7, 8]) row.getCell(n).numFmt = EURO;
  }
  const sum = (pick: (c: (typeof courses)[number]) => number) => courses.reduce((s, c) => s + pick(c), 0);
  const teaching = sum((c) => c.funding?.teachingCents ?? 0);
  const materials = sum((c) => c.funding?.materialsCents ?? 0);
  const total = sheet.addRow([
    k('total'),
    null,
    sum((c) => c.participants),
    sum((c) => c.unitsHeld),
    sum((c) => c.funding?.unitsFunded ?? 0),
    teaching / 100,
    materials / 100,
    (teaching + materials) / 100,
  ]);
  total.font = { bold: true };
  for (const n of [6, 7, 8]) total.getCell(n).numFmt = EURO;

  const lines = workbook.addWorksheet(k('sheetNumbers').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.columns = [{ width: 52 }, { width: 18 }];
  lines.addRow([k('line'), k('amount')]).font = { bold: true };
  const add = (label: string, value: number, fmt?: string, bold = false) => {
    const row = lines.addRow([label, value]);
    if (fmt) row.getCell(2).numFmt = fmt;
    if (bold) row.font = { bold: true };
  };
  const section = (label: string) => {
    lines.addRow([]);
    lines.addRow([label]).font = { bold: true, italic: true };
  };
  section(k('expenditure'));
  add(k('courseTeaching'), teaching / 100, EURO);
  add(k('courseMaterials'), materials / 100, EURO);
  add(k('allowancesPaid'), f.hours.paidOutCents / 100, EURO);
  add(k('reimbursed'), f.hours.reimbursedCents / 100, EURO);
  add(k('expenditureTotal'), (teaching + materials + f.hours.paidOutCents + f.hours.reimbursedCents) / 100, EURO, true);
  section(k('figures'));
  add(k('coursesEnded'), courses.length);
  add(
    k('courseUnits'),
    sum((c) => c.unitsHeld),
  );
  add(
    k('courseParticipants'),
    sum((c) => c.participants),
  );
  add(
    k('courseCompletions'),
    sum((c) => c.completions),
  );
  add(k('guidesQualified'), f.guides.newlyQualifiedTotal);
  add(k('guidesActive'), f.guides.active);
  add(k('deploymentsActive'), f.deployments.active);
  add(k('deploymentsClosed'), f.deployments.closed);
  add(k('peopleSupported'), f.deployments.supported.people);
  add(k('hoursTotal'), f.hours.totalMinutes / 60, HOURS);
  add(k('hoursApproved'), f.hours.approvedSheetMinutes / 60, HOURS);
  add(k('reimbursedClaims'), f.hours.reimbursedClaims);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
