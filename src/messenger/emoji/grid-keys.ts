/** How many emoji a row of the picker holds; styles.ts lays the grid out with the same number. */
export const EMOJI_COLUMNS = 8;

/**
 * Where an arrow key (or Home, End) moves the active emoji in a grid made of groups (each
 * starting on a new row, `sizes` emoji each), as a flat index; null when it cannot move.
 * Up and Down keep the column across groups; Left and Right swap in right-to-left.
 */
export function moveInGrid(sizes: readonly number[], index: number, key: string, rtl: boolean, columns = EMOJI_COLUMNS): number | null {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return null;
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const backward = rtl ? "ArrowRight" : "ArrowLeft";
  if (key === "Home") return 0;
  if (key === "End") return total - 1;
  if (key === forward) return index + 1 < total ? index + 1 : null;
  if (key === backward) return index > 0 ? index - 1 : null;
  if (key !== "ArrowDown" && key !== "ArrowUp") return null;

  let group = 0;
  let start = 0;
  while (group < sizes.length - 1 && index >= start + sizes[group]!) start += sizes[group++]!;
  const size = sizes[group]!;
  const within = index - start;
  const column = within % columns;
  if (key === "ArrowDown") {
    if (within + columns < size) return index + columns;
    // A shorter last row below: its last emoji.
    if (Math.floor(within / columns) < Math.floor((size - 1) / columns)) return start + size - 1;
    const next = sizes[group + 1];
    return next === undefined ? null : start + size + Math.min(column, next - 1);
  }
  if (within >= columns) return index - columns;
  if (group === 0) return null;
  const previous = sizes[group - 1]!;
  const lastRowStart = Math.floor((previous - 1) / columns) * columns;
  return start - previous + Math.min(lastRowStart + column, previous - 1);
}
