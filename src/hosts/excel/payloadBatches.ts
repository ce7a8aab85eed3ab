/**
 * Splits value writes into request-sized batches: Excel on the web rejects a request (one
 * context.sync) over 5 MB, so rows are grouped by their estimated JSON size.
 */
import type { Cell } from '../../core/types';

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

/**
 * Packs the writes into batches of at most `budget` estimated bytes, splitting a write into row
 * chunks where needed. Small writes share one batch, so the number of batches (and syncs) depends
 * on the payload size, not on the number of writes or rows. A single row over the budget gets a
 * batch of its own (it cannot be split further).
 */
export function planValueBatches<T>(writes: readonly ValueWrite<T>[], budget = DEFAULT_BATCH_BYTES): ValueChunk<T>[][] {
  const batches: ValueChunk<T>[][] = [];
  let batch: ValueChunk<T>[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length) batches.push(batch);
    batch = [];
    batchBytes = 0;
  };
  for (const write of writes) {
    let start = 0;
    let chunkBytes = 0;
    for (let i = 0; i < write.values.length; i += 1) {
      const rowBytes = estimateRowBytes(write.values[i] ?? []);
      if (batchBytes + chunkBytes + rowBytes > budget && (i > start || batchBytes > 0)) {
        if (i > start) batch.push({ ...write, row: write.row + start, values: write.values.slice(start, i), bytes: chunkBytes });
        flush();
        start = i;
        chunkBytes = 0;
      }
      chunkBytes += rowBytes;
    }
    if (write.values.length > start) {
      batch.push({ ...write, row: write.row + start, values: write.values.slice(start), bytes: chunkBytes });
      batchBytes += chunkBytes;
    }
  }
  flush();
  return batches;
}
