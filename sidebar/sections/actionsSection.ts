/** The two actions (classification columns, summary tabs) with their progress and the result of the last run. */
import type { Progress, WriteResult } from '../../src/core/hostApi';
import { el, replaceChildren, uniqueId } from '../dom';
import { createNotice } from '../notice';
import type { FriendlyError } from '../friendlyError';

export type ActionKind = 'classify' | 'writeSummary';

export interface ActionsView {
  element: HTMLElement;
  /** Disables both buttons and shows an empty progress bar. */
  start(kind: ActionKind): void;
  progress(progress: Progress): void;
  done(result: WriteResult): void;
  failed(error: FriendlyError): void;
  /** Re-enables the buttons and hides the progress bar. */
  finish(): void;
}

const LABELS: Record<ActionKind, { button: string; running: string }> = {
  classify: { button: 'Add classification columns', running: 'Adding the classification columns…' },
  writeSummary: { button: 'Write summary tabs', running: 'Writing the summary tabs…' },
};

/** Builds the actions area; `run` is called with the action the user chose. */
export function createActionsView(run: (kind: ActionKind) => void): ActionsView {
  const buttons = (Object.keys(LABELS) as ActionKind[]).map((kind) =>
    el('button', { className: kind === 'writeSummary' ? 'primary' : 'secondary', text: LABELS[kind].button, attrs: { type: 'button', name: kind }, on: { click: () => run(kind) } }));
  const statusId = uniqueId('progress-status');
  const bar = el('progress', { attrs: { max: 1, 'aria-labelledby': statusId } });
  const status = el('p', { className: 'progress-status', attrs: { id: statusId } });
  const progressBox = el('div', { className: 'progress', attrs: { hidden: true, role: 'status', 'aria-live': 'polite' } }, [status, bar]);
  const result = el('div', { className: 'result', attrs: { role: 'status', 'aria-live': 'polite', 'data-result': '' } });
  const notice = createNotice('action');
  const element = el('section', { className: 'section actions', attrs: { 'aria-label': 'Write to the workbook' } }, [
    el('div', { className: 'buttons' }, buttons),
    progressBox,
    notice.element,
    result,
  ]);
  return {
    element,
    start(kind) {
      for (const b of buttons) b.disabled = true;
      notice.clear();
      replaceChildren(result, []);
      status.textContent = LABELS[kind].running;
      bar.removeAttribute('value'); // indeterminate until the host reports steps
      progressBox.hidden = false;
    },
    progress(p) {
      status.textContent = `${p.step} (${Math.min(p.done, p.total)} of ${p.total})`;
      bar.max = Math.max(p.total, 1);
      bar.value = Math.min(p.done, p.total);
    },
    done(r) {
      const message = el('p', { className: 'result-message', text: r.message });
      replaceChildren(result, r.written.length
        ? [message, el('ul', { className: 'written', attrs: { 'aria-label': 'Written' } }, r.written.map((w) => el('li', { text: w })))]
        : [message]);
    },
    failed(error) {
      notice.show(error);
    },
    finish() {
      for (const b of buttons) b.disabled = false;
      progressBox.hidden = true;
    },
  };
}
