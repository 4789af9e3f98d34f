import ExcelJS from 'exceljs';
import type { Locale } from '../shared/enums.js';
import { intlLocaleOf } from '../shared/numbers.js';

/** A cell's kind decides how it is written: dates become real date cells in XLSX and local dates in CSV. */
export type ExportColumn = { key: string; header: string; width?: number; type?: 'text' | 'date' | 'number' | 'phone' };
export type ExportValue = string | number | Date | null | undefined;

/** A date-only value (ISO YYYY-MM-DD) as a Date at midnight UTC, which Excel shows as that calendar day. */
export const exportDate = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Digits, spaces and + ( ) / - only: such a cell cannot hold a formula, so it needs no guard (and no apostrophe). */
const SAFE_PHONE = /^\+?[0-9 ()/-]+$/;
/** Text that a spreadsheet would run as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** XLSX through exceljs: a header row, frozen pane, auto-filter, typed date and number cells. */
export async function toXlsx(
  sheetName: string,
  columns: ExportColumn[],
  rows: Record<string, ExportValue>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotsennetz';
  workbook.created = new Date();
  // Excel forbids * ? : \ / [ ] in sheet names (exceljs throws), and "Lots:innen" has a colon.
  const safeName = sheetName.replace(/[*?:\\/[\]]/g, '').slice(0, 31);
  const sheet = workbook.addWorksheet(safeName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width ?? 20,
    style: c.type === 'date' ? { numFmt: 'dd.mm.yyyy' } : undefined,
  }));
  sheet.getRow(1).font = { bold: true };
  // A string cell is never evaluated, so XLSX text needs no apostrophe; dates and numbers stay typed.
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * RFC 4180 CSV with a BOM and semicolons, as German Excel expects; dates in the reader's format. Cells that start
 * with = + - @ are prefixed with a quote so a spreadsheet never runs them as formulas (CSV injection), except
 * phone numbers, which the schema restricts to digits and + ( ) / - and so cannot hold a formula.
 */
export function toCsv(columns: ExportColumn[], rows: Record<string, ExportValue>[], locale: Locale = 'de'): string {
  const dates = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : intlLocaleOf(locale), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const cell = (value: ExportValue, column: ExportColumn) => {
    let text = value === null || value === undefined ? '' : value instanceof Date ? dates.format(value) : String(value);
    const safe = column.type === 'phone' && SAFE_PHONE.test(text);
    if (!safe && FORMULA_START.test(text)) text = `'${text}`;
    return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.map((c) => cell(c.header, { key: '', header: '' })).join(';'),
    ...rows.map((r) => columns.map((c) => cell(r[c.key], c)).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
