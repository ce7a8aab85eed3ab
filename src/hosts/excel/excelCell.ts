/** Prepares a report cell for Excel: formula-looking text stays text (core literalText), dates become serials. */
import type { Cell } from '../../core/types';
import { literalText } from '../../core/report/ReportTab';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** One value as Range.values accepts it: string, number or boolean; blanks as "". */
export function excelCell(value: Cell): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return literalText(value);
  if (value instanceof Date) {
    // Calendar day as an Excel serial (no time-zone shift: the date's own y/m/d).
    return Math.round((Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  }
  return value;
}

/** A block's rows as a rectangle of Excel values, padded to `width` columns. */
export const excelRows = (rows: readonly (readonly Cell[])[], width: number): (string | number | boolean)[][] =>
  rows.map((row) => Array.from({ length: width }, (_, c) => excelCell(row[c])));
