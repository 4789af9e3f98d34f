import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentFonts, layoutText } from './text.js';

/** The text of a laid-out line's runs, left to right as printed (an RTL run's glyphs stay in logical order). */
const fontsFor = async () => new DocumentFonts((await PDFDocument.create()).context);
const sentence = 'أمل Haddad hat 12 Std. geleistet';

describe('a paragraph’s base direction', () => {
  it('follows the first strong letter by default: an Arabic start makes the line right to left', async () => {
    const [line] = layoutText(await fontsFor(), sentence, { size: 10 }, 1000);
    expect(line.rtl).toBe(true);
    // Right to left, the German words come first from the left and the Arabic name ends the line on the right.
    expect(line.runs.at(-1)?.font.loaded.key).toBe('arabic');
  });

  it('keeps the document’s direction when asked: in a German document the name stays first, on the left', async () => {
    const [line] = layoutText(await fontsFor(), sentence, { size: 10, direction: 'ltr' }, 1000);
    expect(line.rtl).toBe(false);
    expect(line.runs[0]?.font.loaded.key).toBe('arabic');
    expect(line.runs.at(-1)?.font.loaded.key).not.toBe('arabic');
  });

  it('sets a Latin name right to left in an Arabic document', async () => {
    const [line] = layoutText(await fontsFor(), 'Amal Haddad', { size: 10, direction: 'rtl' }, 1000);
    expect(line.rtl).toBe(true);
  });
});
