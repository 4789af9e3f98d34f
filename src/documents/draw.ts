import {
  appendBezierCurve,
  beginText,
  closePath,
  endText,
  fill,
  lineTo,
  moveTo,
  type PDFArray,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import type { DocumentFont } from './shaping.js';
import type { PlacedRun, TextLine } from './text.js';

/**
 * Drawing shaped runs. Glyphs that stand for characters are shown as text, in visual order, with their
 * shaped advances (kerning, zero-width marks) as TJ adjustments, so a PDF reader gets the words back and
 * inserts no spurious spaces. Glyphs that GPOS moves off the pen position (Arabic dots, harakat) are drawn as
 * filled outlines at their exact place; if they stand for characters (a fatha), an invisible copy stays in the
 * text flow so the text layer still has it.
 */
const fontKeys = new WeakMap<PDFPage, Map<DocumentFont, PDFName>>();

function fontKey(page: PDFPage, font: DocumentFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const round = (n: number) => Math.round(n * 1000) / 1000;

export function drawLine(
  page: PDFPage,
  line: TextLine,
  x: number,
  y: number,
  size: number,
  color: [number, number, number],
) {
  for (const run of line.runs) drawRun(page, run, x + run.x, y, size, color);
}

function drawRun(page: PDFPage, run: PlacedRun, x: number, y: number, size: number, color: [number, number, number]) {
  const { font, shaped } = run;
  const upem = font.font.unitsPerEm;
  const per1000 = 1000 / upem;
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setFillingRgbColor(...color),
    beginText(),
    setFontAndSize(fontKey(page, font), size),
    setTextMatrix(1, 0, 0, 1, round(x), round(y)),
  ];
  type Segment = { invisible: boolean; items: (string | number)[] };
  const segments: Segment[] = [];
  const outlines: { id: number; x: number; y: number }[] = [];
  let pending = 0; // TJ adjustment in thousandths of the size (positive moves left)
  let pen = 0;
  for (const g of shaped.glyphs) {
    const offset = g.xOffset !== 0 || g.yOffset !== 0;
    if (offset || g.cps.length === 0) outlines.push({ id: g.id, x: pen + g.xOffset, y: g.yOffset });
    if (g.cps.length > 0) {
      const invisible = offset;
      let segment = segments[segments.length - 1];
      if (!segment || segment.invisible !== invisible) {
        segment = { invisible, items: [] };
        segments.push(segment);
        if (pending) segment.items.push(round(pending));
      } else if (pending) segment.items.push(round(pending));
      pending = 0;
      segment.items.push(hex4(font.cid(g.id, g.cps, g.advance)));
      pending += (g.advance - g.xAdvance) * per1000;
    } else pending -= g.xAdvance * per1000;
    pen += g.xAdvance;
  }
  let mode = TextRenderingMode.Fill;
  for (const segment of segments) {
    const wanted = segment.invisible ? TextRenderingMode.Invisible : TextRenderingMode.Fill;
    if (wanted !== mode) {
      mode = wanted;
      ops.push(setTextRenderingMode(mode));
    }
    ops.push(showAdjusted(page, segment.items));
  }
  ops.push(endText());
  const scale = size / upem;
  for (const o of outlines) ops.push(...outlineOps(font, o.id, x + o.x * scale, y + o.y * scale, scale));
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
}

/** `[<0012> -35 <0013>] TJ`, with neighbouring glyph codes merged into one string. */
function showAdjusted(page: PDFPage, items: (string | number)[]): PDFOperator {
  const array: PDFArray = page.doc.context.obj([]);
  let hex = '';
  for (const item of items) {
    if (typeof item === 'string') hex += item;
    else {
      if (hex) array.push(PDFHexString.of(hex));
      hex = '';
      array.push(PDFNumber.of(item));
    }
  }
  if (hex) array.push(PDFHexString.of(hex));
  return PDFOperator.of('TJ' as never, [array]);
}

type PathCommand = { command: string; args: number[] };

/** A glyph's outline as a filled path at (x, y), font units scaled by `scale`. */
function outlineOps(font: DocumentFont, id: number, x: number, y: number, scale: number): PDFOperator[] {
  const glyph = font.font.getGlyph(id) as unknown as { path: { commands: PathCommand[] } };
  const ops: PDFOperator[] = [];
  const px = (v: number) => round(x + v * scale);
  const py = (v: number) => round(y + v * scale);
  let cx = 0;
  let cy = 0;
  for (const { command, args } of glyph.path.commands) {
    if (command === 'moveTo') ops.push(moveTo(px(args[0]), py(args[1])));
    else if (command === 'lineTo') ops.push(lineTo(px(args[0]), py(args[1])));
    else if (command === 'bezierCurveTo')
      ops.push(appendBezierCurve(...(args.map((v, i) => (i % 2 ? py(v) : px(v))) as Six)));
    else if (command === 'quadraticCurveTo') {
      // PDF has only cubic curves: raise the degree (control points at 2/3 towards the quadratic one).
      const [qx, qy, ex, ey] = args;
      const c = [
        cx + (2 / 3) * (qx - cx),
        cy + (2 / 3) * (qy - cy),
        ex + (2 / 3) * (qx - ex),
        ey + (2 / 3) * (qy - ey),
      ];
      ops.push(appendBezierCurve(px(c[0]), py(c[1]), px(c[2]), py(c[3]), px(ex), py(ey)));
    } else if (command === 'closePath') ops.push(closePath());
    if (args.length >= 2) [cx, cy] = args.slice(-2);
  }
  if (ops.length) ops.push(fill());
  return ops;
}
type Six = [number, number, number, number, number, number];
