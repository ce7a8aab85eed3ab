/** What both sidebars' servers share: picking tabs, detecting, previewing, classification columns, settings. */
import { analyze, detect, preview, pickDataTab, pickSideTables, isSideTableName, parseSettings, classificationColumns, DEFAULT_SETTINGS } from '../../src/core';
import type { Settings, TabData } from '../../src/core';

const deals: TabData = { name: 'Deals', grid: [['My export'], ['Deal ID', 'Stage', 'Amount', 'Partner'], ['1', 'Won', 100, '=Acme'], ['2', 'Won', 50, ''], ['3', 'Won', 70, 'Globex']] };
const touches: TabData = { name: 'Partner Touches', grid: [['Deal ID', 'Partner', 'Activity', 'Date'], ['2', 'Initech', 'Demo', '2024-01-01']] };
const notes: TabData = { name: 'Notes', grid: [['hello']] };
const settings: Settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS));

describe('sidebar service', () => {
  it('picks the deals tab by content and the side tables by name', () => {
    expect(pickDataTab([notes, touches, deals], settings)?.name).toBe('Deals');
    expect(pickSideTables([notes, touches, deals]).touches).toBe(touches.grid);
    expect(pickSideTables([notes, deals])).toEqual({ touches: null, partners: null, fx: null, overrides: null });
    const overrides = { name: ' attribution  Overrides', grid: [['Deal ID', 'Motion', 'Partner', 'Note']] };
    expect(pickSideTables([notes, overrides, deals]).overrides).toBe(overrides.grid);
    expect(pickDataTab([overrides, deals].filter((t) => !isSideTableName(t.name)), settings)?.name).toBe('Deals');
  });

  it('detects the header row, the mapping and the stages', () => {
    const result = detect([notes, deals], deals, settings);
    expect(result).toMatchObject({ tab: 'Deals', headerRow: 2, dealRows: 3, stages: ['Won'], range: 'A1:D5' });
    expect(result.fields.find((f) => f.field === 'amount')).toMatchObject({ column: 2, required: true, source: 'detected' });
    expect(result.fields.find((f) => f.field === 'reseller')).toMatchObject({ column: null, source: 'none' });
  });

  it('previews with the Touches tab when given, as the summary tabs will be written', () => {
    expect(preview(deals, settings).totals.partnerLedRevenue).toBe(170);
    expect(preview(deals, settings, 5, { touches: touches.grid }).totals.partnerLedRevenue).toBe(220);
  });

  it('builds classification columns aligned with the tab, guarding formula-like names', () => {
    const analysis = analyze({ deals: deals.grid });
    expect(classificationColumns(analysis, deals.grid.length)).toEqual([
      ['', '', ''], ['Partner Motion', 'Partner(s)', 'Partner Reason'],
      ['Influenced', "'=Acme", 'Influenced by =Acme (Partner column)'], ['Direct', '', 'Direct: no partner sourced, influenced or resold it'],
      ['Influenced', 'Globex', 'Influenced by Globex (Partner column)']]);
  });

  it('reads saved settings, and falls back to the defaults with a warning when they are corrupt', () => {
    const saved = JSON.stringify({ version: 1, tab: 'Deals', mapping: { amount: 'Amount' }, policy: { influenceModel: 'first' } });
    expect(parseSettings(saved)).toEqual({ settings: { version: 1, tab: 'Deals', mapping: { amount: 'Amount' }, policy: { influenceModel: 'first' } }, warning: null });
    for (const bad of ['{not json', '{"version":2}', JSON.stringify({ version: 1, policy: { influenceModel: 'linear' } })]) {
      const { settings: fallback, warning } = parseSettings(bad);
      expect(fallback).toEqual(DEFAULT_SETTINGS);
      expect(warning).toMatch(/defaults/);
    }
  });
});
