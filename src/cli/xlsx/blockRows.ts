/**
 * How the XLSX writer reads a report block's rows: their count, their widest row, and the rows in order.
 * All its row access goes through here, so a block whose rows are made on demand needs only these to change.
 */
import type { Cell, ReportBlock } from '../../core';

/** How many rows (header, data and total) a block has. */
export const blockLength = (block: ReportBlock): number => block.values.length;

/** The number of cells in the block's longest row. */
export const widestRow = (block: ReportBlock): number => block.values.reduce((max, row) => Math.max(max, row.length), 0);

/** The number of columns the block's cells can take: its longest row's, or its formats' when more. */
export const blockWidth = (block: ReportBlock): number => Math.max(widestRow(block), block.formats.length);

/** The block's rows in order, headers first. */
export function* blockRows(block: ReportBlock): Generator<readonly Cell[], void, undefined> {
  for (const row of block.values) yield row;
}
