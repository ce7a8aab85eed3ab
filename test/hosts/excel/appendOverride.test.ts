/** The Excel bridge's appendOverride (issue 18, "Keep / Set…"): appends one row to the user's overrides sheet, never rewrites it. */
import { createExcelBridge } from '../../../src/hosts/excel/excelBridge';
import { DEFAULT_SETTINGS } from '../../../src/core/hostApi';
import type { AppendOverrideRequest, Settings } from '../../../src/core/hostApi';
import type { OverrideRequest } from '../../../src/core/overrides/overrideRow';
import { FakeExcel } from './fakeExcel';
import { EXCEL_DEALS } from './workedExample';
import { memoryStore } from './memorySettingsStore';

/** Cells as FakeExcel holds them. */
type Grid = unknown[][];

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

/** The worked example with D-7 (Direct, 3,000) under a CRM ID with leading zeros, typed as text. */
const deals = (): Grid => EXCEL_DEALS.map((r) => r.map((v) => (v === 'D-7' ? '00123' : v)));
/** A user's own overrides sheet: their column order, an Owner column, a blank row between entries. */
const userTab = (): Grid => [
  ['Owner', 'Note', 'Opportunity ID', 'Partner', 'Motion'],
  ['Dana', 'checked with AE', 'D-5', 'Hooli Distribution', 'Resold'],
  ['', '', '', '', ''],
  ['Lee', '', 'D-8', '', 'Direct'],
];
const settings = (): Settings => JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
const append = (override: Partial<OverrideRequest>): AppendOverrideRequest => ({
  tab: 'Deals', settings: settings(),
  override: { dealId: '00123', motion: 'influenced', partners: [{ name: 'Acme Inc.', share: 33.33 }, { name: 'Globex', share: 66.67 }], note: 'co-sell call with the CIO', ...override },
});
const bridgeOn = (excel: FakeExcel) => createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
const copy = (grid: Grid): unknown[][] => grid.map((row) => [...row]);

describe('appendOverride in Excel', () => {
  it('creates the Attribution Overrides sheet with its header row and the one row, as text', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: deals() }]);
    const result = await bridgeOn(excel).appendOverride(append({}));
    expect(result.written).toEqual(['Attribution Overrides']);
    const sheet = excel.sheet('Attribution Overrides')!;
    expect(sheet.grid).toEqual([['Deal ID', 'Motion', 'Partner', 'Note'], ['00123', 'Influenced', 'Acme Inc. 33.33%; Globex 66.67%', 'co-sell call with the CIO']]);
    expect(sheet.ops).toContain('freeze 1');
    expect(sheet.formats[1]![0]).toBe('@');
    expect(excel.sheet('Deals')!.grid).toEqual(deals());
  });

  it('adds exactly one row after the user\'s last entry, in their column order, and changes no existing cell', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: deals() }, { name: 'Attribution Overrides', grid: userTab() }]);
    const before = copy(userTab());
    await bridgeOn(excel).appendOverride(append({}));
    const grid = excel.sheet('Attribution Overrides')!.grid;
    expect(grid).toHaveLength(before.length + 1);
    expect(grid.slice(0, before.length)).toEqual(before);
    expect(grid[before.length]).toEqual(['', 'co-sell call with the CIO', '00123', 'Acme Inc. 33.33%; Globex 66.67%', 'Influenced']);
  });

  it('keeps a Deal ID "00123" the text "00123" (Excel would store 123 in a General cell)', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: deals() }, { name: 'Attribution Overrides', grid: userTab() }]);
    await bridgeOn(excel).appendOverride(append({}));
    expect(excel.cell('Attribution Overrides', 'C5')).toBe('00123');
  });

  it('makes the next preview show the deal as influenced and its credit moved, to the cent', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: deals() }, { name: 'Attribution Overrides', grid: userTab() }]);
    const bridge = bridgeOn(excel);
    const before = await bridge.preview({ tab: 'Deals', settings: settings() });
    await bridge.appendOverride(append({}));
    const after = await bridge.preview({ tab: 'Deals', settings: settings() });
    expect(after.totals.directRevenue).toBe(before.totals.directRevenue - 3000);
    expect(after.totals.influencedRevenue).toBe(before.totals.influencedRevenue + 3000);
    const credit = (p: typeof before, name: string): number => p.topPartners.find((t) => t.partner === name)?.creditedRevenue ?? 0;
    expect(credit(after, 'Acme Inc.')).toBe(Math.round((credit(before, 'Acme Inc.') + 999.9) * 100) / 100);
    expect(credit(after, 'Globex')).toBe(Math.round((credit(before, 'Globex') + 2000.1) * 100) / 100);
  });

  it('writes nothing for a partner on a Direct deal and says why in plain words', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: deals() }, { name: 'Attribution Overrides', grid: userTab() }]);
    const formats = excel.sheet('Attribution Overrides')!.formats.map((row) => [...row]);
    await expect(bridgeOn(excel).appendOverride(append({ motion: 'direct', partners: [{ name: 'Globex', share: null }] })))
      .rejects.toThrow(/a direct deal has no partner; leave Partner empty\./);
    expect(excel.sheet('Attribution Overrides')!.grid).toEqual(userTab());
    expect(excel.live().map((s) => s.name)).toEqual(['Deals', 'Attribution Overrides']);
    expect(excel.sheet('Attribution Overrides')!.formats).toEqual(formats);
  });
});
