/** The shape of a summary tab as the core builds it and every writer (Sheets, Excel, XLSX) lays it out. */
import type { Cell } from '../types';

/** Number formats, as format strings both Sheets and Excel understand. */
export const FORMATS = {
  text: '@',
  integer: '#,##0',
  money: '#,##0.00',
  percent: '0.0%',
  days: '0.0',
  date: 'yyyy-mm-dd',
  general: 'General',
} as const;
export type FormatName = keyof typeof FORMATS;

/**
 * A big block's rows made when they are asked for: the Deal Attribution and Partner Credits tables
 * (one or more rows per deal) are handed to a writer a block of rows at a time as it writes them,
 * rather than as a million row arrays built up front.
 */
export interface RowSource {
  /** Rows in the block, header rows included. */
  readonly length: number;
  /** Cells in every row (each row is as wide as the header). */
  readonly width: number;
  /** Rows start .. end - 1 (0-based within the block, end at most `length`), made now. */
  rows(start: number, end: number): Cell[][];
}

/** A rectangle of values placed at (row, col), 0-based within the tab. */
export interface ReportBlock {
  /** Top-left corner, 0-based. */
  row: number;
  col: number;
  /**
   * Values, row-major. Strings are literal text: writers must never let them become formulas.
   * A block with a `source` makes all its rows the first time this is read (for tests and small
   * callers); writers read every block through report/blockRows.ts instead, a block of rows at a time.
   */
  values: Cell[][];
  /** Where a big block's rows come from when they are read a block at a time (see RowSource). */
  source?: RowSource;
  /** Per column of the block, the number format name. */
  formats: FormatName[];
  /** How many leading rows are headers (bold, shaded). */
  headerRows: number;
  /** An optional bold title written one row above the block. */
  title?: string;
  /** How many trailing rows are totals (bold, and outside the filter so sorting leaves them at the bottom). */
  totalRows?: number;
}

/** A chart the writer adds where the host can (ExcelJS cannot: the XLSX has none). */
export interface ChartSpec {
  kind: 'bar' | 'stackedColumn';
  title: string;
  /** Index into the tab's blocks of the data block; the first header row names the series. */
  block: number;
  /** 0-based column of the block holding category labels. */
  categoryCol: number;
  /** 0-based columns of the block holding series. */
  seriesCols: number[];
  /** Data rows of the block to chart (excluding headers), at most this many from the top. */
  maxRows: number;
  /** Where the chart's top-left corner goes (0-based tab cell). */
  anchorRow: number;
  anchorCol: number;
}

export interface ReportTab {
  /** The report it is, as the add-on's marker on the sheet records it. */
  name: string;
  /** The sheet name to write it under when that differs from `name` (a statement: the partner's name made a valid sheet name). */
  sheetName?: string;
  blocks: ReportBlock[];
  /** Rows frozen at the top (the header of the main table). */
  frozenRows: number;
  /** Columns frozen at the left (the Partner Summary freezes partner names: its table starts far down). */
  frozenColumns?: number;
  /** Index into `blocks` of the table that gets a filter (an Excel table, a Sheets filter, an autofilter). */
  filterBlock?: number;
  /** Column widths in characters, from column 0. */
  columnWidths: number[];
  charts: ChartSpec[];
}

/** The names of the five tabs of SPEC 6.2. */
export const TAB_NAMES = ['Partner Summary', 'Partner Trend', 'Partner Segments', 'Deal Attribution', 'Partner Credits', 'Data Issues'] as const;

/**
 * Text that a spreadsheet would read as a formula (starts with =, +, - or @) gets a leading
 * apostrophe, which Sheets and Excel both treat as "this is text" and do not display. Text that
 * itself starts with an apostrophe ("'t Hooft") gets one too, or the host would swallow it.
 */
export const literalText = (value: string): string => (/^[=+\-@']/.test(value) ? `'${value}` : value);

/** Excel holds at most 32,767 characters in a cell (Sheets 50,000): longer text is cut, visibly. */
export const MAX_CELL_TEXT = 32_767;

/** Text cut to fit one cell, ending in "…" when cut; other values unchanged. */
export const fitCell = <T>(value: T): T | string =>
  typeof value === 'string' && value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
