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
});
