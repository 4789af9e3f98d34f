import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { AppError, type FieldError, forbidden } from '../../server/errors.js';
import { fieldMessage } from '../../server/plugins/errorHandler.js';
import {
  IMPORT_FIELDS,
  type ImportFileInput,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type ImportRowError,
  REQUIRED_IMPORT_FIELDS,
} from '../../shared/imports.js';
import { recordAudit } from '../audit/recorder.js';
import type { GuideService } from '../guides/service.js';
import type { PartnerService } from '../partners/service.js';
import { referenceRepository } from '../reference/repository.js';
import { complete } from './mapping.js';
import { type Plan, type PlannedRow, planImport } from './plan.js';
import { importPolicy } from './policy.js';
import { readSheet, type Sheet } from './readFile.js';
import { importRepository as repo } from './repository.js';
import { rowLabel } from './rows.js';
import { sampleWorkbook } from './sample.js';

type Input = Omit<ImportFileInput, 'mapping'> & { mapping?: Record<string, string | null | undefined> };

export class ImportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly guides: GuideService,
    private readonly partners: PartnerService,
  ) {}

  private async start(actor: Actor, input: Input) {
    if (!importPolicy.import(actor)) throw forbidden();
    return { officeId: officeOf(actor), sheet: await readSheet(input.content) };
  }

  private plan(tx: Tx, officeId: string, kind: ImportKind, sheet: Sheet, input: Input) {
    return planImport(tx, officeId, kind, sheet, {
      mapping: input.mapping as Plan['mapping'] | undefined,
      matchBy: input.matchBy,
    });
  }

  async preview(actor: Actor, kind: ImportKind, input: Input): Promise<ImportPreview> {
    const { officeId, sheet } = await this.start(actor, input);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const plan = await this.plan(tx, officeId, kind, sheet, input);
      const rows = plan.rows.map((r) => ({
        row: r.row,
        label: rowLabel(r.parsed),
        action: r.action,
        errors: rowErrors(actor, plan, r),
      }));
      const count = (action: PlannedRow['action']) => plan.rows.filter((r) => r.action === action).length;
      return {
        kind,
        columns: sheet.columns,
        fields: IMPORT_FIELDS[kind].map((key) => ({ key, required: REQUIRED_IMPORT_FIELDS[kind].includes(key) })),
        mapping: complete(kind, plan.mapping),
        mappingSource: plan.source,
        matchBy: plan.matchBy,
        counts: {
          rows: plan.rows.length,
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
          invalid: count(null),
        },
        rows,
        errors: rows.flatMap((r) => r.errors),
      };
    });
  }

  /** All or nothing: one transaction, refused with every row error when a single row has one. */
  async commit(actor: Actor, kind: ImportKind, input: Input): Promise<ImportResult> {
    const { officeId, sheet } = await this.start(actor, input);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const plan = await this.plan(tx, officeId, kind, sheet, input);
      const errors: FieldError[] = plan.rows.flatMap((r) =>
        r.problems.map((p) => ({ path: `rows.${r.row}.${p.field}`, code: p.code, params: p.params })),
      );
      if (errors.length) throw new AppError(422, 'import_has_errors', errors);
      const result = { kind, created: 0, updated: 0, unchanged: 0 };
      const keys: { key: string; id: string }[] = [];
      const creates = plan.rows.filter((r) => r.action === 'create');
      const createdIds = await this.createAll(tx, actor, officeId, creates);
      creates.forEach((r, i) => {
        if (r.parsed.externalKey) keys.push({ key: r.parsed.externalKey, id: createdIds[i] });
      });
      result.created = creates.length;
      for (const r of plan.rows) {
        if (r.action === 'create') continue;
        const id = r.match?.id;
        if (r.action === 'update' && id) await rowError(r, () => this.update(tx, actor, officeId, id, r));
        if (r.action === 'update') result.updated++;
        else result.unchanged++;
        if (r.parsed.externalKey && id) keys.push({ key: r.parsed.externalKey, id });
      }
      await repo.saveKeys(tx, officeId, kind, keys);
      await repo.saveMapping(tx, officeId, kind, plan.mapping, plan.matchBy);
      await recordAudit(tx, actor, {
        action: 'import.committed',
        entityType: kind === 'guides' ? 'guide' : 'partner',
        changes: {
          rows: plan.rows.length,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
        },
      });
      return result;
    });
  }

  /** The new records in multi-row inserts (guides) or one by one (partners, a few hundred at most); ids in row order. */
  private async createAll(tx: Tx, actor: Actor, officeId: string, rows: PlannedRow[]): Promise<string[]> {
    if (!rows.length) return [];
    if (rows[0].parsed.kind === 'guides') {
      const values = rows.map((r) => r.parsed.values as Parameters<GuideService['createManyIn']>[3][number]);
      try {
        return await this.guides.createManyIn(tx, actor, officeId, values);
      } catch (e) {
        // A rule only the guide service knows (a certificate, a district): each row's errors, nothing written.
        if (!(e instanceof AppError) || !e.fieldErrors?.length) throw e;
        const errors = (e.fieldErrors ?? []).map((f) => {
          const [index, ...path] = f.path.split('.');
          return { ...f, path: `rows.${rows[Number(index)].row}.${path.join('.')}` };
        });
        throw new AppError(422, 'import_has_errors', errors);
      }
    }
    const ids: string[] = [];
    for (const r of rows) {
      const values = r.parsed.values as Parameters<PartnerService['createIn']>[3];
      ids.push(await rowError(r, async () => (await this.partners.createIn(tx, actor, officeId, values)).id));
    }
    return ids;
  }

  private async update(tx: Tx, actor: Actor, officeId: string, id: string, r: PlannedRow) {
    if (r.parsed.kind === 'guides') await this.guides.updateIn(tx, actor, officeId, id, r.patch as never);
    else await this.partners.updateIn(tx, actor, id, r.patch as never);
  }

  /** The sample's example row names one of the office's own districts, so the sample imports as it is. */
  async sample(actor: Actor, kind: ImportKind) {
    if (!importPolicy.import(actor)) throw forbidden();
    const officeId = officeOf(actor);
    const districts = await inScope(this.ctx.database.db, { officeId }, (tx) =>
      referenceRepository.listDistricts(tx, officeId),
    );
    return sampleWorkbook(kind, actor.locale, districts[0]?.name ?? '');
  }
}

/** A rule only the record's service knows (a certificate, a district): the row's error, nothing written. */
async function rowError<T>(r: PlannedRow, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const fieldErrors = e.fieldErrors?.length ? e.fieldErrors : [{ path: 'record', code: e.code }];
    throw new AppError(
      422,
      'import_has_errors',
      fieldErrors.map((f) => ({ ...f, path: `rows.${r.row}.${f.path}` })),
    );
  }
}

/** One line per error, worded in the reader's language (the API's validation catalogue). */
function rowErrors(actor: Actor, plan: Plan, r: PlannedRow): ImportRowError[] {
  return r.problems.map((p) => ({
    row: r.row,
    field: p.field,
    column: plan.mapping[p.field] ?? null,
    code: p.code,
    message: fieldMessage(actor.locale, { path: p.field, code: p.code, params: p.params }),
  }));
}
