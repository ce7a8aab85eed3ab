/**
 * A partner statement: one partner's credited deals (its role, credit, share of the deal and the
 * reason in words), its payout lines and its key figures, and nothing about deals it had no part
 * in. Its totals equal the partner's row on Partner Summary and Partner Payouts.
 */
import type { Cell } from '../types';
import type { DealSource } from '../deals/dealResults';
import { dealsView } from '../deals/dealResults';
import { formatDay } from '../values/parseDate';
import type { ReportTab } from './ReportTab';
import { block, sumMoney } from './reportBlock';
import { CentsSum } from '../rollup/centsSum';
import { MOTION_LABEL, STATUS_LABEL } from '../vocabulary';

const LINE_LABEL = { sourced: 'Sourced credit', influenced: 'Influenced credit', resold: 'Resold credit', bonus: 'Sourced-deal bonus', cap: 'Cap' } as const;

/** The partners that have a statement: every partner with credit on a counted won or open deal, in Partner Summary's order. */
export function statementPartners(source: DealSource): string[] {
  const { summary } = source;
  const deals = dealsView(source);
  const credited = new Set<string>();
  for (let i = 0; i < deals.length; i++) {
    if (!deals.counted(i) || deals.status(i) === 'lost') continue;
    for (const line of deals.creditLines(i)) credited.add(line.partner);
  }
  return summary.partners.map((p) => p.partner).filter((name) => credited.has(name));
}

/** The statement tab of one partner (named by display name, as on Partner Summary). */
export function statementTab(source: DealSource, partner: string): ReportTab {
  const { summary } = source;
  const deals = dealsView(source);
  const currency = summary.reportingCurrency;
  const rows: Cell[][] = [];
  const wonCents = new CentsSum(), openCents = new CentsSum();
  const wonDeals = new Set<number>();
  let firstDay = Infinity, latestDay = -Infinity;
  for (let i = 0; i < deals.length; i++) {
    const status = deals.status(i);
    // Lost deals carry no money (neither revenue nor pipeline), so they earn no credit line here.
    if (!deals.counted(i) || status === 'lost') continue;
    const amount = deals.amount(i) ?? 0;
    const closeDay = deals.closeDay(i);
    for (const line of deals.creditLines(i)) {
      if (line.partner !== partner) continue;
      const cents = Math.round(line.amount * 100);
      if (status === 'won') {
        wonCents.add(cents); wonDeals.add(i);
        if (closeDay !== null) { firstDay = Math.min(firstDay, closeDay); latestDay = Math.max(latestDay, closeDay); }
      } else openCents.add(cents);
      rows.push([deals.id(i), deals.name(i), closeDay === null ? '' : formatDay(closeDay), deals.quarter(i), STATUS_LABEL[status],
        amount, MOTION_LABEL[line.role], line.amount, amount === 0 ? '' : line.amount / amount, deals.reason(i)]);
    }
  }
  const tier = summary.partners.find((p) => p.partner === partner)?.tier;
  const payouts = summary.payouts?.partners.filter((p) => p.partner === partner).map((p) => p.payout);
  const payoutTotal = payouts === undefined ? null : sumMoney(payouts);
  const figures = block(2, 0, ['Figure', `Amount (${currency})`], [
    ['Credited revenue (won deals)', wonCents.money()],
    ['Credited pipeline (open deals)', openCents.money()],
    ...(payoutTotal === null ? [] : [['Payouts', payoutTotal] as Cell[]]),
  ], ['text', 'money'], `Partner statement: ${partner} (${currency})${tier ? `, ${tier}` : ''}`);
  const dealCounts = block(2, 3, ['Deals', ''], [
    ['Won deals credited', wonDeals.size],
    ['First won deal (close date)', Number.isFinite(firstDay) ? formatDay(firstDay) : ''],
    ['Latest won deal (close date)', Number.isFinite(latestDay) ? formatDay(latestDay) : ''],
  ], ['text', 'general']);
  const dealBlock = block(figures.row + figures.values.length + 2, 0, ['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status',
    `Deal Amount (${currency})`, 'Role', `Credit (${currency})`, 'Share of Deal', 'Reason'], rows,
  ['text', 'text', 'text', 'text', 'text', 'money', 'text', 'money', 'percent', 'text'], 'Deals this partner has credit on, and why');
  const blocks = [figures, dealCounts, dealBlock];
  if (summary.payouts) {
    const lineRows: Cell[][] = summary.payouts.lines.filter((l) => l.partner === partner).map((l) => [l.period, l.dealId, LINE_LABEL[l.kind],
      l.kind === 'bonus' || l.kind === 'cap' ? '' : l.basis, l.rate === null ? '' : l.rate, l.payout, l.note]);
    lineRows.push(['Total', '', '', '', '', payoutTotal ?? 0, '']);
    blocks.push(block(dealBlock.row + dealBlock.values.length + 2, 0, ['Period', 'Deal ID', 'Line', `Credit (${currency})`, 'Rate', `Payout (${currency})`, 'Note'],
      lineRows, ['text', 'text', 'text', 'money', 'percent', 'money', 'text'], 'Payout lines (each rounded to the cent)'));
  }
  // Frozen down to the deal table's header: the headline figures and the column names stay in view; the
  // deal table is filtered and its header printed on every page.
  return { name: 'Statement', blocks, frozenRows: dealBlock.row + 1, filterBlock: 2, columnWidths: [30, 28, 12, 12, 10, 16, 12, 14, 10, 80], charts: [] };
}
