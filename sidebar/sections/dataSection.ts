/** The "Data" step: which tab holds the deals, and what was found there. */
import type { DetectResult } from '../../src/core/hostApi';
import { el, replaceChildren } from '../dom';
import { selectField } from '../controls';
import { plural } from '../formatters';

export interface DataSectionHandlers {
  onTab: (tab: string) => void;
  onDetectAgain: () => void;
}

/**
 * Fills the data step from a detect result (or a "looking" line while there is none yet). When the
 * last detection failed (`failed`), the tab picker stays but the old table's range and count do not.
 */
export function renderDataSection(container: HTMLElement, detected: DetectResult | null, sheetWord: string, handlers: DataSectionHandlers, failed = false): void {
  if (!detected) {
    replaceChildren(container, [
      el('p', { className: 'muted', text: `Looking for your deals ${sheetWord}…` }),
      el('button', { className: 'secondary', text: 'Detect again', attrs: { type: 'button', name: 'detect-again' }, on: { click: handlers.onDetectAgain } }),
    ]);
    return;
  }
  const tabPicker = selectField({
    label: `Deals ${sheetWord}`,
    name: 'data-tab',
    options: detected.tabs.map((t) => ({ value: t, label: t })),
    value: detected.tab,
    hint: `Found automatically; pick another ${sheetWord} if this is not your deals export.`,
    onChange: handlers.onTab,
  });
  const found = el('p', { className: 'found', attrs: { 'data-found': '' } }, [
    `Range ${detected.range}, header on row ${detected.headerRow}: `,
    el('strong', { text: plural(detected.dealRows, 'deal') }),
    '.',
  ]);
  replaceChildren(container, [
    tabPicker,
    ...(failed ? [] : [found]),
    el('button', { className: 'secondary', text: 'Detect again', attrs: { type: 'button', name: 'detect-again' }, on: { click: handlers.onDetectAgain } }),
  ]);
}
