/**
 * What an import would do: each row parsed, matched against the office's records (by e-mail, name or the file's own
 * key), and classified as create, update or unchanged, or with its errors. Preview and commit run the same plan.
 */
import type { Tx } from '../../db/client.js';
import type { guides, partners } from '../../db/schema/index.js';
import { AppError, type FieldError } from '../../server/errors.js';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportMatchKey,
} from '../../shared/imports.js';
import { normalizeSearch } from '../../shared/languageSynonyms.js';
import { referenceRepository } from '../reference/repository.js';
import { districtIndex } from './cells.js';
import { fits, suggestMapping } from './mapping.js';
import type { Sheet } from './readFile.js';
import { importRepository as repo } from './repository.js';
import { type FieldProblem, type ParsedRow, parseRow } from './rows.js';

type Existing = typeof guides.$inferSelect | typeof partners.$inferSelect;
export type PlannedRow = {
  row: number;
  parsed: ParsedRow;
  problems: FieldProblem[];
  match: Existing | undefined;
  patch: Record<string, unknown>;
  action: 'create' | 'update' | 'unchanged' | null;
};
export type Plan = {
  mapping: ImportMapping;
  source: 'given' | 'remembered' | 'suggested';
  matchBy: ImportMatchKey;
  rows: PlannedRow[];
};

const nameKey = (kind: ImportKind, v: Record<string, unknown>) =>
  normalizeSearch(kind === 'guides' ? `${v.firstName ?? ''} ${v.lastName ?? ''}` : String(v.name ?? ''));

const sameValue = (a: unknown, b: unknown) => {
  const norm = (v: unknown) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : (v ?? null);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/** The fields the row fills whose value differs from the record's. */
function patchFor(parsed: ParsedRow, record: Existing): Record<string, unknown> {
  const values = parsed.values as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const path of parsed.present) {
    if (!sameValue(values[path], (record as Record<string, unknown>)[path])) patch[path] = values[path];
  }
  return patch;
}

function chooseMapping(kind: ImportKind, sheet: Sheet, given: ImportMapping | undefined, remembered?: ImportMapping) {
  if (given) {
    const errors: FieldError[] = [];
    for (const [field, column] of Object.entries(given)) {
      if (!column) continue;
      if (!(IMPORT_FIELDS[kind] as readonly string[]).includes(field))
        errors.push({ path: `mapping.${field}`, code: 'importFieldNotForKind' });
      else if (!sheet.columns.includes(column)) errors.push({ path: `mapping.${field}`, code: 'importColumnUnknown' });
    }
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
    return { mapping: given, source: 'given' as const };
  }
  if (remembered && fits(remembered, sheet.columns)) return { mapping: remembered, source: 'remembered' as const };
  return { mapping: suggestMapping(kind, sheet.columns), source: 'suggested' as const };
}

export async function planImport(
  tx: Tx,
  officeId: string,
  kind: ImportKind,
  sheet: Sheet,
  input: { mapping?: ImportMapping; matchBy?: ImportMatchKey },
): Promise<Plan> {
  const remembered = await repo.mapping(tx, officeId, kind);
  const { mapping, source } = chooseMapping(kind, sheet, input.mapping, remembered?.mapping);
  const matchBy = input.matchBy ?? (source === 'remembered' ? remembered?.matchBy : undefined) ?? 'email';
  if (matchBy === 'externalKey' && !mapping.externalKey)
    throw new AppError(400, 'validation_failed', [{ path: 'matchBy', code: 'importKeyNotMapped' }]);

  const index = districtIndex(await referenceRepository.listDistricts(tx, officeId));
  const existing: Existing[] = kind === 'guides' ? await repo.guides(tx, officeId) : await repo.partners(tx, officeId);
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byEmail = new Map<string, Existing>();
  const byName = new Map<string, Existing | null>();
  for (const record of existing) {
    if ('anonymisedAt' in record && record.anonymisedAt) continue;
    if (record.email) byEmail.set(record.email.toLowerCase(), record);
    const key = nameKey(kind, record);
    byName.set(key, byName.has(key) ? null : record); // two records of that name: the row cannot say which
  }
  const keys = matchBy === 'externalKey' ? await repo.keys(tx, officeId, kind) : new Map<string, string>();

  const firstRowOf = new Map<string, number>();
  const rows = sheet.rows.map((sheetRow): PlannedRow => {
    const parsed = parseRow(kind, sheetRow, mapping, index);
    const problems = [...parsed.problems];
    const values = parsed.values as Record<string, unknown>;
    let key: string | null = null;
    let keyField: ImportField;
    let match: Existing | undefined;
    let ambiguous = false;
    if (matchBy === 'externalKey') {
      keyField = 'externalKey';
      key = parsed.externalKey;
      if (!key) problems.push({ field: 'externalKey', code: 'required' });
      else match = byId.get(keys.get(key) ?? '');
    } else if (matchBy === 'email' && typeof values.email === 'string') {
      keyField = 'email';
      key = `email:${values.email.toLowerCase()}`;
      match = byEmail.get(values.email.toLowerCase());
    } else {
      keyField = kind === 'guides' ? 'lastName' : 'name';
      const name = nameKey(kind, values);
      key = name ? `name:${name}` : null;
      const found = byName.get(name);
      ambiguous = found === null;
      match = found ?? undefined;
    }
    if (ambiguous) problems.push({ field: keyField, code: 'importNameAmbiguous' });
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ field: keyField, code: 'importDuplicateRow', params: { row: first } });
      else firstRowOf.set(key, sheetRow.row);
    }
    // One line per error, in the order of the fields (as the mapping step lists them).
    const order = IMPORT_FIELDS[kind] as readonly string[];
    problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    if (problems.length) return { row: sheetRow.row, parsed, problems, match, patch: {}, action: null };
    const patch = match ? patchFor(parsed, match) : {};
    const action = !match ? 'create' : Object.keys(patch).length ? 'update' : 'unchanged';
    return { row: sheetRow.row, parsed, problems, match, patch, action };
  });
  return { mapping, source, matchBy, rows };
}
