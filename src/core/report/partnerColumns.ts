/** The per-partner table's columns, in order, with labels and formats: one list for the tab, the functions and the CLI. */
import type { Cell, PartnerRow } from '../types';
import type { FormatName } from './ReportTab';
import { fitCell } from './ReportTab';

export interface PartnerColumn { key: keyof PartnerRow; label: string; format: FormatName }

export const PARTNER_COLUMNS: readonly PartnerColumn[] = Object.freeze([
  { key: 'partner', label: 'Partner', format: 'text' },
  { key: 'tier', label: 'Tier', format: 'text' },
  { key: 'type', label: 'Type', format: 'text' },
  { key: 'region', label: 'Region', format: 'text' },
  { key: 'dealsSourced', label: 'Deals Sourced', format: 'integer' },
  { key: 'dealsInfluenced', label: 'Deals Influenced', format: 'integer' },
  { key: 'dealsResold', label: 'Deals Resold', format: 'integer' },
  { key: 'sourcedRevenue', label: 'Sourced Revenue', format: 'money' },
  { key: 'sourcedPipeline', label: 'Sourced Pipeline', format: 'money' },
  { key: 'influencedRevenue', label: 'Influenced Revenue (overlapping)', format: 'money' },
  { key: 'influencedPipeline', label: 'Influenced Pipeline (overlapping)', format: 'money' },
  { key: 'influencedCredit', label: 'Influenced Credit', format: 'money' },
  { key: 'resoldRevenue', label: 'Resold Revenue (overlapping)', format: 'money' },
  { key: 'creditedRevenue', label: 'Credited Revenue', format: 'money' },
  { key: 'creditedPipeline', label: 'Credited Pipeline', format: 'money' },
  { key: 'wonDeals', label: 'Won Deals', format: 'integer' },
  { key: 'lostDeals', label: 'Lost Deals', format: 'integer' },
  { key: 'winRate', label: 'Win Rate', format: 'percent' },
  { key: 'avgDealSize', label: 'Avg Deal Size', format: 'money' },
  { key: 'avgCycleDays', label: 'Avg Cycle (days)', format: 'days' },
  { key: 'shareOfPartnerLed', label: 'Share of Partner-led', format: 'percent' },
]);

/** A partner's row as cells in PARTNER_COLUMNS order: null shows as an empty cell, long text fits a cell. */
export const partnerRowCells = (p: PartnerRow): Cell[] => PARTNER_COLUMNS.map((c) => {
  const value = p[c.key];
  return value === null ? '' : fitCell(value);
});
