/**
 * The Partner Credits tab: one row per deal and credited partner (won and open deals), the table to
 * pivot. Its Credit column adds up to partner-led revenue plus partner-led pipeline, to the cent.
 */
import type { Cell, PartnerRow } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { ReportTab } from './ReportTab';
import { dateOfDay, dealsView } from '../deals/dealResults';
import { block } from './reportBlock';
import { MOTION_LABEL, STATUS_LABEL } from '../vocabulary';


/** The tab's column headers, in order. */
export const PARTNER_CREDIT_HEADERS = ['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', 'Partner', 'Role', 'Credit',
  'Share of Deal', 'Partner Tier', 'Partner Type', 'Partner Region', 'Currency'] as const;

/** Builds the Partner Credits tab from a summary (the engine's columns, or deals[] read back from JSON). */
export function partnerCreditsTab(source: DealSource): ReportTab {
  const s = source.summary;
  const d = dealsView(source);
  const partners = new Map<string, PartnerRow>();
  for (const p of s.partners) partners.set(p.partner, p);
  const rows: Cell[][] = [];
  for (let i = 0; i < d.length; i++) {
    const status = d.status(i);
    // Lost deals carry no credit (they count only in win rates); repeated Deal IDs are never credited.
    if (status === 'lost' || !d.counted(i)) continue;
    const lines = d.creditLines(i);
    if (lines.length === 0) continue;
    const amount = d.amount(i);
    const close = d.closeDay(i);
    for (const line of lines) {
      const p = partners.get(line.partner);
      rows.push([d.id(i), d.name(i), close === null ? '' : dateOfDay(close), d.quarter(i), STATUS_LABEL[status], line.partner,
        MOTION_LABEL[line.role], line.amount, amount ? Math.round((line.amount / amount) * 1e4) / 1e4 : '',
        p?.tier ?? '', p?.type ?? '', p?.region ?? '', s.reportingCurrency]);
    }
  }
  const table = block(0, 0, [...PARTNER_CREDIT_HEADERS], rows,
    ['text', 'text', 'date', 'text', 'text', 'text', 'text', 'money', 'percent', 'text', 'text', 'text', 'text']);
  return { name: 'Partner Credits', blocks: [table], frozenRows: 1, filterBlock: 0,
    columnWidths: [14, 28, 12, 10, 8, 24, 11, 14, 10, 12, 14, 14, 9], charts: [] };
}
