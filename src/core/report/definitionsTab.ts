/** The "Definitions Compared" tab: totals, per-partner figures and the deals that change motion under each definition. */
import type { Cell } from '../types';
import type { Comparison, ComparedValue } from '../compare/compareDefinitions';
import { COMPARED_TOTALS } from '../compare/compareDefinitions';
import type { FormatName, ReportBlock, ReportTab } from './ReportTab';
import { MOTION_LABEL, STATUS_LABEL } from '../vocabulary';

/** The name of the tab. */
export const DEFINITIONS_TAB = 'Definitions Compared';

const TOTAL_LABEL: Record<typeof COMPARED_TOTALS[number], string> = {
  revenue: 'Revenue (won)', partnerLedRevenue: 'Partner-led revenue', sourcedRevenue: 'Sourced revenue', influencedRevenue: 'Influenced revenue',
  resoldRevenue: 'Resold revenue', directRevenue: 'Direct revenue', partnerLedShare: 'Partner-led share', sourcedShare: 'Sourced share',
  partnerLedPipeline: 'Partner-led pipeline', sourcedPipeline: 'Sourced pipeline',
};

/** "Standard" vs "Registered only" -> "Registered only − Standard". */
const differenceLabels = (names: readonly string[]): string[] => names.slice(1).map((n) => `${n} − ${names[0]}`);
const cells = (v: ComparedValue): Cell[] => [...v.values, ...v.differences];

/** The tab for a comparison. */
export function definitionsTab(c: Comparison): ReportTab {
  const n = c.definitions.length;
  const diffs = differenceLabels(c.definitions);
  const money = (count: number): FormatName[] => Array.from({ length: count }, () => 'money' as const);
  const moneyKeys = COMPARED_TOTALS.filter((key) => !key.endsWith('Share'));
  const shareKeys = COMPARED_TOTALS.filter((key) => key.endsWith('Share'));
  const totals: ReportBlock = {
    row: 1, col: 0, headerRows: 1, title: `Totals under each definition (${c.reportingCurrency}); differences from ${c.definitions[0]}`,
    values: [['Measure', ...c.definitions, ...diffs], ...moneyKeys.map((key) => [TOTAL_LABEL[key], ...cells(c.totals[key])])],
    formats: ['text', ...money(n + diffs.length)],
  };
  const shares: ReportBlock = {
    row: totals.row + totals.values.length + 1, col: 0, headerRows: 1,
    values: [['Share of revenue', ...c.definitions, ...diffs], ...shareKeys.map((key) => [TOTAL_LABEL[key], ...cells(c.totals[key])])],
    formats: ['text', ...Array.from({ length: n + diffs.length }, () => 'percent' as const)],
  };
  const partnerRow = shares.row + shares.values.length + 2;
  const partnerRows: Cell[][] = [];
  for (const p of c.partners) {
    partnerRows.push([p.partner, 'Sourced revenue', ...cells(p.sourcedRevenue)]);
    partnerRows.push([p.partner, 'Influenced credit', ...cells(p.influencedCredit)]);
    partnerRows.push([p.partner, 'Credited revenue', ...cells(p.creditedRevenue)]);
  }
  const partners: ReportBlock = {
    row: partnerRow, col: 0, headerRows: 1, title: 'Per partner (credited revenue = sourced revenue + influenced credit + resold credit)',
    values: [['Partner', 'Measure', ...c.definitions, ...diffs], ...partnerRows], formats: ['text', 'text', ...money(n + diffs.length)],
  };
  const dealRow = partners.row + partners.values.length + 2;
  const dealRows: Cell[][] = c.changedDeals.length === 0
    ? [['', 'No deal changes motion between these definitions.', '', '', ...c.definitions.map(() => ''), ...c.definitions.map(() => '')]]
    : c.changedDeals.map((d) => [d.id, d.name, STATUS_LABEL[d.status], d.amount ?? '', ...d.motions.map((m) => MOTION_LABEL[m]), ...d.partners]);
  const deals: ReportBlock = {
    row: dealRow, col: 0, headerRows: 1, title: `${c.changedDeals.length} deal${c.changedDeals.length === 1 ? '' : 's'} change motion (most money first)`,
    values: [['Deal ID', 'Deal Name', 'Status', `Amount (${c.reportingCurrency})`, ...c.definitions.map((d) => `Motion: ${d}`), ...c.definitions.map((d) => `Partners: ${d}`)], ...dealRows],
    formats: ['text', 'text', 'text', 'money', ...c.definitions.map(() => 'text' as const), ...c.definitions.map(() => 'text' as const)],
  };
  return {
    // The changed deals are the long table (filtered, its header printed on every page); the labels in
    // column A stay in view as on Partner Summary, since the tables start far down.
    name: DEFINITIONS_TAB, blocks: [totals, shares, partners, deals], frozenRows: 0, frozenColumns: 1, filterBlock: 3,
    columnWidths: [26, 28, 14, ...Array.from({ length: 2 * n + 1 }, () => 18)], charts: [],
  };
}
