/** An error notice placed next to the part of the form it concerns: message, what to do next, dismiss. */
import { el, replaceChildren } from './dom';
import type { FriendlyError } from './friendlyError';

export interface Notice {
  element: HTMLElement;
  show(error: FriendlyError): void;
  clear(): void;
}

/** Creates an empty notice; `show` fills it and screen readers announce it (role="alert"). */
export function createNotice(name: string): Notice {
  const element = el('div', { className: 'notice', attrs: { role: 'alert', 'data-notice': name } });
  const clear = (): void => {
    replaceChildren(element, []);
    element.classList.remove('notice-shown');
  };
  const show = (error: FriendlyError): void => {
    replaceChildren(element, [
      el('p', { className: 'notice-message', text: error.message }),
      el('p', { className: 'notice-next', text: error.next }),
      el('button', { className: 'link-button', text: 'Dismiss', attrs: { type: 'button' }, on: { click: clear } }),
    ]);
    element.classList.add('notice-shown');
  };
  return { element, show, clear };
}
