/** The per-partner table's columns, in order, with labels, formats and groups: one list for the tab, the functions and the CLI. */
import type { Cell, PartnerRow } from '../types';
import type { FormatName } from './ReportTab';
import { fitCell } from './ReportTab';

/**
 * Which heading a column sits under: credit (adds up across partners to partner-led revenue),
 * pipeline credit (adds up to partner-led pipeline), deals (counts and rates of the deals a partner
 * is on), or overlap (a deal counts in full for every partner on it: never add these up).
 */
export type PartnerColumnGroup = 'credit' | 'pipeline' | 'deals' | 'overlap';

export interface PartnerColumn { key: keyof PartnerRow; label: string; format: FormatName; group: PartnerColumnGroup }

/** The heading over each group of columns on the Partner Summary tab. */
export const PARTNER_GROUP_HEADINGS: Readonly<Record<PartnerColumnGroup, string>> = Object.freeze({
  credit: 'Credit (won): Sourced + Influenced + Resold = Credited Revenue; the column adds up to partner-led revenue',
  pipeline: 'Pipeline credit (open deals), split the same way',
  deals: 'Deals the partner is on',
  overlap: 'Overlapping views, not credit: each deal counts in full for every partner on it, so these do not add up',
});

export const PARTNER_COLUMNS: readonly PartnerColumn[] = Object.freeze([
  { key: 'partner', label: 'Partner', format: 'text', group: 'credit' },
  { key: 'tier', label: 'Tier', format: 'text', group: 'credit' },
  { key: 'type', label: 'Type', format: 'text', group: 'credit' },
  { key: 'region', label: 'Region', format: 'text', group: 'credit' },
  { key: 'sourcedRevenue', label: 'Sourced Credit', format: 'money', group: 'credit' },
  { key: 'influencedCredit', label: 'Influenced Credit', format: 'money', group: 'credit' },
  { key: 'resoldCredit', label: 'Resold Credit', format: 'money', group: 'credit' },
  { key: 'creditedRevenue', label: 'Credited Revenue', format: 'money', group: 'credit' },
  { key: 'shareOfPartnerLed', label: 'Share of Partner-led Revenue', format: 'percent', group: 'credit' },
  { key: 'sourcedPipeline', label: 'Sourced Pipeline Credit', format: 'money', group: 'pipeline' },
  { key: 'influencedCreditPipeline', label: 'Influenced Pipeline Credit', format: 'money', group: 'pipeline' },
  { key: 'resoldCreditPipeline', label: 'Resold Pipeline Credit', format: 'money', group: 'pipeline' },
  { key: 'creditedPipeline', label: 'Credited Pipeline', format: 'money', group: 'pipeline' },
  { key: 'dealsSourced', label: 'Deals Sourced', format: 'integer', group: 'deals' },
  { key: 'dealsInfluenced', label: 'Deals Influenced', format: 'integer', group: 'deals' },
  { key: 'dealsResold', label: 'Deals Resold', format: 'integer', group: 'deals' },
  { key: 'wonDeals', label: 'Won Deals', format: 'integer', group: 'deals' },
  { key: 'lostDeals', label: 'Lost Deals', format: 'integer', group: 'deals' },
  { key: 'winRate', label: 'Win Rate', format: 'percent', group: 'deals' },
  { key: 'avgDealSize', label: 'Avg Deal Size', format: 'money', group: 'deals' },
  { key: 'avgCycleDays', label: 'Avg Cycle (days)', format: 'days', group: 'deals' },
  { key: 'influencedRevenue', label: 'Influenced Revenue', format: 'money', group: 'overlap' },
  { key: 'influencedPipeline', label: 'Influenced Pipeline', format: 'money', group: 'overlap' },
  { key: 'resoldRevenue', label: 'Resold Revenue', format: 'money', group: 'overlap' },
  { key: 'resoldPipeline', label: 'Resold Pipeline', format: 'money', group: 'overlap' },
  { key: 'dealsTouched', label: 'Deals Touched', format: 'integer', group: 'overlap' },
  { key: 'touchedRevenue', label: 'Touched Revenue', format: 'money', group: 'overlap' },
  { key: 'dealsDeployed', label: 'Deals Deployed', format: 'integer', group: 'overlap' },
  { key: 'deployedRevenue', label: 'Deployed Revenue', format: 'money', group: 'overlap' },
  { key: 'touches', label: 'Touches', format: 'integer', group: 'overlap' },
]);

/** A partner's row as cells in PARTNER_COLUMNS order: null shows as an empty cell, long text fits a cell. */
export const partnerRowCells = (p: PartnerRow): Cell[] => PARTNER_COLUMNS.map((c) => {
  const value = p[c.key];
  return value === null ? '' : fitCell(value);
});

/** The group-heading row over PARTNER_COLUMNS: each group's heading in its first column, blanks elsewhere. */
export const partnerGroupHeadingRow = (): string[] => PARTNER_COLUMNS.map((c, i) =>
  (i === 0 || PARTNER_COLUMNS[i - 1]!.group !== c.group ? PARTNER_GROUP_HEADINGS[c.group] : ''));
