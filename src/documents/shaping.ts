import { type PDFContext, PDFHexString, PDFName, type PDFRef, PDFString } from 'pdf-lib';
import type { FontkitFont, FontkitGlyph, FontkitSubset, LoadedFont } from './fonts.js';

/**
 * Shaping and embedding of one font into one document.
 *
 * Why not `pdfDoc.embedFont(bytes, { subset: true })`: pdf-lib draws fontkit's glyphs with their plain advance
 * widths and ignores the GPOS offsets, and it writes one ToUnicode entry per glyph id taken from fontkit's
 * glyph cache. Noto Sans Arabic decomposes letters into a dotless skeleton plus dots (ccmp) that GPOS then
 * places; with pdf-lib the dots land in the wrong place, and because ب ت ن ي share one skeleton glyph the
 * text read back from the PDF comes out with the wrong letters ("رهرا" for "زهرا"). So this class shapes with
 * fontkit (contextual forms, ligatures, mark positioning), subsets with fontkit, and writes the font
 * dictionaries itself: one CID per (glyph, characters) pair, so every glyph maps back to exactly the
 * characters it stands for.
 */
export type Shaped = {
  /** Glyphs in visual order; positions in font units. `cps` are the characters the glyph stands for. */
  glyphs: { id: number; cps: number[]; advance: number; xAdvance: number; xOffset: number; yOffset: number }[];
  width: number;
};

const layoutCache = new Map<FontkitFont, Map<string, Shaped>>();
const CACHE_LIMIT = 20_000;

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const isIgnorable = (cp: number) => IGNORABLE.test(String.fromCodePoint(cp));

/**
 * fontkit keeps one Glyph object per glyph id and stamps it with the characters of its first use, so a glyph
 * reached from two characters (ى/ی, a shared skeleton) reports the wrong one. During layout we hand out thin
 * per-use copies that carry the characters GSUB actually assigned. Synchronous, so no other caller observes it.
 */
function layoutWithCharacters(font: FontkitFont, text: string, rtl: boolean): Shaped {
  const original = font.getGlyph;
  font.getGlyph = function (id: number, codePoints: number[] = []) {
    return Object.create(original.call(this, id, codePoints), { codePoints: { value: [...codePoints] } });
  };
  let run: ReturnType<FontkitFont['layout']>;
  try {
    // Brackets are mirrored by the bidi step (bidi-js); the fonts' own `rtlm` would mirror them back.
    run = font.layout(text, { rtlm: false }, undefined, undefined, rtl ? 'rtl' : 'ltr');
  } finally {
    delete (font as { getGlyph?: unknown }).getGlyph; // back to the prototype's method
    if (font.getGlyph !== original) font.getGlyph = original;
  }
  const glyphs: Shaped['glyphs'] = [];
  let width = 0;
  run.glyphs.forEach((glyph: FontkitGlyph, i) => {
    const p = run.positions[i];
    width += p.xAdvance;
    // Joiners, variation selectors, bidi marks that no ligature consumed come back as zero-width spaces: drop them.
    if (p.xAdvance === 0 && glyph.codePoints.length > 0 && glyph.codePoints.every(isIgnorable)) return;
    glyphs.push({
      id: glyph.id,
      cps: glyph.codePoints,
      advance: glyph.advanceWidth,
      xAdvance: p.xAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
    });
  });
  return { glyphs, width };
}

/** Shapes a run (logical order in, visual order out), cached per process. */
export function shape(font: FontkitFont, text: string, rtl: boolean): Shaped {
  let perFont = layoutCache.get(font);
  if (!perFont) {
    perFont = new Map();
    layoutCache.set(font, perFont);
  }
  const key = `${rtl ? 'r' : 'l'}${text}`;
  let shaped = perFont.get(key);
  if (!shaped) {
    if (perFont.size > CACHE_LIMIT) perFont.clear();
    shaped = layoutWithCharacters(font, text, rtl);
    perFont.set(key, shaped);
  }
  return shaped;
}

/**
 * fontkit's subsetter writes the short `loca` format (offsets / 2) whenever the subset is small, but Noto Sans and
 * Noto Emoji store glyphs with odd byte lengths (long `loca`, no padding): halving the offsets then shifts every
 * later glyph and viewers draw nothing for most letters. Forcing the long format keeps byte offsets exact.
 */
function longLocaSubset(font: FontkitFont) {
  type Internal = FontkitSubset & { _addGlyph(gid: number): number; loca?: { version?: number } };
  const subset = font.createSubset() as Internal;
  const addGlyph = subset._addGlyph;
  subset._addGlyph = function (this: Internal, gid: number) {
    if (this.loca) this.loca.version = 1; // `encode` created `loca` just before adding the first glyph
    return addGlyph.call(this, gid);
  };
  return subset;
}

/** A font as used by one document: the glyphs it drew, their CIDs, and the objects written at the end. */
export class DocumentFont {
  readonly ref: PDFRef;
  readonly name: string;
  private readonly subset;
  private readonly cids = new Map<string, number>();
  private readonly included = new Set<number>();
  /** Per CID: advance width (font units) and the characters for ToUnicode. */
  private readonly entries: { advance: number; cps: number[] }[] = [];

  constructor(
    readonly loaded: LoadedFont,
    context: PDFContext,
  ) {
    this.ref = context.nextRef();
    this.name = `${loaded.key}-${loaded.weight}`;
    this.subset = longLocaSubset(loaded.font);
    this.entries[0] = { advance: loaded.font.getGlyph(0).advanceWidth, cps: [] };
    this.included.add(0);
    this.cids.set('0:', 0);
  }

  get font(): FontkitFont {
    return this.loaded.font;
  }
  get used(): boolean {
    return this.entries.length > 1;
  }

  /** The CID for a glyph standing for `cps`; the same outline used for other characters gets its own CID. */
  cid(id: number, cps: number[], advance: number): number {
    const key = `${id}:${cps.join(',')}`;
    let cid = this.cids.get(key);
    if (cid === undefined) {
      if (!this.included.has(id)) {
        cid = this.subset.includeGlyph(id);
        this.included.add(id);
      } else {
        this.subset.glyphs.push(id); // a second copy of the outline in the subset, with its own ToUnicode entry
        cid = this.subset.glyphs.length - 1;
      }
      this.cids.set(key, cid);
      this.entries[cid] = { advance, cps };
    }
    return cid;
  }

  /** Writes the subset font, its descriptor, widths and ToUnicode map at `ref`. */
  async embed(context: PDFContext): Promise<void> {
    const font = this.font;
    const scale = 1000 / font.unitsPerEm;
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const parts: Uint8Array[] = [];
      this.subset
        .encodeStream()
        .on('data', (chunk) => parts.push(chunk))
        .on('end', () => resolve(Buffer.concat(parts)))
        .on('error', reject);
    });
    const baseName = `${context.addRandomSuffix((font.postscriptName ?? this.name).replace(/[^A-Za-z0-9-]/g, ''), 6)}`;
    const fontFile = context.register(context.flateStream(bytes, { Length1: bytes.length }));
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseName,
        Flags: 4, // symbolic: glyphs are addressed by CID, not by a standard encoding
        FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        XHeight: Math.round((font.xHeight || 0) * scale),
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    const widths = this.entries.map((e) => Math.round((e?.advance ?? 0) * scale));
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseName,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        CIDToGIDMap: PDFName.of('Identity'),
        W: [0, widths],
      }),
    );
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(this.entries)));
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseName,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
const utf16Hex = (cps: number[]) =>
  cps
    .map((cp) => {
      if (cp <= 0xffff) return hex4(cp);
      const v = cp - 0x10000;
      return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
    })
    .join('');

/** ToUnicode CMap; glyphs without characters (dots split off a letter) are left out, so they add no text. */
export function toUnicodeCMap(entries: { cps: number[] }[]): string {
  const pairs = entries.flatMap((e, cid) => (e?.cps.length ? [`<${hex4(cid)}> <${utf16Hex(e.cps)}>`] : []));
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

export const cidHex = (cids: number[]) => PDFHexString.of(cids.map(hex4).join(''));
