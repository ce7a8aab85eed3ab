/** A workbook in Excel's 1904 date system (File > Options > Advanced, older Mac files) reads the same dates as a 1900 one, in every path of the task pane. */
import { createExcelBridge } from '../../../src/hosts/excel/excelBridge';
import { DEFAULT_SETTINGS } from '../../../src/core/hostApi';
import type { Settings } from '../../../src/core/hostApi';
import { FakeExcel } from './fakeExcel';
import { EXCEL_DEALS, HEADER, serial } from './workedExample';
import { memoryStore } from './memorySettingsStore';

const DAYS_1900_TO_1904 = 1462;
/** The worked example with a second date column, "Signed On", which detection does not take for the close date. */
const deals = (shift: number) => EXCEL_DEALS.map((row, r) => (r === 0 ? [...row, 'Signed On']
  : [...row.map((cell, c) => (/Date/.test(HEADER[c]!) && typeof cell === 'number' ? cell - shift : cell)), serial('2024-06-30') - shift]));
const touches = (shift: number) => [['Deal ID', 'Partner', 'Activity', 'Date'],
  ['D-7', 'Stark Industries', 'Demo', serial('2024-03-20') - shift], ['D-3', 'Globex', 'Demo', serial('2024-03-10') - shift]];
const settings = (mapping: Record<string, string> = {}): Settings => ({
  ...JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings, policy: { influenceModel: 'time-decay' } as never, mapping: mapping as never,
});

/** The preview of a workbook in one date system, before and after the user maps Close Date to "Signed On" in the task pane. */
const previews = async (date1904: boolean) => {
  const shift = date1904 ? DAYS_1900_TO_1904 : 0;
  const excel = new FakeExcel([{ name: 'Deals', grid: deals(shift) }, { name: 'Touches', grid: touches(shift) }], { date1904 });
  const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore(), supports: () => true });
  await bridge.detect(null);
  const before = await bridge.preview({ tab: 'Deals', settings: settings() });
  const after = await bridge.preview({ tab: 'Deals', settings: settings({ closeDate: 'Signed On' }) });
  return { before: before.totals, after: after.totals, partners: before.topPartners };
};

/** The Close Date column of the Deal Attribution tab the task pane writes, as the serials the workbook holds. */
const writtenCloseDates = async (date1904: boolean): Promise<unknown[]> => {
  const shift = date1904 ? DAYS_1900_TO_1904 : 0;
  const excel = new FakeExcel([{ name: 'Deals', grid: deals(shift) }], { date1904 });
  const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore(), supports: () => true });
  await bridge.writeSummary({ tab: 'Deals', settings: settings() });
  const grid = excel.sheet('Deal Attribution')!.grid;
  const column = grid[0]!.indexOf('Close Date');
  expect(column).toBeGreaterThanOrEqual(0);
  return grid.slice(1).map((row) => row[column]);
};

describe('a 1904-date-system workbook in the task pane', () => {
  it('previews the same numbers as the same workbook in the 1900 system, also after Close Date is mapped to another column', async () => {
    const plain = await previews(false);
    const mac = await previews(true);
    expect(mac.before).toEqual(plain.before);
    expect(mac.partners).toEqual(plain.partners);
    // The read is cached between edits; the date columns are moved under the mapping of each preview.
    expect(mac.after).toEqual(plain.after);
    expect(plain.after).not.toEqual(plain.before);
  });

  it('writes report dates as the 1904 workbook\'s own serials, so Excel shows the same days as in a 1900 workbook', async () => {
    const plain = await writtenCloseDates(false);
    const mac = await writtenCloseDates(true);
    expect(plain.filter((v) => typeof v === 'number').length).toBeGreaterThan(3);
    expect(mac).toEqual(plain.map((v) => (typeof v === 'number' ? v - DAYS_1900_TO_1904 : v)));
    expect(plain).toContain(serial('2024-04-15'));
  });
});
