/**
 * Splits value writes into request-sized batches: Excel on the web rejects a request (one
 * context.sync) over 5 MB, so rows are grouped by their estimated JSON size.
 */
import type { Cell } from '../../core/types';
import { ROWS_PER_READ } from '../../core/report/blockRows';

/** Excel on the web's request payload limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch may carry: the limit minus headroom for addresses, formats and the request envelope. */
export const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;

/** A rectangle of values to write: `target` says where (a tab index, a sheet name: the caller's choice). */
export interface ValueWrite<T> { target: T; row: number; col: number; values: Cell[][] }

/** Rows of one write, in one batch, written as one range. */
export interface ValueChunk<T> extends ValueWrite<T> { bytes: number }

/** Estimated UTF-8 bytes of a value as Office.js serializes it into the request JSON. */
export function estimateCellBytes(value: Cell): number {
  if (value === null || value === undefined || value === '') return 3;
  if (typeof value === 'number') return String(value).length + 1;
  if (typeof value === 'boolean') return value ? 5 : 6;
  if (value instanceof Date) return 30;
  let bytes = 3;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    // JSON escapes quotes, backslashes and control characters; non-ASCII takes 2-3 bytes in UTF-8.
    bytes += code < 0x20 ? 6 : code === 0x22 || code === 0x5c ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Estimated bytes of one row: its cells plus the array brackets. */
export const estimateRowBytes = (row: readonly Cell[]): number => row.reduce<number>((sum, cell) => sum + estimateCellBytes(cell), 2);

/** A write whose rows are made when they are read, `rows(start, end)` a block at a time (a big report tab's). */
export interface RowsWrite<T> { target: T; row: number; col: number; length: number; rows(start: number, end: number): Cell[][] }

/**
 * Packs the writes into batches of at most `budget` estimated bytes, splitting a write into row
 * chunks where needed. Small writes share one batch, so the number of batches (and syncs) depends
 * on the payload size, not on the number of writes or rows. A single row over the budget gets a
 * batch of its own (it cannot be split further). Batches are made one at a time as they are taken,
 * reading each write's rows ROWS_PER_READ at a time: only the rows of the batch being sent are alive.
 */
export function* valueBatches<T>(writes: Iterable<RowsWrite<T>>, budget = DEFAULT_BATCH_BYTES): Generator<ValueChunk<T>[], void, undefined> {
  let batch: ValueChunk<T>[] = [];
  let batchBytes = 0;
  for (const write of writes) {
    const { target, col } = write;
    // The rows read but not yet in a chunk: write rows `start` .. `start + pending.length - 1`.
    let start = 0;
    let pending: Cell[][] = [];
    let chunkBytes = 0;
    for (let from = 0; from < write.length; from += ROWS_PER_READ) {
      const rows = write.rows(from, Math.min(from + ROWS_PER_READ, write.length));
      for (const row of rows) {
        const rowBytes = estimateRowBytes(row);
        if (batchBytes + chunkBytes + rowBytes > budget && (pending.length > 0 || batchBytes > 0)) {
          if (pending.length > 0) batch.push({ target, row: write.row + start, col, values: pending, bytes: chunkBytes });
          if (batch.length > 0) yield batch;
          batch = [];
          batchBytes = 0;
          start += pending.length;
          pending = [];
          chunkBytes = 0;
        }
        pending.push(row);
        chunkBytes += rowBytes;
      }
    }
    if (pending.length > 0) {
      batch.push({ target, row: write.row + start, col, values: pending, bytes: chunkBytes });
      batchBytes += chunkBytes;
    }
  }
  if (batch.length > 0) yield batch;
}

/** A write of rows already made, as valueBatches reads writes. */
export const rowsWrite = <T>(write: ValueWrite<T>): RowsWrite<T> =>
  ({ target: write.target, row: write.row, col: write.col, length: write.values.length, rows: (start, end) => write.values.slice(start, end) });

/** valueBatches of writes whose rows are made already, all planned at once. */
export const planValueBatches = <T>(writes: readonly ValueWrite<T>[], budget = DEFAULT_BATCH_BYTES): ValueChunk<T>[][] =>
  [...valueBatches(writes.map(rowsWrite), budget)];
