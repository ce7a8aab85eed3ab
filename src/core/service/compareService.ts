/**
 * "Compare definitions" in the add-ins: the chosen definitions run on the tab with the user's other
 * settings, the Definitions Compared tab, and what the sidebar shows of the comparison.
 */
import type { AnalysisInput } from '../types';
import type { CompareResult, ComparedLine, Settings } from '../hostApi';
import type { Comparison } from '../compare/compareDefinitions';
import { compareRuns } from '../compare/compareDefinitions';
import { OWN_DEFINITION, withDefinition } from '../compare/definitionChoice';
import { SHIPPED_DEFINITIONS } from '../compare/shippedDefinitions';
import { analyze } from '../analyze';
import { AttributionError } from '../AttributionError';
import type { ReportTab } from '../report/ReportTab';
import { definitionsTab } from '../report/definitionsTab';

/** The definitions compared when the user picks none: the three shipped ones. */
export const DEFAULT_COMPARED = SHIPPED_DEFINITIONS.map((d) => d.name);

/** The most definitions compared at once (the tab gets two columns per definition). */
const MAX_COMPARED = 4;

/** The changed deals the sidebar lists; the tab lists them all. */
const SHOWN_DEALS = 5;

/** The policy of one compared definition: the user's settings with the definition's evidence (or as they are, for "Your own rules"). */
const policyFor = (settings: Settings, name: string): unknown => (name === OWN_DEFINITION ? settings.policy : withDefinition(settings.policy, name));

/** Runs the definitions on the input and builds the comparison and its tab; a bad choice is a clear message. */
export function compareOnInput(input: AnalysisInput, settings: Settings, names: readonly string[]): { comparison: Comparison; tab: ReportTab } {
  const chosen = names.length === 0 ? DEFAULT_COMPARED : [...new Set(names)];
  if (chosen.length < 2) throw new AttributionError('BAD_DEFINITION', 'Choose two or more definitions to compare.');
  if (chosen.length > MAX_COMPARED) throw new AttributionError('BAD_DEFINITION', `Choose at most ${MAX_COMPARED} definitions to compare.`);
  const policies = chosen.map((name) => policyFor(settings, name)); // names are checked before any run
  const runs = policies.map((policy) => analyze(input, { mapping: settings.mapping, policy }));
  const comparison = compareRuns(chosen, runs);
  return { comparison, tab: definitionsTab(comparison) };
}

const LINES: { key: keyof Comparison['totals']; label: string }[] = [
  { key: 'sourcedRevenue', label: 'Sourced' },
  { key: 'partnerLedRevenue', label: 'Partner-led' },
  { key: 'sourcedShare', label: 'Sourced share' },
];

/** The sidebar's view of a comparison (the headline totals; the tab has them all) plus what was written. */
export function compareResult(c: Comparison, written: { written: string[]; message: string }): CompareResult {
  const lines: ComparedLine[] = LINES.map(({ key, label }) => ({ label, share: key.endsWith('Share'), values: c.totals[key].values, differences: c.totals[key].differences }));
  const count = c.changedDeals.length;
  const changes = count === 0 ? 'No deal changes motion between them.' : `${count.toLocaleString('en-US')} deal${count === 1 ? ' changes' : 's change'} motion between them.`;
  return {
    written: written.written,
    message: `${written.message} It compares ${c.definitions.join(', ')}. ${changes}`,
    definitions: c.definitions,
    reportingCurrency: c.reportingCurrency,
    lines,
    changedDeals: c.changedDeals.slice(0, SHOWN_DEALS).map((d) => ({ id: d.id, name: d.name, amount: d.amount, motions: d.motions })),
    changedCount: count,
  };
}
