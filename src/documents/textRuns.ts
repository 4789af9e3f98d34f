import bidiFactory, { type EmbeddingLevels } from 'bidi-js';

/**
 * Splitting a line of text into runs that one font can draw, and putting those runs in visual order with the
 * Unicode bidirectional algorithm. Pure functions: the fonts' coverage is passed in, so the rules are testable
 * without loading a font.
 */
export type FontKey = 'sans' | 'arabic' | 'emoji';
/** Does the font have a glyph for the code point? */
export type Covers = (font: FontKey, codePoint: number) => boolean;

/** A run in visual order. `text` is in logical order: the shaper reverses RTL runs itself (and must, to shape). */
export type VisualRun = { text: string; font: FontKey; rtl: boolean; start: number; end: number };
export type LogicalRun = { text: string; font: FontKey; start: number; end: number };

export const REPLACEMENT = '\uFFFD';
const bidi = bidiFactory();

const isArabicScript = (cp: number) =>
  (cp >= 0x600 && cp <= 0x6ff) ||
  (cp >= 0x750 && cp <= 0x77f) ||
  (cp >= 0x870 && cp <= 0x8ff) ||
  (cp >= 0xfb50 && cp <= 0xfdff) ||
  (cp >= 0xfe70 && cp <= 0xfeff);
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** Characters that belong to the character before them: combining marks, joiners, variation selectors, skin tones, tags. */
const isAttaching = (cp: number, ch: string) =>
  /\p{M}/u.test(ch) ||
  cp === 0x200d ||
  cp === 0x200c ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0020 && cp <= 0xe007f);
/** Characters that take their neighbours' font: spaces, punctuation, symbols, digits. */
const isNeutral = (ch: string) => /[\p{Z}\p{P}\p{S}\p{Nd}\p{Cc}]/u.test(ch) && !PICTOGRAPHIC.test(ch);

/** Which font a character wants before coverage is checked. Emoji: pictographs from the SMP, or with VS16. */
function preferredFont(cp: number, ch: string, next: number | undefined): FontKey {
  if (isArabicScript(cp)) return 'arabic';
  if (isRegionalIndicator(cp)) return 'emoji';
  if (PICTOGRAPHIC.test(ch) && (cp >= 0x1f000 || next === 0xfe0f)) return 'emoji';
  if (next === 0xfe0f || next === 0x20e3) return 'emoji'; // keycaps (1️⃣) and text symbols asking for emoji style
  return 'sans';
}

const FALLBACK_ORDER: FontKey[] = ['sans', 'arabic', 'emoji'];

/**
 * The font of every UTF-16 index of `text` (both halves of a surrogate pair get the same), or null where no font
 * has the glyph: those characters are drawn as U+FFFD by {@link visualRuns}.
 */
export function assignFonts(text: string, covers: Covers): (FontKey | null)[] {
  const chars = [...text];
  const cps = chars.map((c) => c.codePointAt(0)!);
  const fonts: (FontKey | null | 'neutral')[] = chars.map((ch, i) => {
    if (i > 0 && isAttaching(cps[i], ch)) return null; // resolved below from the previous character
    if (isNeutral(ch) && cps[i + 1] !== 0xfe0f && cps[i + 1] !== 0x20e3) return 'neutral';
    const preferred = preferredFont(cps[i], ch, cps[i + 1]);
    if (covers(preferred, cps[i])) return preferred;
    return FALLBACK_ORDER.find((f) => covers(f, cps[i])) ?? null;
  });
  const unsupported = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && isAttaching(cps[i], chars[i])) {
      // Marks and joiners stay with their base, even if that font lacks them (fontkit hides what it cannot draw).
      fonts[i] = fonts[i - 1];
      if (unsupported.has(i - 1)) unsupported.add(i);
    } else if (fonts[i] === null) unsupported.add(i);
  }
  // Neutrals join a run when the strong characters on both sides use the same font (a space between two Arabic
  // words stays inside the Arabic run, so the name is one run); otherwise they use Noto Sans. Spaces between emoji
  // use Noto Sans too: Noto Emoji's space is a full em wide.
  const strongBefore: (FontKey | undefined)[] = [];
  let last: FontKey | undefined;
  for (let i = 0; i < chars.length; i++) {
    strongBefore[i] = last;
    const f = fonts[i];
    if (f !== 'neutral' && f !== null) last = f;
  }
  let after: FontKey | undefined;
  for (let i = chars.length - 1; i >= 0; i--) {
    const f = fonts[i];
    if (f === 'neutral') {
      const before = strongBefore[i];
      const joins = before && before === after && (before !== 'emoji' || !/\s/u.test(chars[i]));
      fonts[i] =
        joins && covers(before, cps[i]) ? before : (FALLBACK_ORDER.find((font) => covers(font, cps[i])) ?? null);
      if (fonts[i] === null) unsupported.add(i);
    } else if (f !== null) after = f;
  }
  const perUnit: (FontKey | null)[] = [];
  chars.forEach((ch, i) => {
    const f = unsupported.has(i) ? null : (fonts[i] as FontKey);
    for (let u = 0; u < ch.length; u++) perUnit.push(f);
  });
  return perUnit;
}

/** The text drawn for the code point at UTF-16 index `i`: itself, its mirror image, or U+FFFD when no font has it. */
function drawnChar(text: string, i: number, fonts: (FontKey | null)[], mirror?: string): string {
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  if (fonts[i] !== null) return mirror ?? ch;
  return isAttaching(cp, ch) ? '' : REPLACEMENT; // a mark on a missing base adds nothing to its replacement
}

/** Consecutive characters with the same font, in logical order (for measuring and tests). */
export function logicalRuns(text: string, covers: Covers): LogicalRun[] {
  const fonts = assignFonts(text, covers);
  const runs: LogicalRun[] = [];
  for (let i = 0; i < text.length; ) {
    const font = fonts[i] ?? 'sans';
    let j = i;
    let s = '';
    while (j < text.length && (fonts[j] ?? 'sans') === font) {
      s += drawnChar(text, j, fonts);
      j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    }
    runs.push({ text: s, font, start: i, end: j });
    i = j;
  }
  return runs;
}

/** The bidi embedding levels of a paragraph; `auto` picks the direction from the first strong character. */
export function paragraphLevels(text: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto'): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction);
}

/** Base direction of a paragraph: RTL when its first strong character is Arabic (or Hebrew). */
export const isRtlParagraph = (levels: EmbeddingLevels) => (levels.paragraphs[0]?.level ?? 0) % 2 === 1;

/**
 * The runs of one line (`start` inclusive, `end` exclusive, indices into the paragraph) in visual order, left to
 * right. Runs break where the font or the direction changes. RTL runs keep logical order with mirrored brackets.
 */
export function visualRuns(
  text: string,
  levels: EmbeddingLevels,
  fonts: (FontKey | null)[],
  start = 0,
  end = text.length,
): VisualRun[] {
  if (end <= start) return [];
  // bidi-js returns indices for the whole string, reordered only within the line.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  const runs: VisualRun[] = [];
  let group: number[] = [];
  const flush = () => {
    if (!group.length) return;
    const sorted = [...group].sort((a, b) => a - b);
    const rtl = levels.levels[sorted[0]] % 2 === 1;
    let s = '';
    for (const i of sorted) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && sorted.includes(i - 1)) continue; // low half: done with high
      s += drawnChar(text, i, fonts, mirrored.get(i));
    }
    runs.push({ text: s, font: fonts[sorted[0]] ?? 'sans', rtl, start: sorted[0], end: sorted[sorted.length - 1] + 1 });
    group = [];
  };
  for (const i of order) {
    const prev = group[group.length - 1];
    if (prev !== undefined) {
      const same =
        (fonts[i] ?? 'sans') === (fonts[prev] ?? 'sans') &&
        levels.levels[i] % 2 === levels.levels[prev] % 2 &&
        Math.abs(i - prev) === 1 &&
        (group.length < 2 || i - prev === prev - group[group.length - 2]);
      if (!same) flush();
    }
    group.push(i);
  }
  flush();
  return runs;
}
