/** The Excel bridge end to end on an office-addin-mock workbook: detect, preview, classify, write the summary, settings. */
import { createExcelBridge } from '../../../src/hosts/excel/excelBridge';
import { DEFAULT_SETTINGS } from '../../../src/core/hostApi';
import type { Settings } from '../../../src/core/hostApi';
import { TAB_NAMES } from '../../../src/core/report/ReportTab';
import { SETTINGS_KEY } from '../../../src/hosts/excel/workbookSettings';
import { FakeExcel } from './fakeExcel';
import { EXCEL_DEALS } from './workedExample';
import { memoryStore } from './memorySettingsStore';
import { registerFunctions } from '../../../src/hosts/excel/registerFunctions';
import { readWorkbookSettings } from '../../../src/hosts/excel/workbookSettings';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

const workbook = () => new FakeExcel([{ name: 'Notes', grid: [['just a note']] }, { name: 'Deals', grid: EXCEL_DEALS.map((r) => [...r]) }]);
const request = (tab: string | null = null) => ({ tab, settings: JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings });

describe('the Excel task pane bridge', () => {
  it('finds the deals sheet and its columns on its own', async () => {
    const excel = workbook();
    const result = await createExcelBridge({ run: excel.run, settingsStore: memoryStore() }).detect(null);
    expect(result.tab).toBe('Deals');
    expect(result.tabs).toEqual(['Notes', 'Deals']);
    expect(result.headerRow).toBe(1);
    expect(result.range).toBe('A1:O8');
    expect(result.dealRows).toBe(7);
    expect(result.fields.find((f) => f.field === 'amount')?.column).toBe(3);
  });

  it('previews the worked example\'s totals', async () => {
    const preview = await createExcelBridge({ run: workbook().run, settingsStore: memoryStore() }).preview(request('Deals'));
    expect(preview.totals.partnerLedRevenue).toBe(26000.01);
    expect(preview.topPartners[0]?.partner).toBeDefined();
  });

  it('writes the classification columns right of the data, and back into the same columns on a re-run', async () => {
    const excel = workbook();
    const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
    const first = await bridge.classify(request('Deals'));
    expect(first.written).toEqual(['Deals!P1:R8']);
    const grid = excel.sheet('Deals')!.grid;
    expect(grid[0]!.slice(15)).toEqual(['Partner Motion', 'Partner(s)', 'Partner Reason']);
    expect(grid.slice(1).map((r) => r[15])).toEqual(['Sourced', 'Influenced', 'Sourced', 'Resold', 'Resold', 'Direct', 'Influenced']);
    const second = await bridge.classify(request('Deals'));
    expect(second.written).toEqual(['Deals!P1:R8']);
    expect(grid[0]!.length).toBe(18);
  });

  it('does not reuse marked columns a user has since typed over', async () => {
    const excel = workbook();
    const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
    await bridge.classify(request('Deals'));
    const grid = excel.sheet('Deals')!.grid;
    grid[0]![15] = 'My Column';
    const again = await bridge.classify(request('Deals'));
    expect(again.written).toEqual(['Deals!S1:U8']);
    expect(grid[0]![15]).toBe('My Column');
  });

  it('writes the five summary tabs and does not mistake them for data afterwards', async () => {
    const excel = workbook();
    const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
    const result = await bridge.writeSummary(request(null));
    expect(result.written).toEqual([...TAB_NAMES, 'Review']);
    const again = await bridge.detect(null);
    expect(again.tabs).toEqual(['Notes', 'Deals']);
    expect(again.tab).toBe('Deals');
  });

  it('writes the Review tab with the summary, beside a user\'s own "Review" sheet, which it leaves alone', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: EXCEL_DEALS.map((r) => [...r]) }, { name: 'Review', grid: [['my review notes']] }]);
    const result = await createExcelBridge({ run: excel.run, settingsStore: memoryStore() }).writeSummary(request(null));
    expect(result.written).toEqual([...TAB_NAMES, 'Review (2)']);
    expect(excel.sheet('Review')!.grid).toEqual([['my review notes']]);
    const review = excel.sheet('Review (2)')!.grid;
    expect(String(review[0]![0])).toMatch(/^1 deal needs a decision/);
    expect(review[2]!.slice(0, 8)).toEqual([5000, 'D-4', 'Deal D-4', 'Won', 4, 'Sourcing claims disagree', 'Sourced', 'Umbrella']);
  });

  it('says which sheet is missing when the chosen one is gone', async () => {
    await expect(createExcelBridge({ run: workbook().run, settingsStore: memoryStore() }).preview(request('Old Deals')))
      .rejects.toThrow('There is no worksheet named "Old Deals". Pick the deals worksheet again.');
  });

  it('saves settings in the workbook under "partner-attribution" and reads them back', async () => {
    const store = memoryStore();
    const bridge = createExcelBridge({ run: workbook().run, settingsStore: store });
    const settings: Settings = { version: 1, tab: 'Deals', mapping: { amount: 'Other Amount' }, policy: {} };
    await bridge.saveSettings(settings);
    expect(JSON.parse(store.saved.get(SETTINGS_KEY) as string)).toEqual(settings);
    expect(await bridge.loadSettings()).toEqual(settings);
    store.set(SETTINGS_KEY, '{not json');
    expect(await bridge.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells the sidebar when saved settings were unreadable and the defaults are used', async () => {
    const store = memoryStore();
    store.set(SETTINGS_KEY, '{not json');
    const result = await createExcelBridge({ run: workbook().run, settingsStore: store }).detect(null);
    expect(result.settingsWarning).toMatch(/defaults are used/);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the workbook once for the preview, and again only after the workbook changes or on "Detect again"', async () => {
    const excel = workbook();
    const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
    await bridge.detect(null);
    const afterDetect = excel.syncs;
    const edited = request('Deals');
    for (const model of ['even', 'first', 'last'] as const) {
      edited.settings.policy = { influenceModel: model };
      await bridge.preview(edited);
    }
    expect(excel.syncs).toBe(afterDetect);
    const before = await bridge.preview(request('Deals'));
    excel.userEdit('Deals', 7, 3, 5000); // D-8's amount, an open deal: pipeline changes
    const after = await bridge.preview(request('Deals'));
    expect(excel.syncs).toBeGreaterThan(afterDetect);
    expect(after.totals).not.toEqual(before.totals);
    const synced = excel.syncs;
    await bridge.detect('Deals');
    expect(excel.syncs).toBeGreaterThan(synced);
  });

  it('reads again when a sheet is added or renamed: a Touches tab added, or renamed into place, shows in the next preview', async () => {
    // Touches for D-7, a Direct deal: with them Stark Industries influences it.
    const touches = [['Deal ID', 'Partner', 'Activity', 'Date'], ['D-7', 'Stark Industries', 'Demo', 45371], ['D-7', 'Stark Industries', 'Meeting', 45380]];
    const influenced = (p: { totals: { influencedRevenue: number } }) => p.totals.influencedRevenue;
    const added = workbook();
    const bridge = createExcelBridge({ run: added.run, settingsStore: memoryStore() });
    const before = await bridge.preview(request('Deals'));
    added.userAddsSheet('Touches', touches);
    const after = await bridge.preview(request('Deals'));
    expect(influenced(after)).toBeGreaterThan(influenced(before));

    const renamed = new FakeExcel([{ name: 'Deals', grid: EXCEL_DEALS.map((r) => [...r]) }, { name: 'Activity log', grid: touches }]);
    const second = createExcelBridge({ run: renamed.run, settingsStore: memoryStore() });
    const unnamed = await second.preview(request('Deals'));
    renamed.userRenamesSheet('Activity log', 'Touches');
    expect(influenced(await second.preview(request('Deals')))).toBeGreaterThan(influenced(unnamed));
  });

  it('recalculates the PARTNER formulas after saving settings, so a cell shows the new model\'s credit', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: EXCEL_DEALS.map((r) => [...r]) }, { name: 'Report', grid: [['Globex credit']] }]);
    const store = memoryStore();
    registerFunctions(excel.customFunctions, { ready: async () => undefined, settings: () => readWorkbookSettings(store).settings, date1904: async () => false });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Report').getRangeByIndexes(0, 1, 1, 1).values = [['=PARTNER.CREDIT(Deals!A1:O8, "Globex")']];
      await context.sync();
    });
    expect(excel.cell('Report', 'B1')).toBe(4500.01);
    const bridge = createExcelBridge({ run: excel.run, settingsStore: store });
    await bridge.saveSettings({ version: 1, tab: 'Deals', mapping: {}, policy: { influenceModel: 'first' } });
    expect(excel.calculations).toEqual(['Full']);
    expect(excel.cell('Report', 'B1')).toBe(9000.01);
  });
});
