/**
 * A partner statement as an HTML page (`report --statements DIR --html FILE`): the same tab the
 * statement workbook holds (statementTab), block by block, self-contained like the report page.
 * Its deal rows are written one chunk per row, so a partner on many deals streams to disk.
 */
import type { ReportTab } from '../../core';
import { htmlTable } from './htmlTable';
import { escapeHtml } from './htmlText';
import { pageHead } from './reportPage';

/** The statement page of `tab` as chunks of HTML; `partner` names it, `madeAt` says when. */
export function* statementPage(tab: ReportTab, partner: string, madeAt: string): Generator<string> {
  yield pageHead(`Partner statement: ${partner}`);
  const first = tab.blocks[0];
  yield `<header class="page"><h1>${escapeHtml(first?.title ?? `Partner statement: ${partner}`)}</h1>`;
  yield `<p class="small">Made ${escapeHtml(madeAt)}. It lists only the deals this partner has credit on; its totals equal the partner's row on Partner Summary and Partner Payouts.</p></header>\n`;
  for (const [index, block] of tab.blocks.entries()) {
    if (block.values.length === 0) continue;
    const title = index === 0 ? 'Key figures' : block.title;
    const [header = [], ...rows] = block.values;
    const columns = header.map((label, j) => ({ label: String(label ?? ''), format: block.formats[j] ?? 'text' }));
    const kind = index === 0 ? 'figures' : /^Deal ID$/.test(String(header[0])) ? 'deals' : /^Period$/.test(String(header[0])) ? 'payout-lines' : 'counts';
    yield `<section data-section="${kind}">${title ? `<h2>${escapeHtml(title)}</h2>` : ''}`;
    if (rows.length === 0) yield '<p class="empty">None.</p>';
    else yield* htmlTable(columns, rows, { totalRows: block.totalRows ?? (kind === 'payout-lines' ? 1 : 0), attributes: `data-table="${kind}"` });
    yield '</section>\n';
  }
  yield '<footer>This page is self-contained: it runs no script and loads nothing from the network.</footer>\n</main></body></html>\n';
}
