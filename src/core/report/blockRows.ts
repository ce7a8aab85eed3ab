/**
 * How every writer reads a report block's rows: their count, their width, and the rows themselves a
 * block at a time. A big block (Deal Attribution, Partner Credits) has a RowSource and makes its rows
 * only when they are read here; a small block's rows are its `values`. Writers go through these and
 * never read a big block's `values`, so a million deals never exist as a million row arrays at once.
 */
import type { Cell } from '../types';
import type { ReportBlock } from './ReportTab';

/**
 * How many rows a writer reads from a block at once: enough to amortise the call, few enough that fewer of a
 * read's rows live long enough to be moved to the old generation (a million-deal XLSX: peak RSS about 1.31 GB
 * at 512 rows a read, 1.42 GB at 4,096).
 */
export const ROWS_PER_READ = 512;

/** How many rows (header, data and total) a block has, without making them. */
export const blockLength = (block: ReportBlock): number => (block.source ? block.source.length : block.values.length);

/** The number of cells in the block's longest row. */
export const widestRow = (block: ReportBlock): number => {
  if (block.source) return block.source.length === 0 ? 0 : block.source.width;
  let width = 0;
  for (const row of block.values) if (row.length > width) width = row.length;
  return width;
};

/** The number of columns the block's cells can take: its longest row's, or its formats' when more. */
export const blockWidth = (block: ReportBlock): number => Math.max(widestRow(block), block.formats.length);

/** Rows start .. end - 1 of the block (0-based, headers first; fewer near its end): made now for a big block. */
export const blockRows = (block: ReportBlock, start: number, end: number): Cell[][] => {
  if (!block.source) return block.values.slice(start, end);
  const from = Math.max(0, start);
  const to = Math.min(end, block.source.length);
  return to > from ? block.source.rows(from, to) : [];
};

/** The block's rows in order, headers first, read `ROWS_PER_READ` at a time: only the current read's rows are alive. */
export function* eachBlockRow(block: ReportBlock, perRead = ROWS_PER_READ): Generator<readonly Cell[], void, undefined> {
  const length = blockLength(block);
  for (let start = 0; start < length; start += perRead) yield* blockRows(block, start, start + perRead);
}
