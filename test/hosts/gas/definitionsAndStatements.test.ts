/** Sheets, through the built Code.js: "Compare definitions" and "Create a statement for…" write their tabs, never over a user's tab. */
import type { CompareResult, PreviewResult, Settings, WriteResult } from '../../../src/core/index';
import { withDefinition } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import { day, workedExample } from './workedExample';
import { figure, partnerTotals, statementDeals, tableRows } from '../reportGrids';

// The user's own rules (a small incentive plan, last-touch influence) go with every definition and every statement.
const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: { influenceModel: 'last', incentives: { sourced: 0.1, influenced: 0.03, resold: 0.05, sourcedDealBonus: 250 } } };
const grid = (project: LoadedProject, name: string): unknown[][] => project.spreadsheet.tab(name).snapshot();
const owners = (project: LoadedProject) => project.spreadsheet.metadata.filter((m) => m.key === 'partner-attribution').map((m) => `${m.place.sheet.name}|${m.value}`);

/** The worked example plus a touch, so Any partner involvement has a touch to source from. */
const withTouches = (project: LoadedProject): void => {
  project.spreadsheet.addTab('Deals', workedExample());
  project.spreadsheet.addTab('Touches', [['Deal ID', 'Partner', 'Activity', 'Date'], ['D-7', 'Stark Industries', 'Demo', day('2024-03-20')]]);
};

describe('Compare definitions in Sheets', () => {
  it('writes the Definitions Compared tab, each column equal to a separate preview under that definition, to the cent', () => {
    const project = loadProject();
    withTouches(project);
    const result = project.call<CompareResult>('paCompareDefinitions', { tab: null, settings: SETTINGS, definitions: [] });
    expect(result.written).toEqual(['Definitions Compared']);
    expect(result.definitions).toEqual(['Registered only', 'Standard', 'Any partner involvement']);
    expect(project.spreadsheet.active?.name).toBe('Definitions Compared');
    expect(owners(project)).toEqual(['Definitions Compared|tab:Definitions Compared']);

    const separate = result.definitions.map((name) => project.call<PreviewResult>('paPreview', { tab: null, settings: { ...SETTINGS, policy: withDefinition(SETTINGS.policy, name) } }));
    const totals = tableRows(grid(project, 'Definitions Compared'), 'Measure');
    const row = (label: string) => totals.find((r) => r.Measure === label)!;
    for (const [label, key] of [['Sourced revenue', 'sourcedRevenue'], ['Influenced revenue', 'influencedRevenue'], ['Resold revenue', 'resoldRevenue'],
      ['Partner-led revenue', 'partnerLedRevenue'], ['Direct revenue', 'directRevenue']] as const) {
      expect(result.definitions.map((d) => row(label)[d])).toEqual(separate.map((p) => p.totals[key]));
    }
    // Any partner involvement also sources D-3 (its Influencing Partners column) and D-7 (a demo touch).
    expect(separate.map((p) => p.totals.sourcedRevenue)).toEqual([5000, 15000, 27000.01]);
    expect(result.lines[0]!.values).toEqual([5000, 15000, 27000.01]);
    expect(result.changedDeals.map((d) => d.id)).toEqual(['D-2', 'D-3', 'D-8', 'D-7']); // most money first
  });

  it('leaves a user\'s own "Definitions Compared" tab alone and writes beside it', () => {
    const project = loadProject();
    withTouches(project);
    const mine = project.spreadsheet.addTab('Definitions Compared', [['my notes on definitions']]);
    const first = project.call<CompareResult>('paCompareDefinitions', { tab: null, settings: SETTINGS, definitions: ['Standard', 'Registered only'] });
    expect(first.written).toEqual(['Definitions Compared (2)']);
    expect(first.message).toMatch(/because you have your own tab named Definitions Compared/);
    project.call<CompareResult>('paCompareDefinitions', { tab: null, settings: SETTINGS, definitions: ['Standard', 'Registered only'] });
    expect(mine.snapshot()).toEqual([['my notes on definitions']]);
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Touches', 'Definitions Compared', 'Definitions Compared (2)']);
  });

  it('refuses a single definition with a sentence and writes nothing', () => {
    const project = loadProject();
    withTouches(project);
    expect(() => project.call('paCompareDefinitions', { tab: null, settings: SETTINGS, definitions: ['Standard'] })).toThrow('Choose two or more definitions to compare.');
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Touches']);
  });
});

describe('Create a statement for… in Sheets', () => {
  it('writes the partner\'s statement, whose totals equal its rows on Partner Summary and Partner Payouts', () => {
    const project = loadProject();
    withTouches(project);
    project.call<WriteResult>('paWriteSummary', { tab: null, settings: SETTINGS });
    const preview = project.call<PreviewResult>('paPreview', { tab: null, settings: SETTINGS });
    // Globex only lost D-6 (and last-touch influence gives D-3 to Initech): no statement.
    expect(preview.statementPartners).toEqual(['Acme Inc.', 'Initech', 'Umbrella', 'Stark Industries', 'Hooli Distribution']);
    for (const partner of preview.statementPartners!) {
      const result = project.call<WriteResult>('paWriteStatement', { tab: null, settings: SETTINGS, partner });
      expect(result.written).toEqual([`Statement – ${partner}`]);
      const statement = grid(project, `Statement – ${partner}`);
      const expected = partnerTotals(grid(project, 'Partner Summary'), grid(project, 'Partner Payouts'), partner);
      expect(figure(statement, 'Credited revenue (won deals)')).toBe(expected.creditedRevenue);
      expect(figure(statement, 'Credited pipeline (open deals)')).toBe(expected.creditedPipeline);
      expect(figure(statement, 'Payouts')).toBe(expected.payout);
    }
    // A statement lists only the partner's own deals: Hooli resold D-5 and had no part in any other.
    expect(statementDeals(grid(project, 'Statement – Hooli Distribution'))).toEqual(['D-5']);
    expect(project.spreadsheet.active?.name).toBe(`Statement – ${preview.statementPartners!.at(-1)}`);
  });

  it('never overwrites a user\'s tab of the statement\'s name, and replaces its own statement next time', () => {
    const project = loadProject();
    withTouches(project);
    const mine = project.spreadsheet.addTab('Statement – Acme Inc.', [['Acme: my own notes', '=1+1']]);
    const before = { values: mine.snapshot(), formulas: mine.allFormulas() };
    const first = project.call<WriteResult>('paWriteStatement', { tab: null, settings: SETTINGS, partner: 'Acme Inc.' });
    expect(first.written).toEqual(['Statement – Acme Inc. (2)']);
    expect(first.message).toBe('Wrote Statement – Acme Inc. (2) — Statement – Acme Inc. (2) because you have your own tab named Statement – Acme Inc.');
    const again = project.call<WriteResult>('paWriteStatement', { tab: null, settings: SETTINGS, partner: 'Acme Inc.' });
    expect(again.written).toEqual(['Statement – Acme Inc. (2)']);
    expect({ values: mine.snapshot(), formulas: mine.allFormulas() }).toEqual(before);
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Touches', 'Statement – Acme Inc.', 'Statement – Acme Inc. (2)']);
  });

  it('names the tab within the sheet-name rules for a partner whose name breaks them', () => {
    const project = loadProject();
    const deals = workedExample();
    deals[1]![deals[0]!.indexOf('Partner')] = 'Northwind: Traders [EMEA] / Channel Partners';
    project.spreadsheet.addTab('Deals', deals);
    const result = project.call<WriteResult>('paWriteStatement', { tab: null, settings: SETTINGS, partner: 'Northwind: Traders [EMEA] / Channel Partners' });
    expect(result.written).toEqual(['Statement – Northwind Traders…']);
    expect(figure(grid(project, 'Statement – Northwind Traders…'), 'Credited revenue (won deals)')).toBe(10000);
  });

  it('says in words when the partner has no statement, and writes nothing', () => {
    const project = loadProject();
    withTouches(project);
    expect(() => project.call('paWriteStatement', { tab: null, settings: SETTINGS, partner: 'Globex Corp' }))
      .toThrow('"Globex Corp" has no credit on a won or open deal under the current rules, so there is no statement to write.');
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Touches']);
  });
});
