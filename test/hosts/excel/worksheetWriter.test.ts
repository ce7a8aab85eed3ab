/** The Excel worksheet writer against an office-addin-mock workbook: syncs, payload blocks, owned sheets. */
import { analyze } from '../../../src/core/analyze';
import { buildReportTabs } from '../../../src/core/report/buildReportTabs';
import type { ReportTab } from '../../../src/core/report/ReportTab';
import { writeReportTabs } from '../../../src/hosts/excel/worksheetWriter';
import { PAYLOAD_LIMIT_BYTES } from '../../../src/hosts/excel/payloadBatches';
import { MARKER_KEY } from '../../../src/hosts/excel/sheetMarker';
import { FakeExcel } from './fakeExcel';

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose ESM dependencies
// jest (CommonJS, Node 20) cannot load; the manifest test uses the real package in plain Node.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
import { EXCEL_DEALS, HEADER } from './workedExample';

/** The worked example's deals repeated to `n` rows (fresh ids), as report tabs from the real engine. */
const reportFor = (n: number): ReportTab[] => {
  const body = EXCEL_DEALS.slice(1);
  const rows = Array.from({ length: n }, (_, i) => body[i % body.length]!.map((cell, c) => (HEADER[c] === 'Deal ID' ? `D-${i + 2}` : cell)));
  return buildReportTabs(analyze({ deals: [HEADER, ...rows] }));
};

/** One tab holding a `rows`-row table of realistic width (12 columns, a sentence of reason text). */
const bigTab = (rows: number): ReportTab => ({
  name: 'Deal Attribution',
  frozenRows: 1,
  columnWidths: [8, 12],
  charts: [],
  blocks: [{
    row: 0, col: 0, headerRows: 1,
    formats: ['integer', 'text', 'text', 'text', 'money', 'text', 'text', 'text', 'text', 'text', 'money', 'text'],
    values: [
      ['Row', 'Deal ID', 'Name', 'Status', 'Amount', 'Motion', 'Partner-led', 'Sourcer', 'Influencers', 'Reseller', 'Credit', 'Reason'],
      ...Array.from({ length: rows }, (_, i) => [i + 2, `OPP-${100000 + i}`, `Renewal for account ${i}`, 'won', 1234.56 + i, 'Sourced', 'yes',
        'Acme Inc.', 'Globex; Initech', '', 1234.56 + i, `Sourced by Acme Inc. (deal registration 2024-03-01, before creation 2024-03-04); influenced by Globex (demo 2024-03-20)`]),
    ],
  }],
});

describe('writing the summary tabs to Excel', () => {
  it('uses the same number of context.sync() calls for 100 and for 10,000 deals', async () => {
    const small = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs(reportFor(100), { run: small.run });
    const large = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs(reportFor(10_000), { run: large.run });
    expect(small.syncs).toBe(4);
    expect(large.syncs).toBe(small.syncs);
    expect(large.sheet('Deal Attribution')!.ranges.reduce((n, r) => n + (Array.isArray(r.mock.values) ? r.rows : 0), 0)).toBeGreaterThan(10_000);
  });

  it('splits a 200,000-row write into requests that each stay under the 5 MB limit, writing every row once', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const progress: number[] = [];
    await writeReportTabs([bigTab(200_000)], { run: excel.run, onProgress: (p) => progress.push(p.done) });
    // The first request also carries the column formats (a few bytes each); every value request stays under the limit.
    const valueRequests = excel.requestBytes.filter((b) => b > 1000);
    expect(valueRequests.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES * 2);
    expect(valueRequests.length).toBeGreaterThan(2);
    for (const bytes of valueRequests) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const written = excel.sheet('Deal Attribution')!.ranges.filter((r) => Array.isArray(r.mock.values));
    expect(written.reduce((n, r) => n + r.rows, 0)).toBe(200_001);
    const starts = written.map((r) => r.row);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(excel.suspended).toBe(valueRequests.length);
    expect(progress.at(-1)).toBe(valueRequests.length + 1);
  });

  it('sets number formats before the values, one small request for a whole column', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs([bigTab(50_000)], { run: excel.run });
    const ranges = excel.sheet('Deal Attribution')!.ranges;
    const firstValues = ranges.findIndex((r) => Array.isArray(r.mock.values));
    const formatted = ranges.filter((r) => r.mock.numberFormat !== undefined);
    expect(formatted.length).toBe(12 + 1); // one per column, and the header row as text
    for (const r of formatted) expect(ranges.indexOf(r)).toBeLessThan(firstValues);
    expect(formatted.find((r) => r.col === 4)).toMatchObject({ row: 1, rows: 50_000, mock: { numberFormat: '#,##0.00' } });
  });

  it('keeps text as text: a Deal ID "00123", an ISO date and "TRUE" in the Data Issues Value column stay as written', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const tab: ReportTab = { name: 'Data Issues', frozenRows: 1, columnWidths: [], charts: [],
      blocks: [{ row: 0, col: 0, headerRows: 1, formats: ['integer', 'text', 'text', 'text'], values: [
        ['Row', 'Deal ID', 'Value', 'Problem'],
        [2, '00123', '2024-03-01', 'Close Date is before Created Date.'],
        [3, '0042', 'TRUE', '"TRUE" is not an amount.'],
        [4, '1,200', '3/1/2024', '=HYPERLINK("x")'],
      ] }] };
    await writeReportTabs([tab], { run: excel.run });
    const grid = excel.sheet('Data Issues')!.grid;
    expect(grid.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [2, '00123', '2024-03-01', 'Close Date is before Created Date.'],
      [3, '0042', 'TRUE', '"TRUE" is not an amount.'],
      [4, '1,200', '3/1/2024', '=HYPERLINK("x")'],
    ]);
  });

  it('keeps header and title text as text: a partner "2024" or "00123" heading a column, a title "2024-03-01"', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const tab: ReportTab = { name: 'Partner Trend', frozenRows: 2, columnWidths: [], charts: [],
      blocks: [{ row: 1, col: 0, headerRows: 1, title: '2024-03-01', formats: ['text', 'money', 'money'], values: [
        ['Quarter', '2024', '00123'],
        ['2024 Q1', 1200, 300],
      ] }] };
    await writeReportTabs([tab], { run: excel.run });
    const grid = excel.sheet('Partner Trend')!.grid;
    expect(grid[0]![0]).toBe('2024-03-01');
    expect(grid[1]).toEqual(['Quarter', '2024', '00123']);
    expect(grid[2]).toEqual(['2024 Q1', 1200, 300]);
  });

  it('the fake converts like Excel when a writer sets values before "@" (so the order above is what keeps the text)', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: [['x']] }]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Deals').getRangeByIndexes(1, 0, 1, 4);
      range.values = [['00123', '2024-03-01', '+1 555', '-12']];
      range.numberFormat = [['@', '@', '@', '@']];
      await context.sync();
    });
    expect(excel.sheet('Deals')!.grid[1]!.slice(0, 2)).toEqual([123, 45352]);
    expect(excel.sheet('Deals')!.grid[1]![3]).toBe(-12);
    expect(excel.sheet('Deals')!.formulas.get('1,2')).toBe('=+1 555');
  });

  it('leaves a user\'s own "Partner Summary" sheet untouched and writes "Partner Summary (2)"', async () => {
    const mine = [['my notes'], ['keep me']];
    const excel = new FakeExcel([{ name: 'Deals' }, { name: 'Partner Summary', grid: mine }]);
    const result = await writeReportTabs(reportFor(20), { run: excel.run });
    const user = excel.sheet('Partner Summary')!;
    expect(user.ops).toEqual([]);
    expect(user.ranges).toEqual([]);
    expect(user.grid).toBe(mine);
    expect(user.props.has(MARKER_KEY)).toBe(false);
    expect(result.written).toContain('Partner Summary (2)');
    expect(result.message).toMatch(/Partner Summary \(2\) because you have your own tab named Partner Summary/);
    expect(excel.sheet('Partner Summary (2)')!.props.get(MARKER_KEY)).toMatch(/"tab":"Partner Summary"/);
  });

  it('replaces its own tabs on a re-run instead of adding copies, clearing old charts', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs(reportFor(20), { run: excel.run });
    const names = excel.live().map((s) => s.name);
    const charts = excel.sheet('Partner Summary')!.charts.length;
    expect(charts).toBeGreaterThan(0);
    await writeReportTabs(reportFor(30), { run: excel.run });
    expect(excel.live().map((s) => s.name)).toEqual(names);
    const summary = excel.sheet('Partner Summary')!;
    // The sheet is the first run's (renamed then), refilled from the second run's temporary.
    expect(summary.ops.filter((op) => op.startsWith('rename'))).toEqual(['rename PA new 1 -> Partner Summary']);
    expect(summary.ops).toContain('copy from PA new 1');
    expect(summary.charts.filter((c) => !c.deleted).length).toBe(charts);
    expect(excel.sheets.filter((s) => s.deleted).every((s) => s.name.startsWith('PA new'))).toBe(true);
    expect(excel.cell('Deal Attribution', 'B31')).toBe('D-31');
  });

  it("keeps a user's formula that points at a report tab working across a re-run (the old swap turned it into #REF!)", async () => {
    const excel = new FakeExcel([{ name: 'Deals' }, { name: 'My dashboard' }]);
    await writeReportTabs(reportFor(20), { run: excel.run });
    const cellB5 = excel.cell('Partner Summary', 'B5');
    expect(cellB5).not.toBe('');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('My dashboard').getRangeByIndexes(0, 0, 1, 2).values = [["='Partner Summary'!B5", '=Deal Attribution!B2']];
      await context.sync();
    });
    expect(excel.cell('My dashboard', 'A1')).toBe(cellB5);
    await writeReportTabs(reportFor(30), { run: excel.run });
    const dashboard = excel.sheet('My dashboard')!;
    expect(dashboard.formulas.get('0,0')).toBe("='Partner Summary'!B5");
    expect(excel.cell('My dashboard', 'A1')).toBe(excel.cell('Partner Summary', 'B5'));
    expect(excel.cell('My dashboard', 'A1')).not.toBe('#REF!');
    // The fake is as unforgiving as Excel: a deleted sheet's references stay #REF!.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Deal Attribution').delete();
      await context.sync();
    });
    expect(excel.cell('My dashboard', 'B1')).toBe('#REF!');
    expect(dashboard.formulas.get('0,1')).toBe('=#REF!B2');
  });

  it('makes Partner Credits one Excel table named PartnerCredits over its header and rows, replaced (not stacked) on a re-run', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const first = reportFor(20);
    const credits = first.find((t) => t.name === 'Partner Credits')!.blocks[0]!;
    await writeReportTabs(first, { run: excel.run });
    const tablesOn = (name: string) => excel.liveTables().filter((t) => t.sheet.name === name);
    expect(tablesOn('Partner Credits')).toMatchObject([{ name: 'PartnerCredits', row: 0, col: 0, rows: credits.values.length, cols: credits.values[0]!.length, hasHeaders: true }]);
    expect(excel.cell('Partner Credits', 'A1')).toBe('Deal ID');
    expect(excel.liveTables()).toHaveLength(1);
    const second = reportFor(30);
    await writeReportTabs(second, { run: excel.run });
    const rows = second.find((t) => t.name === 'Partner Credits')!.blocks[0]!.values.length;
    expect(rows).toBeGreaterThan(credits.values.length);
    expect(tablesOn('Partner Credits')).toMatchObject([{ name: 'PartnerCredits', rows }]);
    expect(excel.liveTables()).toHaveLength(1);
  });

  it("names the table PartnerCredits2 when the user's own table is already called PartnerCredits, and leaves theirs alone", async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: [['Deal', 'Amount'], ['A', 1]] }]);
    await excel.run(async (context) => {
      const deals = context.workbook.worksheets.getItem('Deals');
      deals.tables.add(deals.getRangeByIndexes(0, 0, 2, 2), true).name = 'partnercredits';
      await context.sync();
    });
    await writeReportTabs(reportFor(20), { run: excel.run });
    await writeReportTabs(reportFor(20), { run: excel.run });
    expect(excel.liveTables().map((t) => [t.sheet.name, t.name])).toEqual([['Deals', 'partnercredits'], ['Partner Credits', 'PartnerCredits2']]);
  });

  it('the fake refuses tables as Excel does: overlapping, a duplicate name, a name with a space or that is a cell reference; name is unloaded until loaded', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: [['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]] }]);
    const attempt = (fn: (sheet: Excel.Worksheet) => void) => excel.run(async (context) => { fn(context.workbook.worksheets.getItem('Deals')); await context.sync(); });
    await attempt((sheet) => { sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 2), true).name = 'Mine'; });
    await expect(attempt((sheet) => { sheet.tables.add(sheet.getRangeByIndexes(1, 1, 2, 2), true); })).rejects.toMatchObject({ code: 'InvalidArgument' });
    // As in Excel, the add before a failing rename stays done: each attempt uses fresh cells.
    for (const [i, bad] of ['MINE', 'Partner Credits', 'A1', 'XFD100', 'R1C1', '1st'].entries()) {
      await expect(attempt((sheet) => { sheet.tables.add(sheet.getRangeByIndexes(10 + 3 * i, 0, 2, 1), true).name = bad; })).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(excel.liveTables().map((t) => t.name)).toEqual(['Mine', 'Table1', 'Table2', 'Table3', 'Table4', 'Table5', 'Table6']);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 2, 3, 1), true);
      expect(() => table.name).toThrow(/not available/);
      table.load('name');
      await context.sync();
      expect(table.name).toBe('Table7');
    });
  });

  it('sets every tab to print landscape, one page wide, with its header rows on each page (ExcelApi 1.9)', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const tabs = reportFor(20);
    await writeReportTabs(tabs, { run: excel.run, supports: (set, version) => set === 'ExcelApi' && Number(version) <= 1.9 });
    // The row each tab's main table header sits on, and that header's first label.
    const expected: Record<string, [number, string]> = { 'Partner Summary': [26, 'Partner'], 'Partner Trend': [2, 'Quarter'], 'Partner Segments': [2, 'Partner Tier'],
      'Deal Attribution': [1, 'Sheet Row'], 'Partner Credits': [1, 'Deal ID'], 'Data Issues': [1, 'Severity'] };
    expect(tabs.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
    for (const tab of tabs) {
      const sheet = excel.sheet(tab.name)!;
      const [row, label] = expected[tab.name]!;
      expect({ tab: tab.name, ...sheet.print }).toEqual({ tab: tab.name, orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: [row, row] });
      expect(excel.cell(tab.name, `A${row}`)).toBe(label);
    }
    // A re-run refills the sheets and sets the print setup again.
    await writeReportTabs(reportFor(30), { run: excel.run, supports: () => true });
    expect(excel.sheet('Partner Summary')!.print.orientation).toBe('Landscape');
  });

  it('still writes the report on a host without ExcelApi 1.9, leaving print setup alone (the fake fails as such a host would if it tried)', async () => {
    const old = new FakeExcel([{ name: 'Deals' }], { api19: false });
    const result = await writeReportTabs(reportFor(20), { run: old.run, supports: (set, version) => set === 'ExcelApi' && Number(version) < 1.9 });
    expect(result.written).toContain('Partner Credits');
    expect(old.sheet('Partner Credits')!.print).toEqual({});
    const unguarded = new FakeExcel([{ name: 'Deals' }], { api19: false });
    await expect(writeReportTabs(reportFor(20), { run: unguarded.run, supports: () => true })).rejects.toThrow(/could not be found/);
  });

  it('writes formula-looking text as text', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const tab: ReportTab = { name: 'Data Issues', frozenRows: 0, columnWidths: [], charts: [],
      blocks: [{ row: 0, col: 0, headerRows: 1, formats: ['text', 'text'], values: [['Value', 'Problem'], ['=HYPERLINK("x")', '+1 bad'], ['-', '@me']] }] };
    await writeReportTabs([tab], { run: excel.run });
    const values = excel.sheet('Data Issues')!.ranges.find((r) => Array.isArray(r.mock.values))!.mock.values;
    expect(values).toEqual([['Value', 'Problem'], ['\'=HYPERLINK("x")', '\'+1 bad'], ['\'-', '\'@me']]);
  });

  it('replaces the tabs all or nothing: when the third new tab fails, the old tabs stay and no temporary sheet is left', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs(reportFor(20), { run: excel.run });
    const before = excel.live().map((s) => ({ name: s.name, grid: JSON.stringify(s.grid) }));
    excel.failOnSheetAdd(3);
    await expect(writeReportTabs(reportFor(30), { run: excel.run })).rejects.toThrow(/could not be written \(There was an internal error.*Your previous summary tabs are unchanged/);
    expect(excel.sheets.filter((s) => s.name.startsWith('PA new')).every((s) => s.deleted)).toBe(true);
    expect(excel.live().map((s) => ({ name: s.name, grid: JSON.stringify(s.grid) }))).toEqual(before);
  });

  it('leaves out a tab larger than an Excel sheet, says so, and writes the others', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const huge: ReportTab = { ...bigTab(1), name: 'Deal Attribution' };
    const header = huge.blocks[0]!.values[0]!;
    huge.blocks = [{ ...huge.blocks[0]!, values: Array.from({ length: 1_048_577 }, () => header) }];
    const small: ReportTab = { name: 'Partner Summary', frozenRows: 0, columnWidths: [], charts: [], blocks: [{ row: 0, col: 0, headerRows: 1, formats: ['text'], values: [['Partner'], ['Acme']] }] };
    const result = await writeReportTabs([small, huge], { run: excel.run });
    expect(result.written).toEqual(['Partner Summary']);
    expect(result.message).toMatch(/Deal Attribution was not written: it needs 12,582,924 cells and an Excel worksheet holds 1,048,576 rows/);
    expect(excel.sheet('Deal Attribution')).toBeUndefined();
  });
});
