import ExcelJS from 'exceljs';

export type ExportColumn = { key: string; header: string; width?: number };

/** XLSX through exceljs: a real workbook with a header row, frozen pane and auto-filter. */
export async function toXlsx(
  sheetName: string,
  columns: ExportColumn[],
  rows: Record<string, unknown>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotsennetz';
  workbook.created = new Date();
  // Excel forbids * ? : \ / [ ] in sheet names (exceljs throws), and "Lots:innen" has a colon.
  const safeName = sheetName.replace(/[*?:\\/[\]]/g, '').slice(0, 31);
  const sheet = workbook.addWorksheet(safeName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * RFC 4180 CSV with a BOM and semicolons, as German Excel expects. Cells that start with = + - @ are
 * prefixed with a quote so a spreadsheet never runs them as formulas (CSV injection).
 */
export function toCsv(columns: ExportColumn[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.map((c) => cell(c.header)).join(';'),
    ...rows.map((r) => columns.map((c) => cell(r[c.key])).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
