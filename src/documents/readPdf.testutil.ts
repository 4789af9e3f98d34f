import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF opened with Mozilla's pdf.js the way every test reads one: no system fonts, no eval, no console noise. */
export const openPdf = (data: Uint8Array) =>
  getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;

/**
 * Text of each page as Mozilla's pdf.js extracts it (for tests), whitespace collapsed.
 *
 * No bidi post-processing is needed or done: a PDF stores right-to-left text in visual order (so do we: fontkit
 * reverses the glyphs of an RTL run), and pdf.js runs the bidi algorithm on every text item, which turns an
 * Arabic run back into logical order. Items are joined in content-stream order, i.e. left to right on the line;
 * for German lines with an embedded Arabic name that is also the reading order.
 */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const document = await openPdf(data);
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  await document.destroy();
  return pages;
}

export type PdfTextItem = { page: number; str: string; x: number; y: number; width: number };

/** Every text item with its page (1-based) and position in PDF points (x from the left, y from the bottom). */
export async function pdfTextItems(data: Uint8Array): Promise<PdfTextItem[]> {
  const document = await openPdf(data);
  const items: PdfTextItem[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    for (const item of content.items)
      if ('str' in item && item.str.trim())
        items.push({ page, str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
  }
  await document.destroy();
  return items;
}

/** A test office for the letterhead. */
export const testOffice = {
  name: 'Koordinierungsstelle Integrationslots:innen Hannover',
  address: 'Trammplatz 2\n30159 Hannover',
  phone: '0511 168-12345',
  email: 'lotsen@hannover.example',
  website: '',
};

/** Number of (possibly overlapping) occurrences of `needle` in `text`. */
export const count = (text: string, needle: string) => text.split(needle).length - 1;
