/** Builds the five summary tabs of SPEC 6.2 as plain blocks of values and formats, the same for every host. */
import type { AnalysisSummary, Cell } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { ReportTab } from './ReportTab';
import { block, heading, motionSplitRows, orBlank, streamedBlock, sumMoney } from './reportBlock';
import { payoutsTab } from './payoutsTab';
import { PARTNER_COLUMNS, partnerGroupHeadingRow, partnerRowCells } from './partnerColumns';
import { dateOfDay, dealsView } from '../deals/dealResults';
import { partnerCreditsTab } from './partnerCreditsTab';
import { partnerQuarterBlock, pipelineCreatedBlock } from './partnerTrendBlocks';
import { moneyHeadline } from './moneyHeadline';
import { MOTION_LABEL, MOTIONS, STATUS_LABEL } from '../vocabulary';

/** The motions' labels in order, as the trend and region blocks head their columns. */
const MOTION_NAMES = MOTIONS.map((m) => MOTION_LABEL[m]);

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** 1234.5 -> "1,234.50" (toLocaleString is ~100x slower, and the Deal Attribution tab calls this per deal). */
export const formatMoney = (n: number): string => {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = String(Math.floor(cents / 100));
  const frac = cents % 100;
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? `,${grouped}` : '');
  return `${n < 0 && cents > 0 ? '-' : ''}${grouped}.${frac < 10 ? '0' : ''}${frac}`;
};

function summaryTab(source: DealSource, topN: number): ReportTab {
  const s = source.summary;
  const t = s.totals;
  const currency = s.reportingCurrency;
  const motionRows = motionSplitRows(t);
  const motion = block(2, 0, ['Motion', `Revenue (${currency})`, 'Share of Revenue', `Pipeline (${currency})`], motionRows,
    ['text', 'money', 'percent', 'money'], `Partner Summary (${currency})`);
  const compare = block(10, 0, ['Segment', 'Win Rate', 'Avg Deal Size', 'Avg Cycle (days)'], [
    ['Partner-led', orBlank(t.partnerWinRate), orBlank(t.partnerAvgDealSize), orBlank(t.partnerAvgCycleDays)],
    ['Direct', orBlank(t.directWinRate), orBlank(t.directAvgDealSize), orBlank(t.directAvgCycleDays)],
  ], ['text', 'percent', 'money', 'days']);
  const issues = { error: 0, warning: 0, info: 0 };
  for (const issue of s.issues) issues[issue.severity]++;
  const counts = block(14, 0, ['Deals', 'Won', 'Lost', 'Open', 'Data Issues'], [
    [t.deals, t.wonDeals, t.lostDeals, t.openDeals, issues.error + issues.warning + issues.info],
  ], ['integer', 'integer', 'integer', 'integer', 'integer']);
  const headline = moneyHeadline(source).lines;
  const partnerRows: Cell[][] = s.partners.map(partnerRowCells);
  if (s.partners.length > 0) partnerRows.push(partnerTotalRow(s));
  // Below the KPI blocks and the top-partners chart beside them (about 20 rows tall), so the chart covers nothing;
  // the title on row 24, each column group's heading on row 25, the table from row 26.
  const partners = block(PARTNER_TABLE_ROW, 0, PARTNER_COLUMNS.map((c) => c.label), partnerRows, PARTNER_COLUMNS.map((c) => c.format));
  if (s.partners.length > 0) partners.totalRows = 1;
  const groupHeadings = partnerGroupHeadingRow().flatMap((text, col) => (text ? [heading(PARTNER_TABLE_ROW, col, text)] : []));
  const credited = PARTNER_COLUMNS.findIndex((c) => c.key === 'creditedRevenue');
  return {
    name: 'Partner Summary',
    blocks: [motion, compare, counts, partners, heading(PARTNER_TABLE_ROW - 1, 0,
      `Partners, sorted by credited revenue (${currency}); the Total row's Credited Revenue equals partner-led revenue above`), ...groupHeadings,
      // The money the totals leave out, in A1 above everything (last in the list, so block indexes above stay put).
      ...(headline.length > 0 ? [heading(1, 0, headline.join(' '))] : [])],
    frozenRows: 0,
    frozenColumns: 1,
    filterBlock: 3,
    columnWidths: PARTNER_COLUMNS.map((c, i) => (i === 0 ? 28 : c.format === 'text' ? 18 : 16)),
    charts: s.partners.length === 0 ? [] : [{ kind: 'bar', title: `Top ${Math.min(topN, s.partners.length)} partners by credited revenue`,
      block: 3, categoryCol: 0, seriesCols: [credited], maxRows: Math.min(topN, s.partners.length), anchorRow: 1, anchorCol: 6 }],
  };
}

/** Where the partner table's header row is on the Partner Summary tab (0-based). */
const PARTNER_TABLE_ROW = 25;

/**
 * The partner table's Total row: credit and pipeline-credit columns added up (they reconcile with the
 * key figures); the overlapping touched and deployed revenue as deal totals (each deal once); the
 * other overlapping columns and the per-partner rates blank, since adding them up would count deals twice.
 */
function partnerTotalRow(s: AnalysisSummary): Cell[] {
  return PARTNER_COLUMNS.map((c): Cell => {
    if (c.key === 'partner') return 'Total';
    if (c.key === 'shareOfPartnerLed') return s.totals.partnerLedRevenue === 0 ? '' : 1;
    if (c.key === 'touchedRevenue') return s.totals.touchedRevenue;
    if (c.key === 'deployedRevenue') return s.totals.deployedRevenue;
    if ((c.group === 'credit' || c.group === 'pipeline') && c.format === 'money') {
      return sumMoney(s.partners.map((p) => p[c.key] as number));
    }
    return '';
  });
}

function trendTab(source: DealSource, topN: number): ReportTab {
  const s = source.summary;
  const rows: Cell[][] = s.periods.map((p) => [p.period, p.sourcedRevenue, p.influencedRevenue, p.resoldRevenue, p.directRevenue,
    p.revenue, p.partnerLedRevenue, p.pipeline]);
  const trend = block(1, 0, ['Quarter', ...MOTION_NAMES, 'Revenue', 'Partner-led', 'Pipeline'], rows,
    ['text', 'money', 'money', 'money', 'money', 'money', 'money', 'money'], `Revenue by close quarter and motion (${s.reportingCurrency})`);
  // Each block gets the rows of the chart beside it (about 20), so no chart covers the next block.
  const byPartner = partnerQuarterBlock(source, Math.max(trend.row + trend.values.length, CHART_HEIGHT) + 3, topN);
  const partnerSeries = byPartner.values[0]!.length - 2; // the partners and All others, not the Partner-led total
  const created = pipelineCreatedBlock(s, Math.max(byPartner.row + byPartner.values.length, byPartner.row + CHART_HEIGHT) + 3);
  const chartCol = Math.max(9, byPartner.values[0]!.length + 1);
  return {
    name: 'Partner Trend', blocks: [trend, byPartner, created], frozenRows: 2, filterBlock: 0,
    columnWidths: [16, ...Array.from({ length: Math.max(7, byPartner.values[0]!.length - 1) }, () => 14)],
    charts: rows.length === 0 ? [] : [
      { kind: 'stackedColumn', title: 'Revenue by quarter and motion', block: 0, categoryCol: 0,
        seriesCols: [1, 2, 3, 4], maxRows: rows.length, anchorRow: 1, anchorCol: 9 },
      ...(partnerSeries > 1 ? [{ kind: 'stackedColumn' as const, title: 'Credited revenue by quarter and partner', block: 1, categoryCol: 0,
        seriesCols: Array.from({ length: partnerSeries }, (_, i) => i + 1), maxRows: rows.length, anchorRow: byPartner.row, anchorCol: chartCol }] : []),
      ...(created.values.length > 1 ? [{ kind: 'stackedColumn' as const, title: 'Partner-sourced pipeline created per quarter', block: 2,
        categoryCol: 0, seriesCols: [2], maxRows: created.values.length - 1, anchorRow: created.row, anchorCol: chartCol }] : []),
    ],
  };
}

/** Rows a chart takes on a tab. */
const CHART_HEIGHT = 20;

function segmentsTab(s: AnalysisSummary): ReportTab {
  const tier = block(1, 0, ['Partner Tier', 'Partners', 'Credited Revenue'],
    s.segments.tier.map((x) => [x.key, x.partners, x.creditedRevenue]), ['text', 'integer', 'money'], 'Credited revenue by partner tier');
  const typeRow = tier.row + tier.values.length + 2;
  const type = block(typeRow, 0, ['Partner Type', 'Partners', 'Credited Revenue'],
    s.segments.type.map((x) => [x.key, x.partners, x.creditedRevenue]), ['text', 'integer', 'money'], 'Credited revenue by partner type');
  const regionRow = type.row + type.values.length + 2;
  const region = block(regionRow, 0, ['Region', 'Revenue', 'Partner-led', ...MOTION_NAMES],
    s.segments.region.map((x) => [x.key, x.revenue, x.partnerLedRevenue, x.sourcedRevenue, x.influencedRevenue, x.resoldRevenue, x.directRevenue]),
    ['text', 'money', 'money', 'money', 'money', 'money', 'money'], `Revenue by deal region and motion (${s.reportingCurrency})`);
  return { name: 'Partner Segments', blocks: [tier, type, region], frozenRows: 2, filterBlock: 0, columnWidths: [24, 14, 16, 14, 14, 14, 14], charts: [] };
}

function dealsTab(source: DealSource): ReportTab {
  // The engine's columns when it has them: no DealRow objects for a million deals, and the rows made
  // a block at a time as the writer asks for them.
  const s = source.summary;
  const d = dealsView(source);
  const rowsOf = (start: number, end: number): Cell[][] => {
    const rows = new Array<Cell[]>(end - start);
    for (let i = start; i < end; i++) {
      const motion = d.motion(i);
      const close = d.closeDay(i);
      rows[i - start] = [d.row(i), d.id(i), d.name(i), close === null ? '' : dateOfDay(close), d.quarter(i), STATUS_LABEL[d.status(i)],
        orBlank(d.amount(i)), MOTION_LABEL[motion], motion !== 'direct' ? 'Yes' : 'No', d.sourcingPartner(i) ?? '', d.influencersText(i),
        d.reseller(i) ?? '', d.tier(i), d.region(i), d.creditsText(i, formatMoney), d.reason(i)];
    }
    return rows;
  };
  const deals = streamedBlock(0, 0, ['Sheet Row', 'Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', `Amount (${s.reportingCurrency})`,
    'Motion', 'Partner-led', 'Sourcing Partner', 'Influencers', 'Reseller', 'Partner Tier', 'Region', 'Credits', 'Reason'], d.length, rowsOf,
  ['integer', 'text', 'text', 'date', 'text', 'text', 'money', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text']);
  return { name: 'Deal Attribution', blocks: [deals], frozenRows: 1, filterBlock: 0,
    columnWidths: [10, 14, 28, 12, 10, 8, 14, 11, 10, 22, 26, 22, 12, 12, 36, 80], charts: [] };
}

function issuesTab(s: AnalysisSummary): ReportTab {
  const rows: Cell[][] = s.issues.length === 0
    ? [['Info', '', '', '', 'No data issues found.', '']]
    : s.issues.map((i) => [SEVERITY_LABEL[i.severity], orBlank(i.row), i.column, i.value, i.message, i.effect]);
  const issues = block(0, 0, ['Severity', 'Sheet Row', 'Column', 'Value', 'Problem', 'Effect'], rows,
    ['text', 'integer', 'text', 'text', 'text', 'text']);
  return { name: 'Data Issues', blocks: [issues], frozenRows: 1, filterBlock: 0, columnWidths: [10, 10, 20, 24, 70, 50], charts: [] };
}

/** The summary tabs, in the order of SPEC 6.2, with Partner Credits (one row per deal and credited partner) after Deal Attribution. */
export function buildReportTabs(source: DealSource, options: { topPartners?: number } = {}): ReportTab[] {
  const s = source.summary;
  const tabs = [summaryTab(source, options.topPartners ?? 10), trendTab(source, options.topPartners ?? 10), segmentsTab(s), dealsTab(source), partnerCreditsTab(source), issuesTab(s)];
  // Partner Payouts only when the policy has an incentive plan: no rules, no payouts, no tab.
  if (s.payouts) tabs.push(payoutsTab(s.payouts));
  return tabs;
}
