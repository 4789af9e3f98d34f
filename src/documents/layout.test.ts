import { describe, expect, it } from 'vitest';
import { attachToPrevious, keepTogether, paginate, protectLines, type Row } from './layout.js';

const row = (id: string, height = 10, keepWithNext = false): Row & { id: string } => ({
  id,
  height,
  spaceBefore: 0,
  keepWithNext,
  draw: () => {},
});
/** Pages hold 100 pt of rows (top 0, bottom 0, page height 100). */
const frame = { top: () => 0, bottom: 0, pageHeight: 100 };
const pagesOf = (rows: Row[]) =>
  paginate(rows, frame).placements.map((p) => `${(p.row as Row & { id: string }).id}@${p.page}`);

describe('pagination', () => {
  it('breaks to a new page when a row does not fit', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`r${i}`));
    expect(pagesOf(rows).slice(9, 11)).toEqual(['r9@0', 'r10@1']);
  });

  it('moves a kept-together block to the next page as a whole', () => {
    const rows = [row('a', 70), ...keepTogether([row('h'), row('x'), row('y'), row('z')])];
    expect(pagesOf(rows)).toEqual(['a@0', 'h@1', 'x@1', 'y@1', 'z@1']);
  });

  it('takes the end of the previous block along for a block kept with it', () => {
    const before = [row('a', 70), row('b')];
    const signature = [row('sig', 25)];
    attachToPrevious(before, signature);
    expect(pagesOf([...before, ...signature])).toEqual(['a@0', 'b@1', 'sig@1']);
  });

  it('breaks a kept-together block that is taller than a page instead of looping', () => {
    const rows = keepTogether(Array.from({ length: 15 }, (_, i) => row(`r${i}`)));
    const placed = pagesOf([row('a', 50), ...rows]);
    expect(placed.slice(0, 2)).toEqual(['a@0', 'r0@0']); // no point in leaving the rest of the page empty
    expect(placed.at(-1)).toBe('r14@1');
  });

  it('never leaves a single first or last line of a paragraph alone (orphans and widows)', () => {
    const paragraph = protectLines(Array.from({ length: 6 }, (_, i) => row(`l${i}`)));
    expect(pagesOf([row('a', 85), ...paragraph])).toEqual(['a@0', 'l0@1', 'l1@1', 'l2@1', 'l3@1', 'l4@1', 'l5@1']);
    expect(pagesOf([row('a', 50), ...paragraph])).toEqual(['a@0', 'l0@0', 'l1@0', 'l2@0', 'l3@0', 'l4@1', 'l5@1']);
  });

  it('drops the space above a row that starts a page', () => {
    const spaced = { ...row('b'), spaceBefore: 20 };
    const { placements } = paginate([row('a', 95), spaced], frame);
    expect(placements[1]).toMatchObject({ page: 1, top: 0 });
  });

  it('puts a table row that starts a page below its repeated header, and never past the bottom', () => {
    const header = { ...row('head', 15, true), spaceBefore: 8 };
    const body = Array.from({ length: 14 }, (_, i): Row => ({ ...row(`b${i}`), repeat: header }));
    const { placements } = paginate([row('a', 20), header, ...body], frame);
    const ids = placements.map((p) => `${(p.row as Row & { id: string }).id}@${p.page}`);
    // Page 0: a (20) + head (8 + 15) + b0..b4 (50) = 93; b5 does not fit and starts page 1 below the header.
    expect(ids).toEqual([
      'a@0',
      'head@0',
      ...['b0', 'b1', 'b2', 'b3', 'b4'].map((id) => `${id}@0`),
      'head@1',
      ...Array.from({ length: 8 }, (_, i) => `b${i + 5}@1`),
      'head@2',
      'b13@2',
    ]);
    expect(placements.find((p) => p.page === 1)).toMatchObject({ row: header, top: 0 });
    expect(placements.find((p) => p.row === body[5])).toMatchObject({ page: 1, top: 15 });
    for (const p of placements) expect(p.top + p.row.height).toBeLessThanOrEqual(frame.pageHeight);
  });

  it('counts the repeated header when a chain that starts with a table row moves to a new page', () => {
    const header = row('head', 30, true);
    // The last row and a signature (kept with it) fit a fresh page only with 60 pt to spare: 30 header + 10 + 50.
    const last: Row = { ...row('last'), keepWithNext: true, repeat: header };
    const { placements } = paginate([row('a', 80), last, row('sig', 60)], frame);
    const ids = placements.map((p) => `${(p.row as Row & { id: string }).id}@${p.page}`);
    expect(ids).toEqual(['a@0', 'head@1', 'last@1', 'sig@1']);
    const tooTall: Row = { ...row('last'), keepWithNext: true, repeat: header };
    // 30 + 10 + 61 does not fit on any page: the chain is broken where it must be, nothing runs past the bottom.
    const broken = paginate([row('a', 80), tooTall, row('sig', 61)], frame).placements;
    expect(broken.map((p) => `${(p.row as Row & { id: string }).id}@${p.page}`)).toEqual(['a@0', 'last@0', 'sig@1']);
    for (const p of [...placements, ...broken]) expect(p.top + p.row.height).toBeLessThanOrEqual(frame.pageHeight);
  });
});
