import { type Ctx, hline, rgb, theme } from './blocks.js';
import { drawLine } from './draw.js';
import type { Row } from './layout.js';
import { layoutText, type TextLine } from './text.js';

/**
 * A ruled table: a header row and body rows with a minimum height (room for a signature), columns as shares of the
 * width. Every body row carries the header as its `repeat` row, so a page that a table continues on starts with the
 * header again; a row is never split. In a right-to-left document (`ctx.rtl`) the first column is at the right and
 * every cell of a 'start' column is set from the right of its cell, numbers and Latin names too, so the column reads
 * as one edge; 'end' means the left. In a left-to-right document an RTL cell (an Arabic name) is set from the right
 * of its cell.
 */
export type TableColumn = { header: string; share: number; align?: 'start' | 'end' };
export type TableOptions = { minRowHeight?: number; size?: number };

export function table(ctx: Ctx, columns: TableColumn[], rows: string[][], o: TableOptions = {}): Row[] {
  const size = o.size ?? theme.body;
  const lh = size * theme.lineHeight;
  const pad = 4;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (ctx.width * c.share) / total);
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  // Right to left: the columns run from the right edge, mirrored.
  const lefts = ctx.rtl ? offsets.map((offset, i) => ctx.width - offset - widths[i]) : offsets;
  const edges = [0, ...lefts.map((left, i) => left + widths[i])];
  const atRight = (column: TableColumn, line: TextLine) =>
    ctx.rtl ? column.align !== 'end' : (column.align === 'end') !== line.rtl;

  const rowOf = (cells: string[], header: boolean, minHeight: number): Row => {
    const lines = cells.map((text, i) =>
      layoutText(ctx.fonts, text || '', { size, bold: header }, Math.max(10, widths[i] - 2 * pad)),
    );
    const height = Math.max(minHeight, Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * pad);
    return {
      height,
      spaceBefore: 0,
      keepWithNext: header,
      draw: (page, x, top, width) => {
        if (header) page.drawRectangle({ x, y: top - height, width, height, color: rgb(theme.info.background) });
        hline(page, x, x + width, top, theme.rule);
        hline(page, x, x + width, top - height, theme.rule);
        for (const edge of edges)
          page.drawLine({
            start: { x: x + edge, y: top },
            end: { x: x + edge, y: top - height },
            thickness: 0.6,
            color: rgb(theme.rule),
          });
        lines.forEach((cellLines, i) => {
          cellLines.forEach((line, n) => {
            const cellLeft = x + lefts[i] + pad;
            const cellWidth = widths[i] - 2 * pad;
            const left = atRight(columns[i], line) ? cellLeft + cellWidth - line.width : cellLeft;
            const base = top - pad - n * lh - lh / 2 - 0.32 * size;
            drawLine(page, line, left, base, size, header ? theme.text : theme.text);
          });
        });
      },
    };
  };
  const headers = columns.map((c) => c.header);
  const header: Row = { ...rowOf(headers, true, 0), spaceBefore: 8 };
  return [header, ...rows.map((r): Row => ({ ...rowOf(r, false, o.minRowHeight ?? 0), repeat: header }))];
}
