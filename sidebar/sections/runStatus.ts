/** The progress line, error notice and result message of one sidebar command (compare, statement). */
import type { Progress } from '../../src/core/hostApi';
import { el, replaceChildren } from '../dom';
import { createNotice } from '../notice';
import type { FriendlyError } from '../friendlyError';

export interface RunStatus {
  element: HTMLElement;
  /** Clears the last result and shows `text` as the running step. */
  start(text: string): void;
  progress(progress: Progress): void;
  /** The result: nodes to show (a message, a table). */
  done(nodes: ReadonlyArray<Node>): void;
  failed(error: FriendlyError): void;
  /** Hides the running step. */
  finish(): void;
}

/** Creates an empty status area; `name` tags its notice and result for tests. */
export function createRunStatus(name: string): RunStatus {
  const step = el('p', { className: 'progress-status', attrs: { role: 'status', 'aria-live': 'polite', hidden: true } });
  const notice = createNotice(name);
  const result = el('div', { className: 'result', attrs: { 'aria-live': 'polite', 'data-run-result': name } });
  return {
    element: el('div', { className: 'run-status' }, [step, notice.element, result]),
    start(text) {
      notice.clear();
      replaceChildren(result, []);
      step.textContent = text;
      step.hidden = false;
    },
    progress(p) { step.textContent = `${p.step} (${Math.min(p.done, p.total)} of ${p.total})`; },
    done(nodes) { replaceChildren(result, nodes); },
    failed(error) { notice.show(error); },
    finish() { step.hidden = true; },
  };
}
