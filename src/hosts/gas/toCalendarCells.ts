/** Turns the Date objects Sheets hands over into calendar-day text in the spreadsheet's time zone. */
import type { Cell } from '../../core/index';

/** Formats a Date as yyyy-MM-dd in a time zone (Utilities.formatDate in Apps Script). */
export type DayFormatter = (date: Date) => string;

const isDate = (value: unknown): value is Date =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The formatter for the active spreadsheet: Sheets gives a date cell as the instant of midnight in the
 * spreadsheet's time zone, while the script may run in another zone, so the day is read in the
 * spreadsheet's zone (SPEC 2.3: dates are calendar days, no time-zone shifts).
 */
export function spreadsheetDayFormatter(timeZone: string | null): DayFormatter {
  if (!timeZone) return (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const seen = new Map<number, string>();
  return (d) => {
    const key = d.getTime();
    let day = seen.get(key);
    if (day === undefined) {
      day = Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
      seen.set(key, day);
    }
    return day;
  };
}

/** One value as the engine should see it: dates become ISO days, anything not a cell value becomes "". */
export function toCalendarCell(value: unknown, day: DayFormatter): Cell {
  if (value === null || value === undefined) return '';
  const kind = typeof value;
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return value as Cell;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : day(value);
  return String(value);
}

/**
 * A range's values as the engine should see them (a new grid; the input is not changed). Rows keep
 * their positions so sheet row numbers stay right.
 */
export function toCalendarCells(values: readonly (readonly unknown[])[], day: DayFormatter): Cell[][] {
  return values.map((row) => row.map((value) => toCalendarCell(value, day)));
}
