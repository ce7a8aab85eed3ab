/** Tiny DOM helpers: every node is built with createElement and textContent, never from HTML strings. */

/** Attributes and properties an element may get; `text` becomes textContent, `on*` become listeners. */
export interface ElementProps {
  text?: string;
  className?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/**
 * Creates an element with safe text and attributes, then appends the children (nodes or plain text).
 * Attributes set to false, null or undefined are left out; true becomes an empty attribute.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: ReadonlyArray<Node | string | null | undefined | false> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    if (handler) node.addEventListener(type, handler as EventListener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces all children of a node. */
export function replaceChildren(parent: Element, children: ReadonlyArray<Node>): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) parent.append(child);
}

let idCounter = 0;
/** A document-unique id for label/control pairs. */
export const uniqueId = (prefix: string): string => `${prefix.replace(/[^A-Za-z0-9_-]+/g, '-')}-${++idCounter}`;
