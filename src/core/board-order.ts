/**
 * Where a card lands on a board column. Cards are ordered by a floating `position` (smaller
 * first); a card dropped between two neighbours takes the midpoint of their positions, so a
 * move writes one row. Halving runs out after ~50 moves into the same gap, so when the midpoint
 * is no longer strictly between its neighbours the column is renumbered (1, 2, 3, …) first.
 * Pure: the server reads the column under a lock and writes what this returns.
 */

/** A card already in the target column (the moving card excluded), in board order. */
export interface ColumnCard {
  id: string;
  position: number;
}

export interface Placement {
  /** The moving card's new position. */
  position: number;
  /** New positions for other cards of the column, when the column had to be renumbered. */
  renumbered: ColumnCard[];
}

/** The space given to a card at either end of a column. */
const STEP = 1;

/** A position strictly between `before` and `after` (either may be absent: an end of the column). */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return STEP;
  if (before === null) return (after as number) - STEP;
  if (after === null) return before + STEP;
  const mid = before + (after - before) / 2;
  return mid > before && mid < after ? mid : null;
}

/**
 * The position of a card placed at `index` (0 = top; past the end = bottom) of `column`, the
 * column's other cards in order. Renumbers the column when the gap is used up.
 */
export function placeAt(column: readonly ColumnCard[], index: number): Placement {
  const at = Math.max(0, Math.min(Math.trunc(index), column.length));
  const before = column[at - 1]?.position ?? null;
  const after = column[at]?.position ?? null;
  const position = positionBetween(before, after);
  if (position !== null) return { position, renumbered: [] };
  // No room left between the neighbours: spread the column out, leaving a slot at `at`.
  const renumbered = column.map((card, i) => ({ id: card.id, position: (i < at ? i : i + 1) + 1 }));
  return { position: at + 1, renumbered };
}
