/**
 * A partner statement: one partner's credited deals (its role, credit, share of the deal and the
 * reason in words), its payout lines and its lifetime figures, and nothing about deals it had no
 * part in. Its totals equal the partner's row on Partner Summary and Partner Payouts.
 */
import type { Cell, Summary } from '../types';
import type { CreditLedger } from '../payouts/creditLedger';
import { dealsView } from '../deals/dealResults';
import { NO_DATE_PERIOD, periodLabel } from '../rollup/periodsRollup';
import { formatDay } from '../values/parseDate';
import type { ReportTab } from './ReportTab';
import { block } from './reportBlock';

const ROLE_LABEL = { sourced: 'Sourced', influenced: 'Influenced', resold: 'Resold' } as const;
const STATUS_LABEL = { won: 'Won', lost: 'Lost', open: 'Open' } as const;
const LINE_LABEL = { sourced: 'Sourced credit', influenced: 'Influenced credit', resold: 'Resold credit', bonus: 'Sourced-deal bonus', cap: 'Cap' } as const;

/** The partners that have a statement: every partner with credit on a counted deal, in Partner Summary's order. */
export function statementPartners(summary: Summary, ledger: CreditLedger): string[] {
  const credited = new Set<string>();
  for (let i = 0; i < ledger.length; i++) credited.add(ledger.nameOf(ledger.line(i).partner));
  return summary.partners.map((p) => p.partner).filter((name) => credited.has(name));
}

/** The statement tab of one partner (named by display name, as on Partner Summary). */
export function statementTab(summary: Summary, ledger: CreditLedger, partner: string, fiscalYearStartMonth: number): ReportTab {
  const deals = dealsView(summary);
  const currency = summary.reportingCurrency;
  const rows: Cell[][] = [];
  let wonCents = 0, openCents = 0;
  const wonDeals = new Set<number>();
  let firstDay = Infinity, latestDay = -Infinity;
  for (let i = 0; i < ledger.length; i++) {
    const l = ledger.line(i);
    if (ledger.nameOf(l.partner) !== partner) continue;
    if (l.status === 'won') {
      wonCents += l.cents; wonDeals.add(l.deal);
      if (l.closeDay !== null) { firstDay = Math.min(firstDay, l.closeDay); latestDay = Math.max(latestDay, l.closeDay); }
    } else if (l.status === 'open') openCents += l.cents;
    const quarter = l.closeDay === null ? NO_DATE_PERIOD : periodLabel(l.closeDay, fiscalYearStartMonth).label;
    rows.push([deals.id(l.deal), deals.name(l.deal), l.closeDay === null ? '' : formatDay(l.closeDay), quarter, STATUS_LABEL[l.status],
      l.dealCents / 100, ROLE_LABEL[l.kind], l.cents / 100, l.dealCents === 0 ? '' : l.cents / l.dealCents, deals.reason(l.deal)]);
  }
  const summaryRow = summary.partners.find((p) => p.partner === partner);
  const payoutTotal = summary.payouts?.partners.filter((p) => p.partner === partner).reduce((a, p) => a + Math.round(p.payout * 100), 0) ?? null;
  const figures = block(2, 0, ['Figure', `Amount (${currency})`], [
    ['Credited revenue (won deals)', wonCents / 100],
    ['Credited pipeline (open deals)', openCents / 100],
    ...(payoutTotal === null ? [] : [['Payouts', payoutTotal / 100] as Cell[]]),
  ], ['text', 'money'], `Partner statement: ${partner} (${currency})${summaryRow?.tier ? `, ${summaryRow.tier}` : ''}`);
  const dealCounts = block(2, 3, ['Deals', ''], [
    ['Won deals credited', wonDeals.size],
    ['First won deal (close date)', Number.isFinite(firstDay) ? formatDay(firstDay) : ''],
    ['Latest won deal (close date)', Number.isFinite(latestDay) ? formatDay(latestDay) : ''],
  ], ['text', 'general']);
  const dealsRow = figures.row + figures.values.length + 2;
  const dealBlock = block(dealsRow, 0, ['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', `Deal Amount (${currency})`, 'Role',
    `Credit (${currency})`, 'Share of Deal', 'Reason'], rows,
  ['text', 'text', 'text', 'text', 'text', 'money', 'text', 'money', 'percent', 'text'], 'Deals this partner has credit on, and why');
  const blocks = [figures, dealCounts, dealBlock];
  if (summary.payouts) {
    const lines = summary.payouts.lines.filter((l) => l.partner === partner);
    const lineRows: Cell[][] = lines.map((l) => [l.period, l.dealId, LINE_LABEL[l.kind], l.kind === 'bonus' || l.kind === 'cap' ? '' : l.basis,
      l.rate === null ? '' : l.rate, l.payout, l.note]);
    lineRows.push(['Total', '', '', '', '', (payoutTotal ?? 0) / 100, '']);
    blocks.push(block(dealBlock.row + dealBlock.values.length + 2, 0, ['Period', 'Deal ID', 'Line', `Credit (${currency})`, 'Rate', `Payout (${currency})`, 'Note'],
      lineRows, ['text', 'text', 'text', 'money', 'percent', 'money', 'text'], 'Payout lines (each rounded to the cent)'));
  }
  return { name: 'Statement', blocks, frozenRows: 0, columnWidths: [30, 28, 12, 12, 10, 16, 12, 14, 10, 80], charts: [] };
}
