/** A chart as the XLSX post-processing step writes it: cell references into the workbook, with the values they hold now as its cache. */

/** A reference to a range of cells and the values it holds when the file is written. */
export interface CellRange<T> {
  /** A sheet formula reference: 'Partner Trend'!$B$3:$B$9, or a union ('S'!$B$4:$B$6,'S'!$B$8). */
  ref: string;
  /** The cells' values, in order (the chart's cache, shown until the spreadsheet recalculates it). */
  values: T[];
}

/** One series: its name (a header cell) and its values. */
export interface XlsxSeries {
  name: CellRange<string>;
  values: CellRange<number | null>;
}

/** A chart anchored over cells of one sheet. */
export interface XlsxChart {
  /** The tab the chart sits on, as the workbook names it. */
  sheet: string;
  /** Horizontal bars (biggest on top), stacked columns, or a pie. */
  kind: 'bar' | 'stackedColumn' | 'pie';
  title: string;
  /** The value axis title (e.g. "Revenue (USD)"); none when empty. */
  valueTitle: string;
  categories: CellRange<string>;
  series: XlsxSeries[];
  /** The number format of the value axis and data labels ("#,##0"). */
  numberFormat: string;
  /** The cells the chart covers, 0-based, from the top-left cell to the one after its bottom-right corner. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}
