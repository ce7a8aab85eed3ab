/**
 * The live preview: the key figures (money left out, partner-led share, the motion bar) that stay in
 * view at the top of the sidebar, and below them the motions, facts, top partners and the issue count.
 * Shares name what they are shares of, in the words of the workbook tabs and the CLI.
 */
import type { PreviewResult } from '../../src/core/hostApi';
import { el, replaceChildren } from '../dom';
import { formatMoney, formatShare, plural } from '../formatters';

const MOTIONS = [
  { key: 'sourced', label: 'Sourced' },
  { key: 'influenced', label: 'Influenced' },
  { key: 'resold', label: 'Resold' },
  { key: 'direct', label: 'Direct' },
] as const;

/** The preview's two places: the sticky key figures and the details below them. */
export interface PreviewTargets { figures: HTMLElement; body: HTMLElement }

/** The words for an issue count, as the CLI and the Data Issues tab say them ("info", not "notes"). */
export function issueCountText(count: PreviewResult['issueCount']): string {
  const parts = [count.error ? plural(count.error, 'error') : '', count.warning ? plural(count.warning, 'warning') : '',
    count.info ? `${count.info.toLocaleString()} info` : ''].filter(Boolean);
  return parts.join(', ');
}

/** Fills the preview from the engine's result. */
export function renderPreview(targets: PreviewTargets, result: PreviewResult): void {
  const { totals, reportingCurrency: currency } = result;
  const money = (n: number | null): string => formatMoney(n, currency);

  const headline = el('p', { className: 'headline' }, [
    el('strong', { className: 'kpi-big', text: formatShare(totals.partnerLedShare), attrs: { 'data-kpi': 'partnerLedShare' } }),
    ' of won revenue is partner-led: ',
    el('span', { text: money(totals.partnerLedRevenue), attrs: { 'data-kpi': 'partnerLedRevenue' } }),
    ' of ',
    el('span', { text: money(totals.revenue), attrs: { 'data-kpi': 'revenue' } }),
    '.',
  ]);

  const shares = MOTIONS.map((m) => ({ ...m, share: totals[`${m.key}Share`], revenue: totals[`${m.key}Revenue`] }));
  // The bar is decoration: the list below carries the same numbers as text.
  const bar = el('div', { className: 'motion-bar', attrs: { 'aria-hidden': 'true' } },
    shares.map((m) => {
      const seg = el('span', { className: `seg seg-${m.key}` });
      seg.style.width = `${Math.max(0, Math.min(1, m.share ?? 0)) * 100}%`;
      return seg;
    }));
  const motionHead = el('div', { className: 'list-head motions-head', attrs: { 'aria-hidden': 'true' } }, [
    el('span', { text: 'Motion' }), el('span', { text: 'Share of revenue' }), el('span', { text: `Revenue (${currency})` }),
  ]);
  const motionList = el('ul', { className: 'motions', attrs: { 'aria-label': 'Won revenue by motion, with each motion\'s share of revenue' } }, shares.map((m) =>
    el('li', { attrs: { 'data-motion': m.key } }, [
      el('span', { className: `swatch seg-${m.key}`, attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'motion-label', text: m.label }),
      el('span', { className: 'motion-share', text: formatShare(m.share), attrs: { 'data-kpi': `${m.key}Share` } }),
      el('span', { className: 'motion-money', text: money(m.revenue) }),
    ])));

  const facts = el('dl', { className: 'facts' }, [
    el('dt', { text: 'Deals' }), el('dd', { text: `${totals.deals.toLocaleString()} (${totals.wonDeals.toLocaleString()} won, ${totals.openDeals.toLocaleString()} open)` }),
    el('dt', { text: 'Open pipeline' }), el('dd', { text: `${money(totals.pipeline)} (partner-led ${money(totals.partnerLedPipeline)})` }),
    el('dt', { text: 'Win rate' }), el('dd', { text: `partner-led ${formatShare(totals.partnerWinRate)}, direct ${formatShare(totals.directWinRate)}` }),
  ]);

  const top = result.topPartners.length === 0
    ? [el('p', { className: 'muted', text: 'No partner has credited revenue yet.' })]
    : [
      el('div', { className: 'list-head partners-head', attrs: { 'aria-hidden': 'true' } }, [
        el('span', { text: 'Partner' }), el('span', { text: `Credited (${currency})` }), el('span', { text: 'Share of partner-led revenue' }),
      ]),
      el('ol', { className: 'top-partners', attrs: { 'aria-label': 'Top partners by credited revenue, with each one\'s share of partner-led revenue' } }, result.topPartners.map((p) =>
        el('li', {}, [
          el('span', { className: 'partner-name', text: p.partner }),
          el('span', { className: 'partner-money', text: money(p.creditedRevenue) }),
          el('span', { className: 'partner-share', text: formatShare(p.shareOfPartnerLed) }),
        ]))),
    ];

  const count = result.issueCount;
  const countText = issueCountText(count);
  const issues = el('p', { className: `issues${count.error ? ' has-errors' : ''}`, attrs: { 'data-kpi': 'issues' } },
    countText === ''
      ? ['No data issues found.']
      : [`Data issues: ${countText}. `, el('span', { className: 'muted', text: 'They are listed on the Data Issues tab when you write the summary.' })]);

  // Money the totals leave out comes first: the figures below are short by it.
  const moneyWarning = result.headline.length === 0 ? [] : [el('p', { className: 'money-warning', attrs: { role: 'alert', 'data-kpi': 'headline' } },
    result.headline.map((line) => el('span', { text: `${line} ` })))];
  replaceChildren(targets.figures, [...moneyWarning, headline, bar]);
  replaceChildren(targets.body, [el('h3', { text: 'Won revenue by motion' }), motionHead, motionList, facts, el('h3', { text: 'Top partners' }), ...top, issues]);
}
