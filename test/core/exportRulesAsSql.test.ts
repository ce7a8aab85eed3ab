/** "Export rules as SQL": the detected headers become warehouse column names; the saved policy goes with them. */
import { detect, exportRulesAsSql, warehouseColumnName, DEFAULT_SETTINGS } from '../../src/core';
import type { Settings, TabData } from '../../src/core';

const tab: TabData = { name: 'Deals', grid: [['Opportunity ID', 'Stage', 'Amount (USD)', 'Close Date', 'Partner'], ['1', 'Won', 5, '2024-01-01', 'Acme']] };

describe('exportRulesAsSql', () => {
  it.each([['Close Date', 'close_date'], ['Amount (USD)', 'amount_usd'], ['  Lead-Source ', 'lead_source'], ['%%', 'column']])(
    'names the header %p as column %p', (header, name) => expect(warehouseColumnName(header)).toBe(name));

  it('maps detected fields to those names and applies the saved policy', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, mapping: { amount: 'Amount (USD)' }, policy: { influenceModel: 'position' } };
    const detected = detect([tab], tab, settings);
    const sql = exportRulesAsSql(detected, settings, { dialect: 'duckdb', dealsTable: 'crm.deals', touchesTable: null });
    expect(sql).toContain('amount_usd');
    expect(sql).toContain('opportunity_id');
    expect(sql).toContain('influenceModel=position');
  });

  it('says clearly when the dialect is unknown', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, mapping: { amount: 2 } };
    const detected = detect([tab], tab, settings);
    expect(() => exportRulesAsSql(detected, settings, { dialect: 'oracle', dealsTable: 'd', touchesTable: null })).toThrow(/Unknown SQL dialect "oracle"/);
  });
});
