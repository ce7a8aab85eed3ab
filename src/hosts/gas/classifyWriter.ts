/**
 * Writes the Partner Motion, Partner(s) and Partner Reason columns next to the deals. The columns are
 * the add-on's (marked with developer metadata) and are reused on later runs; a user's data is never
 * overwritten: when the columns right of the table are not empty, the add-on writes after the last
 * used column instead.
 */
import type { Cell, Grid } from '../../core/index';
import { CLASSIFICATION_HEADERS, a1Range, columnLetter } from '../../core/index';
import type { OwnedColumn } from './ownership';
import { markColumn } from './ownership';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = CLASSIFICATION_HEADERS.length;

const isBlank = (value: Cell | undefined): boolean => value === undefined || value === null || value === '';

/** Where the columns go (0-based first column) and whether they are the add-on's columns of an earlier run. */
export interface Placement { start: number; reuse: boolean }

/**
 * Chooses the columns: the add-on's own columns when all three are there side by side; else the three
 * columns right of the table's last header when they are empty on every row; else right of the last
 * used column. `grid` is the tab's used range with the add-on's own columns already blanked.
 */
export function placeClassification(grid: Grid, headerIndex: number, owned: readonly number[]): Placement {
  const first = owned[0];
  if (owned.length === WIDTH && first !== undefined && owned.every((c, i) => c === first + i)) return { start: first, reuse: true };
  const header = grid[headerIndex] ?? [];
  let end = 0;
  header.forEach((value, c) => { if (!isBlank(value)) end = c + 1; });
  const free = grid.every((row) => [0, 1, 2].every((k) => isBlank(row[end + k])));
  if (free) return { start: end, reuse: false };
  const used = grid.reduce((max, row) => {
    let last = 0;
    row.forEach((value, c) => { if (!isBlank(value)) last = c + 1; });
    return Math.max(max, last);
  }, 0);
  return { start: used, reuse: false };
}

/** Quotes a sheet name for A1 notation when it needs it. */
export const sheetRef = (name: string): string => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/**
 * Writes the columns (one values write) at the placement, marks new columns as the add-on's and
 * clears any stale marked columns that were not reused. Returns the A1 range written, e.g. Deals!L1:N501.
 */
export function writeClassification(sheet: Sheet, columns: Cell[][], placement: Placement, owned: readonly OwnedColumn[]): string {
  const rows = columns.length;
  if (!placement.reuse) {
    for (const stale of owned) {
      sheet.getRange(1, stale.column, sheet.getMaxRows(), 1).clearContent();
      stale.marker.remove();
    }
  }
  const maxCols = sheet.getMaxColumns();
  if (maxCols < placement.start + WIDTH) sheet.insertColumnsAfter(maxCols, placement.start + WIDTH - maxCols);
  const range = sheet.getRange(1, placement.start + 1, rows, WIDTH);
  range.setValues(columns.map((row) => Array.from({ length: WIDTH }, (_, c) => {
    const value = row[c];
    return value === null || value === undefined ? '' : value;
  })));
  if (!placement.reuse) {
    CLASSIFICATION_HEADERS.forEach((header, k) => markColumn(sheet, columnLetter(placement.start + k), header));
  }
  return `${sheetRef(sheet.getName())}!${a1Range(1, placement.start, rows, WIDTH)}`;
}
