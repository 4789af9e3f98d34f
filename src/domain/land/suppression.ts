/**
 * Small-cell suppression for the Land view (issue 13 §3). A funder sees figures across offices; a count below
 * SMALL_CELL_THRESHOLD could point at a person ("the one guide in Celle who …"), so it is withheld.
 *
 * Method: primary suppression of every cell below the threshold, then secondary suppression over the table's
 * additive groups (a total and the parts it is the sum of: the offices of one column, and requests filed = matched +
 * unmatched in one row). A group with exactly one withheld member would give it away by subtraction, so the smallest
 * remaining part is withheld too (the total itself when no part is left); this repeats until no group has exactly one.
 * This is the usual "at least two per marginal" rule of statistical offices (Destatis' "Geheimhaltung"), applied
 * iteratively across both dimensions. Totals are never rounded: they stay exact, so the published total is honest.
 * See docs/decisions/0011-small-cell-suppression.md, also for what this does not protect against (differencing
 * across overlapping periods).
 */

/** Counts below this are withheld ("< 5"). */
export const SMALL_CELL_THRESHOLD = 5;

/** Why a cell is withheld: it is small itself, or it would let a small one be worked out. */
export type SuppressionReason = 'small' | 'secondary';

export type CellInput = {
  value: number;
  /** Withhold regardless of the value (e.g. hours logged by fewer than five guides). */
  forceSmall?: boolean;
};

/** A total and the parts that add up to it, as indexes into the cell list. */
export type AdditiveGroup = { total: number; parts: number[] };

export const isSmall = (value: number, threshold = SMALL_CELL_THRESHOLD) => value < threshold;

/**
 * Which cells to withhold. `cells` are the table's values (parts and totals alike); `groups` say which add up.
 * Returns one entry per cell: null when it may be shown, else why it is withheld. Deterministic: ties between
 * equally small parts go to the lower index, so the same figures always hide the same cells.
 */
export function suppress(
  cells: readonly CellInput[],
  groups: readonly AdditiveGroup[],
  threshold = SMALL_CELL_THRESHOLD,
): (SuppressionReason | null)[] {
  const out: (SuppressionReason | null)[] = cells.map((c) =>
    c.forceSmall || isSmall(c.value, threshold) ? 'small' : null,
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const members = [group.total, ...group.parts];
      const hidden = members.filter((i) => out[i] !== null);
      if (hidden.length !== 1) continue;
      const candidates = group.parts.filter((i) => out[i] === null);
      const next = candidates.length
        ? candidates.reduce((best, i) => (cells[i].value < cells[best].value ? i : best))
        : group.total;
      if (out[next] !== null) continue;
      out[next] = 'secondary';
      changed = true;
    }
  }
  return out;
}
