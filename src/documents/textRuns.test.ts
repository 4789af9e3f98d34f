import { describe, expect, it } from 'vitest';
import {
  assignFonts,
  type Covers,
  isRtlParagraph,
  logicalRuns,
  paragraphLevels,
  REPLACEMENT,
  visualRuns,
} from './textRuns.js';

/** Coverage like the real fonts, by ranges: Noto Sans (Latin, Greek, Cyrillic, punctuation, U+FFFD), Noto Sans
 * Arabic (Arabic block, ASCII punctuation and digits), Noto Emoji (pictographs, ZWJ, VS16, keycap digits). */
const covers: Covers = (font, cp) => {
  if (font === 'sans') return cp < 0x530 || (cp >= 0x2000 && cp <= 0x206f) || cp === 0xfffd;
  if (font === 'arabic') return (cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x20 && cp <= 0x7e);
  return (
    cp >= 0x1f000 || cp === 0x200d || cp === 0xfe0f || cp === 0x20e3 || cp === 0x2764 || (cp >= 0x30 && cp <= 0x39)
  );
};
const runs = (text: string) => logicalRuns(text, covers).map((r) => [r.font, r.text]);
const visual = (text: string, start?: number, end?: number) =>
  visualRuns(text, paragraphLevels(text), assignFonts(text, covers), start, end).map((r) => [
    r.font,
    r.text,
    r.rtl ? 'rtl' : 'ltr',
  ]);

describe('splitting text into font runs', () => {
  it('keeps an Arabic name, with the space between its words, in one Arabic run', () => {
    expect(runs('Frau فاطمة الحسيني kommt')).toEqual([
      ['sans', 'Frau '],
      ['arabic', 'فاطمة الحسيني'],
      ['sans', ' kommt'],
    ]);
  });

  it('draws Cyrillic and Greek with Noto Sans and an emoji with Noto Emoji', () => {
    expect(runs('Олена Коваленко 🌻')).toEqual([
      ['sans', 'Олена Коваленко '],
      ['emoji', '🌻'],
    ]);
    expect(runs('Mia 🌻 Schmidt')).toEqual([
      ['sans', 'Mia '],
      ['emoji', '🌻'],
      ['sans', ' Schmidt'],
    ]);
    expect(runs('Ελένη')).toEqual([['sans', 'Ελένη']]);
  });

  it('keeps emoji sequences whole (ZWJ families, skin tones, flags, keycaps, VS16) and spaces out of the emoji font', () => {
    expect(runs('👩‍👩‍👧 👍🏽 🇩🇪 1️⃣ ❤️')).toEqual([
      ['emoji', '👩‍👩‍👧'],
      ['sans', ' '],
      ['emoji', '👍🏽'],
      ['sans', ' '],
      ['emoji', '🇩🇪'],
      ['sans', ' '],
      ['emoji', '1️⃣'],
      ['sans', ' '],
      ['emoji', '❤️'],
    ]);
  });

  it('keeps Arabic harakat with their letters and Persian letters in the Arabic font', () => {
    expect(runs('مُحَمَّد')).toEqual([['arabic', 'مُحَمَّد']]);
    expect(runs('Name: زهرا احمدی')).toEqual([
      ['sans', 'Name: '],
      ['arabic', 'زهرا احمدی'],
    ]);
  });

  it('replaces characters no font has with U+FFFD (one per character, marks included), never dropping them silently', () => {
    expect(runs('王 Li')).toEqual([['sans', `${REPLACEMENT} Li`]]);
    expect(runs('Lin 王芳')).toEqual([['sans', `Lin ${REPLACEMENT}${REPLACEMENT}`]]);
  });

  it('falls back to the next font that has the glyph (Arabic-Indic digits after Latin text)', () => {
    expect(runs('Nr. ١٢')).toEqual([
      ['sans', 'Nr. '],
      ['arabic', '١٢'],
    ]);
  });
});

describe('bidi ordering per line', () => {
  it('orders a German line with an Arabic name left to right, the name as one RTL run', () => {
    expect(visual('Termin mit فاطمة الحسيني am 3.12.')).toEqual([
      ['sans', 'Termin mit ', 'ltr'],
      ['arabic', 'فاطمة الحسيني', 'rtl'],
      ['sans', ' am 3.12.', 'ltr'],
    ]);
  });

  it('puts the runs of an Arabic paragraph right to left, with Latin words and numbers inside kept LTR', () => {
    const text = 'اسمي Mia Schmidt منذ 2026';
    expect(isRtlParagraph(paragraphLevels(text))).toBe(true);
    expect(visual(text)).toEqual([
      ['sans', '2026', 'ltr'],
      ['sans', ' ', 'rtl'],
      ['arabic', 'منذ', 'rtl'],
      ['sans', ' ', 'rtl'],
      ['sans', 'Mia Schmidt', 'ltr'],
      ['sans', ' ', 'rtl'],
      ['arabic', 'اسمي', 'rtl'],
    ]);
  });

  it('mirrors brackets in right-to-left context', () => {
    expect(visual('في هانوفر (٢٠٢٦)')).toEqual([
      ['sans', '(', 'rtl'],
      ['arabic', '٢٠٢٦', 'ltr'],
      ['sans', ' )', 'rtl'],
      ['arabic', 'في هانوفر', 'rtl'],
    ]);
  });

  it('reorders only the requested line of a wrapped paragraph', () => {
    const text = 'Erste Zeile فاطمة zweite Zeile';
    expect(visual(text, 12, 17)).toEqual([['arabic', 'فاطمة', 'rtl']]);
    expect(visual(text, 18, text.length)).toEqual([['sans', 'zweite Zeile', 'ltr']]);
  });

  // bidi-js classifies UTF-16 units, so an astral emoji resolves to an LTR level; one glyph looks the same either way.
  it('keeps surrogate pairs intact inside right-to-left text', () => {
    expect(visual('سلام 🌻 دنیا')).toEqual([
      ['arabic', 'دنیا', 'rtl'],
      ['sans', ' ', 'rtl'],
      ['emoji', '🌻', 'ltr'],
      ['sans', ' ', 'rtl'],
      ['arabic', 'سلام', 'rtl'],
    ]);
  });
});
