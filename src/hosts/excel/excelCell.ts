/** Prepares a report cell for Excel: formula-looking text stays text (core literalText), dates become serials. */
import type { Cell } from '../../core/types';
import { literalText } from '../../core/report/ReportTab';
import { DAYS_1900_TO_1904 } from './dateSystem';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * One value as Range.values accepts it: string, number or boolean; blanks as "". A date becomes the
 * workbook's serial of that calendar day: in a 1904-system workbook (older Mac files) 1,462 smaller,
 * or Excel would show it four years and a day late.
 */
export function excelCell(value: Cell, date1904 = false): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return literalText(value);
  if (value instanceof Date) {
    // Calendar day as an Excel serial (no time-zone shift: the date's own y/m/d).
    const serial = Math.round((Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
    return date1904 ? serial - DAYS_1900_TO_1904 : serial;
  }
  return value;
}

/** A block's rows as a rectangle of Excel values, padded to `width` columns. */
export const excelRows = (rows: readonly (readonly Cell[])[], width: number, date1904 = false): (string | number | boolean)[][] =>
  rows.map((row) => Array.from({ length: width }, (_, c) => excelCell(row[c], date1904)));
