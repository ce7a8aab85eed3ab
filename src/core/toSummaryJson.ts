/** The JSON summary contract (docs/summary.schema.json) of an analysis: its summary with its deals as DealRow objects. */
import type { DealRow, Summary } from './types';
import type { DealSource } from './deals/dealResults';
import { dealsView } from './deals/dealResults';

/**
 * The source's summary with `deals` put where the JSON contract has it (between segments and
 * issues), key for key; `deals` is whatever the caller makes of the source's deals.
 */
export function withDeals<T>(source: DealSource, deals: T): Omit<Summary, 'deals'> & { deals: T } {
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.summary)) {
    if (key === 'issues') json.deals = deals;
    if (key !== 'deals') json[key] = value;
  }
  return json as Omit<Summary, 'deals'> & { deals: T };
}

/**
 * The analysis's summary as the JSON contract has it, with one DealRow per deal made from the
 * analysis's DealResults. A million deals make a million objects: the CLI's JSON writer streams
 * them instead (summaryForJson).
 */
export function toSummaryJson(source: DealSource): Summary {
  return withDeals(source, dealRows(source));
}

/** The source's deals as DealRow objects, in table order. */
export function dealRows(source: DealSource): DealRow[] {
  if (source.deals === undefined) return source.summary.deals;
  const view = dealsView(source);
  const rows = new Array<DealRow>(view.length);
  for (let i = 0; i < view.length; i++) rows[i] = view.dealRow(i);
  return rows;
}
