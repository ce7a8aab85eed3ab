/** The text the report command prints: the KPIs, the top partners, the issue counts and where the files went. */
import type { DealSource } from '../core';
import { moneyHeadline } from '../core';
import { textTable } from './textTable';
import { currencyNotes } from './currencyNotes';

const money = (value: number | null): string =>
  value === null ? '-' : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null): string => (value === null ? '-' : `${value.toFixed(1)} days`);
/** Partner names are cut for the console table; the files keep them whole. */
const MAX_NAME = 40;
const shortName = (name: string): string => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** What the run read and wrote, for the last lines. */
export interface RunFacts {
  source: string;
  extraSources: string[];
  written: string[];
  /** Lines printed after the data issues (e.g. the review queue's size). */
  notes?: string[];
}

/** The console report as lines. */
export function consoleSummary(source: DealSource, facts: RunFacts, topCount = 10): string[] {
  const { summary } = source;
  const t = summary.totals;
  const cur = summary.reportingCurrency;
  // Money the totals leave out is the first thing said (the same sentences as the Partner Summary tab).
  const lines: string[] = moneyHeadline(source).lines.map((line) => `WARNING: ${line}`);
  if (lines.length > 0) lines.push('');
  lines.push(`Partner attribution: ${facts.source}`);
  for (const extra of facts.extraSources) lines.push(`  also read ${extra}`);
  lines.push(`  ${plural(t.deals, 'deal')}: ${t.wonDeals.toLocaleString('en-US')} won, ${t.lostDeals.toLocaleString('en-US')} lost, ${t.openDeals.toLocaleString('en-US')} open; amounts in ${cur}`);
  lines.push(...currencyNotes(summary));
  lines.push('');
  const kpi: string[][] = [
    ['Revenue (won)', money(t.revenue), ''],
    ['Partner-led', money(t.partnerLedRevenue), percent(t.partnerLedShare)],
    ['  Sourced', money(t.sourcedRevenue), percent(t.sourcedShare)],
    ['  Influenced', money(t.influencedRevenue), percent(t.influencedShare)],
    ['  Resold', money(t.resoldRevenue), percent(t.resoldShare)],
    ['Direct', money(t.directRevenue), percent(t.directShare)],
    ['Pipeline (open)', money(t.pipeline), ''],
    ['Partner-led pipeline', money(t.partnerLedPipeline), t.pipeline > 0 ? percent(t.partnerLedPipeline / t.pipeline) : ''],
  ];
  lines.push(...textTable([{ header: 'Key figures' }, { header: cur, right: true }, { header: 'Share', right: true }], kpi));
  lines.push('');
  lines.push(...textTable([{ header: 'Partner-led vs direct' }, { header: 'Partner-led', right: true }, { header: 'Direct', right: true }], [
    ['Win rate', percent(t.partnerWinRate), percent(t.directWinRate)],
    ['Average deal size', money(t.partnerAvgDealSize), money(t.directAvgDealSize)],
    ['Average cycle', days(t.partnerAvgCycleDays), days(t.directAvgCycleDays)],
  ]));
  lines.push('');
  const top = summary.partners.slice(0, topCount);
  if (top.length === 0) {
    lines.push('No partners found on any deal.');
  } else {
    lines.push(`Top ${top.length} of ${plural(summary.partners.length, 'partner')} by credited revenue (${cur})`);
    lines.push(...textTable([
      { header: '#', right: true }, { header: 'Partner' }, { header: 'Credited', right: true }, { header: 'Share', right: true },
      { header: 'Sourced', right: true }, { header: 'Influenced*', right: true }, { header: 'Resold*', right: true },
      { header: 'Pipeline', right: true }, { header: 'Won', right: true }, { header: 'Win rate', right: true },
    ], top.map((p, i) => [String(i + 1), shortName(p.partner), money(p.creditedRevenue), percent(p.shareOfPartnerLed),
      money(p.sourcedRevenue), money(p.influencedRevenue), money(p.resoldRevenue), money(p.creditedPipeline),
      String(p.wonDeals), percent(p.winRate)])));
    lines.push('  * overlapping views: the full amount of every won deal the partner influenced or resold (not summable)');
  }
  lines.push('');
  if (summary.payouts) {
    const p = summary.payouts;
    const periods = new Set(p.partners.map((r) => r.period)).size;
    const capped = p.partners.filter((r) => r.capApplied > 0).length;
    lines.push(`Payouts: ${money(p.total)} ${cur} to ${plural(p.lifetime.filter((l) => l.payout !== 0).length, 'partner')} over ${plural(periods, 'period')}`
      + `${capped > 0 ? ` (the cap cut ${plural(capped, 'partner-period')})` : ''}; see the "Partner Payouts" tab`);
    lines.push('');
  }
  const count = { error: 0, warning: 0, info: 0 };
  for (const issue of summary.issues) count[issue.severity] += 1;
  lines.push(`Data issues: ${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${count.info.toLocaleString('en-US')} info`
    + (summary.issues.length > 0 ? ' (listed on the "Data Issues" tab and in the JSON summary)' : ''));
  lines.push(...(facts.notes ?? []));
  if (facts.written.length === 0) lines.push('No files written: add --out report.xlsx and/or --json summary.json to save the report.');
  for (const file of facts.written) lines.push(`Wrote ${file}`);
  return lines;
}
