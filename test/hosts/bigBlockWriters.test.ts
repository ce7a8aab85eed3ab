/**
 * The big tabs reach both hosts' writers a block of rows at a time (issue 16): tabs from the real
 * engine whose Deal Attribution and Partner Credits blocks refuse to be read whole (reading their
 * `values` throws) are written by the Sheets and the Excel writer, and every cell lands as the tab
 * built in one piece says.
 */
import { analyze, blockLength, buildReportTabs } from '../../src/core';
import type { Cell, ReportTab } from '../../src/core';
import { generateWorkbook } from '../../bench/generateWorkbook';
import { SHEETS_ROWS_PER_WRITE, writeReportTabs as writeSheetsTabs } from '../../src/hosts/gas/tabWriter';
import { writeReportTabs as writeExcelTabs } from '../../src/hosts/excel/worksheetWriter';
import { excelRows } from '../../src/hosts/excel/excelCell';
import { FakeSpreadsheet } from './gas/fakes/FakeSpreadsheet';
import { FakeExcel } from './excel/fakeExcel';

// As in the Excel writer's own tests: office-addin-mock needs only the OfficeApp names of office-addin-manifest.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

const BIG = ['Deal Attribution', 'Partner Credits'];
const workbook = generateWorkbook({ deals: 30_000, partners: 120, seed: 7 });
const tabsOf = (): ReportTab[] => buildReportTabs(analyze({ deals: workbook.deals, touches: workbook.touches }));
/** The tabs as built, to compare with. */
const expected = tabsOf();
const big = (tabs: ReportTab[], name: string): Cell[][] => tabs.find((t) => t.name === name)!.blocks[0]!.values;

/** Tabs whose big blocks throw when read whole: a writer must read them through the block accessors. */
function sealed(): ReportTab[] {
  const tabs = tabsOf();
  for (const tab of tabs) {
    for (const block of tab.blocks) {
      if (!block.source) continue;
      expect(BIG).toContain(tab.name);
      Object.defineProperty(block, 'values', { get: () => { throw new Error(`${tab.name}: a writer read every row at once`); } });
    }
  }
  return tabs;
}

describe('writers read the big tabs a block of rows at a time', () => {
  it('has tabs big enough to need several reads', () => {
    expect(big(expected, 'Deal Attribution').length).toBeGreaterThan(SHEETS_ROWS_PER_WRITE);
    expect(big(expected, 'Partner Credits').length).toBeGreaterThan(10_000);
  });

  it('Sheets: every row of both tabs lands where it belongs, in writes of at most SHEETS_ROWS_PER_WRITE rows', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addTab('Deals', [['Deal ID']]);
    const tabs = sealed();
    writeSheetsTabs(spreadsheet.api, tabs, []);
    for (const name of BIG) {
      const want = big(expected, name);
      const width = want[0]!.length;
      const got = spreadsheet.tab(name).getRange(1, 1, want.length, width).getValues();
      expect(got).toEqual(want.map((row) => row.map((v) => (v === null || v === undefined ? '' : v))));
      expect(blockLength(tabs.find((t) => t.name === name)!.blocks[0]!)).toBe(want.length);
    }
    // One values write per block, and one more per SHEETS_ROWS_PER_WRITE rows: two for Deal Attribution's 30,001.
    const writes = expected.reduce((n, t) => n + t.blocks.reduce((m, b) => m + Math.ceil(b.values.length / SHEETS_ROWS_PER_WRITE), 0), 0);
    expect(spreadsheet.counter.total('Range.setValues')).toBe(writes);
    expect(writes).toBeGreaterThan(expected.reduce((n, t) => n + t.blocks.filter((b) => b.values.length > 0).length, 0));
  });

  it('Excel: every row of both tabs lands where it belongs, in requests made one at a time, and the progress ends at its total', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }]);
    const progress: { done: number; total: number }[] = [];
    await writeExcelTabs(sealed(), { run: excel.run, batchBytes: 512 * 1024, onProgress: (p) => progress.push(p) });
    for (const name of BIG) {
      const want = big(expected, name);
      const width = want[0]!.length;
      const grid = excel.sheet(name)!.grid;
      expect(grid.slice(0, want.length).map((row) => row.slice(0, width))).toEqual(excelRows(want, width));
      expect(grid.length).toBe(want.length);
    }
    const values = progress.filter((p) => p.done < progress.at(-1)!.done);
    expect(values.length).toBeGreaterThan(10);
    for (const [i, p] of values.entries()) { expect(p.done).toBe(i + 1); expect(p.total).toBeGreaterThan(p.done); }
    expect(progress.at(-1)).toEqual(expect.objectContaining({ done: values.length + 1, total: values.length + 1 }));
  });
});
