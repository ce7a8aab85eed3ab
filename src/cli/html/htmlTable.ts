/** An HTML <table> from a header and rows with workbook formats: numbers right-aligned in the XLSX's formats, total rows bold. */
import type { Cell, FormatName } from '../../core';
import { cellText } from '../../core';
import { escapeHtml } from './htmlText';

/** A column: its header text and format. */
export interface TableColumn { label: string; format: FormatName }

const NUMERIC = new Set<FormatName>(['money', 'percent', 'integer', 'days']);

/** One <tr> of cells. */
export function tableRow(cells: readonly Cell[], columns: readonly TableColumn[], total: boolean): string {
  let html = total ? '<tr class="total">' : '<tr>';
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    const value = cells[j];
    const numeric = NUMERIC.has(c.format) && typeof value === 'number';
    const negative = numeric && (value as number) < 0;
    html += `<td${numeric ? ` class="num${negative ? ' neg' : ''}"` : ''}>${escapeHtml(cellText(value, c.format))}</td>`;
  }
  return `${html}</tr>\n`;
}

/**
 * The table as chunks of HTML (one per row, so a long statement streams): `totalRows` trailing rows are
 * totals. `attributes` go on the <table> element as they are (the caller's own, never user text).
 */
export function* htmlTable(columns: readonly TableColumn[], rows: readonly (readonly Cell[])[], options: { totalRows?: number; attributes?: string } = {}): Generator<string> {
  yield `<div class="table-wrap"><table${options.attributes ? ` ${options.attributes}` : ''}><thead><tr>`;
  yield columns.map((c) => `<th${NUMERIC.has(c.format) ? ' class="num"' : ''} scope="col">${escapeHtml(c.label)}</th>`).join('');
  yield '</tr></thead><tbody>\n';
  const firstTotal = rows.length - (options.totalRows ?? 0);
  for (let i = 0; i < rows.length; i++) yield tableRow(rows[i]!, columns, i >= firstTotal);
  yield '</tbody></table></div>\n';
}
