/**
 * What goes on the HTML report, host-free: the key figures, the money headline, the motion split,
 * the top partners, the charts (as Vega-Lite specifications), the partner table with the same
 * reconciling credit columns as Partner Summary, and the data issues. The page lists partners and
 * issues, never every deal, and both lists are capped (the rest counted, never dropped silently),
 * so the model stays small whatever the deal count.
 */
import type { AnalysisSummary, Cell, DataIssue, Severity } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { FormatName } from './ReportTab';
import type { ReportChart } from './reportCharts';
import { reportCharts } from './reportCharts';
import { PARTNER_COLUMNS } from './partnerColumns';
import { moneyHeadline } from './moneyHeadline';
import { motionSplitRows, orBlank, sumMoney } from './reportBlock';
import { formatMoney as money } from './buildReportTabs';

/** At most this many partners are listed one by one; the rest share one "other partners" row, so the columns still add up. */
export const HTML_PARTNER_ROWS = 250;
/** At most this many data issues are listed (errors first, then warnings, then notes); the rest are counted. */
export const HTML_ISSUE_ROWS = 200;
/** A data issue's value is cut to this many characters on the page. */
const MAX_VALUE_TEXT = 120;

/** A column of a table on the page. */
export interface HtmlColumn { label: string; format: FormatName }

/** A table: columns, data rows, and how many trailing rows are totals. */
export interface HtmlTable { columns: HtmlColumn[]; rows: Cell[][]; totalRows: number }

/** One key figure: its label, value and format, and a line under it (a share, a comparison). */
export interface KeyFigure { label: string; value: number | null; format: FormatName; note: string }

/** The HTML report's content. */
export interface HtmlReportModel {
  currency: string;
  /** The money headline: sentences about won and open deals left out of the totals (empty when none). */
  headline: string[];
  /** True when not one amount could be read: every total is zero and means nothing. */
  everyAmountUnread: boolean;
  keyFigures: KeyFigure[];
  /** Sourced, Influenced, Resold, Partner-led, Direct, Total: revenue, share of revenue, pipeline. */
  motionSplit: HtmlTable;
  /** Partner-led vs direct: win rate, average deal size, average cycle. */
  comparison: HtmlTable;
  /** The top partners by credited revenue, with their share of partner-led revenue. */
  topPartners: HtmlTable;
  charts: ReportChart[];
  /** The partner table: Sourced + Influenced + Resold Credit = Credited Revenue per row, with a Total row. */
  partners: HtmlTable & { listed: number; total: number };
  issues: {
    counts: Record<Severity, number>;
    /** Severity, sheet row, column, value, problem, effect: at most HTML_ISSUE_ROWS. */
    table: HtmlTable;
    /** Issues not listed (counted in `counts`). */
    notListed: number;
  };
  /** The payout total when the policy has an incentive plan, else null. */
  payoutTotal: number | null;
}

/** The partner table's columns: the identity, the credit that adds up, then pipeline credit and won deals. */
const PARTNER_TABLE_KEYS = ['partner', 'tier', 'type', 'sourcedRevenue', 'influencedCredit', 'resoldCredit', 'creditedRevenue',
  'shareOfPartnerLed', 'creditedPipeline', 'wonDeals', 'winRate'] as const;
/**
 * Columns added up on the Total and "other partners" rows: the credit, which reconciles with the key
 * figures. Won deals and win rates are left blank there: a deal with two partners counts for each.
 */
const SUMMED = new Set<string>(['sourcedRevenue', 'influencedCredit', 'resoldCredit', 'creditedRevenue', 'creditedPipeline']);

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** The model of the HTML report of a summary; `topPartners` is how many partners the top list and trend chart name (default 10). */
export function htmlReportModel(source: DealSource, options: { topPartners?: number } = {}): HtmlReportModel {
  const s = source.summary;
  const topN = options.topPartners ?? 10;
  const t = s.totals;
  const cur = s.reportingCurrency;
  const headline = moneyHeadline(source);
  const pct = (v: number | null): string => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of s.issues) counts[issue.severity]++;
  const payoutTotal = s.payouts ? s.payouts.total : null;

  const keyFigures: KeyFigure[] = [
    { label: `Revenue (won, ${cur})`, value: t.revenue, format: 'money', note: `${t.wonDeals.toLocaleString('en-US')} won deals` },
    { label: `Partner-led revenue (${cur})`, value: t.partnerLedRevenue, format: 'money', note: t.partnerLedShare === null ? '' : `${pct(t.partnerLedShare)} of revenue` },
    { label: `Partner-sourced revenue (${cur})`, value: t.sourcedRevenue, format: 'money', note: t.sourcedShare === null ? '' : `${pct(t.sourcedShare)} of revenue` },
    { label: `Pipeline (open, ${cur})`, value: t.pipeline, format: 'money', note: `${t.openDeals.toLocaleString('en-US')} open deals` },
    { label: `Partner-led pipeline (${cur})`, value: t.partnerLedPipeline, format: 'money',
      note: t.pipeline === 0 ? '' : `${pct(t.partnerLedPipeline / t.pipeline)} of pipeline` },
    { label: 'Partner-led win rate', value: t.partnerWinRate, format: 'percent', note: t.directWinRate === null ? '' : `direct: ${pct(t.directWinRate)}` },
    { label: 'Deals', value: t.deals, format: 'integer', note: `${t.wonDeals.toLocaleString('en-US')} won, ${t.lostDeals.toLocaleString('en-US')} lost, ${t.openDeals.toLocaleString('en-US')} open` },
    { label: 'Data issues', value: s.issues.length, format: 'integer',
      note: `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}` },
    ...(payoutTotal === null ? [] : [{ label: `Partner payouts (${cur})`, value: payoutTotal, format: 'money' as const, note: 'from the incentive plan' }]),
  ];

  const motionSplit: HtmlTable = {
    columns: [{ label: 'Motion', format: 'text' }, { label: `Revenue (${cur})`, format: 'money' }, { label: 'Share of revenue', format: 'percent' },
      { label: `Pipeline (${cur})`, format: 'money' }],
    rows: motionSplitRows(t),
    totalRows: 1,
  };

  const comparison: HtmlTable = {
    columns: [{ label: '', format: 'text' }, { label: 'Partner-led', format: 'text' }, { label: 'Direct', format: 'text' }],
    rows: [
      ['Win rate', pct(t.partnerWinRate), pct(t.directWinRate)],
      [`Average deal size (${cur})`, t.partnerAvgDealSize === null ? '' : money(t.partnerAvgDealSize), t.directAvgDealSize === null ? '' : money(t.directAvgDealSize)],
      ['Average cycle (days)', t.partnerAvgCycleDays === null ? '' : t.partnerAvgCycleDays.toFixed(1), t.directAvgCycleDays === null ? '' : t.directAvgCycleDays.toFixed(1)],
    ],
    totalRows: 0,
  };

  const top = s.partners.filter((p) => p.creditedRevenue > 0).slice(0, topN);
  const topPartners: HtmlTable = {
    columns: [{ label: '#', format: 'integer' }, { label: 'Partner', format: 'text' }, { label: `Credited revenue (${cur})`, format: 'money' },
      { label: 'Share of partner-led revenue', format: 'percent' }],
    rows: top.map((p, i) => [i + 1, p.partner, p.creditedRevenue, orBlank(p.shareOfPartnerLed)]),
    totalRows: 0,
  };

  return {
    currency: cur,
    headline: headline.lines,
    everyAmountUnread: headline.everyAmountUnread,
    keyFigures,
    motionSplit,
    comparison,
    topPartners,
    charts: reportCharts(source, topN),
    partners: partnerTable(s),
    issues: issueList(s.issues, counts),
    payoutTotal,
  };
}

function partnerTable(s: AnalysisSummary): HtmlReportModel['partners'] {
  const cur = s.reportingCurrency;
  const columns = PARTNER_TABLE_KEYS.map((key): HtmlColumn => {
    const c = PARTNER_COLUMNS.find((col) => col.key === key)!;
    return { label: c.format === 'money' ? `${c.label} (${cur})` : c.label, format: c.format };
  });
  const listed = s.partners.slice(0, HTML_PARTNER_ROWS);
  const rest = s.partners.slice(HTML_PARTNER_ROWS);
  const rows: Cell[][] = listed.map((p) => PARTNER_TABLE_KEYS.map((key) => {
    const v = p[key];
    return v === null ? '' : v;
  }));
  const summed = (partners: typeof s.partners, label: string, share: number | ''): Cell[] => PARTNER_TABLE_KEYS.map((key): Cell => {
    if (key === 'partner') return label;
    if (key === 'shareOfPartnerLed') return share;
    if (!SUMMED.has(key)) return '';
    const values = partners.map((p) => p[key] as number);
    return sumMoney(values);
  });
  if (rest.length > 0) {
    const credited = sumMoney(rest.map((p) => p.creditedRevenue));
    rows.push(summed(rest, `${rest.length.toLocaleString('en-US')} other partners (not listed one by one)`,
      s.totals.partnerLedRevenue === 0 ? '' : credited / s.totals.partnerLedRevenue));
  }
  let totalRows = 0;
  if (s.partners.length > 0) {
    rows.push(summed(s.partners, 'Total', s.totals.partnerLedRevenue === 0 ? '' : 1));
    totalRows = 1;
  }
  return { columns, rows, totalRows, listed: listed.length, total: s.partners.length };
}

/** Errors first, then warnings, then notes, each in the order found; at most HTML_ISSUE_ROWS. */
function issueList(issues: readonly DataIssue[], counts: Record<Severity, number>): HtmlReportModel['issues'] {
  const rows: Cell[][] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const i of issues) {
      if (rows.length >= HTML_ISSUE_ROWS) break;
      if (i.severity !== severity) continue;
      const value = i.value.length > MAX_VALUE_TEXT ? `${i.value.slice(0, MAX_VALUE_TEXT - 1)}…` : i.value;
      rows.push([SEVERITY_LABEL[severity], orBlank(i.row), i.column, value, i.message, i.effect]);
    }
  }
  return {
    counts,
    table: {
      columns: [{ label: 'Severity', format: 'text' }, { label: 'Sheet row', format: 'integer' }, { label: 'Column', format: 'text' },
        { label: 'Value', format: 'text' }, { label: 'Problem', format: 'text' }, { label: 'Effect', format: 'text' }],
      rows,
      totalRows: 0,
    },
    notListed: issues.length - rows.length,
  };
}
