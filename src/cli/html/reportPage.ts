/**
 * The HTML report page (`report --html`): one self-contained file, its charts inline SVG, its style
 * inline, no script and nothing loaded (a Content-Security-Policy says so to the browser too). Made
 * from the core's HtmlReportModel, whose lists are capped, so the page is small whatever the deal count.
 */
import type { HtmlReportModel, HtmlTable, ReportChart, ReportChartId } from '../../core';
import { cellText, HTML_ISSUE_ROWS, HTML_PARTNER_ROWS } from '../../core';
import { htmlTable } from './htmlTable';
import { escapeHtml } from './htmlText';
import { PAGE_STYLE } from './pageStyle';

/** A chart as drawn: its SVG, or why it could not be drawn. */
export type DrawnChart = { chart: ReportChart; svg: string } | { chart: ReportChart; error: string };

/** What the page says about the run, beyond the model. */
export interface ReportPageFacts {
  /** The deals file as the console names it. */
  source: string;
  /** The other tables and the policy file read. */
  extraSources: string[];
  /** When the page was made ("2026-12-02 14:03 UTC"). */
  madeAt: string;
  version: string;
}

/** The head of a page: charset, viewport, a policy that forbids loading anything, the title and the style. */
export const pageHead = (title: string): string => '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
  + '<meta name="viewport" content="width=device-width, initial-scale=1">'
  + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
  + `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>\n<body><main>\n`;

const plural = (n: number, word: string, many = `${word}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

function chartFigure(drawn: DrawnChart | undefined, missing: string): string {
  if (drawn === undefined) return `<p class="empty">${escapeHtml(missing)}</p>`;
  const { chart } = drawn;
  const body = 'svg' in drawn ? drawn.svg : `<p class="empty">This chart could not be drawn: ${escapeHtml(drawn.error)}</p>`;
  return `<figure class="chart" data-chart="${chart.id}"><h3>${escapeHtml(chart.title)}</h3>${body}`
    + `<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>\n`;
}

const table = (t: HtmlTable, attributes?: string): string => [...htmlTable(t.columns, t.rows, { totalRows: t.totalRows, attributes })].join('');

/** The page as chunks of HTML. */
export function* reportPage(model: HtmlReportModel, charts: readonly DrawnChart[], facts: ReportPageFacts): Generator<string> {
  const byId = new Map<ReportChartId, DrawnChart>(charts.map((c) => [c.chart.id, c]));
  const cur = model.currency;
  yield pageHead(`Partner attribution report: ${facts.source}`);
  yield '<header class="page"><h1>Partner attribution report</h1>';
  yield `<p class="sub">${escapeHtml(facts.source)}</p>`;
  if (facts.extraSources.length > 0) yield `<p class="small">Also read: ${escapeHtml(facts.extraSources.join('; '))}.</p>`;
  yield `<p class="small">Amounts in ${escapeHtml(cur)}, the reporting currency. Made ${escapeHtml(facts.madeAt)} by partner-attribution ${escapeHtml(facts.version)}.</p></header>\n`;

  if (model.headline.length > 0 || model.everyAmountUnread) {
    yield '<section class="headline" data-section="headline"><h2>Money not in these totals</h2>';
    if (model.everyAmountUnread) yield '<p>Not one amount could be read, so every total on this page is zero. Check the amount column and the decimalSeparator setting.</p>';
    for (const line of model.headline) yield `<p>${escapeHtml(line)}</p>`;
    yield '</section>\n';
  }

  yield '<h2>Key figures</h2><ul class="figures" data-section="key-figures">';
  for (const f of model.keyFigures) {
    yield `<li><span class="label">${escapeHtml(f.label)}</span><span class="value">${escapeHtml(cellText(f.value, f.format) || '–')}</span>`
      + `<span class="note">${escapeHtml(f.note)}</span></li>`;
  }
  yield '</ul>\n';

  yield '<div class="grid2">';
  yield `<section data-section="motion-split"><h2>Motion split</h2>${chartFigure(byId.get('motionSplit'), 'No won revenue to split.')}`;
  yield table(model.motionSplit, 'class="motion"');
  yield '<p class="small">Share of revenue: each motion\'s won revenue over all won revenue. Partner-led is sourced, influenced and resold together.</p></section>';
  yield `<section data-section="top-partners"><h2>Top partners</h2>${chartFigure(byId.get('topPartners'), 'No partner has credit on a won deal.')}`;
  yield '<h3>Partner-led vs direct</h3>';
  yield table(model.comparison, 'class="comparison"');
  yield '</section></div>\n';

  yield '<div class="grid2">';
  yield `<section data-section="trend-motion">${chartFigure(byId.get('trendByMotion'), 'No won revenue by quarter to chart.')}</section>`;
  yield `<section data-section="pipeline-created">${chartFigure(byId.get('pipelineCreated'), 'No created dates to chart pipeline created by quarter.')}</section>`;
  yield '</div>\n';
  yield `<section data-section="trend-partner">${chartFigure(byId.get('trendByPartner'), 'Fewer than two partners with credit: no per-partner trend to chart.')}</section>\n`;

  const p = model.partners;
  const partnerLed = model.motionSplit.rows[3]?.[1];
  yield '<section data-section="partners"><h2>Partners</h2>';
  yield '<p>Credit on won deals: <strong>Sourced Credit + Influenced Credit + Resold Credit = Credited Revenue</strong> for every partner, '
    + `and the Total row's Credited Revenue equals partner-led revenue (${escapeHtml(cellText(partnerLed, 'money'))} ${escapeHtml(cur)}). `
    + 'No dollar is counted twice. A sourced deal\'s influencers can share its credit, so the Sourced Credit column need not equal '
    + 'sourced revenue in the motion split. <strong>Share of partner-led revenue</strong> is a partner\'s credited revenue over all partner-led revenue. '
    + 'Credited Pipeline is the same split of open deals. The overlapping views (influenced, resold, touched and deployed revenue, '
    + 'where a deal counts in full for every partner on it) are on the workbook\'s Partner Summary tab.</p>';
  if (p.total > p.listed) {
    yield `<p class="small" data-cap="partners">${plural(p.listed, 'partner')} of ${p.total.toLocaleString('en-US')} are listed one by one (at most ${HTML_PARTNER_ROWS}); `
      + `the other ${plural(p.total - p.listed, 'partner')} share one row, so the columns still add up. Every partner is on the workbook's Partner Summary tab (--out) and in the JSON summary (--json).</p>`;
  }
  yield p.rows.length === 0 ? '<p class="empty">No partners in these deals.</p>' : table(p, 'class="partners" data-table="partners"');
  yield '</section>\n';

  const { counts, notListed } = model.issues;
  const total = counts.error + counts.warning + counts.info;
  yield '<section data-section="issues"><h2>Data issues</h2>';
  if (total === 0) yield '<p class="empty">No data issues found.</p>';
  else {
    yield `<p>${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} and ${plural(counts.info, 'note')}: errors first.</p>`;
    yield table(model.issues.table, 'class="issues" data-table="issues"');
    if (notListed > 0) {
      yield `<p class="small" data-cap="issues">${plural(model.issues.table.rows.length, 'issue')} of ${total.toLocaleString('en-US')} are listed here (at most ${HTML_ISSUE_ROWS}); `
        + `the other ${plural(notListed, 'issue')} are on the workbook's Data Issues tab (--out) and in the JSON summary (--json).</p>`;
    }
  }
  yield '</section>\n';
  yield '<footer>This page is self-contained: it runs no script and loads nothing from the network, so it can be mailed or printed as it is. '
    + 'The per-deal detail (every deal\'s motion, credit and reason) is in the workbook written by --out.</footer>\n';
  yield '</main></body></html>\n';
}
