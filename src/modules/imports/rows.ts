/**
 * One spreadsheet row to the guide or partner input the existing contracts validate (`shared/guides.ts`,
 * `shared/partners.ts`): cells are converted here, every rule of the record itself is the contract's.
 */
import type { z } from 'zod';
import { LOCALES, PARTNER_TYPES } from '../../shared/enums.js';
import { guideCreateInput } from '../../shared/guides.js';
import { translate } from '../../shared/i18n/index.js';
import { IMPORT_FIELDS, type ImportField, type ImportKind, REQUIRED_IMPORT_FIELDS } from '../../shared/imports.js';
import { normalizeSearch } from '../../shared/languageSynonyms.js';
import { partnerCreateInput } from '../../shared/partners.js';
import { CellError, type DistrictIndex, date, district, districts, languages, text } from './cells.js';
import type { Cell, SheetRow } from './readFile.js';

export type FieldProblem = { field: ImportField; code: string; params?: Record<string, unknown> };
export type GuideValues = z.output<typeof guideCreateInput>;
export type PartnerValues = z.output<typeof partnerCreateInput>;
export type ParsedRow =
  | { kind: 'guides'; values: GuideValues; present: Set<string>; externalKey: string | null; problems: FieldProblem[] }
  | {
      kind: 'partners';
      values: PartnerValues;
      present: Set<string>;
      externalKey: string | null;
      problems: FieldProblem[];
    };

const partnerTypeIndex = new Map<string, string>();
for (const type of PARTNER_TYPES) {
  partnerTypeIndex.set(normalizeSearch(type), type);
  for (const locale of LOCALES) partnerTypeIndex.set(normalizeSearch(translate(locale, `partnerType.${type}`)), type);
}

function partnerType(cell: Cell): string | null {
  const value = text(cell);
  if (!value) return null;
  const type = partnerTypeIndex.get(normalizeSearch(value));
  if (!type) throw new CellError('importPartnerTypeUnknown');
  return type;
}

/** Which import field a path of the record's contract belongs to. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  homeDistrictId: 'homeDistrict',
  serviceDistrictIds: 'serviceDistricts',
  districtId: 'district',
};

/** A zod issue as a catalogue code, the way the API's error handler words request errors. */
function codeOf(issue: z.core.$ZodIssue): { code: string; params?: Record<string, unknown> } {
  if (issue.message?.startsWith('validation.')) return { code: issue.message.slice('validation.'.length) };
  const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: unknown; maximum?: unknown; format?: string };
  if (i.code === 'too_small' && i.origin === 'string' && i.minimum === 1) return { code: 'required' };
  if (i.code === 'too_big' || i.code === 'too_small') {
    const origin = i.origin === 'array' ? 'array' : i.origin === 'string' ? 'string' : 'number';
    return { code: `${i.code}_${origin}`, params: { minimum: i.minimum, maximum: i.maximum } };
  }
  if (i.code === 'invalid_format' && i.format === 'email') return { code: 'invalid_email' };
  if (i.code === 'invalid_type') return { code: 'required' };
  return { code: 'invalid_value' };
}

type Reader = (cell: Cell) => unknown;

function readers(kind: ImportKind, index: DistrictIndex): Partial<Record<ImportField, [string, Reader]>> {
  if (kind === 'guides')
    return {
      firstName: ['firstName', text],
      lastName: ['lastName', text],
      email: ['email', text],
      phone: ['phone', text],
      languages: ['languages', languages],
      homeDistrict: ['homeDistrictId', (c) => district(c, index)],
      serviceDistricts: ['serviceDistrictIds', (c) => districts(c, index)],
      certifiedAt: ['certifiedAt', date],
      notes: ['notes', text],
    };
  return {
    name: ['name', text],
    type: ['type', partnerType],
    street: ['street', text],
    postalCode: ['postalCode', text],
    city: ['city', text],
    district: ['districtId', (c) => district(c, index)],
    email: ['email', text],
    phone: ['phone', text],
    notes: ['notes', text],
  };
}

/** Converts and validates one row; `present` names the record fields the row fills (empty cells change nothing). */
export function parseRow(
  kind: ImportKind,
  row: SheetRow,
  mapping: Partial<Record<ImportField, string | null>>,
  index: DistrictIndex,
): ParsedRow {
  const problems: FieldProblem[] = [];
  const raw: Record<string, unknown> = {};
  const present = new Set<string>();
  const cellOf = (field: ImportField) => {
    const column = mapping[field];
    return column ? (row.cells.get(column) ?? null) : null;
  };
  for (const [field, [path, read]] of Object.entries(readers(kind, index)) as [ImportField, [string, Reader]][]) {
    const cell = cellOf(field);
    if (cell === null) continue;
    try {
      const value = read(cell);
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      raw[path] = value;
      present.add(path);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      problems.push({ field, code: e.code, params: e.params });
    }
  }
  let externalKey: string | null = null;
  try {
    externalKey = text(cellOf('externalKey'))?.slice(0, 200) ?? null;
  } catch (e) {
    if (e instanceof CellError) problems.push({ field: 'externalKey', code: e.code });
  }
  const failed = new Set(problems.map((p) => p.field));
  for (const field of REQUIRED_IMPORT_FIELDS[kind])
    if (!failed.has(field) && cellOf(field) === null) problems.push({ field, code: 'required' });
  const schema = kind === 'guides' ? guideCreateInput : partnerCreateInput;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set(problems.map((p) => p.field));
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? '');
      const field = FIELD_OF_PATH[path] ?? (path as ImportField);
      if (seen.has(field) || !(IMPORT_FIELDS[kind] as readonly string[]).includes(field)) continue;
      seen.add(field);
      problems.push({ field, ...codeOf(issue) });
    }
  }
  const values = (parsed.success ? parsed.data : raw) as never;
  return { kind, values, present, externalKey, problems } as ParsedRow;
}

/** The label a row shows in the preview: the name as the file has it (only the caller's own file is echoed). */
export function rowLabel(parsed: ParsedRow): string {
  const v = parsed.values as Record<string, unknown>;
  const label = parsed.kind === 'guides' ? [v.firstName, v.lastName].filter(Boolean).join(' ') : String(v.name ?? '');
  return typeof label === 'string' ? label.slice(0, 200) : '';
}
