import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import { todayIn } from '../../domain/dates.js';
import { type AdditiveGroup, type CellInput, SMALL_CELL_THRESHOLD, suppress } from '../../domain/land/suppression.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden, invalidField, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import {
  type FundingProgramme,
  type fundingProgrammeInput,
  type fundingProgrammeOfficesInput,
  type fundingProgrammePatch,
  LAND_FIGURES,
  type LandCell,
  type LandFigure,
  type LandFigures,
  type LandFiguresRow,
  type landPeriodQuery,
} from '../../shared/land.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { landPolicy as policy } from './policy.js';
import { type OfficeAggregate, landRepository as repo } from './repository.js';

/** The figures that add up across offices; the median does not and is withheld with the matches it is taken over. */
const ADDITIVE: Exclude<LandFigure, 'medianDaysToMatch'>[] = [
  'guidesActive',
  'guidesNewlyQualified',
  'requestsFiled',
  'requestsMatched',
  'requestsUnmatched',
  'hours',
];

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

/**
 * Lays the offices' aggregates out as one table (offices and the total as rows, figures as columns), withholds small
 * cells and protects them against subtraction (src/domain/land/suppression.ts). Hours are summed in minutes, so the
 * total is exact and not a sum of rounded cells; they are withheld when fewer than five guides logged them, since
 * they would then describe a person's hours.
 */
export function protectFigures(rows: OfficeAggregate[], totalMedian: number | null) {
  const width = ADDITIVE.length;
  const valuesOf = (a: Omit<OfficeAggregate, 'officeId' | 'name' | 'city'>) => ({
    guidesActive: a.guidesActive,
    guidesNewlyQualified: a.guidesNewlyQualified,
    requestsFiled: a.requestsFiled,
    requestsMatched: a.requestsMatched,
    requestsUnmatched: a.requestsFiled - a.requestsMatched,
    hours: a.hourMinutes,
  });
  const sum = (key: keyof OfficeAggregate) => rows.reduce((s, r) => s + (r[key] as number), 0);
  const total = {
    guidesActive: sum('guidesActive'),
    guidesNewlyQualified: sum('guidesNewlyQualified'),
    requestsFiled: sum('requestsFiled'),
    requestsMatched: sum('requestsMatched'),
    hourMinutes: sum('hourMinutes'),
    hourGuides: sum('hourGuides'),
    medianDaysToMatch: totalMedian,
  };
  const tableRows = [...rows, total];
  const cells: CellInput[] = [];
  for (const row of tableRows) {
    const values = valuesOf(row);
    for (const key of ADDITIVE)
      cells.push({
        value: values[key],
        forceSmall: key === 'hours' && row.hourGuides > 0 && row.hourGuides < SMALL_CELL_THRESHOLD,
      });
  }
  const at = (row: number, key: (typeof ADDITIVE)[number]) => row * width + ADDITIVE.indexOf(key);
  const totalRow = rows.length;
  const groups: AdditiveGroup[] = [];
  // Within each row: filed = matched + unmatched.
  for (let r = 0; r <= totalRow; r++)
    groups.push({ total: at(r, 'requestsFiled'), parts: [at(r, 'requestsMatched'), at(r, 'requestsUnmatched')] });
  // Within each column: the programme's total = the sum of its offices.
  for (const key of ADDITIVE) groups.push({ total: at(totalRow, key), parts: rows.map((_, r) => at(r, key)) });
  const reasons = suppress(cells, groups);

  const present = (row: (typeof tableRows)[number], r: number): LandFiguresRow => {
    const out = {} as Record<LandFigure, LandCell>;
    for (const key of ADDITIVE) {
      const i = at(r, key);
      const raw = cells[i].value;
      out[key] = reasons[i]
        ? { value: null, suppressed: reasons[i] }
        : { value: key === 'hours' ? hoursOf(raw) : raw, suppressed: null };
    }
    // A median over fewer than five matches is close to one request's own time. It reveals no count, so a match
    // count withheld only to protect another cell (secondary) does not withhold its median.
    out.medianDaysToMatch =
      row.requestsMatched < SMALL_CELL_THRESHOLD
        ? { value: null, suppressed: 'small' }
        : {
            value: row.medianDaysToMatch === null ? null : Math.round(row.medianDaysToMatch * 10) / 10,
            suppressed: null,
          };
    return out;
  };
  return {
    offices: rows.map((row, r) => ({ id: row.officeId, name: row.name, city: row.city, figures: present(row, r) })),
    total: present(total, totalRow),
  };
}

export class LandService {
  constructor(private readonly ctx: AppContext) {}

  /** Defaults to the current calendar year so far, the period funders ask for most. */
  private period(query: z.output<typeof landPeriodQuery>) {
    if (query.from && query.to) return { from: query.from, to: query.to };
    const today = todayIn('Europe/Berlin', this.ctx.now());
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }

  async figures(actor: Actor, query: z.output<typeof landPeriodQuery>): Promise<LandFigures> {
    if (!policy.viewFigures(actor)) throw forbidden();
    const { from, to } = this.period(query);
    // The system scope spans offices; the programme filter in every statement is the boundary, and only aggregates
    // are selected, so no office's rows reach this process.
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const programme = await repo.programmeOfUser(tx, actor.userId);
      if (!programme) throw forbidden();
      const rows = await repo.figuresByOffice(tx, programme.id, from, to);
      const median = await repo.medianDaysToMatch(tx, programme.id, from, to);
      return { programme, from, to, threshold: SMALL_CELL_THRESHOLD, ...protectFigures(rows, median) };
    });
  }

  /** The same figures as a workbook: a cover sheet (programme, period, the suppression rule), then the comparison. */
  async figuresXlsx(actor: Actor, query: z.output<typeof landPeriodQuery>, locale: Locale) {
    const figures = await this.figures(actor, query);
    await inScope(this.ctx.database.db, 'system', (tx) =>
      recordAudit(tx, actor, {
        action: 'land.figures_exported',
        entityType: 'funding_programme',
        entityId: figures.programme.id,
        officeId: null,
        changes: { from: figures.from, to: figures.to },
      }),
    );
    const t = (key: string, params?: Record<string, unknown>) => translate(locale, `land.${key}`, params);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Lotsennetz';
    workbook.created = this.ctx.now();
    const sheetName = (name: string) => name.replace(/[*?:\\/[\]]/g, '').slice(0, 31);
    const cover = workbook.addWorksheet(sheetName(t('xlsx.cover')));
    cover.columns = [{ width: 34 }, { width: 60 }];
    cover.addRow([t('title')]).font = { bold: true, size: 13 };
    cover.addRow([t('xlsx.programme'), figures.programme.name]);
    cover.addRow([t('xlsx.region'), figures.programme.region]);
    cover.addRow([t('xlsx.from'), new Date(`${figures.from}T00:00:00Z`)]).getCell(2).numFmt = 'dd.mm.yyyy';
    cover.addRow([t('xlsx.to'), new Date(`${figures.to}T00:00:00Z`)]).getCell(2).numFmt = 'dd.mm.yyyy';
    cover.addRow([t('xlsx.offices'), figures.offices.length]);
    cover.addRow([]);
    cover.addRow([t('suppressionNote', { threshold: figures.threshold })]);
    cover.addRow([t('secondaryNote')]);

    const sheet = workbook.addWorksheet(sheetName(t('xlsx.comparison')));
    const header = sheet.addRow([t('office'), t('city'), ...LAND_FIGURES.map((k) => t(`figure.${k}`))]);
    header.font = { bold: true };
    // A withheld cell is text ("< 5" or "•"), never a number a formula could add up.
    const show = (cell: LandCell) =>
      cell.suppressed === 'small' ? '< 5' : cell.suppressed === 'secondary' ? '•' : cell.value;
    for (const office of figures.offices)
      sheet.addRow([office.name, office.city, ...LAND_FIGURES.map((k) => show(office.figures[k]))]);
    sheet.addRow([t('total'), '', ...LAND_FIGURES.map((k) => show(figures.total[k]))]).font = { bold: true };
    sheet.columns.forEach((column, i) => {
      column.width = i < 2 ? 30 : 16;
    });
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), figures };
  }

  // Programme administration (platform admin).

  private async presentAll(tx: Parameters<Parameters<typeof inScope>[2]>[0], ids?: string[]) {
    const programmes = (await repo.listProgrammes(tx)).filter((p) => !ids || ids.includes(p.id));
    const officeRows = await repo.officesOf(
      tx,
      programmes.map((p) => p.id),
    );
    const funders = new Map((await repo.funderCounts(tx)).map((r) => [r.programmeId, Number(r.n)]));
    return programmes.map(
      (p): FundingProgramme => ({
        id: p.id,
        name: p.name,
        region: p.region,
        offices: officeRows
          .filter((o) => o.programmeId === p.id)
          .map((o) => ({ id: o.id, name: o.name, city: o.city })),
        funderCount: funders.get(p.id) ?? 0,
        createdAt: p.createdAt.toISOString(),
      }),
    );
  }

  list(actor: Actor) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const items = await this.presentAll(tx);
      return { items, total: items.length };
    });
  }

  create(actor: Actor, input: z.output<typeof fundingProgrammeInput>) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const row = await repo.insertProgramme(tx, input);
      await recordAudit(tx, actor, {
        action: 'funding_programme.created',
        entityType: 'funding_programme',
        entityId: row.id,
        officeId: null,
        changes: diffFields(null, input),
      });
      return (await this.presentAll(tx, [row.id]))[0];
    });
  }

  update(actor: Actor, id: string, input: z.output<typeof fundingProgrammePatch>) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const before = await repo.findProgramme(tx, id);
      if (!before) throw notFound();
      await repo.updateProgramme(tx, id, input);
      await recordAudit(tx, actor, {
        action: 'funding_programme.updated',
        entityType: 'funding_programme',
        entityId: id,
        officeId: null,
        changes: diffFields(before, input),
      });
      return (await this.presentAll(tx, [id]))[0];
    });
  }

  /** Links exactly these offices to the programme; an office in another programme moves (one programme per office). */
  setOffices(actor: Actor, id: string, input: z.output<typeof fundingProgrammeOfficesInput>) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      if (!(await repo.findProgramme(tx, id))) throw notFound();
      const found = new Set((await repo.existingOffices(tx, input.officeIds)).map((o) => o.id));
      const unknown = input.officeIds.findIndex((o) => !found.has(o));
      if (unknown >= 0) throw invalidField(`officeIds.${unknown}`, 'officeUnknown');
      await repo.setOffices(tx, id, input.officeIds);
      await recordAudit(tx, actor, {
        action: 'funding_programme.offices_set',
        entityType: 'funding_programme',
        entityId: id,
        officeId: null,
        changes: { officeIds: input.officeIds },
      });
      return (await this.presentAll(tx, [id]))[0];
    });
  }
}
