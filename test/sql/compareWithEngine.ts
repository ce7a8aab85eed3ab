/** Test helper: the engine's deals and partner rows next to the SQL's, in one comparable shape. */
import type { Analysis } from '../../src/core/analyze';
import { toSummaryJson } from '../../src/core/toSummaryJson';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runDuckDbScript, sqlCommand } from '../../src/cli/sqlCommand';
import type { SqlRun } from './duckDbHarness';

export interface Comparable {
  deals: { row: number; counted: boolean; status: string; amount: number | null; motion: string; sourcingPartner: string | null; influencers: string; reseller: string | null; credits: Record<string, number> }[];
  partners: Record<string, Record<string, unknown>>;
}

const PARTNER_FIELDS = ['tier', 'type', 'region', 'dealsSourced', 'dealsInfluenced', 'dealsResold', 'sourcedRevenue', 'sourcedPipeline',
  'influencedRevenue', 'influencedPipeline', 'influencedCredit', 'resoldRevenue', 'resoldPipeline', 'creditedRevenue', 'creditedPipeline',
  'wonDeals', 'lostDeals', 'winRate', 'avgDealSize', 'avgCycleDays', 'shareOfPartnerLed'] as const;

/** -0 and 0 are the same number to a reader (the engine's rounding can give -0). */
const zero = (v: unknown): unknown => (v === 0 ? 0 : v);

/** What the engine says. */
export function fromEngine(analysis: Analysis): Comparable {
  const partners: Comparable['partners'] = Object.create(null) as Comparable['partners'];
  for (const p of analysis.summary.partners) {
    // The SQL lists partners that sourced, influenced or resold; the engine also lists those that only touched or deployed.
    if (p.dealsSourced + p.dealsInfluenced + p.dealsResold === 0) continue;
    partners[p.partner] = Object.fromEntries(PARTNER_FIELDS.map((f) => [f, zero(p[f])]));
  }
  return {
    deals: toSummaryJson(analysis).deals.map((d, i) => ({
      row: i + 1, counted: d.counted, status: d.status, amount: d.amount, motion: d.motion,
      sourcingPartner: d.sourcingPartner, influencers: d.influencers.join('; '), reseller: d.reseller, credits: d.credits,
    })),
    partners,
  };
}

/** What the SQL says. */
export function fromSql(run: SqlRun): Comparable {
  const credits = new Map<number, Record<string, number>>();
  for (const c of run.credits) {
    const row = c.rowNumber as number;
    // Null prototype: a partner may be called "__proto__".
    const byName = credits.get(row) ?? Object.create(null) as Record<string, number>;
    byName[c.partner as string] = c.credit as number;
    credits.set(row, byName);
  }
  const partners: Comparable['partners'] = Object.create(null) as Comparable['partners'];
  for (const p of run.partners) {
    partners[p.partner as string] = Object.fromEntries(PARTNER_FIELDS.map((f) => [f, zero(p[f] ?? null)]));
  }
  return {
    deals: run.deals.map((d) => ({
      row: d.rowNumber as number, counted: d.counted as boolean, status: d.status as string, amount: (d.amount as number | null) ?? null,
      motion: d.motion as string, sourcingPartner: (d.sourcingPartner as string | null) ?? null,
      influencers: (d.influencers as string | null) ?? '', reseller: (d.reseller as string | null) ?? null,
      credits: credits.get(d.rowNumber as number) ?? Object.create(null) as Record<string, number>,
    })),
    partners,
  };
}

/**
 * The SQL's answer on a raw export, as a warehouse user gets it: the script `sql --dialect duckdb --detect
 * deals.csv` prints (with the given policy and mapping files), run on dir/deals.csv and dir/touches.csv
 * loaded as text (all_varchar, as the README says).
 */
export async function sqlOnTextCsv(connection: DuckDBConnection, dir: string, config: string, mapping: string): Promise<Comparable> {
  const [script] = await sqlCommand({ dialect: 'duckdb', detect: join(dir, 'deals.csv'), deals: 'deals', touches: 'touches', config, mapping });
  for (const table of ['deals', 'touches']) {
    await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${join(dir, `${table}.csv`)}', header = true, all_varchar = true)`);
  }
  const result = await runDuckDbScript(connection, script!);
  const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  return fromSql({ deals: numbers(result.deals), credits: numbers(result.credits), partners: numbers(result.partners), script: script! });
}
