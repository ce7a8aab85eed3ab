/**
 * Writes a zip archive (an .xlsx is one) to a file as a stream: entries copied through still compressed,
 * small entries deflated whole, and big entries (a million-row sheet) deflated as their text is produced,
 * with backpressure, so no entry is ever held whole in memory. Stored sizes are 32-bit (no Zip64): an
 * entry or archive past 4 GiB is refused with a clear message.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import zlib from 'node:zlib';

/** Thrown when the archive would need Zip64 (an entry or the archive past 4 GiB). */
export class ZipLimitError extends Error {}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const EOCD = 0x06054b50;
const DEFLATE = 8;
/** General purpose flag bit 3: CRC and sizes follow the data in a data descriptor. */
const STREAMED = 0x0008;
const LIMIT = 0xffffffff;
/** Pieces of a streamed entry being deflated at once (the thread pool has four threads; the file writes use one). */
const IN_FLIGHT = 3;
/** An empty final deflate block (fixed Huffman, end of block): what ends a stream of flushed pieces. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** Local time `at` as a zip entry's DOS time and date (2-second steps, years from 1980). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return { time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate() };
}
const { time: DOS_TIME, date: DOS_DATE } = dosTime(new Date());

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 of `bytes` continuing from `crc` (zlib's native one where Node has it: 20.15 and later). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? native(bytes, crc) : tableCrc32(bytes, crc);
}

/** CRC-32 a byte at a time from a table, for a Node without zlib.crc32. */
export function tableCrc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** An entry already compressed, with the facts its headers need (as read from another archive). */
export interface RawEntry {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  bytes: Buffer;
}

/** An entry being written: text in, deflated bytes out to the file. */
export interface EntryStream {
  /** Adds text (or its UTF-8 bytes) to the entry; resolves when the file can take more (backpressure). */
  write(text: string | Buffer): Promise<void>;
  /** Ends the entry (writes its data descriptor). */
  end(): Promise<void>;
}

interface Written { name: Buffer; method: number; flags: number; crc: number; compressedSize: number; size: number; offset: number }

/** A zip archive written front to back into `file`; `close()` writes the central directory. */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly entries: Written[] = [];
  private offset = 0;
  private failed: Error | null = null;
  private open = false;

  constructor(file: string, private readonly level = zlib.constants.Z_DEFAULT_COMPRESSION) {
    this.out = createWriteStream(file);
    this.out.on('error', (error) => { this.failed = error; });
  }

  /** Copies an entry through as it is (its bytes stay compressed). */
  async addRaw(name: string, entry: RawEntry): Promise<void> {
    await this.put(name, entry.method, 0, entry.crc, entry.compressedSize, entry.size, entry.bytes);
  }

  /** Adds a small entry, deflated in one go. */
  async addText(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data, { level: this.level });
    await this.put(name, DEFLATE, 0, crc32(data), packed.length, data.length, packed);
  }

  /**
   * Starts an entry whose text is written piece by piece; nothing else may be added until it ends. Each
   * piece is deflated on its own on the thread pool (a few at a time, so the next rows are laid out while
   * these compress) and flushed to a byte boundary; the pieces' outputs, in order and closed by an empty
   * final block, are one deflate stream (as pigz makes them).
   */
  async addStream(name: string): Promise<EntryStream> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    await this.write(localHeader(nameBytes, DEFLATE, STREAMED, 0, 0, 0));
    this.open = true;
    const options: zlib.ZlibOptions = { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const inFlight: Promise<Buffer>[] = [];
    let crc = 0, size = 0, compressedSize = 0;
    const flushOne = async (): Promise<void> => {
      const packed = await inFlight.shift()!;
      compressedSize += packed.length;
      await this.write(packed);
    };
    return {
      write: async (text: string | Buffer): Promise<void> => {
        this.check();
        const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        crc = crc32(data, crc);
        size += data.length;
        if (size > LIMIT) throw new ZipLimitError(`${name} is over 4 GiB, more than an .xlsx without Zip64 can hold`);
        inFlight.push(new Promise((resolve, reject) => zlib.deflateRaw(data, options, (error, packed) => (error ? reject(error) : resolve(packed)))));
        while (inFlight.length >= IN_FLIGHT) await flushOne();
      },
      end: async (): Promise<void> => {
        while (inFlight.length > 0) await flushOne();
        await this.write(FINAL_BLOCK);
        compressedSize += FINAL_BLOCK.length;
        this.open = false;
        await this.write(descriptor(crc, compressedSize, size));
        this.entries.push({ name: nameBytes, method: DEFLATE, flags: STREAMED, crc, compressedSize, size, offset });
      },
    };
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    if (this.open) throw new Error('an entry is still being written');
    const start = this.offset;
    for (const e of this.entries) await this.write(centralHeader(e));
    const size = this.offset - start;
    if (this.offset > LIMIT || this.entries.length > 0xffff) throw new ZipLimitError('the workbook is over 4 GiB, more than an .xlsx without Zip64 can hold');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    this.check();
  }

  /** Closes the file without finishing the archive (after a failure; the caller removes it). */
  async abort(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.out.closed) { resolve(); return; }
      this.out.once('close', () => resolve());
      this.out.destroy();
    });
  }

  private async put(name: string, method: number, flags: number, crc: number, compressedSize: number, size: number, bytes: Buffer): Promise<void> {
    if (this.open) throw new Error('an entry is still being written');
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    if (offset > LIMIT) throw new ZipLimitError('the workbook is over 4 GiB, more than an .xlsx without Zip64 can hold');
    await this.write(localHeader(nameBytes, method, flags, crc, compressedSize, size));
    await this.write(bytes);
    this.entries.push({ name: nameBytes, method, flags, crc, compressedSize, size, offset });
  }

  private check(): void {
    if (this.failed) throw this.failed;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.check();
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
    this.check();
  }
}

function localHeader(name: Buffer, method: number, flags: number, crc: number, compressedSize: number, size: number): Buffer {
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(flags, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressedSize, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  name.copy(h, 30);
  return h;
}

function descriptor(crc: number, compressedSize: number, size: number): Buffer {
  if (compressedSize > LIMIT) throw new ZipLimitError('a sheet is over 4 GiB compressed, more than an .xlsx without Zip64 can hold');
  const d = Buffer.alloc(16);
  d.writeUInt32LE(DESCRIPTOR, 0);
  d.writeUInt32LE(crc >>> 0, 4);
  d.writeUInt32LE(compressedSize, 8);
  d.writeUInt32LE(size, 12);
  return d;
}

function centralHeader(e: Written): Buffer {
  const h = Buffer.alloc(46 + e.name.length);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.offset, 42);
  e.name.copy(h, 46);
  return h;
}
