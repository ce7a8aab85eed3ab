/** Cleans the text cells of a grid just read from a file: control characters removed, cells with undecodable bytes found; each change noted by position. */
import type { Cell, Grid } from '../core';
import { controlCharNames, hasControlChars, stripControlChars } from '../core';

/** One cell the cleaning touched (grid coordinates, 0-based). */
export interface CellNote {
  gridRow: number;
  col: number;
  kind: 'control' | 'invalid';
  /** The cell's text after cleaning. */
  text: string;
  /** For 'control': the characters removed, by name ("ESC", "BEL"). */
  removed: string[];
}

/**
 * Removes control characters from every text cell of `grid` (a reader's own fresh grid, changed in
 * place) and, when `invalidBytes` is set, notes the cells holding U+FFFD (bytes the decoder could
 * not read). `clean`: the reader saw no control character (nor, with invalid bytes, U+FFFD) in the
 * text it decoded, so the walk is skipped.
 */
export function cleanGrid(grid: Grid, invalidBytes: boolean, clean = false): CellNote[] {
  const notes: CellNote[] = [];
  if (clean) return notes;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== 'string') continue;
      if (hasControlChars(value)) {
        const cleaned = stripControlChars(value);
        row[c] = cleaned;
        notes.push({ gridRow: r, col: c, kind: 'control', text: cleaned, removed: controlCharNames(value) });
      }
      if (invalidBytes && value.includes('\uFFFD')) notes.push({ gridRow: r, col: c, kind: 'invalid', text: row[c] as string, removed: [] });
    }
  }
  return notes;
}
