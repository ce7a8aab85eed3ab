/** The preview page's read-only grid of the demo workbook: a tab strip and the selected tab's cells. */
import { columnLetter } from '../../src/core/service/sidebarService';
import { el, replaceChildren } from '../dom';
import type { DemoWorkbook } from '../bridges/demoWorkbook';
import { formatCell, isNumeric } from './formatCell';

/** Rows shown per tab: enough to see everything the example holds, few enough to stay quick. */
export const MAX_ROWS = 400;

export interface WorkbookView {
  element: HTMLElement;
  /** Redraws the tab strip and grid; `focusTab` selects a tab (e.g. the one just written). */
  render(focusTab?: string): void;
}

/** Creates the view over a workbook the demo bridge changes in place. */
export function createWorkbookView(workbook: DemoWorkbook): WorkbookView {
  let selected = workbook.tabs[0]?.name ?? '';
  const strip = el('div', { className: 'tab-strip', attrs: { role: 'tablist', 'aria-label': 'Workbook tabs' } });
  const gridBox = el('div', { className: 'grid-box', attrs: { role: 'tabpanel', tabindex: 0, 'aria-label': 'Tab contents (read-only)' } });
  const element = el('section', { className: 'workbook', attrs: { 'aria-label': 'Example workbook (read-only)' } }, [strip, gridBox]);

  const render = (focusTab?: string): void => {
    if (focusTab && workbook.tabs.some((t) => t.name === focusTab)) selected = focusTab;
    if (!workbook.tabs.some((t) => t.name === selected)) selected = workbook.tabs[0]?.name ?? '';
    replaceChildren(strip, workbook.tabs.map((t) => el('button', {
      className: `tab${t.ownedByAddOn ? ' owned' : ''}`,
      text: t.name,
      attrs: { type: 'button', role: 'tab', 'aria-selected': t.name === selected ? 'true' : 'false', 'data-tab': t.name, title: t.ownedByAddOn ? 'Written by Partner Attribution' : null },
      on: { click: () => render(t.name) },
    })));
    const tab = workbook.tabs.find((t) => t.name === selected);
    if (!tab) {
      replaceChildren(gridBox, [el('p', { text: 'This workbook has no tabs.' })]);
      return;
    }
    const width = tab.grid.reduce((max, row) => Math.max(max, row.length), 0);
    const rows = tab.grid.slice(0, MAX_ROWS);
    const head = el('tr', {}, [el('th', { className: 'corner', attrs: { scope: 'col' } }),
      ...Array.from({ length: width }, (_, c) => el('th', {
        text: columnLetter(c), attrs: { scope: 'col' },
        className: tab.classificationColumn !== undefined && c >= tab.classificationColumn ? 'owned-col' : '',
      }))]);
    const body = rows.map((row, r) => el('tr', {}, [
      el('th', { text: String(r + 1), attrs: { scope: 'row' } }),
      ...Array.from({ length: width }, (_, c) => {
        const value = row[c];
        const owned = tab.classificationColumn !== undefined && c >= tab.classificationColumn;
        return el('td', { text: formatCell(value, tab.formats?.[r]?.[c] ?? null), className: [isNumeric(value) ? 'num' : '', owned ? 'owned-col' : ''].filter(Boolean).join(' ') });
      }),
    ]));
    const table = el('table', { className: 'grid', attrs: { 'data-grid': tab.name } }, [el('thead', {}, [head]), el('tbody', {}, body)]);
    replaceChildren(gridBox, tab.grid.length > MAX_ROWS
      ? [table, el('p', { className: 'muted', text: `Showing the first ${MAX_ROWS} of ${tab.grid.length} rows.` })]
      : [table]);
  };
  render();
  return { element, render };
}
