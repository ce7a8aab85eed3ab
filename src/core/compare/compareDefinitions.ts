/**
 * Definitions side by side (issue 18): the same deals run under two or more policies ("Registered
 * only", "Standard", "Any partner involvement"...), and what changes: totals, each partner's sourced
 * revenue, influenced credit and credited revenue, and the deals whose motion changes. Each column is
 * exactly a separate run under that policy; differences are taken in cents against the first.
 */
import type { AnalysisInput, MappingInput, Motion, Status, Totals } from '../types';
import type { Analysis } from '../analyze';
import { analyze } from '../analyze';

/** One definition to compare: a name for the column, and its policy (and optional column mapping). */
export interface Definition { name: string; policy?: unknown; mapping?: MappingInput }

/** The money totals compared, in the order the tab lists them. */
export const COMPARED_TOTALS = ['revenue', 'partnerLedRevenue', 'sourcedRevenue', 'influencedRevenue', 'resoldRevenue', 'directRevenue',
  'partnerLedShare', 'sourcedShare', 'partnerLedPipeline', 'sourcedPipeline'] as const satisfies readonly (keyof Totals)[];
export type ComparedTotal = typeof COMPARED_TOTALS[number];

/** The per-partner measures compared. */
export const COMPARED_PARTNER_MEASURES = ['sourcedRevenue', 'influencedCredit', 'creditedRevenue'] as const;
export type ComparedPartnerMeasure = typeof COMPARED_PARTNER_MEASURES[number];

/** A value under each definition and its difference from the first (index 0 of `differences` is the second definition's). */
export interface ComparedValue { values: number[]; differences: number[] }

export interface ComparedPartner { partner: string; sourcedRevenue: ComparedValue; influencedCredit: ComparedValue; creditedRevenue: ComparedValue }

/** A deal whose motion is not the same under every definition. */
export interface ChangedDeal {
  row: number; id: string; name: string; status: Status; amount: number | null;
  motions: Motion[];
  /** The partners each definition named (sourcer, influencers, reseller), "Acme; Globex" or "". */
  partners: string[];
}

/** The comparison, as the Definitions Compared tab shows it and the JSON export holds it. */
export interface Comparison {
  version: 1;
  reportingCurrency: string;
  definitions: string[];
  totals: Record<ComparedTotal, ComparedValue>;
  /** Every partner credited or involved under any definition, by credited revenue under the first. */
  partners: ComparedPartner[];
  /** Deals whose motion changes, most money first. */
  changedDeals: ChangedDeal[];
}

const isShare = (key: string): boolean => key.endsWith('Share');

/** Values and their differences from the first; money differences in cents, shares to 4 decimals. */
const compared = (values: number[], share: boolean): ComparedValue => ({
  values,
  differences: values.slice(1).map((v) => (share ? Math.round((v - values[0]!) * 10000) / 10000 : (Math.round(v * 100) - Math.round(values[0]! * 100)) / 100)),
});

/** Runs the input under each definition; throws AttributionError for a bad policy, as analyze does. */
export function runDefinitions(input: AnalysisInput, definitions: readonly Definition[]): Analysis[] {
  return definitions.map((d) => analyze(input, { policy: d.policy, mapping: d.mapping }));
}

/** Compares runs of the same deals under different definitions (from runDefinitions, or any analyses of one table). */
export function compareRuns(names: readonly string[], runs: readonly Analysis[]): Comparison {
  if (runs.length < 2 || names.length !== runs.length) throw new RangeError('compareRuns needs two or more runs, one name each');
  const first = runs[0]!.summary;
  const totals = Object.fromEntries(COMPARED_TOTALS.map((key) => [key,
    compared(runs.map((r) => r.summary.totals[key] ?? 0), isShare(key))])) as Record<ComparedTotal, ComparedValue>;

  const order: string[] = [];
  const seen = new Set<string>();
  for (const run of runs) for (const p of run.summary.partners) if (!seen.has(p.partner)) { seen.add(p.partner); order.push(p.partner); }
  const byName = runs.map((r) => new Map(r.summary.partners.map((p) => [p.partner, p])));
  const partners: ComparedPartner[] = order.map((partner) => {
    const row = (measure: ComparedPartnerMeasure): ComparedValue => compared(byName.map((m) => m.get(partner)?.[measure] ?? 0), false);
    return { partner, sourcedRevenue: row('sourcedRevenue'), influencedCredit: row('influencedCredit'), creditedRevenue: row('creditedRevenue') };
  });

  const views = runs.map((r) => r.deals);
  const changedDeals: ChangedDeal[] = [];
  const base = views[0]!;
  for (let i = 0; i < base.length; i++) {
    const motion = base.motion(i);
    if (views.every((v) => v.motion(i) === motion)) continue;
    changedDeals.push({
      row: base.row(i), id: base.id(i), name: base.name(i), status: base.status(i), amount: base.amount(i),
      motions: views.map((v) => v.motion(i)),
      partners: views.map((v) => [...new Set([v.sourcingPartner(i), ...v.influencers(i), v.reseller(i)].filter((p): p is string => !!p))].join('; ')),
    });
  }
  changedDeals.sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || a.row - b.row);
  return { version: 1, reportingCurrency: first.reportingCurrency, definitions: [...names], totals, partners, changedDeals };
}

/** Runs and compares in one step. */
export function compareDefinitions(input: AnalysisInput, definitions: readonly Definition[]): Comparison {
  return compareRuns(definitions.map((d) => d.name), runDefinitions(input, definitions));
}
