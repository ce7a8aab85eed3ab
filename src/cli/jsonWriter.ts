/**
 * Writes JSON in pieces, never as one string: a million-deal summary is far past V8's 512 MB string
 * limit ("Invalid string length"). The text equals JSON.stringify(value, null, 2); the two outer
 * levels (the summary's keys, then each list's items) are written one item at a time, and a list
 * may be given lazily, so its items are made only as they are written.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { DealSource } from '../core';
import { stripControlChars, withDeals } from '../core';

/** A list whose items are made when written (e.g. deals from the engine's column-wise results). */
export class LazyList<T> {
  constructor(readonly length: number, readonly item: (i: number) => T) {}
}

/** Levels written piece by piece; deeper values (one deal, one partner) are small and stringified whole. */
const STREAMED_DEPTH = 2;
/** Items of a streamed list stringified in one call (a deal is about 700 bytes). */
const BATCH = 1000;
/** Bytes gathered before a write. */
const CHUNK = 1 << 16;
// A control character in the output (JSON escapes C0 as \u00XX, \b and \f; DEL and C1 pass raw): cleaned as a last guard.
const CONTROL_IN_JSON = /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\[bf]|[\x7f-\x9f]/;
const cleanStrings = (_key: string, value: unknown): unknown => (typeof value === 'string' ? stripControlChars(value) : value);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Writes text to a stream in chunks, waiting when the stream asks to (a slow pipe, a full disk buffer). */
class ChunkedSink {
  private buffer = '';
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.out.write(text)) await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => { this.out.off('drain', onDrain); reject(error); };
      const onDrain = (): void => { this.out.off('error', onError); resolve(); };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }
}

/** One small value as JSON.stringify would write it at this indent; undefined when JSON skips it. */
function piece(value: unknown, indent: string): string | undefined {
  let text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return undefined;
  if (CONTROL_IN_JSON.test(text)) text = JSON.stringify(value, cleanStrings, 2);
  return indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}

async function writeValue(sink: ChunkedSink, value: unknown, indent: string, depth: number): Promise<void> {
  const list = value instanceof LazyList ? value : Array.isArray(value) ? new LazyList(value.length, (i) => value[i] as unknown) : null;
  if (depth < STREAMED_DEPTH && list !== null) {
    if (list.length === 0) { await sink.write('[]'); return; }
    const inner = `${indent}  `;
    // Items are stringified a batch at a time, wrapped in as many arrays as it takes for JSON.stringify
    // itself to indent them as they sit here; the wrapping lines are cut off (one native call per batch,
    // no per-item regex or re-indenting).
    const nestIn = (items: unknown[]): unknown[] => { let nest = items; for (let d = 2; d < inner.length; d += 2) nest = [nest]; return nest; };
    const template = JSON.stringify(nestIn([0]), null, 2);
    const zero = template.lastIndexOf('0');
    const head = zero - inner.length;
    const tail = template.length - zero - 1;
    for (let start = 0; start < list.length; start += BATCH) {
      const end = Math.min(list.length, start + BATCH);
      const items: unknown[] = new Array(end - start);
      for (let i = start; i < end; i++) items[i - start] = list.item(i);
      const nested = nestIn(items);
      let text = JSON.stringify(nested, null, 2);
      if (CONTROL_IN_JSON.test(text)) text = JSON.stringify(nested, cleanStrings, 2);
      await sink.write(`${start === 0 ? '[' : ','}\n${text.slice(head, text.length - tail)}`);
    }
    await sink.write(`\n${indent}]`);
    return;
  }
  if (depth < STREAMED_DEPTH && isPlainObject(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      await sink.write(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      await writeValue(sink, item, inner, depth + 1);
    }
    await sink.write(first ? '{}' : `\n${indent}}`);
    return;
  }
  await sink.write(piece(value, indent) ?? 'null');
}

/** Writes `value` as JSON.stringify(value, null, 2) plus a final newline to `out` (not ended). */
export async function writeJson(value: unknown, out: Writable): Promise<void> {
  const sink = new ChunkedSink(out);
  await writeValue(sink, value, '', 0);
  await sink.write('\n');
  await sink.flush();
}

/** Writes `value` as JSON to `file` (the caller's temp path), in pieces. */
export async function writeJsonFile(value: unknown, file: string): Promise<void> {
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => { out.once('close', resolve); out.once('error', reject); });
  closed.catch(() => undefined);
  try {
    await writeJson(value, out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  out.end();
  await closed;
}

/**
 * The summary to write, key for key, with its deals as a lazy list when the engine's column-wise
 * results are behind it: no array of a million deal objects is made just to be written.
 */
export function summaryForJson(source: DealSource): Record<string, unknown> {
  const deals = source.deals;
  return deals === undefined ? { ...source.summary } : withDeals(source, new LazyList(deals.length, (i) => deals.dealRow(i)));
}
