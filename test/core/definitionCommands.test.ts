/** The add-ins' definition choice, "Compare definitions" and "Create a statement for…", as the core gives them to both hosts. */
import { analyze, compareOnInput, compareResult, definitionOf, DEFAULT_POLICY, OWN_DEFINITION, resolvePolicy, SHIPPED_DEFINITIONS, statementReportTab, withDefinition, toSummaryJson } from '../../src/core';
import type { Cell, Settings } from '../../src/core';
import { dealGrid } from './dealGrid';

// A HubSpot-style export where the definitions disagree: a registration, a Sourcing Partner column, a partner lead source, a touch.
const deals = dealGrid([
  { 'Record ID': 'H1', 'Deal Stage': 'Closed Won', Amount: 12000, 'Create Date': '2024-03-04', 'Close Date': '2024-04-10', 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01' },
  { 'Record ID': 'H2', 'Deal Stage': 'Closed Won', Amount: 8000.01, 'Create Date': '2024-03-04', 'Close Date': '2024-04-11', 'Sourcing Partner': 'Acme Inc.' },
  { 'Record ID': 'H3', 'Deal Stage': 'Closed Won', Amount: 6000, 'Create Date': '2024-03-04', 'Close Date': '2024-04-12', 'Lead Source': 'Partner Referral', Partner: 'Globex' },
  { 'Record ID': 'H4', 'Deal Stage': 'Closed Won', Amount: 3333.33, 'Create Date': '2024-03-04', 'Close Date': '2024-04-13', 'Influencing Partners': 'Acme Inc.; Initech' },
  { 'Record ID': 'H5', 'Deal Stage': 'Closed Won', Amount: 1000, 'Create Date': '2024-03-04', 'Close Date': '2024-05-01' },
  { 'Record ID': 'H6', 'Deal Stage': 'Closed Lost', Amount: 900, 'Create Date': '2024-03-04', 'Close Date': '2024-05-02', Partner: 'Hooli' },
]);
const touches: Cell[][] = [['Deal ID', 'Partner', 'Activity', 'Date'], ['H5', 'Umbrella', 'Webinar', '2024-03-20']];
const input = { deals, touches };
// The user's own rules besides the definition: they stay in every column.
const settings: Settings = { version: 1, tab: null, mapping: {}, policy: { asOfDate: '2024-06-30', influenceModel: 'first' } };

describe('the definition as a choice', () => {
  it('names the shipped definition a policy follows, in any order, and none for the user\'s own', () => {
    expect(definitionOf({})?.name).toBe('Standard');
    expect(definitionOf(DEFAULT_POLICY)?.name).toBe('Standard');
    expect(definitionOf({ sourcingEvidence: ['registration'] })?.name).toBe('Registered only');
    expect(definitionOf({ sourcingEvidence: [...SHIPPED_DEFINITIONS[2]!.policy.sourcingEvidence].reverse() as never })?.name).toBe('Any partner involvement');
    expect(definitionOf({ sourcingEvidence: ['registration', 'partner lead source'] })).toBeNull();
  });

  it('sets only the sourcing evidence and keeps every other setting', () => {
    const applied = withDefinition(settings.policy, 'Registered only');
    expect(applied).toEqual({ asOfDate: '2024-06-30', influenceModel: 'first', sourcingEvidence: ['registration'] });
    expect(resolvePolicy(applied).influenceModel).toBe('first');
    expect(() => withDefinition({}, 'Registered')).toThrow('There is no definition named "Registered". Choose one of: Registered only, Standard, Any partner involvement.');
  });
});

describe('Compare definitions', () => {
  it('runs all three shipped definitions by default, each column equal to a separate run with the user\'s other rules, to the cent', () => {
    const { comparison, tab } = compareOnInput(input, settings, []);
    expect(comparison.definitions).toEqual(['Registered only', 'Standard', 'Any partner involvement']);
    const runs = comparison.definitions.map((name) => toSummaryJson(analyze(input, { policy: withDefinition(settings.policy, name) })));
    for (const key of Object.keys(comparison.totals) as (keyof typeof comparison.totals)[]) {
      expect(comparison.totals[key].values).toEqual(runs.map((s) => s.totals[key]));
    }
    for (const p of comparison.partners) {
      expect(p.creditedRevenue.values).toEqual(runs.map((s) => s.partners.find((r) => r.partner === p.partner)?.creditedRevenue ?? 0));
    }
    // Influence "first" is the user's: H4's credit goes wholly to Acme Inc. in every column (sourced under Any partner involvement).
    expect(runs.map((s) => s.deals.find((d) => d.id === 'H4')!.credits)).toEqual(runs.map(() => ({ 'Acme Inc.': 3333.33 })));
    expect(tab.name).toBe('Definitions Compared');
    expect(comparison.changedDeals.map((d) => d.id)).toEqual(['H2', 'H3', 'H4', 'H5', 'H6']);
  });

  it('gives the sidebar the headline totals, the largest changed deals and the count', () => {
    const { comparison } = compareOnInput(input, settings, ['Standard', 'Registered only']);
    const result = compareResult(comparison, { written: ['Definitions Compared'], message: 'Wrote Definitions Compared.' });
    expect(result.definitions).toEqual(['Standard', 'Registered only']);
    expect(result.lines.map((l) => l.label)).toEqual(['Sourced', 'Partner-led', 'Sourced share']);
    expect(result.lines[0]).toEqual({ label: 'Sourced', share: false, values: [26000.01, 12000], differences: [-14000.01] });
    expect(result.changedDeals.map((d) => [d.id, d.motions])).toEqual([['H2', ['sourced', 'influenced']], ['H3', ['sourced', 'influenced']]]);
    expect(result.message).toBe('Wrote Definitions Compared. It compares Standard, Registered only. 2 deals change motion between them.');
  });

  it('compares the user\'s own rules when asked, and refuses a choice it cannot run', () => {
    const own: Settings = { ...settings, policy: { ...settings.policy, sourcingEvidence: ['registration', 'partner lead source'] } };
    const { comparison } = compareOnInput(input, own, [OWN_DEFINITION, 'Standard']);
    expect(comparison.totals.sourcedRevenue.values[0]).toBe(toSummaryJson(analyze(input, { policy: own.policy })).totals.sourcedRevenue);
    expect(() => compareOnInput(input, settings, ['Standard'])).toThrow('Choose two or more definitions to compare.');
    expect(() => compareOnInput(input, settings, ['Standard', 'Standard'])).toThrow('Choose two or more definitions to compare.');
    expect(() => compareOnInput(input, settings, ['Standard', 'Strict'])).toThrow('There is no definition named "Strict"');
  });
});

describe('a statement tab for one partner', () => {
  const summary = toSummaryJson(analyze(input, { policy: { ...settings.policy, incentives: { sourced: 0.1, influenced: 0.03 } } }));

  it('is named after the partner, within the sheet-name rules, and carries the partner in its marker', () => {
    const tab = statementReportTab({ summary }, 'Acme Inc.');
    expect(tab.name).toBe('Statement – Acme Inc.');
    expect(tab.sheetName).toBe('Statement – Acme Inc.');
    expect(tab.blocks[0]!.values).toEqual([['Figure', 'Amount (USD)'], ['Credited revenue (won deals)', 11333.34], ['Credited pipeline (open deals)', 0], ['Payouts', 900]]);
  });

  it('is refused, in words, for a partner with no credit (Hooli only lost a deal)', () => {
    expect(() => statementReportTab({ summary }, 'Hooli')).toThrow('"Hooli" has no credit on a won or open deal under the current rules');
  });
});
