/** Test fixture: builds a deals grid from row objects keyed by header text, the way a user's sheet looks. */
import type { Cell, Grid } from '../../src/core';

/** Header row = the union of keys in first-seen order; missing keys are blank cells. */
export function dealGrid(rows: Record<string, Cell>[]): Cell[][] {
  const headers: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!headers.includes(key)) headers.push(key);
  return [headers, ...rows.map((row) => headers.map((h) => (row[h] === undefined ? '' : row[h])))];
}

/** A grid from a header and rows. */
export const table = (header: string[], ...rows: Cell[][]): Grid => [header, ...rows];
