/** A report cell as text, the way the workbook's number formats show it ("1,234.50", "36.3%", "1,204"): for the HTML pages. */
import type { Cell } from '../types';
import type { FormatName } from './ReportTab';
import { formatMoney } from './buildReportTabs';

const grouped = (n: number): string => {
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return `${n < 0 && Math.round(Math.abs(n)) > 0 ? '-' : ''}${out}`;
};

const isoDay = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`);

/**
 * The text of `value` under the workbook format `format` (FORMATS): money with two decimals and
 * thousands commas, percent with one decimal, integers grouped, days with one decimal, dates as
 * yyyy-mm-dd. Blank, null and non-finite numbers are "". Text is returned as it is.
 */
export function cellText(value: Cell, format: FormatName | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return isoDay(value);
  if (!Number.isFinite(value)) return '';
  switch (format) {
    case 'money': return formatMoney(value);
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'integer': return grouped(value);
    case 'days': return value.toFixed(1);
    default: return String(value);
  }
}
