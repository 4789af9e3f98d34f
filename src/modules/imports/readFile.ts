/** Reads an uploaded XLSX or CSV file into a header row and data rows of plain cell values (exceljs for both). */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../shared/imports.js';

/** A cell as read: text, a number (maybe an Excel serial date), a date cell, a boolean, or empty. */
export type Cell = string | number | boolean | Date | null;
export type SheetRow = { row: number; cells: Map<string, Cell> };
export type Sheet = { columns: string[]; rows: SheetRow[] };

const tooLarge = (code: string, maximum: number) =>
  new AppError(413, 'file_too_large', [{ path: 'content', code, params: { maximum } }]);
const unreadable = () => new AppError(400, 'validation_failed', [{ path: 'content', code: 'fileUnreadable' }]);

/** Rich text, hyperlinks (e-mail addresses often are) and formula results become their plain value. */
export function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return plainCell((value as { text?: ExcelJS.CellValue }).text ?? value.hyperlink);
    if ('result' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return null;
  }
  return null;
}

/** Semicolon (German Excel), comma or tab: whichever the header line has most of. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

async function worksheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // An XLSX file is a ZIP archive ("PK"); anything else is read as CSV text.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw unreadable();
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw unreadable();
    return sheet;
  }
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = bytes.toString('latin1'); // older Excel writes CSV in Windows-1252
  text = text.replace(/^\uFEFF/, '');
  // A text file has no control characters besides tab and line breaks: anything else is not a CSV file.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\0-\x08\x0B\x0C\x0E-\x1F]/.test(text)) throw unreadable();
  try {
    return await workbook.csv.read(Readable.from([text]), {
      // Every value stays text: dates, numbers and phone numbers are parsed by the import's own rules.
      map: (value: string) => (value === '' ? null : value),
      parserOptions: { delimiter: delimiterOf(text), trim: true },
    } as never);
  } catch {
    throw unreadable();
  }
}

export async function readSheet(base64: string): Promise<Sheet> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES) throw tooLarge('fileTooLarge', IMPORT_MAX_BYTES / 1024 / 1024);
  if (bytes.length === 0) throw unreadable();
  const sheet = await worksheetOf(bytes);
  if (sheet.rowCount - 1 > IMPORT_MAX_ROWS) throw tooLarge('tooManyRows', IMPORT_MAX_ROWS);
  const header = sheet.getRow(1);
  const columns: { index: number; name: string }[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= sheet.columnCount; i++) {
    const name = String(plainCell(header.getCell(i).value) ?? '')
      .replace(/[\0\u202A-\u202E\u2066-\u2069]/g, '')
      .trim()
      .slice(0, 200);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    columns.push({ index: i, name });
  }
  if (columns.length === 0) throw unreadable();
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<string, Cell>();
    for (const c of columns) {
      const value = plainCell(row.getCell(c.index).value);
      cells.set(c.name, typeof value === 'string' && value.trim() === '' ? null : value);
    }
    if ([...cells.values()].some((v) => v !== null)) rows.push({ row: number, cells });
  });
  if (rows.length > IMPORT_MAX_ROWS) throw tooLarge('tooManyRows', IMPORT_MAX_ROWS);
  return { columns: columns.map((c) => c.name), rows };
}
