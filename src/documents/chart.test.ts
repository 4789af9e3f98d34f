import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createDocument } from './index.js';
import { pdfPages } from './readPdf.testutil.js';

const office = { name: 'Testbüro', address: '', phone: '', email: '', website: '' };
const series = [
  { name: 'Zeitraum', style: 'solid' as const },
  { name: 'Vorzeitraum', style: 'outline' as const },
];

describe('barChart', () => {
  it('draws bars as vector graphics with the legend, labels and values as text, left to right and right to left', async () => {
    for (const rtl of [false, true]) {
      const doc = createDocument({ title: 'Diagramm', office, reference: 'Test', locale: rtl ? 'ar' : 'de' });
      doc.barChart({
        rtl,
        series,
        items: [
          { label: 'Aktive Lots:innen', values: [12, 9], texts: ['12', '9'] },
          { label: 'المرشدون النشطون', values: [0, 4], texts: ['0', '4'] },
        ],
      });
      const bytes = await doc.render();
      const [text] = await pdfPages(bytes);
      expect(text).toContain('Zeitraum');
      expect(text).toContain('Vorzeitraum');
      expect(text).toContain('Aktive Lots:innen 12 9');
      expect(text).toContain('المرشدون النشطون');
      // The bars are paths in the page's content stream (m l l l h, then f or B), not images.
      const outlinedBars = async (pdfBytes: Uint8Array) => {
        const pdf = await PDFDocument.load(pdfBytes);
        const contents = pdf.context.lookup(pdf.getPages()[0].node.get(PDFName.of('Contents')));
        const streams =
          contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
        const content = streams
          .map((stream) => new TextDecoder().decode(decodePDFRawStream(stream as PDFRawStream).decode()))
          .join('\n');
        return content.match(/\bh\s+B\b/g)?.length ?? 0;
      };
      const empty = await createDocument({ title: 'Diagramm', office, reference: 'Test' }).paragraph('x').render();
      // The previous period's series is drawn outlined (filled white and stroked: B): its legend swatch and two bars.
      expect((await outlinedBars(bytes)) - (await outlinedBars(empty))).toBe(3);
      expect(await PDFDocument.load(bytes).then((d) => d.getPageCount())).toBe(1);
    }
  });
});
