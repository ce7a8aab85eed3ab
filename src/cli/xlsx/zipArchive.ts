/** Reads the entries of a zip archive (an .xlsx is one) from its central directory: small parts whole, big sheets as a stream of inflated chunks. */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { Readable } from 'node:stream';

/** Where one entry's data lives in the archive. */
interface ZipEntry {
  method: number;
  crc: number;
  compressedSize: number;
  /** Inflated size. */
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

/** Thrown when the bytes are not a readable zip archive. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A zip archive held in memory (an .xlsx is read whole: its compressed size is a fraction of its cells). */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer) {
    const end = this.findEnd();
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('damaged central directory');
      const method = bytes.readUInt16LE(at + 10);
      const crc = bytes.readUInt32LE(at + 16);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const size = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const headerOffset = bytes.readUInt32LE(at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name.replace(/^\/+/, ''), { method, crc, compressedSize, size, headerOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** True when the archive holds `name`. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Every entry name, in directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, inflated; null when there is no such entry. */
  read(name: string): Buffer | null {
    const data = this.raw(name);
    if (data === null) return null;
    return data.method === 0 ? data.bytes : inflateRawSync(data.bytes);
  }

  /** The entry's text (UTF-8), or null when there is no such entry. */
  text(name: string): string | null {
    return this.read(name)?.toString('utf8') ?? null;
  }

  /** The entry inflated as a stream of chunks, so a sheet bigger than a string can be scanned; null when absent. */
  stream(name: string): AsyncIterable<Buffer> | null {
    const data = this.raw(name);
    if (data === null) return null;
    const source = Readable.from([data.bytes]);
    return data.method === 0 ? source : source.pipe(createInflateRaw({ chunkSize: 1 << 20 }));
  }

  /** The entry as stored (still compressed) with its CRC and sizes, to copy into another archive; null when absent. */
  entry(name: string): { method: number; crc: number; compressedSize: number; size: number; bytes: Buffer } | null {
    const data = this.raw(name);
    const entry = this.entries.get(name);
    if (data === null || !entry) return null;
    return { method: entry.method, crc: entry.crc, compressedSize: entry.compressedSize, size: entry.size, bytes: data.bytes };
  }

  private raw(name: string): { method: number; bytes: Buffer } | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw new ZipError(`damaged entry ${name}`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`entry ${name} uses compression method ${entry.method}`);
    if (start + entry.compressedSize > this.bytes.length) throw new ZipError(`truncated entry ${name}`);
    return { method: entry.method, bytes: this.bytes.subarray(start, start + entry.compressedSize) };
  }

  private findEnd(): number {
    const b = this.bytes;
    for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
      if (b.readUInt32LE(at) === EOCD) return at;
    }
    throw new ZipError('no end of central directory');
  }
}
