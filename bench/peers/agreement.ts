/** Checks the DuckDB peer against the engine: same totals, same per-partner sourced (and credited) revenue. */
import type { AnalysisSummary } from '../../src/core';
import { partnerKey } from '../../src/core';
import type { SqlRollup } from './duckdbPeer';

export interface Agreement {
  /** Partners compared (the union of both sides). */
  partners: number;
  /** Partners whose sourced revenue differs by more than half a cent. */
  sourcedMismatches: number;
  /** Partners whose credited revenue differs by more than half a cent. */
  creditedMismatches: number;
  /** Totals (revenue, sourced, influenced, resold, partner-led, pipeline) that differ, by name. */
  totalsMismatches: string[];
  /** A few examples of disagreement, for the report. */
  examples: string[];
}

const differ = (a: number, b: number): boolean => Math.abs(a - b) > 0.005;

/** Compares by partner matching key, since display names are the engine's choice of spelling. */
export function compareWithEngine(summary: AnalysisSummary, sql: SqlRollup): Agreement {
  const engine = new Map<string, { sourcedRevenue: number; creditedRevenue: number }>();
  for (const p of summary.partners) engine.set(partnerKey(p.partner), { sourcedRevenue: p.sourcedRevenue, creditedRevenue: p.creditedRevenue });
  const keys = new Set([...engine.keys(), ...sql.partners.keys()]);
  let sourcedMismatches = 0;
  let creditedMismatches = 0;
  const examples: string[] = [];
  for (const key of keys) {
    const e = engine.get(key) ?? { sourcedRevenue: 0, creditedRevenue: 0 };
    const s = sql.partners.get(key) ?? { sourcedRevenue: 0, creditedRevenue: 0 };
    if (differ(e.sourcedRevenue, s.sourcedRevenue)) {
      sourcedMismatches++;
      if (examples.length < 5) examples.push(`${key}: sourced engine ${e.sourcedRevenue} vs SQL ${s.sourcedRevenue}`);
    }
    if (differ(e.creditedRevenue, s.creditedRevenue)) {
      creditedMismatches++;
      if (examples.length < 5) examples.push(`${key}: credited engine ${e.creditedRevenue} vs SQL ${s.creditedRevenue}`);
    }
  }
  const t = summary.totals;
  const pairs: [string, number, number][] = [
    ['deals', t.deals, sql.totals.deals], ['revenue', t.revenue, sql.totals.revenue], ['sourcedRevenue', t.sourcedRevenue, sql.totals.sourcedRevenue],
    ['influencedRevenue', t.influencedRevenue, sql.totals.influencedRevenue], ['resoldRevenue', t.resoldRevenue, sql.totals.resoldRevenue],
    ['partnerLedRevenue', t.partnerLedRevenue, sql.totals.partnerLedRevenue], ['pipeline', t.pipeline, sql.totals.pipeline],
  ];
  const totalsMismatches = pairs.filter(([, a, b]) => differ(a, b)).map(([name, a, b]) => `${name} ${a} vs ${b}`);
  return { partners: keys.size, sourcedMismatches, creditedMismatches, totalsMismatches, examples };
}
