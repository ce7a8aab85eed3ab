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
    const valueRequests = excel.requestBytes.filter((b) => b > 0);
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

  it('writes number formats after the values, one small request for a whole column', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    await writeReportTabs([bigTab(50_000)], { run: excel.run });
    const ranges = excel.sheet('Deal Attribution')!.ranges;
    const lastValues = Math.max(...ranges.map((r, i) => (Array.isArray(r.mock.values) ? i : -1)));
    const formatted = ranges.filter((r) => r.mock.numberFormat !== undefined);
    expect(formatted.length).toBe(12);
    for (const r of formatted) expect(ranges.indexOf(r)).toBeGreaterThan(lastValues);
    expect(formatted.find((r) => r.col === 4)).toMatchObject({ row: 1, rows: 50_000, mock: { numberFormat: '#,##0.00' } });
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
    expect(summary.ops).toContain('clear');
    expect(summary.charts.filter((c) => !c.deleted).length).toBe(charts);
  });

  it('writes formula-looking text as text', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const tab: ReportTab = { name: 'Data Issues', frozenRows: 0, columnWidths: [], charts: [],
      blocks: [{ row: 0, col: 0, headerRows: 1, formats: ['text', 'text'], values: [['Value', 'Problem'], ['=HYPERLINK("x")', '+1 bad'], ['-', '@me']] }] };
    await writeReportTabs([tab], { run: excel.run });
    const values = excel.sheet('Data Issues')!.ranges.find((r) => Array.isArray(r.mock.values))!.mock.values;
    expect(values).toEqual([['Value', 'Problem'], ['\'=HYPERLINK("x")', '\'+1 bad'], ['\'-', '\'@me']]);
  });
});
