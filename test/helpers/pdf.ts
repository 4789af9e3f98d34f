import { openPdf } from '../../src/documents/readPdf.testutil.js';

/** Extracts the text of every page with Mozilla's pdf.js, so tests read a PDF back as a person would. */
export async function pdfText(data: Uint8Array): Promise<string> {
  const document = await openPdf(data);
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}
