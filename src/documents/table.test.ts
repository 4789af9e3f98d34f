import { describe, expect, it } from 'vitest';
import { createDocument } from './index.js';
import { A4, mm } from './layout.js';
import { type PdfTextItem, pdfTextItems, testOffice } from './readPdf.testutil.js';
import type { TableColumn } from './table.js';

const office = testOffice;
/** The content column of document.ts (margins 22 mm left, 20 mm right) and the table's cell padding. */
const left = mm(22);
const right = A4[0] - mm(20);
const pad = 4;

const find = (items: PdfTextItem[], str: string) => {
  const found = items.filter((item) => item.str === str);
  expect(found, str).toHaveLength(1);
  return found[0];
};

describe('table', () => {
  it('sets the columns left to right in a German document', async () => {
    const columns: TableColumn[] = [
      { header: 'Tätigkeit', share: 4 },
      { header: 'Einsätze', share: 1.4, align: 'end' },
      { header: 'Stunden', share: 1.4, align: 'end' },
    ];
    const bytes = await createDocument({ title: 'Nachweis', office, reference: 'Ref', locale: 'de' })
      .table(columns, [['Begleitung zum Jobcenter', '12', '24,5']])
      .render();
    const items = await pdfTextItems(bytes);
    const xs = columns.map((c) => find(items, c.header).x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    expect(find(items, 'Tätigkeit').x).toBeCloseTo(left + pad, 0);
    const hours = find(items, '24,5');
    expect(hours.x + hours.width).toBeCloseTo(right - pad, 0); // 'end' is the right side in German
  });

  it('mirrors the columns in an Arabic document: the first column at the right, "end" at the left of its cell', async () => {
    const columns: TableColumn[] = [
      { header: 'المجال', share: 4 },
      { header: 'عدد المرات', share: 1.4, align: 'end' },
      { header: 'الساعات', share: 1.4, align: 'end' },
    ];
    const bytes = await createDocument({ title: 'كشف الساعات', office, reference: 'Ref', locale: 'ar' })
      .table(columns, [
        ['مرافقة إلى الدوائر', '12', '24,5'],
        ['Jobcenter Hannover-Mitte', '3', '6'],
      ])
      .render();
    const items = await pdfTextItems(bytes);
    const xs = columns.map((c) => find(items, c.header).x);
    expect(xs[0]).toBeGreaterThan(xs[1]);
    expect(xs[1]).toBeGreaterThan(xs[2]);
    const first = find(items, 'المجال');
    expect(first.x + first.width).toBeCloseTo(right - pad, 0);
    // Latin content of a 'start' column starts at the right too, so the column reads as one edge.
    const latin = find(items, 'Jobcenter Hannover-Mitte');
    expect(latin.x + latin.width).toBeCloseTo(right - pad, 0);
    // The middle column's cell spans [right - 5.4 shares, right - 4 shares]; 'end' sets from its left side.
    const share = (right - left) / 6.8;
    expect(find(items, '12').x).toBeCloseTo(right - 5.4 * share + pad, 0);
    expect(find(items, 'عدد المرات').x).toBeCloseTo(right - 5.4 * share + pad, 0);
    expect(find(items, '24,5').x).toBeCloseTo(left + pad, 0);
  });

  it('repeats the header at the top of every page a long table continues on, and loses no row', async () => {
    const doc = createDocument({ title: 'Teilnehmendenliste', office, reference: 'Ref', locale: 'de' });
    doc.keyValues([
      ['Datum', '03.12.2026'],
      ['Raum', 'A 1.02'],
    ]);
    const rows = Array.from({ length: 80 }, (_, i) => [String(i + 1), `Teilnehmerin ${i + 1}`, '', '']);
    doc.table(
      [
        { header: 'Nr.', share: 0.6 },
        { header: 'Name', share: 4 },
        { header: 'Unterschrift', share: 3.4 },
        { header: 'Fehlzeit', share: 1.6 },
      ],
      rows,
      { minRowHeight: 26 },
    );
    doc.paragraph('Die Angaben wurden geprüft.');
    const items = await pdfTextItems(await doc.render());
    const body = items.filter((item) => /^Teilnehmerin \d+$/.test(item.str));
    expect(body.map((item) => item.str)).toEqual(rows.map((r) => r[1]));
    const pages = [...new Set(body.map((item) => item.page))];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const headers = items.filter((item) => item.page === page && item.str === 'Name');
      expect(headers, `page ${page}`).toHaveLength(1);
      const highestRow = Math.max(...body.filter((item) => item.page === page).map((item) => item.y));
      expect(headers[0].y).toBeGreaterThan(highestRow);
      expect(headers[0].y - highestRow).toBeLessThan(30); // directly above the first row, not elsewhere
    }
  });
});
