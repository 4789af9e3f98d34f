import type { PDFPage } from 'pdf-lib';
import { hline, theme } from './blocks.js';
import { drawLine } from './draw.js';
import { type DocumentFonts, layoutText, type TextLine } from './text.js';

/** The office's letterhead on the first page, a running header on the others, and the footer on every page. */
export type Office = { name: string; address: string; phone: string; email: string; website: string };

export type Margins = { top: number; right: number; bottom: number; left: number };

type Measured = { lines: TextLine[]; size: number; lh: number; bold?: boolean };
const block = (fonts: DocumentFonts, text: string, size: number, width: number, bold = false): Measured => ({
  lines: text.trim() ? layoutText(fonts, text.trim(), { size, bold }, width) : [],
  size,
  lh: size * 1.35,
  bold,
});
const heightOf = (m: Measured) => m.lines.length * m.lh;

function drawBlock(
  page: PDFPage,
  m: Measured,
  x: number,
  top: number,
  width: number,
  align: 'left' | 'right',
  color: typeof theme.text,
) {
  m.lines.forEach((line, i) => {
    const left = align === 'right' || line.rtl ? x + width - line.width : x;
    drawLine(page, line, left, top - i * m.lh - m.size, m.size, color);
  });
}

/** Contact lines in print order; empty settings are left out. */
export function contactLines(office: Office): string[] {
  return [
    ...office.address.split(/\n/),
    office.phone.trim() ? `Tel. ${office.phone.trim()}` : '',
    office.email,
    office.website,
  ]
    .map((l) => l.trim())
    .filter(Boolean);
}

export type Letterhead = { height: number; draw: (page: PDFPage) => void };

/** Office name on the left, contact details right-aligned, an accent rule below. */
export function letterhead(fonts: DocumentFonts, office: Office, pageWidth: number, m: Margins): Letterhead {
  const width = pageWidth - m.left - m.right;
  // The contact column takes what its longest line needs (at most 42 %), the office name the rest.
  const contact = block(fonts, contactLines(office).join('\n'), theme.small, width * 0.42);
  const contactWidth = Math.max(0, ...contact.lines.map((l) => l.width));
  const name = block(fonts, office.name, 13, width - contactWidth - 24, true);
  const inner = Math.max(heightOf(name), heightOf(contact), 14);
  const height = inner + 12;
  return {
    height,
    draw: (page) => {
      const top = page.getHeight() - m.top;
      drawBlock(page, name, m.left, top, width, 'left', theme.accent);
      drawBlock(page, contact, m.left + width - contactWidth, top + 1, contactWidth, 'right', theme.muted);
      hline(page, m.left, m.left + width, top - inner - 8, theme.accent, 1.2);
    },
  };
}

/** Pages after the first: office name and document title in small print. */
export function runningHeader(
  fonts: DocumentFonts,
  office: Office,
  title: string,
  pageWidth: number,
  m: Margins,
): Letterhead {
  const width = pageWidth - m.left - m.right;
  const left = block(fonts, office.name, theme.small - 0.5, width * 0.5, true);
  const right = block(fonts, title, theme.small - 0.5, width * 0.45);
  left.lines = left.lines.slice(0, 1);
  right.lines = right.lines.slice(0, 1);
  const inner = Math.max(left.lh, right.lh);
  return {
    height: inner + 8,
    draw: (page) => {
      const top = page.getHeight() - m.top;
      drawBlock(page, left, m.left, top, width, 'left', theme.muted);
      drawBlock(page, right, m.left + width * 0.55, top, width * 0.45, 'right', theme.muted);
      hline(page, m.left, m.left + width, top - inner - 4, theme.rule, 0.6);
    },
  };
}

/**
 * The footer: the document's reference ("Engagementnachweis · فاطمة الحسيني · 01.01.2026 – 30.11.2026") and the page
 * number, mirrored in a right-to-left document. Each " · " part is closed with a mark of the document's direction:
 * otherwise the bidi algorithm runs an Arabic name and the dates after it together and reverses the period.
 */
export function drawFooter(
  fonts: DocumentFonts,
  page: PDFPage,
  reference: string,
  pageText: string,
  m: Margins,
  rtl = false,
) {
  const width = page.getWidth() - m.left - m.right;
  const size = theme.small - 0.5;
  const y = m.bottom - 22;
  hline(page, m.left, m.left + width, y + 12, theme.rule, 0.6);
  const direction = rtl ? 'rtl' : 'ltr';
  const mark = rtl ? '\u200f' : '\u200e';
  const pageLabel = layoutText(fonts, pageText, { size, direction }, width)[0];
  const parts = reference.split(' · ').join(`${mark} · ${mark}`);
  const ref = layoutText(fonts, parts, { size, direction }, width - pageLabel.width - 24)[0];
  const right = (line: typeof ref) => m.left + width - line.width;
  if (ref) drawLine(page, ref, rtl ? right(ref) : m.left, y, size, theme.muted);
  drawLine(page, pageLabel, rtl ? m.left : right(pageLabel), y, size, theme.muted);
}
