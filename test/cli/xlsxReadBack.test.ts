/**
 * The summary workbook of a 3,000-deal export, read back with ExcelJS's reader: every Deal Attribution
 * cell holds what the tab holds, with its style and number format; panes, filters, widths and print setup
 * are there; text that looks like a formula stays text and over-long text is cut. And every tab's cells
 * are what ExcelJS's own cell-by-cell writer makes of the same tabs (the fast writer drops nothing).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { analyze, buildReportTabs, FORMATS, MAX_CELL_TEXT } from '../../src/core';
import type { Cell, FormatName, ReportBlock, ReportTab } from '../../src/core';
import { loadInput } from '../../src/cli/loadInput';
// The header height rule is the writer's own (its wrapping is tested in xlsxLayout.test.ts); the oracle sets it the same way.
import { headerRowHeight, xlsxWriter } from '../../src/cli/xlsxWriter';
import { generateWorkbook } from '../../bench/generateWorkbook';
import { tempDir } from './cliHarness';

jest.setTimeout(120_000);

const dir = tempDir('pa-readback-');
const FORMULA_NAME = '=HYPERLINK("http://example.com","click")';
const LONG_NAME = `Contoso - ${'very long deal name '.repeat(2500)}`;
let tabs: ReportTab[];
let book: ExcelJS.Workbook;

/** The deals export as CSV text (quoted where needed). */
const csvText = (grid: readonly (readonly Cell[])[]): string => grid.map((row) => row.map((v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}).join(',')).join('\n');

const read = async (file: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
};

beforeAll(async () => {
  const { deals } = generateWorkbook({ deals: 3000, seed: 7 });
  const grid = deals.map((row) => [...row]);
  const name = grid[0]!.indexOf('Opportunity Name');
  grid[5]![name] = FORMULA_NAME;
  grid[6]![name] = LONG_NAME;
  const csv = path.join(dir, 'deals.csv');
  writeFileSync(csv, csvText(grid));
  const { input } = await loadInput({ deals: csv });
  tabs = buildReportTabs(analyze(input, { policy: { asOfDate: '2025-01-01' } }));
  const file = path.join(dir, 'report.xlsx');
  await xlsxWriter(tabs, file);
  book = await read(file);
});

const dealsTab = (): ReportTab => tabs.find((t) => t.name === 'Deal Attribution')!;
const sheetOf = (tab: ReportTab): ExcelJS.Worksheet => book.getWorksheet(tab.name)!;

/** What a block's value reads back as: blanks as null, dates as Dates at UTC midnight. */
const expected = (value: Cell): unknown => (value === '' || value === null || value === undefined ? null : value);

describe('the summary workbook of a 3,000-deal export, read back', () => {
  it('holds every Deal Attribution value where the tab puts it', () => {
    const tab = dealsTab();
    const block = tab.blocks[0]!;
    expect(block.values.length).toBe(3001);
    const sheet = sheetOf(tab);
    expect(sheet.rowCount).toBe(3001);
    const wrong: unknown[] = [];
    let checked = 0;
    block.values.forEach((row, i) => row.forEach((value, j) => {
      const got = sheet.getCell(i + 1, j + 1).value;
      const same = value instanceof Date ? got instanceof Date && got.toISOString() === value.toISOString() : isDeepStrictEqual(got, expected(value));
      if (!same) wrong.push({ at: sheet.getCell(i + 1, j + 1).address, got, want: value });
      checked++;
    }));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBe(3001 * 16);
  });

  it('styles the header bold and shaded, and each column with its number format', () => {
    const tab = dealsTab();
    const sheet = sheetOf(tab);
    const block = tab.blocks[0]!;
    for (let j = 0; j < block.formats.length; j++) {
      const header = sheet.getCell(1, j + 1);
      expect(header.font?.bold).toBe(true);
      expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
      expect(header.alignment?.wrapText).toBe(true);
    }
    const col = (label: string): number => (block.values[0] as Cell[]).indexOf(label) + 1;
    const amount = col('Amount (USD)'), close = col('Close Date'), row = col('Sheet Row'), deal = col('Deal ID');
    let dates = 0;
    const wrong: string[] = [];
    const want = (r: number, c: number, numFmt: string | undefined): void => {
      if (sheet.getCell(r, c).numFmt !== numFmt) wrong.push(`${sheet.getCell(r, c).address}: ${sheet.getCell(r, c).numFmt} for ${numFmt}`);
    };
    for (let r = 2; r <= 3001; r++) {
      want(r, row, FORMATS.integer);
      want(r, deal, undefined);
      if (typeof block.values[r - 1]![amount - 1] === 'number') want(r, amount, FORMATS.money);
      if (block.values[r - 1]![close - 1] instanceof Date) {
        dates++;
        want(r, close, FORMATS.date);
        if (sheet.getCell(r, close).type !== ExcelJS.ValueType.Date) wrong.push(`${sheet.getCell(r, close).address} is not a date`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(dates).toBeGreaterThan(1000);
  });

  it('freezes each tab under its header, filters its table and sets its widths and print setup', () => {
    for (const tab of tabs) {
      const sheet = sheetOf(tab);
      if (tab.frozenRows > 0 || (tab.frozenColumns ?? 0) > 0) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: tab.frozenRows, xSplit: tab.frozenColumns ?? 0 });
      }
      tab.columnWidths.forEach((w, c) => { if (w > 0 && w !== 9) expect(sheet.getColumn(c + 1).width).toBe(w); });
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(sheetOf(dealsTab()).autoFilter).toBe('A1:P3001');
    expect(sheetOf(dealsTab()).getRow(1).height).toBeGreaterThan(15);
  });

  it('keeps a deal name that looks like a formula as text and cuts an over-long one to a cell\'s 32,767 characters', () => {
    const sheet = sheetOf(dealsTab());
    const names = sheet.getColumn(3).values as unknown[];
    const formula = names.findIndex((v) => v === FORMULA_NAME);
    expect(formula).toBeGreaterThan(1);
    expect(sheet.getCell(formula, 3).type).toBe(ExcelJS.ValueType.String);
    const long = names.find((v) => typeof v === 'string' && v.startsWith('Contoso - very long')) as string;
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('makes total rows bold with their number format, and block titles bold', () => {
    const withTotals = tabs.flatMap((tab) => tab.blocks.filter((b) => (b.totalRows ?? 0) > 0).map((b) => ({ tab, b })));
    expect(withTotals.length).toBeGreaterThan(0);
    for (const { tab, b } of withTotals) {
      const r = b.row + b.values.length;
      const money = b.formats.indexOf('money');
      expect(sheetOf(tab).getCell(r, b.col + 1).font?.bold).toBe(true);
      if (money >= 0) expect(sheetOf(tab).getCell(r, b.col + money + 1).numFmt).toBe(FORMATS.money);
    }
    const titled = tabs.flatMap((tab) => tab.blocks.filter((b) => b.title && b.row >= 1).map((b) => ({ tab, b })));
    for (const { tab, b } of titled) {
      expect(sheetOf(tab).getCell(b.row, b.col + 1).value).toBe(b.title);
      expect(sheetOf(tab).getCell(b.row, b.col + 1).font?.bold).toBe(true);
    }
  });

  it('has on every tab the cells ExcelJS\'s own cell-by-cell writer makes of the same tabs: values, types and styles', async () => {
    const reference = path.join(dir, 'reference.xlsx');
    await cellByCell(tabs, reference);
    const ref = await read(reference);
    expect(book.worksheets.map((s) => s.name)).toEqual(ref.worksheets.map((s) => s.name));
    let cells = 0;
    const wrong: unknown[] = [];
    for (const refSheet of ref.worksheets) {
      const sheet = book.getWorksheet(refSheet.name)!;
      expect(sheet.rowCount).toBe(refSheet.rowCount);
      refSheet.eachRow({ includeEmpty: true }, (refRow, r) => {
        const row = sheet.getRow(r);
        if (row.height !== refRow.height) wrong.push({ sheet: refSheet.name, row: r, height: row.height, want: refRow.height });
        const width = Math.max(refRow.cellCount, row.cellCount);
        for (let c = 1; c <= width; c++) {
          const a = row.getCell(c), b = refRow.getCell(c);
          const got = { value: a.value, type: a.type, style: a.style }, want = { value: b.value, type: b.type, style: b.style };
          if (!isDeepStrictEqual(got, want)) wrong.push({ sheet: refSheet.name, at: a.address, got, want });
          cells++;
        }
      });
      for (let c = 1; c <= refSheet.columnCount; c++) expect(sheet.getColumn(c).width).toBe(refSheet.getColumn(c).width);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(cells).toBeGreaterThan(50_000);
  });
});

describe('odd tabs, against ExcelJS\'s own cell-by-cell writer', () => {
  it('writes blocks side by side, titles, totals, booleans, blanks, bad numbers and dates, and a row of 1.3 million characters alike', async () => {
    const long = 'x'.repeat(MAX_CELL_TEXT);
    const odd: ReportTab[] = [{
      name: 'Side by side', frozenRows: 2, frozenColumns: 1, filterBlock: 0, columnWidths: [12, 0, 9, 30, 14], charts: [],
      blocks: [
        { row: 1, col: 0, title: 'Left', headerRows: 1, totalRows: 1, formats: ['text', 'money', 'date'],
          values: [['Name', 'Amount', ''], ['a & <b>', 12.5, new Date(Date.UTC(2024, 0, 31))], ['', '', null], [true, Number.NaN, new Date(Number.NaN)],
            ['=1+1', Infinity, 'not a date'], ['Total', 12.5, null]] },
        { row: 2, col: 3, title: 'Right', headerRows: 2, formats: ['percent', 'general'],
          values: [['Share', null], ['of total', 'Note'], [0.25, false], [null, 'ctl\u0007 \u00e9\u20ac\ud83d\ude00']] },
      ],
    }, {
      name: 'Wide', frozenRows: 1, columnWidths: [], charts: [],
      blocks: [{ row: 0, col: 0, headerRows: 1, formats: [], values: [Array.from({ length: 40 }, (_, j) => `Column ${j + 1}`), Array.from({ length: 40 }, () => long)] }],
    }];
    const ours = path.join(dir, 'odd.xlsx'), reference = path.join(dir, 'odd-reference.xlsx');
    await xlsxWriter(odd, ours);
    await cellByCell(odd, reference);
    const [a, b] = [await read(ours), await read(reference)];
    const cellsOf = (book: ExcelJS.Workbook): unknown[] => book.worksheets.flatMap((sheet) => {
      const out: unknown[] = [];
      sheet.eachRow({ includeEmpty: true }, (row, r) => {
        out.push({ sheet: sheet.name, row: r, height: row.height });
        row.eachCell({ includeEmpty: true }, (cell) => out.push({ at: cell.address, value: cell.value, type: cell.type, style: cell.style }));
      });
      return out;
    });
    const got = cellsOf(a);
    expect(got).toEqual(cellsOf(b));
    expect(got.length).toBeGreaterThan(60);
    expect(a.getWorksheet('Wide')!.getCell('AN2').value).toBe(long);
    expect(a.getWorksheet('Side by side')!.getCell('A3').value).toBe('a & <b>');
  });
});

/**
 * The reference: the tabs written cell by cell through ExcelJS's streaming writer, each cell given its
 * value and style object (the writer this project used before it wrote rows itself; slow, but ExcelJS's own).
 */
async function cellByCell(reportTabs: readonly ReportTab[], file: string): Promise<void> {
  const header: Partial<ExcelJS.Style> = {
    font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } }, alignment: { vertical: 'middle', wrapText: true },
  };
  const title: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
  const total = (f: FormatName | undefined): Partial<ExcelJS.Style> =>
    ({ font: { bold: true }, border: { top: { style: 'thin' } }, ...(f && f !== 'general' ? { numFmt: FORMATS[f] } : {}) });
  const stored = (v: Cell): ExcelJS.CellValue => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
    return v;
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const tab of reportTabs) {
    const sheet = workbook.addWorksheet(tab.name.slice(0, 31));
    sheet.columns = tab.columnWidths.map((width) => (width > 0 ? { width } : {}));
    const spans = tab.blocks.map((b: ReportBlock) => ({ b, first: b.title && b.row >= 1 ? b.row : b.row + 1, last: b.row + b.values.length }));
    const last = Math.max(0, ...spans.map((s) => s.last));
    for (let r = 1; r <= last; r++) {
      const covering = spans.filter((s) => s.first <= r && r <= s.last);
      if (covering.length === 0) continue;
      const row = sheet.getRow(r);
      const heights: number[] = [];
      for (const { b } of covering) {
        if (b.title && r === b.row) { const cell = row.getCell(b.col + 1); cell.value = b.title; cell.style = title; continue; }
        const i = r - b.row - 1;
        const values = b.values[i];
        if (!values) continue;
        const isHeader = i < b.headerRows, isTotal = i >= b.values.length - (b.totalRows ?? 0);
        if (isHeader) heights.push(headerRowHeight(values, b.col, tab.columnWidths));
        values.forEach((v, j) => {
          const f = b.formats[j];
          const numberStyle = f && f !== 'general' && typeof v !== 'string' ? { numFmt: FORMATS[f] } : null;
          const style = isHeader ? header : isTotal ? total(f) : numberStyle;
          if (stored(v) === null && !style) return;
          const cell = row.getCell(b.col + j + 1);
          cell.value = stored(v);
          if (style) cell.style = style;
        });
      }
      if (heights.length > 0) row.height = Math.max(...heights);
      row.commit();
    }
    await sheet.commit();
  }
  await workbook.commit();
}

