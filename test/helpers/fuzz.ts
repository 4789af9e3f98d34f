/**
 * Hostile inputs derived from a route's input schemas (JSON Schema converted from zod): every field the schema
 * declares, nested ones included, gets NUL characters, bidi controls, far dates, huge numbers, over-long text and
 * values of the wrong type, as fits its type. Used by `test/integration/fuzz.test.ts`.
 */
import type { JsonSchema } from './routes.js';

export type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** One field of an input schema: its path from the root and what it accepts. */
export type Field = {
  path: string[];
  types: Set<JsonType>;
  /** `date` or `date-time` when the field is a calendar date or an instant. */
  format?: string;
  maxLength?: number;
  integer: boolean;
  /** Child schema to descend into, per kind. */
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  record?: { key: string; value: JsonSchema };
};

/** A schema the walker cannot reason about: the fuzz suite fails instead of silently skipping the field. */
export class UnderivableField extends Error {}

const typeOf = (t: string): JsonType => (t === 'integer' ? 'number' : (t as JsonType));

function describe(schema: JsonSchema, path: string[]): Field {
  const field: Field = { path, types: new Set(), integer: false };
  const visit = (s: JsonSchema) => {
    if (s.$ref) throw new UnderivableField(`${path.join('.') || '(root)'}: $ref ${s.$ref}`);
    for (const t of [s.type ?? []].flat()) {
      field.types.add(typeOf(t));
      if (t === 'integer') field.integer = true;
    }
    if (s.const !== undefined && s.type === undefined) field.types.add(typeof s.const as JsonType);
    if (s.enum && s.type === undefined)
      for (const v of s.enum) field.types.add(v === null ? 'null' : (typeof v as JsonType));
    if (s.format === 'date' || s.format === 'date-time') field.format = s.format;
    if (typeof s.maxLength === 'number') field.maxLength = Math.max(field.maxLength ?? 0, s.maxLength);
    if (s.properties) field.properties = { ...field.properties, ...s.properties };
    if (s.prefixItems) field.prefixItems = s.prefixItems;
    else if (s.items) field.items = s.items;
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      const key = (s.propertyNames?.enum?.[0] as string | undefined) ?? 'fuzz';
      field.record = { key, value: s.additionalProperties };
    }
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) visit(branch);
  };
  visit(schema);
  if (field.types.size === 0) throw new UnderivableField(`${path.join('.') || '(root)'}: no type in the schema`);
  return field;
}

/** Every field under a schema (the root excluded), parents before children. */
export function fieldsOf(schema: JsonSchema | undefined): Field[] {
  if (!schema) return [];
  const out: Field[] = [];
  const walk = (field: Field) => {
    const children: [string, JsonSchema][] = [
      ...Object.entries(field.properties ?? {}),
      ...(field.prefixItems ?? []).map((s, i): [string, JsonSchema] => [String(i), s]),
      ...(field.items ? [['0', field.items] as [string, JsonSchema]] : []),
      ...(field.record ? [[field.record.key, field.record.value] as [string, JsonSchema]] : []),
    ];
    for (const [name, child] of children) {
      const described = describe(child, [...field.path, name]);
      out.push(described);
      if (described.path.length < 8) walk(described);
    }
  };
  walk(describe(schema, []));
  return out;
}

export const RAW_PREFIX = '__raw_json__:';
/** A number JSON can carry but JavaScript cannot (parses to Infinity): sent as raw JSON text. */
export const rawJson = (text: string) => `${RAW_PREFIX}${text}`;

export type ValueClass = 'nul' | 'bidi' | 'far-date' | 'huge-number' | 'wrong-type' | 'over-long';

export const NUL_TEXTS = ['Lotse\u0000in', '\u0000'];
/** Embedding, override and isolate controls; the fuzz uses one of each family. */
export const BIDI_TEXTS = ['Rechnung\u202Efdp.exe', '\u2067مرحبا\u2069', 'a\u202Ab'];
export const FAR_DATES = ['0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01', '+275760-09-13'];
export const FAR_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1899-12-31T23:59:59.999Z',
  '2101-01-01T00:00:00+01:00',
];
const WRONG_TYPE_VALUES: [JsonType, unknown][] = [
  ['number', 12345],
  ['string', 'kein passender Typ'],
  ['boolean', true],
  ['array', ['eins', 'zwei']],
  ['object', { unerwartet: true }],
];

/** The hostile values of one class for one body field; empty when the class does not fit the field. */
export function bodyValues(field: Field, cls: ValueClass): unknown[] {
  const is = (t: JsonType) => field.types.has(t);
  switch (cls) {
    case 'nul':
      return is('string') ? NUL_TEXTS : [];
    case 'bidi':
      return is('string') ? BIDI_TEXTS : [];
    case 'far-date':
      return field.format === 'date' ? FAR_DATES : field.format === 'date-time' ? FAR_DATE_TIMES : [];
    case 'huge-number':
      return is('number')
        ? [
            1e308,
            -1e308,
            2 ** 53 + 1,
            -(2 ** 53) - 1,
            rawJson('1e999'),
            rawJson('-1e999'),
            ...(field.integer ? [1.5] : []),
          ]
        : [];
    case 'wrong-type':
      return WRONG_TYPE_VALUES.filter(([t]) => !is(t)).map(([, v]) => v);
    case 'over-long':
      return is('string') ? ['x'.repeat((field.maxLength ?? 10_000) + 1)] : [];
  }
}

/** Query values are text (or a repeated key): the hostile strings for one query parameter. */
export function queryValues(field: Field, cls: ValueClass): (string | string[])[] {
  const numeric = field.types.has('number');
  switch (cls) {
    case 'nul':
      return NUL_TEXTS;
    case 'bidi':
      return BIDI_TEXTS;
    case 'far-date':
      return field.format === 'date' ? FAR_DATES : field.format === 'date-time' ? FAR_DATE_TIMES : [];
    case 'huge-number':
      return numeric ? ['1e308', '-1e308', '9007199254740993', '-1', 'NaN', 'Infinity', '-Infinity', '1e999'] : [];
    case 'wrong-type':
      // A repeated key arrives as an array; a boolean-like or numeric word where text is expected is fine.
      return [['eins', 'zwei']];
    case 'over-long':
      return ['x'.repeat((field.maxLength ?? 10_000) + 1)];
  }
}

/** Path parameters are text too; the same hostile strings plus the usual malformed ids. */
export const PATH_VALUES: Record<ValueClass, string[]> = {
  nul: NUL_TEXTS,
  bidi: BIDI_TEXTS,
  'far-date': ['9999-12-31', '0000-01-01'],
  'huge-number': ['1e308', '-1', '9007199254740993', 'NaN'],
  'wrong-type': ['not-a-uuid', 'true', '[]', '{}', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A'],
  'over-long': ['x'.repeat(2000)],
};

export const VALUE_CLASSES: ValueClass[] = ['nul', 'bidi', 'far-date', 'huge-number', 'wrong-type', 'over-long'];

/** Sets `value` at `path`, creating arrays for numeric segments. */
export function deepSet(target: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const nextIsIndex = /^\d+$/.test(path[i + 1]);
    const container = node as Record<string, unknown>;
    if (typeof container[key] !== 'object' || container[key] === null)
      container[key] = nextIsIndex ? [] : ({} as Record<string, unknown>);
    node = container[key] as Record<string, unknown>;
  }
  (node as Record<string, unknown>)[path[path.length - 1]] = value;
}

/** JSON text of a body, with raw-number placeholders (`1e999`) put in as bare numbers. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(new RegExp(`"${RAW_PREFIX}([^"]*)"`, 'g'), '$1');
}

/**
 * Packs (field, value) pairs into as few bodies as possible: a body never holds a field and its parent, so each
 * field's hostile value reaches the validator. Every field of a body must then be named in the 400 answer.
 */
export function packBodies(pairs: { field: Field; value: unknown }[]): { field: Field; value: unknown }[][] {
  const batches: { field: Field; value: unknown }[][] = [];
  const related = (a: string[], b: string[]) => {
    const n = Math.min(a.length, b.length);
    return a.slice(0, n).join('\u0001') === b.slice(0, n).join('\u0001');
  };
  for (const pair of pairs) {
    const fit = batches.find(
      (b) => b.length < 60 && !b.some((p) => p.field === pair.field || related(p.field.path, pair.field.path)),
    );
    if (fit) fit.push(pair);
    else batches.push([pair]);
  }
  return batches;
}
