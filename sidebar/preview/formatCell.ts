/** How the preview's read-only grid prints a cell: roughly what Sheets would show for the format. */
import type { Cell } from '../../src/core/types';
import type { FormatName } from '../../src/core/report/ReportTab';

const EPOCH = Date.UTC(1899, 11, 30);

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The text a spreadsheet would display for this value and format. */
export function formatCell(value: Cell, format: FormatName | null = null): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value.startsWith("'") ? value.slice(1) : value; // the "this is text" apostrophe is not shown
  switch (format) {
    case 'money': return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'integer': return Math.round(value).toLocaleString('en-US');
    case 'days': return value.toFixed(1);
    case 'date': return isoDay(new Date(EPOCH + Math.round(value) * 86400000));
    default: return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  }
}

/** True when the cell should be right-aligned like a number. */
export const isNumeric = (value: Cell): boolean => typeof value === 'number';
