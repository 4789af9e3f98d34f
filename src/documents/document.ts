import { PDFDocument } from 'pdf-lib';
import { type Locale, RTL_LOCALES } from '../shared/enums.js';
import { translate } from '../shared/i18n/index.js';
import * as b from './blocks.js';
import { type BarChartOptions, barChart } from './chart.js';
import { drawLine } from './draw.js';
import { A4, attachToPrevious, keepTogether, mm, paginate, type Row } from './layout.js';
import { drawFooter, letterhead, type Margins, type Office, runningHeader } from './letterhead.js';
import { type TableColumn, type TableOptions, table } from './table.js';
import { DocumentFonts, layoutText, type TextLine } from './text.js';

export type DocumentOptions = {
  /** Document title: PDF metadata, running header of pages 2+, window title. */
  title: string;
  office: Office;
  /** Printed in every footer, e.g. "Vereinbarung · Fassung 3 · erstellt am 03.12.2026". */
  reference: string;
  subject?: string;
  keywords?: string[];
  /** The reader's language: the footer's page label and the PDF's language tag (default German). */
  locale?: Locale;
  /** Creation and modification date in the metadata (default: now). */
  createdAt?: Date;
};

type Block = { rows: (ctx: b.Ctx) => Row[]; keepTogether?: boolean; keepWithPrevious?: boolean };
export type BlockOptions = { keepWithPrevious?: boolean };
export type Party = { label: string; name?: string };

const LANGUAGE_TAGS: Record<Locale, string> = {
  de: 'de-DE',
  en: 'en',
  ar: 'ar',
  fa: 'fa',
  tr: 'tr',
  ru: 'ru',
  uk: 'uk',
};

const MARGINS: Margins = { top: mm(16), right: mm(20), bottom: mm(24), left: mm(22) };

/**
 * A printable document: add blocks in reading order, then `render()`. Pages, page breaks, letterhead, footer
 * ("Seite x von y") and metadata are handled here, so every document of the product looks the same.
 */
export class PrintDocument {
  private readonly blocks: Block[] = [];

  constructor(readonly options: DocumentOptions) {}

  /** Any rows: the escape hatch for document-specific blocks. */
  add(rows: (ctx: b.Ctx) => Row[], o: BlockOptions & { keepTogether?: boolean } = {}): this {
    this.blocks.push({ rows, ...o });
    return this;
  }
  title(text: string, o: { badge?: string; subtitle?: string } = {}): this {
    return this.add((ctx) => titleRows(ctx, text, o));
  }
  heading(text: string, level: 1 | 2 = 1, o: BlockOptions = {}): this {
    return this.add((ctx) => b.heading(ctx, text, level), o);
  }
  paragraph(text: string, o: b.ParagraphOptions & BlockOptions = {}): this {
    return this.add((ctx) => b.paragraph(ctx, text, o), o);
  }
  list(items: b.ListItem[], o: { ordered?: boolean } & BlockOptions = {}): this {
    return this.add((ctx) => b.list(ctx, items, o), o);
  }
  keyValues(pairs: [string, string][], o: { labelWidth?: number } & BlockOptions = {}): this {
    return this.add((ctx) => b.keyValues(ctx, pairs, o), o);
  }
  banner(text: string, o: { tone?: 'warning' | 'info' } & BlockOptions = {}): this {
    return this.add((ctx) => b.banner(ctx, text, o), o);
  }
  /** A ruled table (attendance lists); see table.ts. */
  table(columns: TableColumn[], rows: string[][], o: TableOptions & BlockOptions = {}): this {
    return this.add((ctx) => table(ctx, columns, rows, o), o);
  }
  /** A horizontal bar chart drawn as vector graphics (see chart.ts); print its table too. */
  barChart(chart: BarChartOptions, o: BlockOptions = {}): this {
    return this.add((ctx) => barChart(ctx, chart), o);
  }
  rule(o: BlockOptions = {}): this {
    return this.add(() => [b.rule()], o);
  }
  /** Lines for place/date and signature, one column per party; never split, never alone at a page top. */
  signatures(parties: Party[], o: BlockOptions = { keepWithPrevious: true }): this {
    return this.add((ctx) => signatureRows(ctx, parties, this.options.locale ?? 'de'), { keepTogether: true, ...o });
  }
  /** Everything added inside `fill` stays on one page (if it fits on a page at all). */
  keepTogether(fill: (doc: PrintDocument) => void, o: BlockOptions = {}): this {
    const inner = new PrintDocument(this.options);
    fill(inner);
    return this.add((ctx) => inner.rowsFor(ctx), { ...o, keepTogether: true });
  }

  private rowsFor(ctx: b.Ctx): Row[] {
    const rows: Row[] = [];
    for (const block of this.blocks) {
      let r = block.rows(ctx);
      if (block.keepTogether) r = keepTogether(r);
      if (block.keepWithPrevious) attachToPrevious(rows, r);
      rows.push(...r);
    }
    return rows;
  }

  async render(): Promise<Uint8Array> {
    const o = this.options;
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const fonts = new DocumentFonts(pdf.context);
    const [pageWidth, pageHeight] = A4;
    const width = pageWidth - MARGINS.left - MARGINS.right;
    const rtl = RTL_LOCALES.includes(o.locale ?? 'de');
    const rows = this.rowsFor({ fonts, width, rtl });
    const head = letterhead(fonts, o.office, pageWidth, MARGINS);
    const running = runningHeader(fonts, o.office, o.title, pageWidth, MARGINS);
    const { placements, pages } = paginate(rows, {
      top: (i) => MARGINS.top + (i === 0 ? head.height + 14 : running.height + 14),
      bottom: MARGINS.bottom,
      pageHeight,
    });
    const pdfPages = Array.from({ length: pages }, () => pdf.addPage(A4));
    pdfPages.forEach((page, i) => {
      (i === 0 ? head : running).draw(page);
      drawFooter(
        fonts,
        page,
        o.reference,
        translate(o.locale ?? 'de', 'documents.page', { page: i + 1, total: pages }),
        MARGINS,
        rtl,
      );
    });
    for (const p of placements) p.row.draw(pdfPages[p.page], MARGINS.left, pageHeight - p.top, width);

    const date = o.createdAt ?? new Date();
    pdf.setTitle(o.title, { showInWindowTitleBar: true });
    pdf.setAuthor(o.office.name || 'Lotsennetz');
    if (o.subject) pdf.setSubject(o.subject);
    if (o.keywords) pdf.setKeywords(o.keywords);
    pdf.setLanguage(LANGUAGE_TAGS[o.locale ?? 'de']);
    pdf.setCreator('Lotsennetz');
    pdf.setProducer('Lotsennetz (pdf-lib, fontkit)');
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
    await fonts.embedAll();
    return pdf.save();
  }
}

/** Title with an optional badge ("Fassung 3") beside its first line and a subtitle below. */
function titleRows(ctx: b.Ctx, text: string, o: { badge?: string; subtitle?: string }): Row[] {
  const badgeSize = 10.5;
  const badge = o.badge ? layoutText(ctx.fonts, o.badge, { size: badgeSize, bold: true }, ctx.width / 3)[0] : undefined;
  const badgeWidth = badge ? badge.width + 20 : 0;
  const lines = b.paragraph({ ...ctx, width: ctx.width - badgeWidth - 12 }, text, {
    size: 18,
    bold: true,
    color: b.theme.accent,
    lineHeight: 1.3,
    spaceBefore: 0,
  });
  // One row for the whole title, the badge drawn after the title text so text extraction reads the title whole.
  const title: Row = {
    height: lines.reduce((sum, row) => sum + row.height, 0),
    spaceBefore: 0,
    keepWithNext: true,
    draw: (page, x, top, width) => {
      let y = top;
      for (const row of lines) {
        row.draw(page, x, y, width);
        y -= row.height;
      }
      if (!badge) return;
      const h = badgeSize + 9;
      const left = x + width - badgeWidth;
      const bottom = top - (lines[0].height - h) / 2 - h;
      page.drawRectangle({ x: left, y: bottom, width: badgeWidth, height: h, color: b.rgb(b.theme.accent) });
      drawLine(page, badge, left + 10, bottom + 6, badgeSize, [1, 1, 1]);
    },
  };
  const subtitle = o.subtitle ? b.paragraph(ctx, o.subtitle, { size: 12, spaceBefore: 4 }) : [];
  return keepTogether([title, ...subtitle]);
}

/** One column per party: role, name, then a line for place and date and a line for the signature. */
function signatureRows(ctx: b.Ctx, parties: Party[], locale: Locale): Row[] {
  const gapX = 18;
  const col = (ctx.width - gapX * (parties.length - 1)) / parties.length;
  const size = 9;
  const lh = size * 1.35;
  const columns = parties.map((p) => ({
    label: layoutText(ctx.fonts, p.label, { size, bold: true }, col),
    name: p.name ? layoutText(ctx.fonts, p.name, { size }, col) : [],
  }));
  const captionHeight = Math.max(...columns.map((c) => (c.label.length + c.name.length) * lh));
  const small = layoutText(ctx.fonts, translate(locale, 'documents.placeDate'), { size: 7.5 }, col)[0];
  const sign = layoutText(ctx.fonts, translate(locale, 'documents.signature'), { size: 7.5 }, col)[0];
  const writeSpace = 30;
  const height = captionHeight + 2 * (writeSpace + 12);
  return [
    {
      height,
      spaceBefore: 18,
      keepWithNext: false,
      draw: (page, x, top) => {
        columns.forEach((c, i) => {
          // Right to left, the first party signs at the right and every text starts at its column's right edge.
          const left = ctx.rtl ? x + ctx.width - (i + 1) * col - i * gapX : x + i * (col + gapX);
          const start = (line: TextLine) => (ctx.rtl ? left + col - line.width : left);
          [...c.label, ...c.name].forEach((line, j) => {
            const color = j < c.label.length ? b.theme.text : b.theme.muted;
            drawLine(page, line, start(line), top - (j + 1) * lh + 3, size, color);
          });
          let y = top - captionHeight;
          for (const caption of [small, sign]) {
            y -= writeSpace;
            b.hline(page, left, left + col, y, [0.35, 0.37, 0.4], 0.7);
            drawLine(page, caption, start(caption), y - 10, 7.5, b.theme.muted);
            y -= 12;
          }
        });
      },
    },
  ];
}

export function createDocument(options: DocumentOptions): PrintDocument {
  return new PrintDocument(options);
}
