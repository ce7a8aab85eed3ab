/** Test helper: the engine's deals and partner rows next to the SQL's, in one comparable shape. */
import type { Analysis } from '../../src/core/analyze';
import { toSummaryJson } from '../../src/core/toSummaryJson';
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
