import { rgb, theme } from './blocks.js';
import { drawLine } from './draw.js';
import type { Color, Row } from './layout.js';
import { type DocumentFonts, layoutText } from './text.js';

/**
 * A horizontal bar chart drawn as PDF vector graphics: one group of bars per item (e.g. this period and the one
 * before), each bar with its value printed at its end. Series differ by fill *and* form (solid, outlined), and the
 * legend names them, so colour is never the only carrier; documents print the same figures as a table beside it.
 * In an RTL document the labels stand on the right and the bars grow to the left.
 */
export type ChartSeries = { name: string; style: 'solid' | 'outline' };
export type ChartItem = { label: string; values: number[]; texts: string[] };
export type BarChartOptions = { series: ChartSeries[]; items: ChartItem[]; rtl?: boolean };

type Ctx = { fonts: DocumentFonts; width: number };

const SIZE = 8.5;
const BAR = 8;
const GAP = 2;
const PAD = 7;

export function barChart(ctx: Ctx, o: BarChartOptions): Row[] {
  const colorOf = (i: number): Color => (i === 0 ? theme.accent : theme.muted);
  const labelWidth = ctx.width * 0.36;
  const valueWidth = 60;
  const barSpace = ctx.width - labelWidth - valueWidth - 12;
  const max = Math.max(0, ...o.items.flatMap((i) => i.values));
  const scale = max > 0 ? barSpace / max : 0;
  const rtl = !!o.rtl;

  // Legend: a swatch in the series' form, then its name.
  const legendLines = o.series.map((s) => layoutText(ctx.fonts, s.name, { size: SIZE }, ctx.width / 3)[0]);
  const legend: Row = {
    height: SIZE * 2,
    spaceBefore: 8,
    keepWithNext: true,
    draw: (page, x, top, width) => {
      let pen = 0;
      o.series.forEach((s, i) => {
        const line = legendLines[i];
        const swatchX = rtl ? x + width - pen - 12 : x + pen;
        drawBar(page, swatchX, top - SIZE - 4, 12, BAR, s.style, colorOf(i));
        const textX = rtl ? swatchX - 4 - line.width : swatchX + 16;
        drawLine(page, line, textX, top - SIZE - 2.5, SIZE, theme.text);
        pen += 16 + line.width + 18;
      });
    },
  };

  const rows = o.items.map((item, n): Row => {
    const labels = layoutText(ctx.fonts, item.label, { size: SIZE }, labelWidth - 8).slice(0, 2);
    const barsHeight = item.values.length * (BAR + GAP);
    const height = Math.max(barsHeight, labels.length * SIZE * 1.3) + PAD;
    const values = item.texts.map((text) => layoutText(ctx.fonts, text, { size: SIZE - 0.5 }, valueWidth)[0]);
    return {
      height,
      spaceBefore: 0,
      keepWithNext: n < o.items.length - 1 && o.items.length <= 12,
      draw: (page, x, top, width) => {
        labels.forEach((line, i) => {
          const left = rtl ? x + width - line.width : x + labelWidth - 8 - line.width;
          drawLine(page, line, left, top - (i + 1) * SIZE * 1.3 + 2, SIZE, theme.text);
        });
        item.values.forEach((v, i) => {
          const length = Math.max(v > 0 ? 1 : 0, v * scale);
          const y = top - (i + 1) * (BAR + GAP);
          const start = rtl ? x + width - labelWidth - length : x + labelWidth;
          drawBar(page, start, y, length, BAR, o.series[i]?.style ?? 'solid', colorOf(i));
          const text = values[i];
          if (text) {
            const textX = rtl ? start - 4 - text.width : start + length + 4;
            drawLine(page, text, textX, y + 1.5, SIZE - 0.5, theme.text);
          }
        });
        // The axis the bars start from.
        const axis = rtl ? x + width - labelWidth : x + labelWidth;
        page.drawLine({
          start: { x: axis, y: top },
          end: { x: axis, y: top - height },
          thickness: 0.6,
          color: rgb(theme.rule),
        });
      },
    };
  });
  if (rows.length) rows[rows.length - 1] = { ...rows[rows.length - 1], keepWithNext: false };
  return [legend, ...rows];
}

function drawBar(
  page: Parameters<Row['draw']>[0],
  x: number,
  y: number,
  width: number,
  height: number,
  style: ChartSeries['style'],
  color: Color,
) {
  if (width <= 0) return;
  if (style === 'solid') page.drawRectangle({ x, y, width, height, color: rgb(color) });
  else page.drawRectangle({ x, y, width, height, borderColor: rgb(color), borderWidth: 1, color: rgb([1, 1, 1]) });
}
