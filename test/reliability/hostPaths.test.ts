/**
 * The bad-input corpus where it reaches users: the command line binary (CSV and XLSX in, JSON and XLSX
 * out), the built Excel custom functions, and a whole-sheet range of 1,048,576 rows.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { analyze, runFunction, toSummaryJson } from '../../src/core';
import type { Cell, Summary } from '../../src/core';
import { buildCli, cliPath, exampleWorkbook, filesIn, isOneCleanLine, runCli, tempDir } from '../cli/cliHarness';
import { buildExcel } from '../hosts/excel/buildExcel';
import { ERROR_VALUES, GOOD_DIRECT, GOOD_INFLUENCED, GOOD_SOURCED, HEADER, HOSTILE_NAMES, MALFORMED, TARGET } from './corpus/badValues';

/** Excel's limit on the characters in one cell (Sheets allows 50,000). */
const EXCEL_CELL_CHARS = 32_767;
const SHEET_ROWS = 1_048_576;

const csvField = (value: Cell): string => {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows: readonly (readonly Cell[])[]): string => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

/** The corpus as one table: the good deals, then one deal per malformed text value (Deal ID "M-<n>"). */
function corpusTable(): { rows: Cell[][]; bad: { id: string; row: number; column: string; value: string }[] } {
  const rows: Cell[][] = [[...HEADER], GOOD_SOURCED, GOOD_DIRECT, GOOD_INFLUENCED];
  const bad: { id: string; row: number; column: string; value: string }[] = [];
  const textValues = MALFORMED.flatMap(({ column, values }) => values
    .filter((v): v is string => typeof v === 'string')
    .map((value) => ({ column, value })));
  const errors = ERROR_VALUES.map((value, i) => ({ column: HEADER[(i % (HEADER.length - 1)) + 1]!, value }));
  for (const { column, value } of [...textValues, ...errors]) {
    const id = `M-${bad.length + 1}`;
    rows.push(HEADER.map((h) => (h === 'Deal ID' ? id : h === column ? value : TARGET[h])));
    bad.push({ id, row: rows.length, column, value });
  }
  return { rows, bad };
}

const readJson = (file: string): Summary => JSON.parse(readFileSync(file, 'utf8')) as Summary;

/** Every cell of an .xlsx: no formulas, no text longer than Excel allows. */
async function xlsxCells(file: string): Promise<{ sheet: string; address: string; value: ExcelJS.CellValue }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: { sheet: string; address: string; value: ExcelJS.CellValue }[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push({ sheet: sheet.name, address: cell.address, value: cell.value }); })));
  return cells;
}

beforeAll(() => buildCli());

describe('the command line on the corpus', () => {
  const dir = tempDir('pa-rel-cli-');
  const { rows, bad } = corpusTable();

  it('reads a CSV of bad values: the good deals keep their numbers, and every bad value is an issue on its row and column', () => {
    const input = path.join(dir, 'corpus.csv');
    writeFileSync(input, csv(rows));
    const json = path.join(dir, 'corpus.json');
    const run = runCli(['report', input, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const s = readJson(json);
    expect(s.deals.find((d) => d.id === 'G-1')).toMatchObject({ motion: 'sourced', credits: { Acme: 1000 } });
    expect(s.deals.find((d) => d.id === 'G-2')).toMatchObject({ motion: 'direct', amount: 500 });
    expect(s.deals.find((d) => d.id === 'G-3')).toMatchObject({ motion: 'influenced', credits: { Globex: 125, Initech: 125 } });
    const missing = bad.filter((b) => !s.issues.some((i) => i.row === b.row && i.column === b.column));
    expect(missing).toEqual([]);
    expect(s.deals).toHaveLength(3 + bad.length);
  });

  it('reads an .xlsx with real error cells, cached formulas, a merged title and hostile names, and writes no formula back', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow(['Q1 partner deals']);
    sheet.mergeCells('A1:D1');
    sheet.addRow([]);
    sheet.addRow(['Deal ID', 'Stage', 'Amount', 'Reseller']);
    sheet.addRow(['E-1', 'Closed Won', { error: '#N/A' }, 'Acme']);
    sheet.addRow(['E-2', 'Closed Won', { formula: '100+23', result: 123 }, { error: '#REF!' }]);
    HOSTILE_NAMES.forEach((name, i) => sheet.addRow([`H-${i}`, 'Closed Won', 10, name]));
    const input = path.join(dir, 'hostile.xlsx');
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, 'hostile-report.xlsx');
    const json = path.join(dir, 'hostile.json');
    const run = runCli(['report', input, '--out', out, '--json', json]);
    expect(run.code).toBe(0);
    const s = readJson(json);
    expect(s.issues.find((i) => i.row === 4 && i.column === 'Amount')).toMatchObject({ code: 'CELL_ERROR', value: '#N/A' });
    expect(s.issues.find((i) => i.row === 5 && i.column === 'Reseller')).toMatchObject({ code: 'CELL_ERROR', value: '#REF!' });
    expect(s.deals.find((d) => d.id === 'E-2')).toMatchObject({ amount: 123, motion: 'direct' });
    for (const name of HOSTILE_NAMES) expect(s.partners.find((p) => p.partner === name)?.creditedRevenue).toBe(10);
    const cells = await xlsxCells(out);
    const formulas = cells.filter((c) => typeof c.value === 'object' && c.value !== null && ('formula' in c.value || 'sharedFormula' in c.value));
    expect(formulas).toEqual([]);
    const summaryNames = cells.filter((c) => c.sheet === 'Partner Summary').map((c) => c.value);
    expect(summaryNames).toEqual(expect.arrayContaining(['=HYPERLINK("http://evil.example")', '=1+2', '@SUM(A1:A9)', '-Minus Partners']));
  });

  // Known bug, reported to the lead: remove .failing once fixed.
  it('never writes a cell longer than Excel can hold (32,767 characters), even when a reason names four 10,000-character partners', async () => {
    const names = ['a', 'b', 'c', 'd'].map((c) => c.repeat(10_000));
    const input = path.join(dir, 'long.csv');
    writeFileSync(input, csv([['Deal ID', 'Stage', 'Amount', 'Influencing Partners'], ['L-1', 'Closed Won', 100, names.join('; ')]]));
    const out = path.join(dir, 'long-report.xlsx');
    expect(runCli(['report', input, '--out', out]).code).toBe(0);
    const tooLong = (await xlsxCells(out)).filter((c) => typeof c.value === 'string' && c.value.length > EXCEL_CELL_CHARS)
      .map((c) => `${c.sheet}!${c.address} (${(c.value as string).length})`);
    expect(tooLong).toEqual([]);
  });

  it('reports a header row with no deals under it as an empty report, and a file of blank lines in one clean line', () => {
    const header = path.join(dir, 'header-only.csv');
    writeFileSync(header, 'Deal ID,Stage,Amount,Partner\r\n');
    const json = path.join(dir, 'header-only.json');
    const run = runCli(['report', header, '--json', json]);
    expect(run.code).toBe(0);
    expect(readJson(json).totals).toMatchObject({ deals: 0, revenue: 0, partnerLedShare: null });
    const blanks = path.join(dir, 'blanks.csv');
    writeFileSync(blanks, ',,,\r\n,,,\r\n\r\n');
    const failed = runCli(['report', blanks, '--json', path.join(dir, 'blanks.json')]);
    expect(failed.code).toBe(1);
    expect(isOneCleanLine(failed.stderr)).toBe(true);
    expect(failed.stderr).toMatch(/empty/i);
    expect(existsSync(path.join(dir, 'blanks.json'))).toBe(false);
  });

  it('killed in the middle of writing, leaves the previous report as it was and no new one half-written', async () => {
    const work = tempDir('pa-rel-kill-');
    const input = path.join(work, 'big.csv');
    const lines = ['Deal ID,Stage,Amount,Partner,Influencing Partners,Close Date'];
    for (let i = 0; i < 60_000; i++) lines.push(`K-${i},${i % 3 ? 'Closed Won' : 'Negotiation'},${(i % 997) + 0.5},P${i % 300},P${(i * 7) % 300}; P${(i * 13) % 300},2024-0${(i % 9) + 1}-15`);
    writeFileSync(input, `${lines.join('\n')}\n`);
    const out = path.join(work, 'report.xlsx');
    const before = readFileSync(exampleWorkbook);
    writeFileSync(out, before); // last quarter's report, which a failed run must not damage
    const child = spawn(process.execPath, [cliPath, 'report', input, '--out', out], { stdio: 'ignore' });
    const killedWhileWriting = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (readdirSync(work).some((f) => f.endsWith('.tmp'))) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(true);
        }
      }, 5);
      child.on('exit', () => { clearInterval(timer); resolve(false); });
    });
    await new Promise((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(null); else child.on('exit', resolve); });
    expect(killedWhileWriting).toBe(true);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(filesIn(work).filter((f) => f.endsWith('.xlsx'))).toEqual(['report.xlsx']);
  });
});

type Fn = (...args: unknown[]) => unknown;
class FakeCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) { super(message); }
}

/** The built functions.js, loaded as Excel's shared runtime loads it. */
function loadExcelFunctions(): Map<string, Fn> {
  const code = readFileSync(path.join(buildExcel(), 'functions.js'), 'utf8');
  const registered = new Map<string, Fn>();
  const CustomFunctions = { associate: (id: string, fn: Fn) => registered.set(id, fn), Error: FakeCustomFunctionError, ErrorCode: { invalidValue: '#VALUE!' } };
  vm.runInNewContext(code, { CustomFunctions, console });
  return registered;
}

describe('the Excel custom functions on the corpus', () => {
  let fns: Map<string, Fn>;
  beforeAll(() => { fns = loadExcelFunctions(); });
  // The functions are async (they wait for Office); a `numbers` result comes back as [[n]], as its functions.json says.
  const call = async (id: string, ...args: unknown[]): Promise<unknown> => {
    const value = await fns.get(id)!(...args);
    return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'number' ? value[0][0] : value;
  };
  const errorOf = async (id: string, ...args: unknown[]): Promise<FakeCustomFunctionError> => {
    try { await call(id, ...args); } catch (error) { return error as FakeCustomFunctionError; }
    throw new Error(`expected PARTNER.${id} to fail`);
  };

  it('give the same numbers as the engine for the whole corpus table, with a label for every row', async () => {
    const { rows } = corpusTable();
    const excelRows = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c)));
    expect(await call('LED', excelRows, null, null, null)).toBe(runFunction('LED', [rows], null));
    expect(await call('LED', excelRows, null, null, null)).toBe(toSummaryJson(analyze({ deals: rows })).totals.partnerLedRevenue);
    const motions = (await call('CLASSIFY', excelRows, null) as Cell[][]).map((r) => r[0]);
    expect(motions).toHaveLength(rows.length);
    expect(motions.slice(0, 4)).toEqual(['Partner Motion', 'Sourced', 'Direct', 'Influenced']);
    expect(motions.slice(4).every((m) => ['Sourced', 'Influenced', 'Resold', 'Direct'].includes(m as string))).toBe(true);
  });

  it('answer an empty range and a range of blanks with #VALUE! and a message, and a single header row with zero', async () => {
    for (const range of [[['']], [['', ''], ['', '']]]) {
      const error = await errorOf('SOURCED', range, null, null, null);
      expect(error).toBeInstanceOf(FakeCustomFunctionError);
      expect(error.code).toBe('#VALUE!');
      expect(error.message).toMatch(/empty/i);
    }
    expect(await call('SOURCED', [['Deal ID', 'Stage', 'Amount', 'Partner']], null, null, null)).toBe(0);
    expect(await call('CLASSIFY', [['Deal ID', 'Stage', 'Amount', 'Partner']], null)).toEqual([['Partner Motion']]);
    expect(await call('ROLLUP', [['Deal ID', 'Stage', 'Amount', 'Partner']], null, null)).toHaveLength(1);
  });

  it('answer a whole column range (A:M, 1,048,576 rows, mostly blank) with the deals in it, aligned to the last row', async () => {
    const blank = HEADER.map(() => '');
    const grid: Cell[][] = new Array<Cell[]>(SHEET_ROWS).fill(blank);
    grid[0] = [...HEADER];
    const deal = (id: string, amount: number, reseller: string): Cell[] => HEADER.map((h) => (h === 'Deal ID' ? id : h === 'Stage' ? 'Closed Won' : h === 'Amount' ? amount : h === 'Reseller' ? reseller : ''));
    grid[1] = deal('W-1', 100, 'Acme');
    grid[524_288] = deal('W-2', 200, 'Globex');
    grid[SHEET_ROWS - 1] = deal('W-3', 300.01, 'Acme');
    const started = Date.now();
    expect(await call('RESOLD', grid, null, null, null)).toBe(600.01);
    expect(await call('RESOLD', grid, 'Acme', null, null)).toBe(400.01);
    const motions = await call('CLASSIFY', grid, null) as Cell[][];
    expect(motions).toHaveLength(SHEET_ROWS);
    expect([motions[1]![0], motions[2]![0], motions[524_288]![0], motions[SHEET_ROWS - 1]![0]]).toEqual(['Resold', '', 'Resold', 'Resold']);
    const summary = toSummaryJson(analyze({ deals: grid }));
    expect(summary.deals.map((d) => d.row)).toEqual([2, 524_289, SHEET_ROWS]);
    expect(summary.issues).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
