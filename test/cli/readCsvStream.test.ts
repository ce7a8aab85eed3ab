/**
 * The CSV reader reads files in chunks (textChunks.CHUNK_BYTES); a file read so must give exactly what
 * reading its whole text gives (decodeText, then csv-parse with readCsv's options), wherever the
 * chunk boundary falls: inside a multi-byte character, inside a quoted line break, between CR and LF.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../src/cli/readCsv';
import type { CsvDecoding } from '../../src/cli/readCsv';
import { decodeText } from '../../src/cli/decodeText';
import { DelimiterDetector, detectDelimiter } from '../../src/cli/detectDelimiter';
import { PlainCsvParser, parsePlainCsv } from '../../src/cli/parsePlainCsv';
import { CHUNK_BYTES, utf8CutAt } from '../../src/cli/textChunks';
import { tempDir } from './cliHarness';

const dir = tempDir('pa-csv-stream-');
let count = 0;
const write = (content: Buffer): string => {
  const target = path.join(dir, `file${count++}.csv`);
  writeFileSync(target, content);
  return target;
};

/** The whole-text reading the streamed one must equal: decodeText on all the bytes, then csv-parse (the reference parser). */
function wholeText(bytes: Buffer): { rows: string[][]; decoded: ReturnType<typeof decodeText> } {
  const decoded = decodeText(bytes, 'x.csv');
  const delimiter = detectDelimiter(decoded.text.replace(/^\uFEFF/, ''));
  const rows = parse(decoded.text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  return { rows, decoded };
}

function streamed(bytes: Buffer): { rows: string[][]; decoded: CsvDecoding; delimiter: string } {
  let decoded: CsvDecoding | undefined;
  let delimiter = '';
  const rows = readCsv(write(bytes), (d) => { decoded = d; }, (d) => { delimiter = d; }) as string[][];
  return { rows, decoded: decoded!, delimiter };
}

const HEADER = 'Opportunity ID,Account Name,Stage,Amount,Partner,Note';
/** Deal rows of about 60 bytes, numbered from `from`. */
const rows = (from: number, n: number, eol = '\n'): string =>
  Array.from({ length: n }, (_, k) => `OPP-${from + k},Account ${(from + k) % 97},Closed Won,${1000 + k},Acme Corp,plain note${eol}`).join('');

/** ASCII filler rows, then `tail` placed so that byte `at` of the file is `offset` bytes into `tail`. */
function fileWith(prefix: string, tail: Buffer, at: number, offset: number, eol = '\n', after = ''): Buffer {
  const head = Buffer.from(`${prefix}${HEADER}${eol}`, 'latin1');
  const row = `OPP-0,Account 0,Closed Won,1000,Acme Corp,plain note${eol}`;
  let body = '';
  let k = 0;
  // Whole rows, then one padded row that ends exactly where `tail` must start.
  while (head.length + body.length + row.length * 2 < at - offset) { body += rows(k, 1, eol); k += 1; }
  const gap = at - offset - head.length - body.length;
  const pad = `OPP-${k},Account,Closed Won,1,Acme,`;
  body += pad + 'x'.repeat(gap - pad.length - eol.length) + eol;
  return Buffer.concat([head, Buffer.from(body, 'latin1'), tail, Buffer.from(after + rows(k + 1, 3_000, eol), 'latin1')]);
}

describe('readCsv across chunk boundaries', () => {
  it('reads a file larger than one chunk with a multi-byte character and a quoted line break on the boundary exactly as the whole text', () => {
    // The euro sign (E2 82 AC) is cut after its first byte, inside a quoted field that spans the boundary with a line break.
    const tail = Buffer.from('OPP-X,Zürich AG,Closed Won,"1.200,50",Société Générale,"first line\n€ second line, ""quoted"""\n', 'utf8');
    const offset = tail.indexOf(Buffer.from('€', 'utf8')) + 1;
    const bytes = fileWith('', tail, CHUNK_BYTES, offset);
    expect(bytes.length).toBeGreaterThan(CHUNK_BYTES + 100_000);
    expect(bytes[CHUNK_BYTES - 1]).toBe(0xe2);
    const whole = wholeText(bytes);
    const got = streamed(bytes);
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.find((r) => r[0] === 'OPP-X')).toEqual(['OPP-X', 'Zürich AG', 'Closed Won', '1.200,50', 'Société Générale', 'first line\n€ second line, "quoted"']);
    expect(got.decoded).toMatchObject({ encoding: 'UTF-8', basis: 'utf8', invalidBytes: false });
  });

  it('reads CRLF lines whose CR and LF fall in different chunks, and a 4-byte character cut in the middle', () => {
    const tail = Buffer.from('OPP-Y,Café 🚀 Labs,Closed Won,10,Acme Corp,note\r\n', 'utf8');
    const cutEmoji = fileWith('', tail, CHUNK_BYTES, tail.indexOf(Buffer.from('🚀', 'utf8')) + 2, '\r\n');
    const cutCrlf = fileWith('', tail, CHUNK_BYTES, tail.length - 1, '\r\n');
    expect(cutCrlf[CHUNK_BYTES - 1]).toBe(0x0d);
    for (const bytes of [cutEmoji, cutCrlf]) {
      const got = streamed(bytes);
      expect(got.rows).toEqual(wholeText(bytes).rows);
      expect(got.rows.find((r) => r[0] === 'OPP-Y')).toEqual(['OPP-Y', 'Café 🚀 Labs', 'Closed Won', '10', 'Acme Corp', 'note']);
      expect(got.rows.every((r) => r.every((cell) => !cell.includes('\r')))).toBe(true);
    }
  });

  it('hands an irregular file to csv-parse from its start when the irregular row is past the first chunk', () => {
    // A quote inside a plain field (5" screen) is csv-parse's relaxed rule, not the fast path's.
    const tail = Buffer.from('OPP-Z,Monitor 27" screen,Closed Won,10,Acme Corp,"a\nb"\n', 'utf8');
    const bytes = fileWith('', tail, CHUNK_BYTES + 5000, 0);
    const got = streamed(bytes);
    const whole = wholeText(bytes);
    expect(parsePlainCsv(whole.decoded.text, ',')).toBeNull();
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.find((r) => r[0] === 'OPP-Z')).toEqual(['OPP-Z', 'Monitor 27" screen', 'Closed Won', '10', 'Acme Corp', 'a\nb']);
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE, tabs) with a character pair cut by the boundary', () => {
    const text = `\uFEFF${HEADER.replace(/,/g, '\t')}\r\n${rows(0, 8_000, '\r\n').replace(/,/g, '\t')}OPP-U\tNørd 🚀\tClosed Won\t5\tAcme\tnote\r\n${rows(20_000, 100, '\r\n').replace(/,/g, '\t')}`;
    let bytes = iconv.encode(text, 'utf16le', { addBOM: false });
    // Move the emoji's surrogate pair onto the boundary by padding the first note.
    const pairAt = bytes.indexOf(Buffer.from('🚀', 'utf16le'));
    const shift = CHUNK_BYTES - (pairAt + 2);
    expect(shift).toBeGreaterThan(0);
    const padded = text.replace('plain note', `plain note${'p'.repeat(shift / 2)}`);
    bytes = iconv.encode(padded, 'utf16le', { addBOM: false });
    expect(bytes.indexOf(Buffer.from('🚀', 'utf16le'))).toBe(CHUNK_BYTES - 2);
    const got = streamed(bytes);
    expect(got.delimiter).toBe('\t');
    expect(got.rows).toEqual(wholeText(bytes).rows);
    expect(got.rows.find((r) => r[0] === 'OPP-U')?.[1]).toBe('Nørd 🚀');
    expect(got.decoded).toMatchObject({ encoding: 'UTF-16LE', basis: 'bom' });
  });

  it('reads a Windows-1252 file whose first accented byte is far past the first chunk with Windows-1252 throughout', () => {
    // Valid UTF-8 (ASCII) for the whole first chunk; then "Société" in Windows-1252: the file is read again with that table.
    const tail = Buffer.from([...Buffer.from('OPP-W,Soci'), 0xe9, 0x74, 0xe9, ...Buffer.from(',Closed Won,5,O'), 0x92, ...Buffer.from('Neill,note\n')]);
    const bytes = fileWith('', tail, CHUNK_BYTES * 2 + 100, 0);
    const whole = wholeText(bytes);
    const got = streamed(bytes);
    expect(whole.decoded).toMatchObject({ encoding: 'Windows-1252', basis: 'guess' });
    expect(got.decoded).toMatchObject({ encoding: 'Windows-1252', basis: 'guess', invalidBytes: false });
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.find((r) => r[0] === 'OPP-W')).toEqual(['OPP-W', 'Société', 'Closed Won', '5', 'O’Neill', 'note']);
  });

  it('marks one stray byte in a UTF-8 file past the first chunk and keeps every other é', () => {
    const tail = Buffer.from([...Buffer.from('OPP-S,Soci\u00e9t\u00e9,Closed Won,5,Caf', 'utf8'), 0xe9, ...Buffer.from(' Cr\u00e8me,note\n', 'utf8')]);
    const bytes = fileWith('Région,Zürich\n', tail, CHUNK_BYTES + 300, 0);
    const got = streamed(bytes);
    const whole = wholeText(bytes);
    expect(whole.decoded).toMatchObject({ encoding: 'UTF-8', invalidBytes: true });
    expect(got.decoded).toMatchObject({ encoding: 'UTF-8', basis: 'utf8', invalidBytes: true, replacementChars: true });
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.find((r) => r[0] === 'OPP-S')?.[4]).toBe('Caf\uFFFD Crème');
  });

  it('names the line of an unclosed quote that opens in the second chunk', () => {
    const tail = Buffer.from('OPP-Q,"Globex,Closed Won,5,Acme,note\n', 'utf8');
    const bytes = fileWith('', tail, CHUNK_BYTES + 1000, 0);
    const line = bytes.subarray(0, bytes.indexOf(tail)).toString('latin1').split('\n').length;
    expect(line).toBeGreaterThan(15_000);
    expect(() => readCsv(write(bytes))).toThrow(new RegExp(`quoted field starting on line ${line} that is never closed`));
  });
});

describe('the chunked parts agree with the whole-text ones', () => {
  /** `text` cut at the given points (sorted, deduplicated). */
  const cut = (text: string, points: number[]): string[] => {
    const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
    return [...at, text.length].map((end, i) => text.slice(i === 0 ? 0 : at[i - 1], end));
  };
  const alphabet = fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r', '\r\n', '""', 'x"', 'Deal ID', 'Amount', 'Partner');

  it('PlainCsvParser fed in pieces gives parsePlainCsv\'s rows (or declines with it)', () => {
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (parts, points, delimiter) => {
      const text = parts.join('');
      const parser = new PlainCsvParser(delimiter);
      const ok = cut(text, points).every((piece) => parser.write(piece)) && parser.end();
      expect(ok ? parser.rows : null).toEqual(parsePlainCsv(text, delimiter));
    }), { numRuns: 20_000 });
  });

  it('DelimiterDetector fed in pieces gives detectDelimiter\'s answer', () => {
    const line = fc.array(alphabet, { maxLength: 8 }).map((p) => `${p.join('')}\n`);
    fc.assert(fc.property(fc.array(line, { maxLength: 90 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, points) => {
      const text = lines.join('');
      const detector = new DelimiterDetector();
      let answer: string | null = null;
      for (const piece of cut(text, points)) { answer = detector.write(piece); if (answer !== null) break; }
      expect(answer ?? detector.end()).toBe(detectDelimiter(text));
    }), { numRuns: 3_000 });
  });

  it('UTF-8 cut where utf8CutAt says decodes to the whole text, valid or not', () => {
    const piece = fc.oneof(fc.constantFrom(...['a', 'é', '€', '🚀', '\n'].map((s) => [...Buffer.from(s, 'utf8')])), fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }), (pieces, points) => {
      const bytes = Buffer.from(pieces.flat());
      const ends = [...new Set(points.map((p) => p % (bytes.length + 1)))].filter((e) => e < bytes.length).sort((a, b) => a - b);
      // Feed as the reader does: each read appended to the carried bytes, cut, decoded.
      let carried = Buffer.alloc(0);
      let text = '';
      let start = 0;
      for (const end of [...ends, bytes.length]) {
        const chunk = Buffer.concat([carried, bytes.subarray(start, end)]);
        start = end;
        const at = end === bytes.length ? chunk.length : utf8CutAt(chunk, chunk.length);
        text += chunk.toString('utf8', 0, at);
        carried = chunk.subarray(at);
      }
      expect(text).toBe(bytes.toString('utf8'));
    }), { numRuns: 20_000 });
  });
});
