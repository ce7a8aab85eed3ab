/** "Export rules as SQL": the rules as one script for BigQuery, Spark or DuckDB, to copy into a warehouse. */
import type { DetectResult, Settings } from '../../src/core/hostApi';
import { exportRulesAsSql } from '../../src/core/service/exportRulesAsSql';
import { el, uniqueId } from '../dom';
import { selectField } from '../controls';
import type { Notice } from '../notice';
import { friendlyError } from '../friendlyError';

const DIALECTS = [
  { value: 'bigquery', label: 'BigQuery (and Connected Sheets)' },
  { value: 'spark', label: 'Spark SQL / Databricks' },
  { value: 'duckdb', label: 'DuckDB' },
];

const textInput = (label: string, name: string, value: string, placeholder: string): { field: HTMLElement; input: HTMLInputElement } => {
  const id = uniqueId(name);
  const input = el('input', { attrs: { id, name, type: 'text', value, placeholder, spellcheck: 'false' } });
  return { field: el('div', { className: 'field' }, [el('label', { attrs: { for: id }, text: label }), input]), input };
};

/**
 * Builds the section's body. `current` gives the detected table and settings at the time of the
 * click, so the script always matches what the preview shows.
 */
export function sqlSectionBody(current: () => { detected: DetectResult | null; settings: Settings }, notice: Notice): HTMLElement {
  let dialect = 'bigquery';
  const dialectField = selectField({ label: 'Warehouse', name: 'sql-dialect', options: DIALECTS, value: dialect, onChange: (v) => { dialect = v; } });
  const deals = textInput('Deals table', 'sql-deals-table', 'deals', 'project.dataset.deals');
  const touches = textInput('Touches table (optional)', 'sql-touches-table', '', 'project.dataset.touches');
  const outputId = uniqueId('sql-output');
  const output = el('textarea', { className: 'sql-output', attrs: { id: outputId, name: 'sql-output', readonly: true, rows: 8, spellcheck: 'false', hidden: true } });
  const outputLabel = el('label', { attrs: { for: outputId, hidden: true }, text: 'SQL script' });
  const status = el('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  const copyButton = el('button', { className: 'secondary', text: 'Copy', attrs: { type: 'button', name: 'sql-copy', hidden: true } });

  const generate = (): void => {
    const { detected, settings } = current();
    notice.clear();
    if (!detected) {
      notice.show({ message: 'The rules can be exported once your deals are found.', next: 'Pick the deals tab first.' });
      return;
    }
    try {
      output.value = exportRulesAsSql(detected, settings, { dialect, dealsTable: deals.input.value, touchesTable: touches.input.value || null });
      output.hidden = false;
      outputLabel.hidden = false;
      copyButton.hidden = false;
      status.textContent = 'Column names assume the warehouse table uses your headers in snake_case (e.g. close_date).';
    } catch (error) {
      notice.show(friendlyError(error, 'export the rules as SQL'));
    }
  };

  copyButton.addEventListener('click', () => {
    output.select();
    const done = (): void => { status.textContent = 'Copied to the clipboard.'; };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(output.value).then(done, () => { status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected script.'; });
    else status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected script.';
  });

  return el('div', {}, [
    el('p', { className: 'hint', text: 'Run the same rules on a deals table in your data warehouse.' }),
    dialectField, deals.field, touches.field,
    el('button', { className: 'secondary', text: 'Show SQL', attrs: { type: 'button', name: 'sql-generate' }, on: { click: generate } }),
    notice.element, outputLabel, output, copyButton, status,
  ]);
}
