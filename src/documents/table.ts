import { hline, rgb, theme } from './blocks.js';
import { drawLine } from './draw.js';
import type { Row } from './layout.js';
import { type DocumentFonts, layoutText } from './text.js';

/**
 * A ruled table: a header row and body rows with a minimum height (room for a signature), columns as shares of the
 * width. The header is repeated on no page (lists are short); a row is never split. RTL cells (Arabic names) are set
 * from the right of their cell.
 */
export type TableColumn = { header: string; share: number; align?: 'start' | 'end' };
export type TableOptions = { minRowHeight?: number; size?: number };

type Ctx = { fonts: DocumentFonts; width: number };

export function table(ctx: Ctx, columns: TableColumn[], rows: string[][], o: TableOptions = {}): Row[] {
  const size = o.size ?? theme.body;
  const lh = size * theme.lineHeight;
  const pad = 4;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (ctx.width * c.share) / total);
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));

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
        for (const edge of [...lefts, width])
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
            const end = columns[i].align === 'end' ? !line.rtl : line.rtl;
            const left = end ? cellLeft + cellWidth - line.width : cellLeft;
            const base = top - pad - n * lh - lh / 2 - 0.32 * size;
            drawLine(page, line, left, base, size, header ? theme.text : theme.text);
          });
        });
      },
    };
  };
  const out = [
    rowOf(
      columns.map((c) => c.header),
      true,
      0,
    ),
    ...rows.map((r) => rowOf(r, false, o.minRowHeight ?? 0)),
  ];
  out[0] = { ...out[0], spaceBefore: 8 };
  return out;
}
