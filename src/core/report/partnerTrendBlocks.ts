/**
 * The per-partner trend blocks of the Partner Trend tab: credited revenue by close quarter for the top
 * partners and "All others" (each row adds up to the quarter's partner-led revenue), and pipeline
 * created per quarter by created date, the leading indicator.
 */
import type { AnalysisSummary, Cell } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { ReportBlock } from './ReportTab';
import { dealsView } from '../deals/dealResults';
import { NO_DATE_PERIOD } from '../rollup/periodsRollup';
import { block } from './reportBlock';
import { CentsSum } from '../rollup/centsSum';

/** The label of the column that adds up every partner outside the top ones. */
export const ALL_OTHERS = 'All others';

/** Credited revenue (won) per quarter for the top `top` partners by credited revenue, the rest as "All others", and the row total. */
export function partnerQuarterBlock(source: DealSource, row: number, top: number): ReportBlock {
  const s = source.summary;
  const named = s.partners.filter((p) => p.creditedRevenue > 0).slice(0, top).map((p) => p.partner);
  const column = new Map<string, number>(named.map((name, i) => [name, i]));
  const others = named.length;
  const quarters = s.periods.map((p) => p.period);
  const rowOf = new Map<string, number>(quarters.map((q, i) => [q, i]));
  const cents = quarters.map(() => Array.from({ length: named.length + 1 }, () => new CentsSum()));
  const d = dealsView(source);
  for (let i = 0; i < d.length; i++) {
    if (d.status(i) !== 'won' || !d.counted(i)) continue;
    const r = rowOf.get(d.quarter(i) || NO_DATE_PERIOD);
    if (r === undefined) continue;
    for (const line of d.creditLines(i)) cents[r]![column.get(line.partner) ?? others]!.add(Math.round(line.amount * 100));
  }
  const rows: Cell[][] = quarters.map((q, r) => {
    const line = cents[r]!;
    return [q, ...line.map((c) => c.money()), CentsSum.of(...line).money()];
  });
  return block(row, 0, ['Quarter', ...named, ALL_OTHERS, 'Partner-led'], rows,
    ['text', ...named.map(() => 'money' as const), 'money', 'money'],
    `Credited revenue by close quarter and partner: top ${named.length} and all others (${s.reportingCurrency})`);
}

/** Pipeline created per quarter by created date (partner-sourced first: the leading indicator). */
export function pipelineCreatedBlock(s: AnalysisSummary, row: number): ReportBlock {
  const rows: Cell[][] = (s.pipelineCreated ?? []).map((p) => [p.period, p.sourcedDeals, p.sourcedPipelineCreated,
    p.partnerLedPipelineCreated, p.pipelineCreated]);
  return block(row, 0, ['Quarter Created', 'Partner-sourced Deals', 'Partner-sourced Pipeline', 'Partner-led Pipeline', 'All Pipeline'], rows,
    ['text', 'integer', 'money', 'money', 'money'],
    `Pipeline created per quarter, by created date: each deal's full amount, whatever its status now (${s.reportingCurrency})`);
}
