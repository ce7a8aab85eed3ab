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
/** Text gathered before a write. */
const CHUNK = 1 << 16;
/** Bytes a file stream takes before it asks the writer to wait: the next batch is made while the last one goes to disk. */
const FILE_BUFFER = 1 << 22;
const cleanStrings = (_key: string, value: unknown): unknown => (typeof value === 'string' ? stripControlChars(value) : value);

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/**
 * True when JSON text may hold a control character: JSON.stringify writes C0 controls as \u00XX, \b
 * and \f, and DEL and the C1 controls raw. Backslashes are rare in a summary, so they are found with
 * indexOf rather than a regular expression over every character (a quarter of the writing at 1M deals);
 * DEL and C1 are looked for in the UTF-8 bytes (0x7F, and 0xC2 followed by 0x80-0x9F), which are made
 * for the write anyway. A false alarm only costs a second stringify: stripControlChars leaves clean text as it is.
 */
function mayHoldControl(text: string, bytes: Buffer): boolean {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 98 || c === 102) return true; // \b \f
    if (c === 117 && text.charCodeAt(i + 2) === 48 && text.charCodeAt(i + 3) === 48) { // \u00
      const d = text.charCodeAt(i + 4);
      const e = text.charCodeAt(i + 5);
      if ((d === 48 || d === 49) && isHex(e)) return true; // \u0000-\u001F
      if (d === 55 && (e === 102 || e === 70)) return true; // \u007F
    }
  }
  if (bytes.indexOf(0x7f) !== -1) return true;
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) {
    const next = bytes[i + 1]!;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

/** `value` stringified (JSON.stringify(value, null, 2)) as UTF-8 bytes, with control characters cleaned out if any; null when JSON skips it. */
function stringified(value: unknown, cut?: (text: string) => string): Buffer | null {
  const raw = JSON.stringify(value, null, 2) as string | undefined;
  if (raw === undefined) return null;
  let text = cut ? cut(raw) : raw;
  let bytes = Buffer.from(text, 'utf8');
  if (mayHoldControl(text, bytes)) {
    text = JSON.stringify(value, cleanStrings, 2);
    bytes = Buffer.from(cut ? cut(text) : text, 'utf8');
  }
  return bytes;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Writes text and bytes to a stream in order, small text gathered into chunks, waiting when the stream asks to (a slow pipe, a full disk buffer). */
class ChunkedSink {
  private buffer = '';
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  /** Bytes made whole (a batch of items): written as they are, after the text before them. */
  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    await this.send(bytes);
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    await this.send(text);
  }

  private async send(data: string | Buffer): Promise<void> {
    if (!this.out.write(data)) await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => { this.out.off('drain', onDrain); reject(error); };
      const onDrain = (): void => { this.out.off('error', onError); resolve(); };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }
}

/** One small value as JSON.stringify would write it at this indent; null when JSON skips it. */
const piece = (value: unknown, indent: string): Buffer | null =>
  stringified(value, indent === '' ? undefined : (text) => text.replace(/\n/g, `\n${indent}`));

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
      await sink.write(`${start === 0 ? '[' : ','}\n`);
      await sink.writeBytes(stringified(nestIn(items), (text) => text.slice(head, text.length - tail))!);
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
  const bytes = piece(value, indent);
  if (bytes === null) await sink.write('null');
  else if (bytes.length < CHUNK) await sink.write(bytes.toString('utf8'));
  else await sink.writeBytes(bytes);
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
  const out = createWriteStream(file, { highWaterMark: FILE_BUFFER });
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
