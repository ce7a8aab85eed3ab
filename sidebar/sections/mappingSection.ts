/** The "Columns" step: one dropdown per field listing the headers, required fields flagged, unmapped ones greyed. */
import type { DetectResult } from '../../src/core/hostApi';
import type { Field } from '../../src/core/types';
import { columnLetter } from '../../src/core/service/sidebarService';
import { el, replaceChildren } from '../dom';
import { selectField } from '../controls';

/** The mapping choice for one field: a 0-based column, or null for "not in the table". */
export type MappingChoice = number | null;

export interface MappingHandlers {
  onChange: (field: Field, column: MappingChoice) => void;
  onReset: () => void;
}

/** How many fields were found, for the section's summary line. */
export const mappedCount = (detected: DetectResult): number => detected.fields.filter((f) => f.column !== null).length;

/**
 * The columns step's summary line. With every required field found it reads as success ("All required
 * fields found (20 of 22 columns; 2 optional not present)"); otherwise it names the missing required fields.
 */
export function mappingSummary(detected: DetectResult): { text: string; missingRequired: boolean } {
  const missing = detected.fields.filter((f) => f.required && f.column === null).map((f) => f.label);
  const found = mappedCount(detected);
  const total = detected.fields.length;
  if (missing.length > 0) {
    return { text: `Required ${missing.length === 1 ? 'field' : 'fields'} missing: ${missing.join(', ')} (${found} of ${total} found)`, missingRequired: true };
  }
  const optional = total - found;
  return {
    text: optional === 0 ? `All ${total} fields found` : `All required fields found (${found} of ${total} columns; ${optional} optional not present)`,
    missingRequired: false,
  };
}

/** Fills the columns step. Column letters assume the range starts in the tab's column A, as detect reports it. */
export function renderMappingSection(container: HTMLElement, detected: DetectResult, handlers: MappingHandlers): void {
  const firstCol = rangeFirstColumn(detected.range);
  const headerOptions = detected.headers.map((header, index) => ({
    value: String(index),
    label: `${columnLetter(firstCol + index)}: ${header === '' ? '(no header)' : header}`,
  }));
  const fields = detected.fields.map((f) => {
    const missing = f.column === null;
    return selectField({
      label: f.label,
      name: `map-${f.field}`,
      flag: f.required ? '(required)' : missing ? '(not found)' : f.source === 'explicit' ? '(set by you)' : undefined,
      className: [f.required ? 'required' : '', missing && !f.required ? 'unmapped' : '', missing && f.required ? 'missing-required' : ''].filter(Boolean).join(' '),
      options: [{ value: '', label: '— not in the table —' }, ...headerOptions],
      value: f.column === null ? '' : String(f.column),
      onChange: (value) => handlers.onChange(f.field, value === '' ? null : Number(value)),
    });
  });
  replaceChildren(container, [
    el('p', { className: 'hint', text: 'Each field is matched to a column by its header. Change any that are wrong; your choices are saved with the file.' }),
    ...fields,
    el('button', { className: 'secondary', text: 'Reset columns to detected', attrs: { type: 'button', name: 'reset-mapping' }, on: { click: handlers.onReset } }),
  ]);
}

// "C4:K20" -> 2 (column C). The range names real sheet columns; headers are indexed within it.
const rangeFirstColumn = (range: string): number => {
  const letters = /^([A-Z]+)/.exec(range)?.[1] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};
