/** Workbooks as Excel and other tools really write them (issue 14), each made byte by byte: far-away cells, escapes, uncalculated formulas, t="d" dates, the 1904 date system, hidden rows, other formats. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Summary } from '../../src/core';
import { NOT_CALCULATED } from '../../src/core';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { reportCommand } from '../../src/cli/reportCommand';
import { tempDir } from './cliHarness';
import { rowXml, writeXlsx, zipBytes } from './xlsxBytes';

const dir = tempDir('pa-quirks-');
let n = 0;
const file = (name: string): string => path.join(dir, `${n++}-${name}`);

/** A small HubSpot-style deals export as rows of XML, header on row 1. */
const HEADER = ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Close Date', 'Partner'];
const deals = (count: number, from = 2): string => Array.from({ length: count }, (_, i) =>
  rowXml(from + i, [`D-${i + 1}`, `Deal ${i + 1}`, 'Closed Won', 1000 + (i % 7), '2025-01-10', '2025-03-01', i % 2 === 0 ? 'Acme' : ''])).join('');

async function summaryOf(xlsx: string): Promise<{ summary: Summary; lines: string[] }> {
  const json = `${xlsx}.json`;
  const lines = await reportCommand({ deals: xlsx, json });
  return { summary: JSON.parse(readFileSync(json, 'utf8')) as Summary, lines };
}

describe('a stray value far from the table', () => {
  it('one cell in XFD1048576 of a 2 KB workbook: only the table is read, and the summary says what was left out', async () => {
    const xlsx = writeXlsx(file('stray.xlsx'), { sheets: [{ name: 'Deals',
      rows: rowXml(1, HEADER) + deals(3) + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' }] });
    expect(statSync(xlsx).size).toBeLessThan(3000);
    const [tab] = await readWorkbook(xlsx);
    expect(tab!.grid).toHaveLength(4);
    expect(tab!.grid.every((row) => row.length === HEADER.length)).toBe(true);
    expect(tab!.leftOut).toEqual({ count: 1, examples: ['XFD1048576 ("x")'] });
    const { summary } = await summaryOf(xlsx);
    expect(summary.totals.deals).toBe(3);
    expect(summary.issues).toContainEqual(expect.objectContaining({ code: 'XLSX_CELLS_LEFT_OUT', severity: 'info',
      message: expect.stringContaining('XFD1048576 ("x")') }));
  });

  it('a note in XFD1 beside 20,000 deals: rows stay seven cells wide and the file reads in seconds', async () => {
    const note = '<c r="XFD1" t="inlineStr"><is><t>Exported by RevOps, do not edit</t></is></c>';
    const xlsx = writeXlsx(file('note.xlsx'), { sheets: [{ name: 'Deals', rows: rowXml(1, HEADER).replace('</row>', `${note}</row>`) + deals(20_000) }] });
    const started = Date.now();
    const [tab] = await readWorkbook(xlsx);
    expect(Date.now() - started).toBeLessThan(5000); // about 0.5 s here; the old reader took 28 s and 3.9 GB
    expect(tab!.grid).toHaveLength(20_001);
    expect(tab!.grid[0]).toEqual(HEADER);
    expect(tab!.grid[20_000]).toHaveLength(HEADER.length);
    expect(tab!.leftOut.examples).toEqual(['XFD1 ("Exported by RevOps, do not edit")']);
  });

  it('a table that starts at column BZ is read there, not padded from column A', async () => {
    const cells = (row: number, values: string[]): string => `<row r="${row}">${values.map((v, i) => `<c r="${['BZ', 'CA'][i]}${row}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
    const xlsx = writeXlsx(file('far-right.xlsx'), { sheets: [{ name: 'Deals', rows: cells(1, ['Deal ID', 'Deal Stage']) + cells(2, ['D-1', 'Closed Won']) }] });
    const [tab] = await readWorkbook(xlsx);
    expect(tab!.firstCol).toBe(77);
    expect(tab!.grid).toEqual([['Deal ID', 'Deal Stage'], ['D-1', 'Closed Won']]);
  });
});

describe('cell values as the file holds them', () => {
  it('decodes _x000D_ and other _xHHHH_ escapes in inline strings as in shared strings, so "Globex_x000D_" is Globex', async () => {
    const rows = rowXml(1, HEADER)
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="C2" t="s"><v>0</v></c><c r="D2"><v>900</v></c>'
      + '<c r="G2" t="inlineStr"><is><t>Globex_x000D_</t></is></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>D-2</t></is></c><c r="C3" t="s"><v>0</v></c><c r="D3"><v>100</v></c>'
      + '<c r="G3" t="s"><v>1</v></c></row>'
      + '<row r="4"><c r="A4" t="inlineStr"><is><t>D-3</t></is></c><c r="B4" t="inlineStr"><is><r><t>Fabrikam_x005F_x000D_</t></r><r><t xml:space="preserve"> Suite</t></r></is></c></row>';
    const xlsx = writeXlsx(file('escapes.xlsx'), { sheets: [{ name: 'Deals', rows }], sharedStrings: ['<t>Closed Won</t>', '<t>Globex_x000D_</t>'] });
    const [tab] = await readWorkbook(xlsx);
    expect(tab!.grid[1]![6]).toBe('Globex\r');
    expect(tab!.grid[3]![1]).toBe('Fabrikam_x000D_ Suite'); // _x005F_ is a literal underscore
    const { summary } = await summaryOf(xlsx);
    expect(summary.partners.map((p) => [p.partner, p.creditedRevenue])).toEqual([['Globex', 1000]]);
  });

  it('a formula with no cached value says "formula not calculated", not "no amount"; shared and array formulas keep their cached values', async () => {
    const stage = '<c r="C{r}" t="inlineStr"><is><t>Closed Won</t></is></c>';
    const id = (r: number): string => `<c r="A${r}" t="inlineStr"><is><t>D-${r - 1}</t></is></c>${stage.replace('{r}', String(r))}`;
    const rows = rowXml(1, HEADER)
      + `<row r="2">${id(2)}<c r="D2"><f>E2*2</f></c></row>`
      + `<row r="3">${id(3)}<c r="D3"><f t="shared" ref="D3:D4" si="0">H3*2</f><v>400</v></c></row>`
      + `<row r="4">${id(4)}<c r="D4"><f t="shared" si="0"/><v>600</v></c></row>`
      + `<row r="5">${id(5)}<c r="D5"><f t="array" ref="D5">SUM(H5:I5)</f><v>50</v></c></row>`;
    const xlsx = writeXlsx(file('formulas.xlsx'), { sheets: [{ name: 'Deals', rows }] });
    const [tab] = await readWorkbook(xlsx);
    expect(tab!.grid.slice(1).map((r) => r[3])).toEqual([NOT_CALCULATED, 400, 600, 50]);
    const { summary } = await summaryOf(xlsx);
    expect(summary.totals.revenue).toBe(1050);
    const row2 = summary.issues.filter((i) => i.row === 2);
    expect(row2).toEqual([expect.objectContaining({ column: 'Amount', message: 'Formula not calculated: open and save the file in Excel.' })]);
  });

  it('reads t="d" cells (ISO date text) as dates', async () => {
    const rows = rowXml(1, HEADER)
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="C2" t="inlineStr"><is><t>Closed Won</t></is></c><c r="D2"><v>100</v></c>'
      + '<c r="E2" t="d"><v>2025-01-10T00:00:00</v></c><c r="F2" t="d"><v>2025-03-31</v></c></row>';
    const xlsx = writeXlsx(file('iso-dates.xlsx'), { sheets: [{ name: 'Deals', rows }] });
    const [tab] = await readWorkbook(xlsx);
    expect((tab!.grid[1]![4] as Date).toISOString()).toBe('2025-01-10T00:00:00.000Z');
    const { summary } = await summaryOf(xlsx);
    expect(summary.issues.filter((i) => i.code === 'DATE_INVALID')).toEqual([]);
    expect(summary.periods.map((p) => p.period)).toEqual(['2025 Q1']);
    expect(summary.totals.directAvgCycleDays).toBe(80);
  });

  it('a 1904 date-system workbook (Mac Excel) reads date-formatted and General serials as the days Excel shows', async () => {
    // 1904 serial 43830 is 2024-01-01 (it would be 2019-12-31 in the 1900 system); 43920 is 2024-03-31.
    const rows = rowXml(1, HEADER)
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="C2" t="inlineStr"><is><t>Closed Won</t></is></c><c r="D2"><v>100</v></c>'
      + '<c r="E2" s="1"><v>43830</v></c><c r="F2"><v>43920</v></c></row>';
    const xlsx = writeXlsx(file('mac-1904.xlsx'), { sheets: [{ name: 'Deals', rows }], workbookPr: 'date1904="1"' });
    const [tab] = await readWorkbook(xlsx);
    expect(tab!.dateSystem).toBe(1904);
    expect((tab!.grid[1]![4] as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    const { summary } = await summaryOf(xlsx);
    expect(summary.periods.map((p) => p.period)).toEqual(['2024 Q1']);
    expect(summary.totals.directAvgCycleDays).toBe(90);
  });

  it('keeps a cell\'s number format for the readers that need it (a euro amount, a date)', async () => {
    const rows = rowXml(1, HEADER) + '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="D2" s="2"><v>1200</v></c><c r="E2" s="1"><v>45667</v></c></row>';
    const [tab] = await readWorkbook(writeXlsx(file('formats.xlsx'), { sheets: [{ name: 'Deals', rows }] }));
    expect(tab!.numberFormat(1, 3)).toBe('[$€-407]#,##0.00');
    expect(tab!.numberFormat(1, 4)).toBe('mm-dd-yy');
    expect(tab!.numberFormat(1, 0)).toBe('General');
  });
});

describe('hidden rows', () => {
  it('are read like any other row, and the summary says how many were hidden', async () => {
    const rows = rowXml(1, HEADER) + rowXml(2, ['D-1', 'A', 'Closed Won', 100, '2025-01-10', '2025-03-01', 'Acme'])
      + rowXml(3, ['D-2', 'B', 'Closed Won', 200, '2025-01-10', '2025-03-01', ''], 'hidden="1"')
      + rowXml(4, ['D-3', 'C', 'Closed Won', 300, '2025-01-10', '2025-03-01', ''], 'hidden="1" customHeight="1" ht="0"');
    const xlsx = writeXlsx(file('hidden.xlsx'), { sheets: [{ name: 'Deals', rows }] });
    const { summary, lines } = await summaryOf(xlsx);
    expect(summary.totals.revenue).toBe(600);
    expect(summary.issues).toContainEqual(expect.objectContaining({ code: 'XLSX_HIDDEN_ROWS', severity: 'info',
      message: expect.stringMatching(/^2 rows of .*hidden\.xlsx, tab "Deals" are hidden in the workbook\.$/) }));
    expect(lines.join('\n')).toMatch(/1 info/);
  });
});

describe('files that are spreadsheets, but not .xlsx', () => {
  it('an .ods says it is OpenDocument and asks for .xlsx or CSV, whatever it is called', async () => {
    const ods = zipBytes([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<office:document-content/>' }]);
    const named = file('pipeline.ods');
    writeFileSync(named, ods);
    await expect(reportCommand({ deals: named })).rejects.toThrow(/OpenDocument spreadsheet.*Save it as \.xlsx or export it as CSV/);
    const renamed = file('pipeline.xlsx');
    writeFileSync(renamed, ods);
    await expect(readWorkbook(renamed)).rejects.toThrow(/OpenDocument spreadsheet/);
  });

  it('a .numbers document says to export from Numbers', async () => {
    const numbers = file('pipeline.numbers');
    writeFileSync(numbers, zipBytes([{ name: 'Index/Document.iwa', data: Buffer.from([0, 1, 2]) }, { name: 'Metadata/Properties.plist', data: 'x' }]));
    await expect(reportCommand({ deals: numbers })).rejects.toThrow(/Apple Numbers document\. In Numbers, choose File > Export To > Excel/);
    const renamed = file('numbers-export.xlsx');
    writeFileSync(renamed, readFileSync(numbers));
    await expect(readWorkbook(renamed)).rejects.toThrow(/Apple Numbers document/);
  });

  it('an encrypted workbook (an OLE container) keeps its message', async () => {
    const encrypted = file('locked.xlsx');
    writeFileSync(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(readWorkbook(encrypted)).rejects.toThrow(/password-protected/);
  });
});
