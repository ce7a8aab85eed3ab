/**
 * Says when money figures are too long for the numbers they are written as (issue 13). The sums are
 * exact (CentsSum), but a spreadsheet cell shows 15 significant digits and a JSON number (a double)
 * holds every cent only up to about 70 trillion: a figure of 10 trillion or more, with its cents,
 * is past the first. Rather than lose cents silently, a warning gives the exact totals as text.
 */
import type { Summary } from '../types';
import type { IssueLog } from '../messages';
import type { ExactTotals } from './totalsRollup';
import { centsText } from './centsSum';

/** 10 trillion: from here a figure with two decimals has 16 significant digits. */
export const LONG_MONEY = 1e13;

const TOTAL_LABELS: readonly (readonly [keyof ExactTotals, string])[] = [['revenue', 'revenue'], ['partnerLedRevenue', 'partner-led revenue'],
  ['sourcedRevenue', 'sourced revenue'], ['influencedRevenue', 'influenced revenue'], ['resoldRevenue', 'resold revenue'],
  ['directRevenue', 'direct revenue'], ['pipeline', 'pipeline'], ['partnerLedPipeline', 'partner-led pipeline']];

/** "12345678901234.56" -> "12,345,678,901,234.56". */
const grouped = (text: string): string => text.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');

/** How many numbers of a row list are long money (counts and rates never reach 10 trillion). */
const longIn = (rows: readonly object[] | undefined): number => {
  let n = 0;
  for (const row of rows ?? []) for (const v of Object.values(row)) if (typeof v === 'number' && Math.abs(v) >= LONG_MONEY) n++;
  return n;
};

/** One warning when any rolled-up money figure is 10 trillion or more, with the exact totals. */
export function noteLongMoney(summary: Omit<Summary, 'deals' | 'issues'>, exact: ExactTotals, issues: IssueLog): void {
  const where: string[] = [];
  let figures = 0;
  const add = (n: number, one: string, many: string): void => { if (n > 0) { where.push(`${n} ${n === 1 ? one : many}`); figures += n; } };
  add(longIn([summary.totals]), 'total', 'totals');
  add(longIn(summary.partners), 'partner figure', 'partner figures');
  add(longIn(summary.periods) + longIn(summary.pipelineCreated), 'quarter figure', 'quarter figures');
  add(longIn(summary.segments.tier) + longIn(summary.segments.type) + longIn(summary.segments.region), 'segment figure', 'segment figures');
  add(longIn(summary.payouts?.partners) + longIn(summary.payouts?.lifetime) + longIn(summary.payouts ? [{ total: summary.payouts.total }] : []),
    'payout figure', 'payout figures');
  if (where.length === 0) return;
  const currency = summary.reportingCurrency;
  const totals = TOTAL_LABELS.filter(([key]) => Math.abs(exact[key].approx()) >= LONG_MONEY * 100)
    .map(([key, label]) => `${label} ${grouped(centsText(exact[key].exact()))} ${currency}`);
  issues.add('MONEY_LONG', null, '', totals[0] ?? '', {
    where: where.join(', '), be: figures === 1 ? 'is' : 'are', currency,
    exact: totals.length > 0 ? ` The exact totals: ${totals.join('; ')}.` : '',
  });
}
