/** The Partner Payouts tab: partner x period with the basis, rates, bonus, cap and payout; a total row; the lifetime view. */
import type { Cell, Payouts } from '../types';
import type { ReportTab } from './ReportTab';
import { block, sumMoney } from './reportBlock';

/** The tab's name (owned by the add-on like the other report tabs). */
export const PAYOUTS_TAB = 'Partner Payouts';

/** Partner Payouts, built from the summary's payouts. */
export function payoutsTab(p: Payouts): ReportTab {
  const rows: Cell[][] = p.partners.map((r) => [r.partner, r.period, r.tier ?? '', r.type ?? '',
    r.sourcedBasis, r.sourcedRate, r.influencedBasis, r.influencedRate, r.resoldBasis, r.resoldRate,
    r.bonus, r.beforeCap, r.capApplied, r.payout, r.deals]);
  const col = <K extends keyof Payouts['partners'][number]>(key: K): number[] => p.partners.map((r) => r[key] as number);
  rows.push(['Total', '', '', '', sumMoney(col('sourcedBasis')), '', sumMoney(col('influencedBasis')), '', sumMoney(col('resoldBasis')), '',
    sumMoney(col('bonus')), sumMoney(col('beforeCap')), sumMoney(col('capApplied')), p.total, p.partners.reduce((a, r) => a + r.deals, 0)]);
  const payouts = block(1, 0, ['Partner', 'Period', 'Tier', 'Type', 'Sourced Credit', 'Sourced Rate', 'Influenced Credit', 'Influenced Rate',
    'Resold Credit', 'Resold Rate', 'Sourced-deal Bonus', 'Before Cap', 'Cap Applied', 'Payout', 'Won Deals'], rows,
  ['text', 'text', 'text', 'text', 'money', 'percent', 'money', 'percent', 'money', 'percent', 'money', 'money', 'money', 'money', 'integer'],
  `Partner payouts (${p.currency}) by close period: credit x rate per deal line, rounded to the cent, plus bonus, less cap`);
  payouts.totalRows = 1;
  const lifetimeRow = payouts.row + payouts.values.length + 3;
  const lifetime = block(lifetimeRow, 0, ['Partner', 'Credited Revenue (all periods)', 'Payouts (all periods)', 'Won Deals Credited', 'First Deal', 'Latest Deal'],
    p.lifetime.map((l) => [l.partner, l.creditedRevenue, l.payout, l.deals, l.firstDeal ?? '', l.latestDeal ?? '']),
    ['text', 'money', 'money', 'integer', 'text', 'text'], `Partner lifetime (${p.currency})`);
  return { name: PAYOUTS_TAB, blocks: [payouts, lifetime], frozenRows: 2, filterBlock: 0, columnWidths: [28, 12, 12, 16, 15, 10, 15, 10, 15, 10, 14, 14, 12, 14, 10], charts: [] };
}
