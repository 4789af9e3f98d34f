/**
 * Cell rules of the import: text, dates (TT.MM.JJJJ, ISO, Excel serial numbers and date cells), lists, languages by
 * code or name (German, English, Arabic and the search synonyms), districts by the office's own names.
 */
import { LOCALES } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { LANGUAGE_NAMES } from '../../shared/languageNames.js';
import { LANGUAGE_SYNONYMS, normalizeSearch } from '../../shared/languageSynonyms.js';
import { isKnownLanguage } from '../../shared/reference-data.js';
import type { Cell } from './readFile.js';

/** A cell's problem: the field error code (translated with the validation catalogue) and its parameters. */
export class CellError extends Error {
  constructor(
    public readonly code: string,
    public readonly params?: Record<string, unknown>,
  ) {
    super(code);
  }
}

const HOSTILE = /[\0\u202A-\u202E\u2066-\u2069]/;

export function text(cell: Cell | string): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const value = String(cell).trim();
  if (HOSTILE.test(value)) throw new CellError(value.includes('\0') ? 'nul_character' : 'bidi_control');
  return value === '' ? null : value;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new CellError('importDate');
  if (year < 1900 || year > 2100) throw new CellError('date_out_of_range');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A calendar day as ISO YYYY-MM-DD. */
export function date(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number' || /^\d{1,5}(\.0+)?$/.test(String(cell).trim())) {
    const serial = Math.floor(Number(cell));
    if (serial < 1 || serial > 80_000) throw new CellError('importDate');
    const d = new Date(EXCEL_EPOCH + serial * 86_400_000);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const value = text(cell) ?? '';
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (german) return isoOf(Number(german[3]), Number(german[2]), Number(german[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  throw new CellError('importDate');
}

/** "a, b; c" or one per line. */
export function list(cell: Cell): string[] {
  const value = text(cell);
  if (!value) return [];
  return value
    .split(/[,;\n/]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const languageIndex = new Map<string, string>();
for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
  for (const name of [
    code,
    names.de,
    names.en,
    names.ar,
    ...(LANGUAGE_SYNONYMS[code as keyof typeof LANGUAGE_NAMES] ?? []),
  ]) {
    const key = normalizeSearch(name);
    // A synonym shared by two languages ("Kurdisch") names neither: the first one keeps it only if no other claims it.
    if (languageIndex.has(key) && languageIndex.get(key) !== code) languageIndex.set(key, '');
    else languageIndex.set(key, code);
  }
}
for (const code of Object.keys(LANGUAGE_NAMES)) languageIndex.set(code, code);

const LEVELS = ['native', 'C2', 'C1', 'B2', 'B1', 'A2', 'A1'] as const;
type Level = (typeof LEVELS)[number];
const levelIndex = new Map<string, Level>();
for (const level of LEVELS) {
  levelIndex.set(normalizeSearch(level), level);
  for (const locale of LOCALES) levelIndex.set(normalizeSearch(translate(locale, `level.${level}`)), level);
}
for (const word of ['muttersprache', 'muttersprachlich', 'native', 'mother tongue', 'erstsprache'])
  levelIndex.set(word, 'native');

/**
 * "Arabisch (Muttersprache), Englisch B2, fa": a language by code or name, optionally with a level in brackets or
 * after it; without one, the level is B1. Unknown names are a row error naming the value.
 */
export function languages(cell: Cell): { code: string; level: Level }[] {
  const out: { code: string; level: Level }[] = [];
  for (const item of list(cell)) {
    const m = /^(.*?)\s*(?:\(([^()]*)\)|:\s*(.+))$/.exec(item);
    const levelText = m ? (m[2] ?? m[3]) : undefined;
    let name = normalizeSearch(m ? m[1] : item);
    let level: Level | undefined = levelText ? levelIndex.get(normalizeSearch(levelText)) : undefined;
    if (!levelText) {
      const trailing = /^(.*)\s+(a1|a2|b1|b2|c1|c2)$/.exec(name);
      if (trailing) {
        name = trailing[1].trim();
        level = levelIndex.get(trailing[2]);
      }
    }
    if (levelText && !level) throw new CellError('importLevelUnknown');
    const code = languageIndex.get(name) || (isKnownLanguage(name) ? name : '');
    if (!code) throw new CellError('importLanguageUnknown');
    if (!out.some((l) => l.code === code)) out.push({ code, level: level ?? 'B1' });
  }
  return out;
}

/** The office's districts by normalised name. */
export type DistrictIndex = Map<string, string>;
export const districtIndex = (rows: { id: string; name: string }[]): DistrictIndex =>
  new Map(rows.map((d) => [normalizeSearch(d.name), d.id]));

export function district(cell: Cell | string, index: DistrictIndex): string | null {
  const name = text(cell);
  if (!name) return null;
  const id = index.get(normalizeSearch(name));
  if (!id) throw new CellError('districtUnknown');
  return id;
}

export function districts(cell: Cell, index: DistrictIndex): string[] {
  return [...new Set(list(cell).map((name) => district(name, index) as string))];
}

/** Whether a header names a target: its label in any UI language or one of the usual spreadsheet words. */
export const normalizeHeader = (header: string) => normalizeSearch(header).replace(/[^\p{L}\p{N}]+/gu, '');
