/**
 * The hand-written sheet scanner reads every sheet as the regular-expression scanner it replaced
 * (test/cli/reference/regexScanSheet.ts): random sheets with every cell type Excel and other tools
 * write, namespace prefixes, odd attribute spellings, hidden rows and merged ranges, cut into chunks
 * at random bytes (inside a tag, a character, "</sheetData>").
 */
import fc from 'fast-check';
import { scanSheet } from '../../src/cli/xlsx/scanSheet';
import type { ScannedSheet } from '../../src/cli/xlsx/scanSheet';
import type { WorkbookParts } from '../../src/cli/xlsx/workbookParts';
import { regexScanSheet } from './reference/regexScanSheet';

const parts = (dateSystem: 1900 | 1904): WorkbookParts => ({
  sheets: [], dateSystem, sharedStrings: ['Deal ID', 'Acme & Co', 'Zürich 🚀', '', 'x_x000D_y'],
  styleFormats: ['General', 'yyyy-mm-dd', '#,##0.00', 'm/d/yyyy h:mm'], styleIsDate: [false, true, false, true], styleShowsCurrency: [],
});

async function* chunksOf(bytes: Buffer, cuts: number[]): AsyncIterable<Buffer> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const end of [...at, bytes.length]) {
    if (end > from) yield bytes.subarray(from, end);
    from = end;
  }
}

const plain = (sheet: ScannedSheet): unknown => ({
  rows: sheet.rows.map((r) => ({ ...r, values: r.values.map((v) => (v instanceof Date ? `date:${v.getTime()}` : v)) })),
  columns: [...sheet.columnCounts.entries()].sort((a, b) => a[0] - b[0]),
  merges: sheet.merges,
});

const letters = (col: number): string => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + String.fromCharCode(65 + (col % 26)));

/** One cell's XML: a type, a value as that type is written, a style, a reference or none, and the tag's spelling. */
const cellXml = (prefix: string, row: number) => fc.record({
  col: fc.nat({ max: 40 }),
  withRef: fc.boolean(),
  kind: fc.constantFrom('s', 'n', 'date', 'str', 'inline', 'b', 'e', 'd', 'formula', 'formulaNoValue', 'empty', 'selfClosing', 'richInline', 'vEmpty', 'oddNumber', 'oddIndex'),
  style: fc.constantFrom(undefined, '0', '1', '2', '3', 'x', '01', '-1', ' 1', ''),
  oddRef: fc.constantFrom(null, 'a1', 'AAAA1', 'A01', 'A1.0', 'A 1', 'A', '1', 'XFE1', 'A1048577'),
  odd: fc.constantFrom('007', '-0', '+5', ' 5', '1e3', '0x10', '-12', '1234567890123456', '45292', '2.5', 'NaN'),
  quote: fc.constantFrom('"', "'"),
  extra: fc.constantFrom('', ' x14ac:foo="1"', ' cm="1"', '  '),
  order: fc.boolean(),
  n: fc.oneof(fc.integer({ min: -5, max: 3_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })),
  s: fc.nat({ max: 6 }),
}).map((c) => {
  const q = c.quote;
  const ref = c.withRef ? ` r=${q}${c.oddRef !== null && c.s === 0 ? c.oddRef : `${letters(c.col)}${row}`}${q}` : '';
  const type = { s: 's', oddIndex: 's', str: 'str', inline: 'inlineStr', richInline: 'inlineStr', b: 'b', e: 'e', d: 'd' }[c.kind as string];
  const t = type !== undefined ? ` t=${q}${type}${q}` : '';
  const s = c.style !== undefined ? ` s=${q}${c.style}${q}` : '';
  const attrs = c.order ? `${ref}${c.extra}${t}${s}` : `${s}${t}${c.extra}${ref}`;
  const v = (raw: string): string => `<${prefix}v>${raw}</${prefix}v>`;
  const inner = {
    s: v(String(c.s)), n: v(String(c.n)), oddNumber: v(c.odd), oddIndex: v(c.odd.length < 4 ? c.odd : '1'), date: v(String(Math.abs(c.n))), str: v('a &amp; b_x000A_'), inline: `<${prefix}is><${prefix}t>In &lt;line&gt;</${prefix}t></${prefix}is>`,
    richInline: `<${prefix}is><${prefix}r><${prefix}t>Ri</${prefix}t></${prefix}r><${prefix}r><${prefix}t xml:space="preserve">ch é</${prefix}t></${prefix}r></${prefix}is>`,
    b: v(c.n > 0 ? '1' : '0'), e: v('#N/A'), d: v('2024-03-01T10:00:00'), formula: `<${prefix}f>SUM(A1:A2)</${prefix}f>${v(String(c.n))}`,
    formulaNoValue: `<${prefix}f>NOW()</${prefix}f>`, empty: '', selfClosing: '', vEmpty: v(''),
  }[c.kind]!;
  return c.kind === 'selfClosing' ? `<${prefix}c${attrs}/>` : `<${prefix}c${attrs}>${inner}</${prefix}c>`;
});

const sheetXml = fc.record({ prefix: fc.constantFrom('', 'x:', 'cx:', 'c:'), rowCount: fc.nat({ max: 12 }) }).chain(({ prefix, rowCount }) =>
  fc.tuple(
    fc.constant(prefix),
    fc.array(fc.record({ gap: fc.nat({ max: 3 }), hidden: fc.constantFrom('', ' hidden="1"', ' hidden="true"', ' hidden="0"'), withR: fc.boolean(), selfClosing: fc.boolean() }), { minLength: rowCount, maxLength: rowCount }),
    fc.array(fc.array(cellXml(prefix, 1), { maxLength: 6 }), { minLength: rowCount, maxLength: rowCount }),
    fc.array(fc.tuple(fc.nat({ max: 10 }), fc.nat({ max: 5 }), fc.nat({ max: 3 }), fc.nat({ max: 3 })), { maxLength: 3 }),
  )).map(([prefix, rows, cells, merges]) => {
  let row = 0;
  const body = rows.map((r, i) => {
    row += 1 + r.gap;
    const attrs = `${r.withR ? ` r="${row}"` : ''} spans="1:18"${r.hidden}`;
    if (r.selfClosing) return `<${prefix}row${attrs}/>`;
    // The cells were made for row 1: move their references to this row.
    const rowCells = cells[i]!.map((c) => c.replace(/(r=["'][A-Z]+)1(["'])/, `$1${row}$2`)).join('');
    return `<${prefix}row${attrs}>${rowCells}</${prefix}row>`;
  }).join('');
  const merged = merges.length === 0 ? '' : `<${prefix}mergeCells>${merges.map(([r, c, h, w]) => `<${prefix}mergeCell ref="${letters(c)}${r + 1}:${letters(c + w)}${r + 1 + h}"/>`).join('')}</${prefix}mergeCells>`;
  return `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix === '' ? '' : ':x'}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetFormatPr defaultRowHeight="15"/><${prefix}sheetData>${body}</${prefix}sheetData>${merged}</${prefix}worksheet>`;
});

describe('scanSheet', () => {
  it('reads random sheets, cut anywhere, exactly as the regular-expression scanner', async () => {
    await fc.assert(fc.asyncProperty(sheetXml, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(1900 as const, 1904 as const), async (xml, cuts, system) => {
      const bytes = Buffer.from(xml, 'utf8');
      const expected = plain(await regexScanSheet(chunksOf(bytes, cuts), parts(system)));
      expect(plain(await scanSheet(chunksOf(bytes, cuts), parts(system)))).toEqual(expected);
    }), { numRuns: 3_000 });
  });

  it('reads a cell cut by every possible chunk boundary the same', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" s="1"><v>45292.5</v></c><x:c r="C1" t="inlineStr"><x:is><x:t>é</x:t></x:is></x:c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const bytes = Buffer.from(xml, 'utf8');
    const whole = plain(await scanSheet(chunksOf(bytes, []), parts(1900)));
    expect(whole).toEqual(plain(await regexScanSheet(chunksOf(bytes, []), parts(1900))));
    expect((whole as { merges: unknown }).merges).toEqual([[0, 0, 0, 1]]);
    for (let cut = 1; cut < bytes.length; cut++) expect(plain(await scanSheet(chunksOf(bytes, [cut]), parts(1900)))).toEqual(whole);
  });
});
