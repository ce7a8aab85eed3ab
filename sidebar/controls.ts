/** Labelled form controls for the sidebar: every control has a visible label tied to it by id. */
import { el, uniqueId } from './dom';

export interface Option { value: string; label: string }

export interface SelectProps {
  label: string;
  options: readonly Option[];
  value: string;
  hint?: string;
  className?: string;
  /** Extra text for screen readers and the label, e.g. "(required)". */
  flag?: string;
  onChange: (value: string) => void;
  /** Test and styling hook. */
  name: string;
}

const hintNode = (id: string, hint: string | undefined): HTMLElement | null =>
  hint ? el('p', { className: 'hint', text: hint, attrs: { id } }) : null;

/** A labelled <select>. */
export function selectField(props: SelectProps): HTMLElement {
  const id = uniqueId(props.name);
  const hintId = `${id}-hint`;
  const select = el('select', {
    attrs: { id, name: props.name, 'aria-describedby': props.hint ? hintId : null },
    on: { change: () => props.onChange(select.value) },
  }, props.options.map((o) => el('option', { text: o.label, attrs: { value: o.value } })));
  select.value = props.value;
  const label = el('label', { attrs: { for: id } }, [props.label, props.flag ? el('span', { className: 'flag', text: ` ${props.flag}` }) : null]);
  return el('div', { className: `field${props.className ? ` ${props.className}` : ''}` }, [label, select, hintNode(hintId, props.hint)]);
}

export interface NumberProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  hint?: string;
  name: string;
  onChange: (value: number) => void;
}

/**
 * A labelled number input. A value outside min..max (or not a whole number where one is needed)
 * is shown as a plain error under the field and not passed on, so the preview never runs on it.
 */
export function numberField(props: NumberProps): HTMLElement {
  const id = uniqueId(props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = el('p', { className: 'field-error', attrs: { id: errorId, hidden: true } });
  const input = el('input', {
    attrs: {
      id, name: props.name, type: 'number', inputmode: props.integer ? 'numeric' : 'decimal',
      min: props.min, max: props.max, step: props.step, value: String(props.value),
      'aria-describedby': [props.hint ? hintId : '', errorId].filter(Boolean).join(' '),
    },
    on: {
      input: () => {
        const text = input.value.trim();
        const value = Number(text);
        const ok = text !== '' && Number.isFinite(value) && value >= props.min && value <= props.max
          && (!props.integer || Number.isInteger(value));
        input.setAttribute('aria-invalid', ok ? 'false' : 'true');
        error.hidden = ok;
        error.textContent = ok ? '' : `Enter ${props.integer ? 'a whole number' : 'a number'} from ${props.min} to ${props.max}.`;
        if (ok) props.onChange(value);
      },
    },
  });
  const label = el('label', { attrs: { for: id }, text: props.label });
  return el('div', { className: 'field field-number' }, [label, input, hintNode(hintId, props.hint), error]);
}

export interface TextListProps {
  label: string;
  values: readonly string[];
  hint?: string;
  name: string;
  onChange: (text: string) => void;
}

/** A labelled text box holding one term per line. */
export function textListField(props: TextListProps): HTMLElement {
  const id = uniqueId(props.name);
  const hintId = `${id}-hint`;
  const area = el('textarea', {
    attrs: { id, name: props.name, rows: Math.min(Math.max(props.values.length, 3), 8), 'aria-describedby': props.hint ? hintId : null, spellcheck: false },
    on: { input: () => props.onChange(area.value) },
  });
  area.value = props.values.join('\n');
  const label = el('label', { attrs: { for: id }, text: props.label });
  return el('div', { className: 'field' }, [label, area, hintNode(hintId, props.hint)]);
}

/** A collapsible section with a heading-like summary. */
export function section(title: string, name: string, open: boolean, body: ReadonlyArray<Node>, summaryExtra?: Node): HTMLDetailsElement {
  const details = el('details', { className: `section section-${name}`, attrs: { open, 'data-section': name } }, [
    el('summary', {}, [el('span', { className: 'section-title', text: title }), summaryExtra ?? null]),
    ...body,
  ]);
  return details;
}
