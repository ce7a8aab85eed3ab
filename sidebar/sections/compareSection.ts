/**
 * "Compare definitions": runs the chosen definitions on the deals tab, writes the Definitions
 * Compared tab, and shows the totals under each and the deals that change motion. The numbers come
 * from the host; this only lays them out.
 */
import type { CompareResult, Progress } from '../../src/core/hostApi';
import type { Policy } from '../../src/core/policy';
import { SHIPPED_DEFINITIONS } from '../../src/core/compare/shippedDefinitions';
import { OWN_DEFINITION, definitionOf } from '../../src/core/compare/definitionChoice';
import { el, replaceChildren, uniqueId } from '../dom';
import { friendlyError } from '../friendlyError';
import { formatMoney, formatShare } from '../formatters';
import { createRunStatus } from './runStatus';
import { MOTION_LABEL } from '../../src/core/vocabulary';

export interface CompareView {
  element: HTMLElement;
  /** Offers the user's own rules as a further choice when they follow none of the shipped definitions. */
  render(policy: Policy): void;
}

/** What the view asks the host to do: run these definitions and write the tab. */
export type CompareCall = (definitions: string[], onProgress: (p: Progress) => void) => Promise<CompareResult>;

/** Money short enough for a 300 px column ("$1.69M"); the full amount is in the cell's title and on the tab. */
const shortMoney = (amount: number, currency: string): string => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(amount);
  } catch {
    return formatMoney(amount, currency);
  }
};

/** The comparison as a small table (one row per definition, one column per total) and the deals that change. */
function comparisonNodes(r: CompareResult): Node[] {
  const money = (n: number): string => formatMoney(n, r.reportingCurrency);
  // One row per definition (its name may wrap), one column per total: fits 300 px.
  const table = el('table', { className: 'compare-table', attrs: { 'data-compare': '' } }, [
    el('caption', { className: 'hint', text: `Won revenue under each definition, rounded; the tab has every cent and each partner (${r.reportingCurrency}).` }),
    el('thead', {}, [el('tr', {}, [el('th', { text: 'Definition', attrs: { scope: 'col' } }), ...r.lines.map((line) => el('th', { text: line.label, attrs: { scope: 'col' } }))])]),
    el('tbody', {}, r.definitions.map((name, i) => el('tr', {}, [
      el('th', { text: name, attrs: { scope: 'row' } }),
      ...r.lines.map((line) => {
        const v = line.values[i] ?? 0;
        return line.share
          ? el('td', { text: formatShare(v) })
          : el('td', { text: shortMoney(v, r.reportingCurrency), attrs: { title: money(v), 'data-value': v } });
      }),
    ]))),
  ]);
  const changed = r.changedCount === 0
    ? [el('p', { className: 'muted', text: 'No deal changes motion between these definitions.' })]
    : [
      el('h3', { text: `${r.changedCount.toLocaleString()} deal${r.changedCount === 1 ? '' : 's'} change motion` }),
      el('p', { className: 'hint', text: `Motion under ${r.definitions.join(' → ')}${r.changedCount > r.changedDeals.length ? `; the ${r.changedDeals.length} largest shown, all on the tab` : ''}.` }),
      el('ul', { className: 'changed-deals', attrs: { 'aria-label': 'Deals that change motion' } }, r.changedDeals.map((d) => el('li', {}, [
        el('span', { className: 'deal-name', text: d.name ? `${d.id} ${d.name}` : d.id }),
        el('span', { className: 'deal-money', text: d.amount === null ? '—' : money(d.amount) }),
        el('span', { className: 'deal-motions', text: d.motions.map((m) => MOTION_LABEL[m]).join(' → ') }),
      ]))),
    ];
  return [table, ...changed];
}

/** Builds the view; `compare` is the host call (it writes the Definitions Compared tab). */
export function createCompareView(compare: CompareCall): CompareView {
  const choices = el('div', { className: 'compare-choices' });
  const picked = new Set<string>(SHIPPED_DEFINITIONS.map((d) => d.name));
  const status = createRunStatus('compare');
  const comparison = el('div', { className: 'comparison', attrs: { 'aria-live': 'polite' } });
  const button = el('button', { className: 'secondary', text: 'Compare definitions', attrs: { type: 'button', name: 'compare-definitions' } });
  const element = el('details', { className: 'section section-compare', attrs: { 'data-section': 'compare' } }, [
    el('summary', {}, [el('span', { className: 'section-title', text: 'Compare definitions' })]),
    el('p', { className: 'hint', text: 'Runs the same deals under each definition, with your other rules, and writes a Definitions Compared tab. Each column equals a separate run.' }),
    el('fieldset', { className: 'group' }, [el('legend', { text: 'Definitions to compare' }), choices]),
    button, status.element, comparison,
  ]);

  const checkbox = (name: string): HTMLElement => {
    const id = uniqueId('compare');
    const input = el('input', {
      attrs: { type: 'checkbox', id, name: 'compare-definition', value: name, checked: picked.has(name) },
      on: { change: () => { if (input.checked) picked.add(name); else picked.delete(name); } },
    });
    return el('div', { className: 'check' }, [input, el('label', { attrs: { for: id }, text: name })]);
  };

  button.addEventListener('click', () => {
    // In the order offered, so the first column (the one differences are taken from) is predictable.
    const order = [...SHIPPED_DEFINITIONS.map((d) => d.name), OWN_DEFINITION];
    const definitions = order.filter((name) => picked.has(name));
    if (definitions.length < 2) {
      status.failed({ message: 'Choose two or more definitions to compare.', next: 'Tick at least two of the boxes above.' });
      return;
    }
    button.disabled = true;
    status.start('Comparing the definitions…');
    replaceChildren(comparison, []);
    compare(definitions, status.progress)
      .then((result) => {
        status.done([el('p', { className: 'result-message', text: result.message })]);
        replaceChildren(comparison, comparisonNodes(result));
      })
      .catch((error: unknown) => status.failed(friendlyError(error, 'compare the definitions')))
      .finally(() => { button.disabled = false; status.finish(); });
  });

  return {
    element,
    render(policy) {
      const own = definitionOf(policy) === null;
      if (!own) picked.delete(OWN_DEFINITION);
      replaceChildren(choices, [...SHIPPED_DEFINITIONS.map((d) => checkbox(d.name)), ...(own ? [checkbox(OWN_DEFINITION)] : [])]);
    },
  };
}
