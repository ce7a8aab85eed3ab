/** Sheets: paAppendOverride (issue 18, "Keep / Set…") appends one row to the user's overrides tab, never rewrites it. */
import type { AppendOverrideRequest, OverrideRequest, PreviewResult, Settings, WriteResult } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import { workedExample } from './workedExample';

const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: {} };
/** The worked example with D-7 (Direct, 3,000) under a CRM ID with leading zeros. */
const deals = () => workedExample().map((r) => r.map((v) => (v === 'D-7' ? '00123' : v)));
/** A user's own overrides tab: their column order, an Owner column, a blank row between entries. */
const USER_TAB = [
  ['Owner', 'Note', 'Opportunity ID', 'Partner', 'Motion'],
  ['Dana', 'checked with AE', 'D-5', 'Hooli Distribution', 'Resold'],
  ['', '', '', '', ''],
  ['Lee', '', 'D-8', '', 'Direct'],
];
const append = (override: Partial<OverrideRequest>): AppendOverrideRequest => ({
  tab: 'Deals', settings: SETTINGS,
  override: { dealId: '00123', motion: 'influenced', partners: [{ name: 'Acme Inc.', share: 33.33 }, { name: 'Globex', share: 66.67 }], note: 'co-sell call with the CIO', ...override },
});
const withUserTab = (): LoadedProject => {
  const project = loadProject();
  project.spreadsheet.addTab('Deals', deals());
  project.spreadsheet.addTab('Attribution Overrides', USER_TAB);
  return project;
};

describe('paAppendOverride in Sheets', () => {
  it('creates the Attribution Overrides tab with a bold, frozen header row and the one row', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', deals());
    const result = project.call<WriteResult>('paAppendOverride', append({}));
    expect(result.written).toEqual(['Attribution Overrides']);
    const tab = project.spreadsheet.tab('Attribution Overrides');
    expect(tab.snapshot()).toEqual([['Deal ID', 'Motion', 'Partner', 'Note'], ['00123', 'Influenced', 'Acme Inc. 33.33%; Globex 66.67%', 'co-sell call with the CIO']]);
    expect(tab.getFrozenRows()).toBe(1);
    expect(tab.fontWeightAt(0, 0)).toBe('bold');
  });

  it('adds exactly one row after the user\'s last entry, in their column order, and changes no existing cell', () => {
    const project = withUserTab();
    const tab = project.spreadsheet.tab('Attribution Overrides');
    const before = tab.snapshot();
    project.call<WriteResult>('paAppendOverride', append({}));
    const after = tab.snapshot();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[before.length]).toEqual(['', 'co-sell call with the CIO', '00123', 'Acme Inc. 33.33%; Globex 66.67%', 'Influenced']);
    expect(tab.allFormulas()).toEqual([]);
  });

  it('writes the Deal ID "00123" into a plain-text cell', () => {
    // The Sheets fake turns "00123" into the number 123 in a cell not formatted "@", as real Sheets does.
    const project = withUserTab();
    project.call<WriteResult>('paAppendOverride', append({}));
    const tab = project.spreadsheet.tab('Attribution Overrides');
    expect(tab.valueAt(4, 2)).toBe('00123');
    expect(tab.formatAt(4, 2)).toBe('@');
  });

  it('makes the next preview show the deal as influenced and its credit moved, to the cent', () => {
    const project = withUserTab();
    const before = project.call<PreviewResult>('paPreview', { tab: 'Deals', settings: SETTINGS });
    project.call<WriteResult>('paAppendOverride', append({}));
    const after = project.call<PreviewResult>('paPreview', { tab: 'Deals', settings: SETTINGS });
    expect(after.totals.directRevenue).toBe(before.totals.directRevenue - 3000);
    expect(after.totals.influencedRevenue).toBe(before.totals.influencedRevenue + 3000);
    const credit = (p: PreviewResult, name: string): number => p.topPartners.find((t) => t.partner === name)?.creditedRevenue ?? 0;
    expect(credit(after, 'Acme Inc.')).toBe(Math.round((credit(before, 'Acme Inc.') + 999.9) * 100) / 100);
    expect(credit(after, 'Globex')).toBe(Math.round((credit(before, 'Globex') + 2000.1) * 100) / 100);
  });

  it('writes nothing for a partner on a Direct deal and throws the plain-words reason', () => {
    const project = withUserTab();
    const tab = project.spreadsheet.tab('Attribution Overrides');
    const before = tab.snapshot();
    expect(() => project.call<WriteResult>('paAppendOverride', append({ motion: 'direct', partners: [{ name: 'Globex', share: null }] })))
      .toThrow(/a direct deal has no partner; leave Partner empty\./);
    expect(tab.snapshot()).toEqual(before);
    expect(tab.formatAt(4, 2)).toBe('General');
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Attribution Overrides']);
  });
});
