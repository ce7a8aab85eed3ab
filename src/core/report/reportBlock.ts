/** One block of a report tab from a header and rows: long text cut to fit a cell, header row marked. */
import type { Cell, Summary } from '../types';
import type { FormatName, ReportBlock, RowSource } from './ReportTab';
import { fitCell, MAX_CELL_TEXT } from './ReportTab';
import { CentsSum } from '../rollup/centsSum';
import type { Motion } from '../vocabulary';
import { MOTION_LABEL } from '../vocabulary';

/** A number, or a blank cell for null (an undefined rate or average). */
export const orBlank = (value: number | null): Cell => (value === null ? '' : value);

const fitRow = (cells: Cell[]): Cell[] => {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'string' && v.length > MAX_CELL_TEXT) cells[i] = fitCell(v);
  }
  return cells;
};

/** A block at (row, col) with one header row over `rows`, and an optional title above it. */
export const block = (row: number, col: number, header: string[], rows: Cell[][], formats: FormatName[], title?: string): ReportBlock => {
  const values = new Array<Cell[]>(rows.length + 1);
  values[0] = header;
  for (let i = 0; i < rows.length; i++) values[i + 1] = fitRow(rows[i]!);
  return { row, col, values, formats, headerRows: 1, ...(title ? { title } : {}) };
};

/**
 * A block at (row, col) with one header row over `count` data rows that `rowsOf(start, end)` makes
 * when a writer asks for them (data rows start .. end - 1, 0-based, each as wide as the header): the
 * big tables' blocks. Its `values` makes every row the first time it is read and keeps them.
 */
export const streamedBlock = (row: number, col: number, header: string[], count: number,
  rowsOf: (start: number, end: number) => Cell[][], formats: FormatName[]): ReportBlock => {
  const source: RowSource = {
    length: count + 1,
    width: header.length,
    // Row 0 is the header; row r > 0 is data row r - 1.
    rows: (start, end) => {
      const out: Cell[][] = start === 0 ? [header] : [];
      const from = Math.max(0, start - 1);
      const to = Math.min(count, end - 1);
      const data = to > from ? rowsOf(from, to) : [];
      for (let i = 0; i < data.length; i++) out.push(fitRow(data[i]!));
      return out;
    },
  };
  let all: Cell[][] | undefined;
  return { row, col, formats, headerRows: 1, source, get values() {
    if (all === undefined) all = source.rows(0, source.length);
    return all;
  } };
};

/** A bold heading alone on 0-based row `row - 1` at `col` (a block with no cells, only a title). */
export const heading = (row: number, col: number, title: string): ReportBlock => ({ row, col, values: [], formats: [], headerRows: 0, title });

/** Money values added up in cents, so a column of cents-exact amounts sums exactly. */
export const sumMoney = (values: readonly number[]): number => {
  const cents = new CentsSum();
  for (const v of values) cents.add(Math.round(v * 100));
  return cents.money();
};

/**
 * The motion split's rows (Sourced, Influenced, Resold, Partner-led, Direct, Total): revenue, share
 * of revenue and pipeline, as the Partner Summary tab and the HTML report both show them.
 */
export function motionSplitRows(t: Summary['totals']): Cell[][] {
  const motion = (m: Motion): Cell[] => [MOTION_LABEL[m], t[`${m}Revenue`], orBlank(t[`${m}Share`]), t[`${m}Pipeline`]];
  return [
    motion('sourced'),
    motion('influenced'),
    motion('resold'),
    ['Partner-led', t.partnerLedRevenue, orBlank(t.partnerLedShare), t.partnerLedPipeline],
    motion('direct'),
    ['Total', t.revenue, t.revenue === 0 ? '' : 1, t.pipeline],
  ];
}
