/**
 * "Create a statement for…": a partner picker (the partners credited in the current preview) and
 * a button that writes that partner's statement tab. A user's tab of the same name is never
 * replaced: the host writes beside it and says so.
 */
import type { Progress, WriteResult } from '../../src/core/hostApi';
import { el, replaceChildren, uniqueId } from '../dom';
import { friendlyError } from '../friendlyError';
import { createRunStatus } from './runStatus';

export interface StatementView {
  element: HTMLElement;
  /** The partners with a statement under the current rules (from the preview). */
  setPartners(partners: readonly string[]): void;
}

/** What the view asks the host to do: write this partner's statement tab. */
export type StatementCall = (partner: string, onProgress: (p: Progress) => void) => Promise<WriteResult>;

/** Builds the view; `write` is the host call. */
export function createStatementView(write: StatementCall): StatementView {
  const id = uniqueId('statement-partner');
  const select = el('select', { attrs: { id, name: 'statement-partner', 'aria-describedby': `${id}-hint` } });
  const hint = el('p', { className: 'hint', attrs: { id: `${id}-hint` }, text: 'The partners credited in the preview above.' });
  const status = createRunStatus('statement');
  const button = el('button', { className: 'secondary', text: 'Write statement tab', attrs: { type: 'button', name: 'write-statement', disabled: true } });
  const element = el('details', { className: 'section section-statement', attrs: { 'data-section': 'statement' } }, [
    el('summary', {}, [el('span', { className: 'section-title', text: 'Partner statements' })]),
    el('p', { className: 'hint', text: 'One partner\'s deals, its role and credit in each, the reason in words and its payout lines, on a tab of its own, ready to share with that partner.' }),
    el('div', { className: 'field' }, [el('label', { attrs: { for: id }, text: 'Create a statement for…' }), select, hint]),
    button, status.element,
  ]);
  let busy = false;
  let partners: readonly string[] = [];

  button.addEventListener('click', () => {
    const partner = select.value;
    if (!partners.includes(partner)) return;
    busy = true;
    button.disabled = true;
    status.start(`Writing the statement for ${partner}…`);
    write(partner, status.progress)
      .then((result) => status.done([
        el('p', { className: 'result-message', text: result.message }),
        ...(result.written.length ? [el('ul', { className: 'written', attrs: { 'aria-label': 'Written' } }, result.written.map((w) => el('li', { text: w })))] : []),
      ]))
      .catch((error: unknown) => status.failed(friendlyError(error, `write the statement for ${partner}`)))
      .finally(() => { busy = false; button.disabled = partners.length === 0; status.finish(); });
  });

  return {
    element,
    setPartners(next) {
      const keep = select.value;
      partners = [...next];
      replaceChildren(select, partners.length === 0
        ? [el('option', { text: 'No partner has credit yet', attrs: { value: '' } })]
        : partners.map((p) => el('option', { text: p, attrs: { value: p } })));
      if (partners.includes(keep)) select.value = keep;
      select.disabled = partners.length === 0;
      if (!busy) button.disabled = partners.length === 0;
    },
  };
}
