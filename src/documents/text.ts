import type { EmbeddingLevels } from 'bidi-js';
import type { PDFContext } from 'pdf-lib';
import { fontFamily, type LoadedFont, type Weight } from './fonts.js';
import { DocumentFont, type Shaped, shape } from './shaping.js';
import { assignFonts, type FontKey, isRtlParagraph, paragraphLevels, REPLACEMENT, visualRuns } from './textRuns.js';

/** Measuring and line-breaking text that mixes scripts: each line is a list of shaped runs in visual order. */
export type TextStyle = {
  size: number;
  bold?: boolean;
  color?: [number, number, number];
  /**
   * The paragraph's base direction; by default its first strong letter decides (an Arabic goal in a German agreement
   * reads right to left). A name in a sentence of the document's language must not decide: "أمل Haddad" stays in
   * that order in a German document.
   */
  direction?: 'ltr' | 'rtl';
};
export type PlacedRun = { font: DocumentFont; shaped: Shaped; x: number; width: number };
export type TextLine = { runs: PlacedRun[]; width: number; rtl: boolean };

/** The fonts of one document, created on first use so unused scripts add nothing to the file. */
export class DocumentFonts {
  private readonly fonts = new Map<string, DocumentFont>();
  private readonly families: Record<Weight, Map<FontKey, LoadedFont>>;

  constructor(private readonly context: PDFContext) {
    const family = (w: Weight) => new Map(fontFamily(w).map((f) => [f.key, f] as const));
    this.families = { regular: family('regular'), bold: family('bold') };
  }

  covers(weight: Weight) {
    const family = this.families[weight];
    return (key: FontKey, cp: number) => family.get(key)?.font.hasGlyphForCodePoint(cp) ?? false;
  }

  get(key: FontKey, weight: Weight): DocumentFont {
    const id = `${key}/${weight}`;
    let font = this.fonts.get(id);
    if (!font) {
      const loaded = this.families[weight].get(key) ?? this.families[weight].get('sans');
      if (!loaded) throw new Error('Noto Sans could not be loaded: documents cannot be rendered');
      font = new DocumentFont(loaded, this.context);
      this.fonts.set(id, font);
    }
    return font;
  }

  async embedAll(): Promise<void> {
    for (const font of this.fonts.values()) await font.embed(this.context);
  }
}

type Prepared = { text: string; levels: EmbeddingLevels; fonts: (FontKey | null)[]; weight: Weight };

function prepare(fonts: DocumentFonts, text: string, style: TextStyle): Prepared {
  const weight: Weight = style.bold ? 'bold' : 'regular';
  // Tabs become spaces; other control characters (pasted from elsewhere) carry nothing printable.
  const clean = text
    .normalize('NFC')
    .replace(/[\t\r]/g, ' ')
    .replace(/\p{Cc}/gu, '');
  return {
    text: clean,
    levels: paragraphLevels(clean, style.direction ?? 'auto'),
    fonts: assignFonts(clean, fonts.covers(weight)),
    weight,
  };
}

/** Width in points of `text[start, end)`, measured run by run in logical order. */
function measure(docFonts: DocumentFonts, p: Prepared, start: number, end: number, size: number): number {
  let width = 0;
  for (let i = start; i < end; ) {
    const key = p.fonts[i] ?? 'sans';
    let j = i;
    while (j < end && (p.fonts[j] ?? 'sans') === key) j++;
    const font = docFonts.get(key, p.weight).font;
    const runText = p.fonts[i] === null ? REPLACEMENT.repeat([...p.text.slice(i, j)].length) : p.text.slice(i, j);
    width += (shape(font, runText, key === 'arabic').width * size) / font.unitsPerEm;
    i = j;
  }
  return width;
}

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** Line ranges of one hard paragraph: greedy word wrap at spaces; a word wider than the line breaks by grapheme. */
function breakLines(docFonts: DocumentFonts, p: Prepared, size: number, maxWidth: number): [number, number][] {
  const words: [number, number][] = [];
  for (const m of p.text.matchAll(/\S+/g)) words.push([m.index, m.index + m[0].length]);
  const lines: [number, number][] = [];
  let line: [number, number] | null = null;
  for (let [ws, we] of words) {
    if (line && measure(docFonts, p, line[0], we, size) <= maxWidth) {
      line[1] = we;
      continue;
    }
    if (line) lines.push(line);
    line = null;
    while (measure(docFonts, p, ws, we, size) > maxWidth) {
      let cut = ws;
      for (const g of graphemes.segment(p.text.slice(ws, we))) {
        const next = ws + g.index + g.segment.length;
        if (cut > ws && measure(docFonts, p, ws, next, size) > maxWidth) break;
        cut = next;
      }
      if (cut >= we) break;
      lines.push([ws, cut]);
      ws = cut;
    }
    line = [ws, we];
  }
  if (line) lines.push(line);
  return lines.length ? lines : [[0, 0]];
}

/** Lays out text (hard line breaks with \n) into lines no wider than `maxWidth` points. */
export function layoutText(docFonts: DocumentFonts, text: string, style: TextStyle, maxWidth: number): TextLine[] {
  const lines: TextLine[] = [];
  for (const paragraph of text.split('\n')) {
    const p = prepare(docFonts, paragraph, style);
    const rtl = isRtlParagraph(p.levels);
    for (const [start, end] of breakLines(docFonts, p, style.size, maxWidth)) {
      const runs: PlacedRun[] = [];
      let x = 0;
      for (const run of visualRuns(p.text, p.levels, p.fonts, start, end)) {
        const font = docFonts.get(run.font, p.weight);
        const shaped = shape(font.font, run.text, run.rtl);
        const width = (shaped.width * style.size) / font.font.unitsPerEm;
        runs.push({ font, shaped, x, width });
        x += width;
      }
      lines.push({ runs, width: x, rtl });
    }
  }
  return lines;
}

/** Width of a single line of text (no wrapping), e.g. to right-align a label. */
export function textWidth(docFonts: DocumentFonts, text: string, style: TextStyle): number {
  return layoutText(docFonts, text.replace(/\n/g, ' '), style, Number.POSITIVE_INFINITY)[0]?.width ?? 0;
}
