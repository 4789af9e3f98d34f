import { type PDFPage, rgb as pdfRgb } from 'pdf-lib';
import { drawLine } from './draw.js';
import { type Color, protectLines, type Row } from './layout.js';
import { type DocumentFonts, layoutText, type TextLine, type TextStyle, textWidth } from './text.js';

/** The building blocks of every document, measured into rows. One look for all documents: see `theme`. */
export const theme = {
  text: [0.11, 0.12, 0.14] as Color,
  muted: [0.36, 0.38, 0.42] as Color,
  accent: [0.05, 0.27, 0.45] as Color,
  rule: [0.8, 0.82, 0.85] as Color,
  warning: { background: [1, 0.95, 0.88] as Color, bar: [0.8, 0.42, 0.05] as Color, text: [0.45, 0.2, 0] as Color },
  info: { background: [0.93, 0.96, 0.99] as Color, bar: [0.05, 0.27, 0.45] as Color, text: [0.05, 0.2, 0.35] as Color },
  body: 10,
  small: 8.5,
  lineHeight: 1.45,
};

/** `rtl`: the document's own language writes right to left (Arabic, Persian). */
export type Ctx = { fonts: DocumentFonts; width: number; rtl?: boolean };
export type ParagraphOptions = {
  size?: number;
  bold?: boolean;
  color?: Color;
  indent?: number;
  spaceBefore?: number;
  lineHeight?: number;
  /** 'document': the document's direction, not the text's first letter (names inside the document's sentences). */
  direction?: 'auto' | 'document';
};

const baseline = (top: number, height: number, size: number) => top - height / 2 - 0.32 * size;

/**
 * Draws wrapped lines; RTL paragraphs (an Arabic goal, say) are right-aligned. `fromRight`: a paragraph in the
 * direction of a right-to-left document starts every line at the right, its indent there too (a list's text).
 */
function lineRows(
  lines: TextLine[],
  style: TextStyle & { color: Color },
  indent: number,
  width: number,
  lh: number,
  fromRight = false,
) {
  const height = style.size * lh;
  return lines.map(
    (line): Row => ({
      height,
      spaceBefore: 0,
      keepWithNext: false,
      draw: (page, x, top) => {
        const left = fromRight || line.rtl ? x + width - (fromRight ? indent : 0) - line.width : x + indent;
        drawLine(page, line, left, baseline(top, height, style.size), style.size, style.color);
      },
    }),
  );
}

export function paragraph(ctx: Ctx, text: string, o: ParagraphOptions = {}): Row[] {
  const direction: TextStyle['direction'] = o.direction === 'document' ? (ctx.rtl ? 'rtl' : 'ltr') : undefined;
  const style = { size: o.size ?? theme.body, bold: o.bold, color: o.color ?? theme.text, direction };
  const indent = o.indent ?? 0;
  const lines = layoutText(ctx.fonts, text, style, ctx.width - indent);
  const fromRight = o.direction === 'document' && Boolean(ctx.rtl);
  const rows = protectLines(lineRows(lines, style, indent, ctx.width, o.lineHeight ?? theme.lineHeight, fromRight));
  if (rows.length) rows[0] = { ...rows[0], spaceBefore: o.spaceBefore ?? 6 };
  return rows;
}

/** A section heading: never the last thing on a page. */
export function heading(ctx: Ctx, text: string, level: 1 | 2 = 1): Row[] {
  const size = level === 1 ? 11.5 : 10;
  const rows = paragraph(ctx, text, { size, bold: true, color: theme.accent, spaceBefore: level === 1 ? 16 : 10 });
  return rows.map((row) => ({ ...row, keepWithNext: true }));
}

export type ListItem = { text: string; aside?: string; asideColor?: Color };

/** Numbered or bulleted items with a hanging indent; `aside` (a status) is right-aligned on the first line. */
export function list(ctx: Ctx, items: ListItem[], o: { ordered?: boolean; spaceBefore?: number } = {}): Row[] {
  const size = theme.body;
  const indent = o.ordered ? (items.length >= 10 ? 22 : 16) : 12;
  const rows: Row[] = [];
  items.forEach((item, i) => {
    const marker = o.ordered ? `${i + 1}.` : '•';
    const asideStyle = { size: theme.small, bold: true };
    const asideWidth = item.aside ? textWidth(ctx.fonts, item.aside, asideStyle) + 12 : 0;
    const rtl = Boolean(ctx.rtl);
    const lines = paragraph({ ...ctx, width: ctx.width - asideWidth }, item.text, {
      indent,
      spaceBefore: i ? 3 : 6,
      // A right-to-left document's list runs from the right: marker at the right edge, status at the left.
      direction: rtl ? 'document' : undefined,
    });
    const text = rtl
      ? lines.map((row): Row => ({ ...row, draw: (page, x, top, width) => row.draw(page, x + asideWidth, top, width) }))
      : lines;
    const markerLine = layoutText(ctx.fonts, marker, { size }, indent)[0];
    const asideLine = item.aside ? layoutText(ctx.fonts, item.aside, asideStyle, asideWidth)[0] : undefined;
    const drawText = text[0].draw;
    text[0] = {
      ...text[0],
      draw: (page, x, top, width) => {
        // Marker, text, status: drawn in reading order, so text extraction and copy & paste read "1. … erledigt".
        const base = baseline(top, text[0].height, size);
        const markerLeft = rtl ? x + width - indent + 5 : x + indent - 5 - markerLine.width;
        drawLine(page, markerLine, markerLeft, base, size, theme.muted);
        drawText(page, x, top, width);
        if (asideLine)
          drawLine(
            page,
            asideLine,
            rtl ? x : x + width - asideLine.width,
            base,
            theme.small,
            item.asideColor ?? theme.muted,
          );
      },
    };
    rows.push(...text);
  });
  if (rows.length) rows[0] = { ...rows[0], spaceBefore: o.spaceBefore ?? 6 };
  return rows;
}

/** Label and value pairs in two columns ("Einsatzstelle   AWO Region Hannover"). */
export function keyValues(ctx: Ctx, pairs: [string, string][], o: { labelWidth?: number } = {}): Row[] {
  const labelWidth = o.labelWidth ?? 145;
  const size = theme.body;
  const height = size * theme.lineHeight;
  const rows: Row[] = [];
  pairs.forEach(([label, value], p) => {
    const labels = layoutText(ctx.fonts, label, { size, bold: true }, labelWidth - 10);
    const values = layoutText(ctx.fonts, value || '–', { size }, ctx.width - labelWidth);
    const n = Math.max(labels.length, values.length);
    for (let i = 0; i < n; i++)
      rows.push({
        height,
        spaceBefore: i === 0 ? (p === 0 ? 6 : 3) : 0,
        keepWithNext: n <= 4 ? i < n - 1 : i === 0 || i === n - 2,
        draw: (page, x, top) => {
          const base = baseline(top, height, size);
          if (labels[i]) drawLine(page, labels[i], x, base, size, theme.muted);
          const v = values[i];
          // A one-line RTL value (an Arabic name) starts the column like everything else in a German form;
          // a wrapped RTL paragraph is set ragged-left, as it is read.
          const right = v?.rtl && values.length > 1;
          if (v) drawLine(page, v, right ? x + ctx.width - v.width : x + labelWidth, base, size, theme.text);
        },
      });
  });
  // A short group (the parties, the time frame) reads as one unit: keep it on one page.
  return rows.length <= 6 ? rows.map((row, i) => ({ ...row, keepWithNext: i < rows.length - 1 })) : rows;
}

/** A coloured box with a bar on the left, for notices that must not be overlooked. */
export function banner(ctx: Ctx, text: string, o: { tone?: 'warning' | 'info'; bold?: boolean } = {}): Row[] {
  const tone = theme[o.tone ?? 'info'];
  const size = theme.body;
  const pad = 8;
  const lines = layoutText(ctx.fonts, text, { size, bold: o.bold ?? true }, ctx.width - 2 * pad - 4);
  const lh = size * theme.lineHeight;
  const height = lines.length * lh + 2 * pad;
  return [
    {
      height: height + 4, // a little air below the box before what follows
      spaceBefore: 10,
      keepWithNext: false,
      draw: (page, x, top, width) => {
        page.drawRectangle({ x, y: top - height, width, height, color: rgb(tone.background) });
        page.drawRectangle({ x, y: top - height, width: 3.5, height, color: rgb(tone.bar) });
        lines.forEach((line, i) => {
          const left = line.rtl ? x + width - pad - line.width : x + pad + 4;
          drawLine(page, line, left, baseline(top - pad - i * lh, lh, size), size, tone.text);
        });
      },
    },
  ];
}

export function rule(o: { spaceBefore?: number; color?: Color; thickness?: number } = {}): Row {
  return {
    height: 1,
    spaceBefore: o.spaceBefore ?? 8,
    keepWithNext: false,
    draw: (page, x, top, width) => hline(page, x, x + width, top - 0.5, o.color ?? theme.rule, o.thickness ?? 0.6),
  };
}

export function hline(page: PDFPage, x1: number, x2: number, y: number, color: Color, thickness = 0.6) {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: rgb(color) });
}

export const rgb = ([r, g, b]: Color) => pdfRgb(r, g, b);
