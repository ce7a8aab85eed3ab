/**
 * Cuts a scanned worksheet down to its table: the block of columns and rows that holds most of its
 * cells. A stray value far away (XFD1, XFD1048576) is left out and counted instead of widening every
 * row to 16,384 cells; merged ranges read only at their top-left cell; hidden rows are kept and counted.
 */
import type { Cell } from '../../core';
import { columnLetter } from '../../core';
import { keyCol, keyStyle } from './scanSheet';
import type { ScannedSheet } from './scanSheet';

/** More empty columns than this between two used ones and they belong to different blocks. */
const COLUMN_GAP = 10;
/** More empty rows than this between two used ones and they belong to different blocks. */
const ROW_GAP = 100;
/** A block that starts further right than this column is given with firstCol instead of padded from A. */
const PAD_COLUMNS = 64;
/** How many left-out cells the note names. */
const EXAMPLES = 3;

/** A worksheet's table as a grid, with what was left out of it and how many of its rows were hidden. */
export interface SheetTable {
  grid: Cell[][];
  /** Sheet row number of grid row 0 (always 1: grid row + 1 is the sheet row). */
  firstRow: number;
  /** 0-based sheet column of grid column 0. */
  firstCol: number;
  /** Rows of the table hidden in the workbook (they are read like any other). */
  hiddenRows: number;
  /** Cells outside the table: how many, and the first few as "XFD1 (\"note\")". */
  leftOut: { count: number; examples: string[] };
  /** The style index of the cell at grid row r, grid column c (0 for blanks): `WorkbookParts.styleFormats` gives its number format. */
  styleAt(r: number, c: number): number;
  /** The kept formats of number cells (see sheetTable's `keepFormat`), aligned with the grid; null when none. */
  numberFormats: (string[] | undefined)[] | null;
}

/** Runs of used positions whose gaps are at most `gap`, each with its total weight. */
function clusters(positions: [number, number][], gap: number): { first: number; last: number; weight: number }[] {
  const sorted = [...positions].sort((a, b) => a[0] - b[0]);
  const out: { first: number; last: number; weight: number }[] = [];
  for (const [at, weight] of sorted) {
    const lastCluster = out[out.length - 1];
    if (lastCluster && at - lastCluster.last - 1 <= gap) { lastCluster.last = at; lastCluster.weight += weight; }
    else out.push({ first: at, last: at, weight });
  }
  return out;
}

/** The heaviest run (the first of equals). */
const heaviest = <T extends { weight: number }>(runs: T[]): T | undefined =>
  runs.reduce<T | undefined>((best, run) => (best === undefined || run.weight > best.weight ? run : best), undefined);

const shown = (value: Cell): string => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * The table of a scanned sheet (an empty grid for a sheet without cells). `keepFormat(style)` names
 * the number format to keep for a number cell of that style (a currency format), or null.
 */
export function sheetTable(sheet: ScannedSheet, keepFormat: (style: number) => string | null = () => null): SheetTable {
  const empty: SheetTable = { grid: [], firstRow: 1, firstCol: 0, hiddenRows: 0, leftOut: { count: 0, examples: [] }, styleAt: () => 0, numberFormats: null };
  const columns = heaviest(clusters([...sheet.columnCounts.entries()], COLUMN_GAP));
  if (!columns) return empty;
  const rowWeights: [number, number][] = [];
  for (const row of sheet.rows) {
    let n = 0;
    for (const key of row.keys) { const c = keyCol(key); if (c >= columns.first && c <= columns.last) n++; }
    if (n > 0) rowWeights.push([row.index, n]);
  }
  const rows = heaviest(clusters(rowWeights, ROW_GAP));
  if (!rows) return empty;

  const firstCol = columns.first < PAD_COLUMNS ? 0 : columns.first;
  const width = columns.last - firstCol + 1;
  const height = rows.last + 1;
  const blankRow: Cell[] = new Array<Cell>(width).fill('');
  const grid: Cell[][] = new Array<Cell[]>(height);
  for (let r = 0; r < height; r++) grid[r] = blankRow; // shared until a row gets a cell; replaced below
  const styles = new Uint16Array(Math.min(height - rows.first, 1 << 26) * width);
  const leftOut = { count: 0, examples: [] as string[] };
  const numberFormats: (string[] | undefined)[] = [];
  let hiddenRows = 0;
  for (const row of sheet.rows) {
    const inRows = row.index >= rows.first && row.index <= rows.last;
    let cells: Cell[] | null = null;
    for (let i = 0; i < row.keys.length; i++) {
      const col = keyCol(row.keys[i]!);
      const value = row.values[i]!;
      if (!inRows || col < columns.first || col > columns.last) {
        if (leftOut.count++ < EXAMPLES) leftOut.examples.push(`${columnLetter(col)}${row.index + 1} ("${shown(value)}")`);
        continue;
      }
      cells ??= blankRow.slice();
      cells[col - firstCol] = value;
      const at = (row.index - rows.first) * width + (col - firstCol);
      const style = keyStyle(row.keys[i]!);
      if (at < styles.length) styles[at] = style;
      const format = typeof value === 'number' && style !== 0 ? keepFormat(style) : null;
      if (format !== null) (numberFormats[row.index] ??= [])[col - firstCol] = format;
    }
    if (cells !== null) {
      grid[row.index] = cells;
      if (row.hidden) hiddenRows++;
    }
  }
  // The covered cells of a merged range read as blank: the value lives at its top-left cell.
  for (const [r0, c0, r1, c1] of sheet.merges) {
    for (let r = Math.max(r0, rows.first); r <= Math.min(r1, rows.last); r++) {
      const cells = grid[r];
      if (cells === undefined || cells === blankRow) continue;
      for (let c = Math.max(c0, firstCol); c <= Math.min(c1, columns.last); c++) if (r !== r0 || c !== c0) cells[c - firstCol] = '';
    }
  }
  const styleAt = (r: number, c: number): number => {
    const at = (r - rows.first) * width + c;
    return r < rows.first || c < 0 || c >= width || at >= styles.length ? 0 : styles[at]!;
  };
  return { grid, firstRow: 1, firstCol, hiddenRows, leftOut, styleAt, numberFormats: numberFormats.length > 0 ? numberFormats : null };
}
