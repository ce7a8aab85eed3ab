/**
 * The Partner Credits tab: one row per deal and credited partner (won and open deals), the table to
 * pivot. Its Credit column adds up to partner-led revenue plus partner-led pipeline, to the cent.
 */
import type { Cell, PartnerRow } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { ReportTab } from './ReportTab';
import { dateOfDay, dealsView } from '../deals/dealResults';
import { streamedBlock } from './reportBlock';
import { MOTION_LABEL, STATUS_LABEL } from '../vocabulary';


/** The tab's column headers, in order. */
export const PARTNER_CREDIT_HEADERS = ['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', 'Partner', 'Role', 'Credit',
  'Share of Deal', 'Partner Tier', 'Partner Type', 'Partner Region', 'Currency'] as const;

/**
 * Builds the Partner Credits tab from a summary (the engine's columns, or deals[] read back from JSON).
 * Its rows are made a block at a time as the writer asks (see streamedBlock); what is made up front is
 * where each deal's rows start.
 */
export function partnerCreditsTab(source: DealSource): ReportTab {
  const s = source.summary;
  const d = dealsView(source);
  const partners = new Map<string, PartnerRow>();
  for (const p of s.partners) partners.set(p.partner, p);
  // Deal i's rows are firstRow[i] .. firstRow[i + 1] - 1, one per credit line. Lost deals carry no
  // credit (they count only in win rates); repeated Deal IDs are never credited.
  const firstRow = new Int32Array(d.length + 1);
  for (let i = 0; i < d.length; i++) {
    firstRow[i + 1] = firstRow[i]! + (d.status(i) === 'lost' || !d.counted(i) ? 0 : d.creditLines(i).length);
  }
  const rowsOf = (start: number, end: number): Cell[][] => {
    const rows: Cell[][] = [];
    // The deal holding row `start`: the last i with firstRow[i] <= start.
    let lo = 0, hi = Math.max(0, d.length - 1);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firstRow[mid]! <= start) lo = mid; else hi = mid - 1;
    }
    for (let i = lo; i < d.length && firstRow[i]! < end; i++) {
      const first = firstRow[i]!;
      if (firstRow[i + 1] === first) continue;
      const status = d.status(i);
      const lines = d.creditLines(i);
      const amount = d.amount(i);
      const close = d.closeDay(i);
      for (let k = Math.max(0, start - first); k < lines.length && first + k < end; k++) {
        const line = lines[k]!;
        const p = partners.get(line.partner);
        rows.push([d.id(i), d.name(i), close === null ? '' : dateOfDay(close), d.quarter(i), STATUS_LABEL[status], line.partner,
          MOTION_LABEL[line.role], line.amount, amount ? Math.round((line.amount / amount) * 1e4) / 1e4 : '',
          p?.tier ?? '', p?.type ?? '', p?.region ?? '', s.reportingCurrency]);
      }
    }
    return rows;
  };
  const table = streamedBlock(0, 0, [...PARTNER_CREDIT_HEADERS], firstRow[d.length]!, rowsOf,
    ['text', 'text', 'date', 'text', 'text', 'text', 'text', 'money', 'percent', 'text', 'text', 'text', 'text']);
  return { name: 'Partner Credits', blocks: [table], frozenRows: 1, filterBlock: 0,
    columnWidths: [14, 28, 12, 10, 8, 24, 11, 14, 10, 12, 14, 14, 9], charts: [] };
}
