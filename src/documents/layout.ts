import type { PDFPage } from 'pdf-lib';

/**
 * Pagination. Content is measured into rows (a line of text, a rule, a signature block) before anything is
 * drawn, so a row can still move to the next page together with the rows it must stay with.
 */
export type Color = [number, number, number];

export const A4: [number, number] = [595.28, 841.89];
/** Millimetres to points. */
export const mm = (v: number) => (v * 72) / 25.4;

export type Row = {
  height: number;
  /** Space above the row; dropped when the row starts a page. */
  spaceBefore: number;
  /** The row must be on the same page as the next row (headings, first lines, blocks kept together). */
  keepWithNext: boolean;
  /** Draws the row; `top` is the PDF y coordinate of the row's upper edge, `x`/`width` the content column. */
  draw: (page: PDFPage, x: number, top: number, width: number) => void;
  /** Placed above this row when it starts a page: a table's header row, so every page of a long table has one. */
  repeat?: Row;
};

export type Frame = {
  /** Distance from the top of the page to the first row, per page (the first page has the letterhead). */
  top: (pageIndex: number) => number;
  /** Distance from the bottom of the page to the lowest allowed row edge (above the footer). */
  bottom: number;
  pageHeight: number;
};

export type Placement = { row: Row; page: number; top: number };

/** Sequences of rows joined by `keepWithNext`. */
function chains(rows: Row[]): Row[][] {
  const result: Row[][] = [];
  let current: Row[] = [];
  for (const row of rows) {
    current.push(row);
    if (!row.keepWithNext) {
      result.push(current);
      current = [];
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** Height of a chain; at the top of a page its first row brings its repeated header along. */
const chainHeight = (chain: Row[], atTop: boolean) =>
  chain.reduce((sum, row, i) => sum + row.height + (i === 0 && atTop ? 0 : row.spaceBefore), 0) +
  (atTop ? (chain[0]?.repeat?.height ?? 0) : 0);

/**
 * Places rows on pages. A chain that does not fit in what is left of the page starts a new page; a chain taller
 * than a whole page is broken where it must be (a kept-together block cannot be kept together if it is longer
 * than a page). A row that starts a page is preceded by its `repeat` row (a table's header). Nothing is on the page
 * before such a row, so the table's own header is never on the same page as a repeated one.
 */
export function paginate(rows: Row[], frame: Frame): { placements: Placement[]; pages: number } {
  const placements: Placement[] = [];
  let page = 0;
  let y = frame.top(0); // distance from the top edge
  let atTop = true;
  const limit = () => frame.pageHeight - frame.bottom;
  const newPage = () => {
    page++;
    y = frame.top(page);
    atTop = true;
  };
  const place = (row: Row) => {
    if (atTop && row.repeat) {
      placements.push({ row: row.repeat, page, top: y });
      y += row.repeat.height;
    } else if (!atTop) y += row.spaceBefore;
    placements.push({ row, page, top: y });
    y += row.height;
    atTop = false;
  };
  for (const chain of chains(rows)) {
    if (y + chainHeight(chain, atTop) > limit() && !atTop) {
      const fresh = limit() - frame.top(page + 1);
      if (chainHeight(chain, true) <= fresh) newPage();
    }
    for (const row of chain) {
      if (!atTop && y + row.spaceBefore + row.height > limit()) newPage();
      place(row);
    }
  }
  return { placements, pages: page + 1 };
}

/** Rows of a block that must stay together (and optionally with what follows). */
export function keepTogether(rows: Row[], withNext = false): Row[] {
  return rows.map((row, i) => ({ ...row, keepWithNext: i < rows.length - 1 ? true : withNext || row.keepWithNext }));
}

/** Joins a block to the end of the rows before it ("keep with previous"). */
export function attachToPrevious(previous: Row[], block: Row[]): void {
  const last = previous[previous.length - 1];
  if (last && block.length) previous[previous.length - 1] = { ...last, keepWithNext: true };
}

/** Widow and orphan control for the lines of one paragraph: the first two and the last two stay together. */
export function protectLines(rows: Row[]): Row[] {
  const n = rows.length;
  return rows.map((row, i) => ({
    ...row,
    keepWithNext: row.keepWithNext || (n <= 3 ? i < n - 1 : i === 0 || i === n - 2),
  }));
}
