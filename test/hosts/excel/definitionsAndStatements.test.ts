/** Excel, on the strict fake: "Compare definitions" and "Create a statement for…" through the task pane bridge, never over a user's sheet. */
import { createExcelBridge } from '../../../src/hosts/excel/excelBridge';
import type { Settings } from '../../../src/core/hostApi';
import { withDefinition } from '../../../src/core/compare/definitionChoice';
import { MARKER_KEY } from '../../../src/hosts/excel/sheetMarker';
import { FakeExcel } from './fakeExcel';
import { EXCEL_DEALS, serial } from './workedExample';
import { memoryStore } from './memorySettingsStore';
import { figure, partnerTotals, statementDeals, tableRows } from '../reportGrids';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: { influenceModel: 'last', incentives: { sourced: 0.1, influenced: 0.03, resold: 0.05, sourcedDealBonus: 250 } } };
const workbook = (deals = EXCEL_DEALS) => new FakeExcel([
  { name: 'Deals', grid: deals.map((r) => [...r]) },
  { name: 'Touches', grid: [['Deal ID', 'Partner', 'Activity', 'Date'], ['D-7', 'Stark Industries', 'Demo', serial('2024-03-20')]] },
]);
const bridgeOver = (excel: FakeExcel) => createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
const grid = (excel: FakeExcel, name: string) => excel.sheet(name)!.grid;

describe('Compare definitions in Excel', () => {
  it('writes the Definitions Compared sheet, each column equal to a separate preview, to the cent', async () => {
    const excel = workbook();
    const bridge = bridgeOver(excel);
    const result = await bridge.compareDefinitions({ tab: null, settings: SETTINGS, definitions: [] });
    expect(result.written).toEqual(['Definitions Compared']);
    expect(JSON.parse(excel.sheet('Definitions Compared')!.props.get(MARKER_KEY)!)).toMatchObject({ tab: 'Definitions Compared', kind: 'report' });
    const totals = tableRows(grid(excel, 'Definitions Compared'), 'Measure');
    for (const [i, name] of result.definitions.entries()) {
      const separate = await bridge.preview({ tab: null, settings: { ...SETTINGS, policy: withDefinition(SETTINGS.policy, name) } });
      for (const [label, key] of [['Sourced revenue', 'sourcedRevenue'], ['Influenced revenue', 'influencedRevenue'], ['Partner-led revenue', 'partnerLedRevenue'],
        ['Direct revenue', 'directRevenue']] as const) {
        expect(totals.find((r) => r.Measure === label)![name]).toBe(separate.totals[key]);
      }
      expect(result.lines[0]!.values[i]).toBe(separate.totals.sourcedRevenue);
    }
    expect(result.lines[0]!.values).toEqual([5000, 15000, 27000.01]);
    // The comparison sheet is the add-in's: never read as deals afterwards.
    expect((await bridge.detect(null)).tabs).toEqual(['Deals', 'Touches']);
  });
});

describe('Create a statement for… in Excel', () => {
  it('writes statements whose totals equal the partner\'s rows on Partner Summary and Partner Payouts', async () => {
    const excel = workbook();
    const bridge = bridgeOver(excel);
    await bridge.writeSummary({ tab: null, settings: SETTINGS });
    const { statementPartners } = await bridge.preview({ tab: null, settings: SETTINGS });
    expect(statementPartners).toEqual(['Acme Inc.', 'Initech', 'Umbrella', 'Stark Industries', 'Hooli Distribution']);
    for (const partner of statementPartners!) {
      const result = await bridge.writeStatement({ tab: null, settings: SETTINGS, partner });
      expect(result.written).toEqual([`Statement – ${partner}`]);
      const expected = partnerTotals(grid(excel, 'Partner Summary'), grid(excel, 'Partner Payouts'), partner);
      const statement = grid(excel, `Statement – ${partner}`);
      expect(figure(statement, 'Credited revenue (won deals)')).toBe(expected.creditedRevenue);
      expect(figure(statement, 'Credited pipeline (open deals)')).toBe(expected.creditedPipeline);
      expect(figure(statement, 'Payouts')).toBe(expected.payout);
    }
    expect(statementDeals(grid(excel, 'Statement – Hooli Distribution'))).toEqual(['D-5']);
  });

  it('keeps a user\'s sheet of that name as it is, writes beside it, and reuses its own sheet next time', async () => {
    const excel = workbook();
    excel.sheets.push(...new FakeExcel([{ name: 'Statement – Acme Inc.', grid: [['my notes for Acme']] }]).sheets);
    const bridge = bridgeOver(excel);
    const first = await bridge.writeStatement({ tab: null, settings: SETTINGS, partner: 'Acme Inc.' });
    expect(first.written).toEqual(['Statement – Acme Inc. (2)']);
    expect(first.message).toMatch(/because you have your own tab named Statement – Acme Inc\.$/);
    await bridge.writeStatement({ tab: null, settings: SETTINGS, partner: 'Acme Inc.' });
    expect(excel.sheet('Statement – Acme Inc.')!.grid).toEqual([['my notes for Acme']]);
    expect(excel.sheet('Statement – Acme Inc.')!.props.has(MARKER_KEY)).toBe(false);
    expect(excel.live().map((s) => s.name)).toEqual(['Deals', 'Touches', 'Statement – Acme Inc.', 'Statement – Acme Inc. (2)']);
  });

  it('makes a valid Excel sheet name of a partner name with []:/ and over 31 characters', async () => {
    const deals = EXCEL_DEALS.map((r) => [...r]);
    deals[1]![deals[0]!.indexOf('Partner')] = 'Northwind: Traders [EMEA] / Channel Partners';
    const excel = workbook(deals);
    const result = await bridgeOver(excel).writeStatement({ tab: null, settings: SETTINGS, partner: 'Northwind: Traders [EMEA] / Channel Partners' });
    expect(result.written).toEqual(['Statement – Northwind Traders…']);
    expect(figure(grid(excel, 'Statement – Northwind Traders…'), 'Credited revenue (won deals)')).toBe(10000);
  });

  it('refuses a partner without credit in words, and leaves no sheet behind', async () => {
    const excel = workbook();
    await expect(bridgeOver(excel).writeStatement({ tab: null, settings: SETTINGS, partner: 'Globex' }))
      .rejects.toThrow('"Globex" has no credit on a won or open deal under the current rules');
    expect(excel.live().map((s) => s.name)).toEqual(['Deals', 'Touches']);
  });
});
