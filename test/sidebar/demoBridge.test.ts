/** The demo bridge runs the real engine on an in-memory workbook and writes to it the way the hosts do. */
import { createDemoBridge } from '../../sidebar/bridges/demoBridge';
import type { DemoWorkbook } from '../../sidebar/bridges/demoWorkbook';
import type { Cell } from '../../src/core/types';
import type { PreviewRequest, Progress, Settings } from '../../src/core/hostApi';
import { TAB_NAMES } from '../../src/core/report/ReportTab';

const HEADER = ['Deal ID', 'Amount', 'Stage', 'Created Date', 'Close Date', 'Lead Source', 'Partner', 'Influencing Partners'];
const dealsGrid = (): Cell[][] => [
  ['Pipeline export'],
  [],
  HEADER,
  ['D-1', 10000, 'Closed Won', '2024-03-01', '2024-04-01', 'Partner Referral', 'Acme Inc.', ''],
  ['D-2', 9000.01, 'Closed Won', '2024-03-01', '2024-04-02', 'Web', '', 'Globex; Initech'],
  ['D-3', 3000, 'Closed Won', '2024-03-01', '2024-04-06', 'Web', '', ''],
];

const workbook = (withTouches = true): DemoWorkbook => ({
  tabs: [
    { name: 'Notes', grid: [['just notes']] },
    { name: 'Deals', grid: dealsGrid() },
    ...(withTouches ? [{ name: 'Touches', grid: [['Deal ID', 'Partner', 'Activity', 'Date'], ['D-3', 'Stark', 'Demo', '2024-03-10']] as Cell[][] }] : []),
    { name: 'Partner Summary', grid: [['My own notes']] },
  ],
});

const settings: Settings = { version: 1, tab: null, mapping: {}, policy: {} };
const request = (over: Partial<Settings> = {}): PreviewRequest => ({ tab: 'Deals', settings: { ...settings, ...over } });
const fast = { stepDelayMs: 0 };

describe('the demo bridge', () => {
  test('detects the deals tab even when another tab comes first', async () => {
    const bridge = createDemoBridge(workbook(), fast);
    const detected = await bridge.detect(null);
    expect(detected.tab).toBe('Deals');
    expect(detected.headerRow).toBe(3);
    expect(detected.dealRows).toBe(3);
    expect(detected.fields.find((f) => f.field === 'amount')).toMatchObject({ column: 1, required: true, source: 'detected' });
  });

  test('names a missing tab in plain words', async () => {
    await expect(createDemoBridge(workbook(), fast).detect('Gone')).rejects.toThrow('There is no tab named "Gone" any more. Pick the deals tab again.');
  });

  test('the preview counts the Touches tab, as the written summary does', async () => {
    const withTouches = await createDemoBridge(workbook(true), fast).preview(request());
    const without = await createDemoBridge(workbook(false), fast).preview(request());
    expect(withTouches.totals.directRevenue).toBe(0);
    expect(without.totals.directRevenue).toBe(3000);
    expect(withTouches.topPartners.map((p) => p.partner)).toContain('Stark');
  });

  test('writes the summary tabs beside a user tab of the same name, and replaces only its own on a re-run', async () => {
    const book = workbook();
    const bridge = createDemoBridge(book, fast);
    const steps: Progress[] = [];
    const first = await bridge.writeSummary(request(), (p) => steps.push(p));
    expect(first.written).toEqual(['Partner Summary (2)', ...TAB_NAMES.slice(1), 'Review']);
    expect(first.message).toBe('Wrote Partner Summary (2), Partner Trend, Partner Segments, Deal Attribution, Partner Credits, Data Issues and Review'
      + ' — Partner Summary (2) because you have your own tab named Partner Summary.');
    expect(book.tabs.find((t) => t.name === 'Partner Summary')?.grid).toEqual([['My own notes']]);
    expect(steps[steps.length - 1]).toEqual({ step: 'Done', done: 9, total: 9 }); // reading, analysing, one step per tab

    const second = await bridge.writeSummary(request({ policy: { influenceModel: 'first' } }));
    expect(second.written).toEqual(first.written);
    expect(book.tabs.map((t) => t.name)).toEqual(['Notes', 'Deals', 'Touches', 'Partner Summary', 'Partner Summary (2)', ...TAB_NAMES.slice(1), 'Review']);
  });

  test('adds the classification columns after the data, and a re-run rewrites the same columns', async () => {
    const book = workbook();
    const bridge = createDemoBridge(book, fast);
    const first = await bridge.classify(request());
    expect(first.written).toEqual(['Deals!I1:K6']);
    const deals = book.tabs.find((t) => t.name === 'Deals');
    expect(deals?.grid[2]?.slice(8)).toEqual(['Partner Motion', 'Partner(s)', 'Partner Reason']);
    expect(deals?.grid.map((row) => row[8])).toEqual(['', '', 'Partner Motion', 'Sourced', 'Influenced', 'Influenced']);
    const second = await bridge.classify(request());
    expect(second.written).toEqual(['Deals!I1:K6']);
    expect(second.message).toMatch(/^Updated /);
    expect(deals?.grid[2]?.length).toBe(11);
    // The add-on's columns are not read back as data: detection still sees the user's eight columns.
    expect((await bridge.detect('Deals')).headers).toEqual(HEADER);
  });

  test('a method told to fail rejects with its message, and the others keep working', async () => {
    const bridge = createDemoBridge(workbook(), { ...fast, fail: { method: 'writeSummary', message: 'The file is read-only' } });
    await expect(bridge.writeSummary(request())).rejects.toThrow('The file is read-only');
    await expect(bridge.classify(request())).resolves.toMatchObject({ written: ['Deals!I1:K6'] });
  });

  test('keeps the settings it is given', async () => {
    const bridge = createDemoBridge(workbook(), fast);
    const saved: Settings = { version: 1, tab: 'Deals', mapping: { partner: null }, policy: { influenceModel: 'last' } };
    await bridge.saveSettings(saved);
    expect(await bridge.loadSettings()).toEqual(saved);
    expect((await bridge.detect(null)).fields.find((f) => f.field === 'partner')?.column).toBeNull();
  });
});
