import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { FontKey } from './textRuns.js';

/**
 * The typefaces every document may use, in fallback order: Noto Sans (Latin, Greek, Cyrillic, Vietnamese),
 * Noto Sans Arabic (Arabic, Persian, Urdu, Pashto) and the monochrome Noto Emoji. All come from npm packages,
 * so a deployment needs no system fonts and every installation prints identically.
 */
const FILES: Record<FontKey, Record<Weight, string>> = {
  sans: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  emoji: {
    regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
    bold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
  },
};

export type Weight = 'regular' | 'bold';

/** The subset of fontkit's font object the document layer relies on (the published typings omit `direction`). */
export type FontkitFont = {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  postscriptName: string | null;
  cff?: unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
  layout(
    text: string,
    features?: Record<string, boolean>,
    script?: string,
    language?: string,
    direction?: 'ltr' | 'rtl',
  ): { glyphs: FontkitGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  createSubset(): FontkitSubset;
};
export type FontkitGlyph = { id: number; codePoints: number[]; advanceWidth: number };
export type FontkitSubset = {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encodeStream(): SubsetStream;
};
type SubsetStream = {
  on(event: 'data', listener: (chunk: Uint8Array) => void): SubsetStream;
  on(event: 'end', listener: () => void): SubsetStream;
  on(event: 'error', listener: (error: Error) => void): SubsetStream;
};

export type LoadedFont = { key: FontKey; weight: Weight; file: string; font: FontkitFont };

const require = createRequire(import.meta.url);
const cache = new Map<string, LoadedFont | Error>();

/**
 * Loads (once per process) and parses a font. A font that cannot be read or parsed is remembered as an error:
 * documents then fall back to a visible replacement glyph instead of failing.
 */
export function loadFont(key: FontKey, weight: Weight): LoadedFont | Error {
  const id = `${key}/${weight}`;
  let entry = cache.get(id);
  if (!entry) {
    const file = FILES[key][weight];
    try {
      const bytes = readFileSync(require.resolve(file));
      const font = fontkit.create(new Uint8Array(bytes)) as unknown as FontkitFont;
      // Reject what we cannot subset into a CIDFontType2 (colour bitmap/SVG/CFF fonts need other code paths).
      if (font.cff) throw new Error(`${file}: CFF outlines are not supported by the document layer`);
      entry = { key, weight, file, font };
    } catch (error) {
      entry = error instanceof Error ? error : new Error(String(error));
    }
    cache.set(id, entry);
  }
  return entry;
}

/** Which fonts of a weight are usable, in fallback order (Noto Sans first). */
export function fontFamily(weight: Weight): LoadedFont[] {
  return (['sans', 'arabic', 'emoji'] as const)
    .map((key) => loadFont(key, weight))
    .filter((f): f is LoadedFont => !(f instanceof Error));
}

/** Problems loading fonts, for diagnostics and tests ("the emoji font could not be loaded: …"). */
export function fontProblems(): string[] {
  const problems: string[] = [];
  for (const key of ['sans', 'arabic', 'emoji'] as const)
    for (const weight of ['regular', 'bold'] as const) {
      const f = loadFont(key, weight);
      if (f instanceof Error) problems.push(`${key}/${weight}: ${f.message}`);
    }
  return problems;
}

/** For tests: pretend a font is missing, to check the graceful fallback. */
export function _forgetFont(key: FontKey, weight: Weight, replacement?: Error): void {
  if (replacement) cache.set(`${key}/${weight}`, replacement);
  else cache.delete(`${key}/${weight}`);
}
