/**
 * Decodes a text file's bytes once, with the encoding chosen once for the whole file: a byte-order
 * mark; UTF-16 without one (from its zero bytes); UTF-8 when the bytes are UTF-8 (or nearly: a few
 * stray bytes among good UTF-8 stay UTF-8 and are marked); else the legacy code page chardet finds
 * on a sample (Windows-1252 when it cannot tell), decoded with iconv-lite's real tables.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CliError } from './CliError';

/** The decoded text and how it was read. */
export interface DecodedText {
  text: string;
  /** The encoding's display name: "UTF-8", "UTF-16LE", "Windows-1252", "Shift_JIS" ... */
  encoding: string;
  /** How the encoding was chosen: a byte-order mark, valid UTF-8, or a guess (told to the user). */
  basis: 'bom' | 'utf8' | 'guess';
  /** True when some bytes were not valid in the encoding and were decoded as U+FFFD. */
  invalidBytes: boolean;
}

/** Bytes looked at to choose an encoding; the whole file is decoded once with the choice. */
const SAMPLE = 64 * 1024;
/** Western code pages: the default, left only on clear evidence (chardet is unsure on the short samples a deals export gives). */
const WESTERN = new Set(['windows-1252', 'ISO-8859-1', 'ISO-8859-15']);
/**
 * The Windows code page beside each ISO-8859 one. Bytes 0x80-0x9F are control codes in ISO-8859 and
 * never appear in its text, but they are letters and punctuation (€ ’ – Š) in the Windows pages that
 * Windows programs, Excel among them, really write.
 */
const WINDOWS_SIBLING: ReadonlyMap<string, string> = new Map([
  ['ISO-8859-1', 'windows-1252'], ['ISO-8859-15', 'windows-1252'], ['ISO-8859-2', 'windows-1250'], ['ISO-8859-5', 'windows-1251'],
  ['ISO-8859-7', 'windows-1253'], ['ISO-8859-8', 'windows-1255'], ['ISO-8859-9', 'windows-1254'], ['ISO-8859-6', 'windows-1256'],
  ['ISO-8859-13', 'windows-1257'], ['ISO-8859-4', 'windows-1257'],
]);

export const displayName = (name: string): string => name.replace(/^windows-/i, 'Windows-');

/** UTF-16 without a byte-order mark: most high (or low) bytes of the sample are zero, as in ASCII text. */
export function utf16WithoutBom(bytes: Buffer): 'utf16le' | 'utf16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const order = oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02 ? 'utf16le'
    : evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02 ? 'utf16be' : null;
  if (order === null) return null;
  // The characters with a zero high byte must read as text (letters, digits, tabs, line breaks), not as binary.
  let text = 0;
  let zeroHigh = 0;
  for (let i = 0; i < n; i += 2) {
    const [high, low] = order === 'utf16le' ? [bytes[i + 1]!, bytes[i]!] : [bytes[i]!, bytes[i + 1]!];
    if (high !== 0) continue;
    zeroHigh++;
    if (low === 0x09 || low === 0x0a || low === 0x0d || (low >= 0x20 && low !== 0x7f)) text++;
  }
  return text >= zeroHigh * 0.95 ? order : null;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that fit no sequence. */
export function utf8Evidence(sample: Buffer): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= sample.length;
    for (let k = 1; ok && k < length; k++) ok = (sample[i + k]! & 0xc0) === 0x80;
    if (ok) { good++; i += length - 1; } else if (i + length <= sample.length) bad++;
  }
  return { good, bad };
}

/**
 * The evidence: the lines that hold non-ASCII bytes (up to SAMPLE bytes of them), wherever they are
 * in the file. An ASCII line says nothing about the encoding and only dilutes chardet's statistics.
 */
export function evidenceSample(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  let lineStart = 0;
  let high = false;
  for (let i = 0; i < bytes.length && size < SAMPLE; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) high = true;
    else if (b === 0x0a) {
      if (high) { parts.push(bytes.subarray(lineStart, i + 1)); size += i + 1 - lineStart; }
      lineStart = i + 1;
      high = false;
    }
  }
  if (high && size < SAMPLE) parts.push(bytes.subarray(lineStart, lineStart + SAMPLE - size));
  return Buffer.concat(parts);
}

/**
 * The legacy code page of the sample: Windows-1252 unless chardet ranks another clearly higher
 * (twice the best Western one's confidence, or half again above it at 50 or more, or no Western
 * candidate at all).
 */
export function legacyEncoding(sample: Buffer): string {
  const matches = chardet.analyse(sample).filter((match) => !/^(UTF|ASCII)/i.test(match.name) && iconv.encodingExists(match.name));
  const western = matches.find((match) => WESTERN.has(match.name))?.confidence ?? 0;
  const best = matches[0];
  const other = best !== undefined && !WESTERN.has(best.name)
    && (western === 0 || best.confidence >= western * 2 || (best.confidence >= 50 && best.confidence >= western * 1.5)) ? best.name : 'windows-1252';
  const windowsOnly = sample.some((b) => b >= 0x80 && b <= 0x9f);
  return other === 'ISO-8859-1' || (windowsOnly && WINDOWS_SIBLING.has(other)) ? WINDOWS_SIBLING.get(other) ?? other : other;
}

/**
 * The encoding of a file's bytes that are not valid UTF-8: null when its non-ASCII text is mostly good
 * UTF-8 (UTF-8 with a few damaged bytes: they are marked where they are, and every other "é" stays "é",
 * never "Ã©"), else the legacy code page the evidence names (iconv-lite's name).
 */
export function encodingOfInvalidUtf8(bytes: Buffer): string | null {
  const sample = evidenceSample(bytes);
  const { good, bad } = utf8Evidence(sample);
  return good > 0 && good >= bad ? null : legacyEncoding(sample);
}

/** Decodes the bytes of text file `file`; binary data is refused with `binaryMessage` (by default, as a CSV). */
export function decodeText(bytes: Buffer, file: string,
  binaryMessage = `"${file}" is not a text (CSV) file. Give a .csv export or an .xlsx workbook.`): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    return { text: body.toString('utf8'), encoding: 'UTF-8', basis: 'bom', invalidBytes: !isUtf8(body) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf16le', 'bom');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf16be', 'bom');
  const wide = utf16WithoutBom(bytes);
  if (wide) return utf16(bytes, wide, 'guess');
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new CliError(binaryMessage);
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'UTF-8', basis: 'utf8', invalidBytes: false };
  const encoding = encodingOfInvalidUtf8(bytes);
  if (encoding === null) return { text: bytes.toString('utf8'), encoding: 'UTF-8', basis: 'utf8', invalidBytes: true };
  const text = iconv.decode(bytes, encoding);
  return { text, encoding: displayName(encoding), basis: 'guess', invalidBytes: text.includes('\uFFFD') };
}

function utf16(body: Buffer, encoding: 'utf16le' | 'utf16be', basis: 'bom' | 'guess'): DecodedText {
  const text = iconv.decode(body, encoding, { stripBOM: false });
  return { text, encoding: encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE', basis, invalidBytes: text.includes('\uFFFD') };
}
