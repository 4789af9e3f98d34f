import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { _forgetFont } from './fonts.js';
import { createDocument, fontProblems } from './index.js';
import { count, pdfPages, pdfTextItems, testOffice } from './readPdf.testutil.js';

const office = testOffice;
const newDoc = () => createDocument({ title: 'Testdokument', office, reference: 'Test · Ref 42', locale: 'de' });

type ParsedFont = {
  numGlyphs: number;
  getGlyph(id: number): { advanceWidth: number; path: { commands: unknown[] } };
};

/** The embedded font programs (FontFile2) of a PDF, parsed with fontkit. */
async function embeddedFonts(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const fonts: ParsedFont[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !object.dict.has(PDFName.of('Length1'))) continue;
    fonts.push(fontkit.create(new Uint8Array(decodePDFRawStream(object).decode())) as unknown as ParsedFont);
  }
  return fonts;
}

afterEach(() => _forgetFont('emoji', 'regular'));

describe('the document layer', () => {
  it('loads every font from npm, the monochrome emoji font included', () => {
    expect(fontProblems()).toEqual([]);
  });

  it('gives back Arabic, Persian, Cyrillic and emoji names from the PDF text', async () => {
    const bytes = await newDoc()
      .heading('Beteiligte')
      .keyValues([
        ['Lotsin', 'فاطمة الحسيني'],
        ['Begleitete Person', 'زهرا احمدی'],
        ['Einsatzstelle', 'Олена Коваленко'],
      ])
      .paragraph('Ansprechperson ist Mia 🌻 Schmidt; Rückfragen an فاطمة الحسيني oder Ελένη Παπαδοπούλου.')
      .render();
    const [text] = await pdfPages(bytes);
    for (const name of ['فاطمة الحسيني', 'زهرا احمدی', 'Олена Коваленко', 'Mia 🌻 Schmidt', 'Ελένη Παπαδοπούλου'])
      expect(text).toContain(name);
    expect(text).toContain('Rückfragen an فاطمة الحسيني oder');
  });

  it('embeds subsets whose glyphs all have outlines (no broken glyph table)', async () => {
    const bytes = await newDoc().paragraph('Lotsin Begleitung فاطمة 🌻').render();
    const fonts = await embeddedFonts(bytes);
    expect(fonts.length).toBe(4); // Noto Sans regular and bold (letterhead), Noto Sans Arabic, Noto Emoji: what is used
    for (const font of fonts) {
      expect(font.numGlyphs).toBeLessThan(60);
      // With a broken `loca` table most letters come out empty; the only empty glyph allowed is the space.
      let empty = 0;
      for (let id = 1; id < font.numGlyphs; id++) {
        const glyph = font.getGlyph(id);
        if (glyph.advanceWidth > 0 && glyph.path.commands.length === 0) empty++;
      }
      expect(empty).toBeLessThanOrEqual(1);
    }
    expect(bytes.length).toBeLessThan(60_000);
  });

  it('draws a replacement glyph instead of failing when a font is missing or a script is not covered', async () => {
    _forgetFont('emoji', 'regular', new Error('simulated: font cannot be parsed'));
    expect(fontProblems()).toEqual(['emoji/regular: simulated: font cannot be parsed']);
    const bytes = await newDoc().paragraph('Mia 🌻 Schmidt, 王芳').render();
    const [text] = await pdfPages(bytes);
    expect(text).toContain('Mia \uFFFD Schmidt, \uFFFD\uFFFD');
  });

  it('breaks pages, numbers them "Seite x von y" and repeats the reference in every footer', async () => {
    const doc = newDoc().title('Ein langes Dokument', { badge: 'Fassung 1' });
    for (let i = 1; i <= 40; i++) doc.heading(`Abschnitt ${i}`).paragraph('Ein Absatz mit etwas Text. '.repeat(8));
    const pages = await pdfPages(await doc.render());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('Test · Ref 42');
    });
    expect(pages[0]).toContain('Tel. 0511 168-12345');
    expect(pages[1]).not.toContain('Tel. 0511'); // the letterhead is on the first page only
    expect(pages[1]).toContain('Testdokument'); // running header
  });

  it('keeps a block together and a signature block with the text before it', async () => {
    for (let filler = 20; filler <= 34; filler++) {
      const doc = newDoc();
      for (let i = 0; i < filler; i++) doc.paragraph(`Zeile ${i}`);
      doc.keepTogether((d) => d.heading('Bestätigungen').paragraph('Bestätigt von beiden Seiten.'));
      doc.signatures([{ label: 'Einsatzstelle' }, { label: 'Lotsin / Lotse' }]);
      const pages = await pdfPages(await doc.render());
      const page = pages.find((p) => p.includes('Bestätigungen'))!;
      expect(page).toContain('Bestätigt von beiden Seiten.');
      expect(count(page, 'Unterschrift')).toBe(2);
    }
  });

  it('writes title, author (the office), language and subject into the metadata', async () => {
    const bytes = await createDocument({
      title: 'Vereinbarung – Test',
      subject: 'Betreff',
      office,
      reference: 'x',
      createdAt: new Date('2026-12-03T13:05:00Z'),
    })
      .paragraph('Text')
      .render();
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Vereinbarung – Test');
    expect(pdf.getAuthor()).toBe(office.name);
    expect(pdf.getSubject()).toBe('Betreff');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(de-DE)');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-12-03T13:05:00.000Z');
  });
});

describe('the footer', () => {
  const reference = 'Engagementnachweis · فاطمة الحسيني · 01.01.2026 – 30.11.2026';
  it('keeps an Arabic name from reversing the period after it in a German document', async () => {
    const bytes = await createDocument({ title: 'Test', office, reference, locale: 'de' }).paragraph('Text').render();
    const [text] = await pdfPages(bytes);
    expect(text).toContain('01.01.2026 – 30.11.2026');
    expect(text).not.toContain('30.11.2026 – 01.01.2026');
  });
  it('is mirrored in an Arabic document: the page number at the left, the reference at the right', async () => {
    const bytes = await createDocument({ title: 'Test', office, reference, locale: 'ar' }).paragraph('نص').render();
    const items = await pdfTextItems(bytes);
    const pageLabel = items.find((i) => i.str.includes('الصفحة'));
    const name = items.find((i) => i.str.includes('فاطمة') && i.y < 100);
    expect(pageLabel && name).toBeTruthy();
    expect(pageLabel?.x ?? 0).toBeLessThan(name?.x ?? 0);
  });
  it('puts the signature block at the right in an Arabic document', async () => {
    const sign = (locale: 'ar' | 'de') =>
      createDocument({ title: 'Test', office, reference, locale })
        .signatures([{ label: 'عن مكتب التنسيق', name: 'Mia Schmidt' }])
        .render();
    const xOf = async (bytes: Uint8Array) => (await pdfTextItems(bytes)).find((i) => i.str === 'Mia Schmidt')?.x ?? 0;
    expect(await xOf(await sign('ar'))).toBeGreaterThan(300);
    expect(await xOf(await sign('de'))).toBeLessThan(100);
  });
  it('runs a list from the right in an Arabic document: the bullet at the right edge, the text left of it', async () => {
    const bytes = await createDocument({ title: 'Test', office, reference, locale: 'ar' })
      .list([{ text: 'Basisqualifizierung · 40' }])
      .render();
    const items = await pdfTextItems(bytes);
    const bullet = items.find((i) => i.str === '•');
    const text = items.find((i) => i.str.includes('Basisqualifizierung'));
    expect(bullet && text).toBeTruthy();
    expect(bullet?.x ?? 0).toBeGreaterThan((text?.x ?? 0) + (text?.width ?? 0));
    expect(bullet?.x ?? 0).toBeGreaterThan(500);
  });
});
