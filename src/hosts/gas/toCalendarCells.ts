/**
 * Turns the Date objects Sheets hands over into the calendar days the sheet shows, as dates at UTC
 * midnight: the engine reads such a date as its day number with one division (SPEC 2.3), never as
 * text to parse again.
 */
import type { Cell } from '../../core/index';

/**
 * The day a Sheets date shows, as a Date at UTC midnight of that day (the same Date object for the
 * same instant), or null for an invalid date.
 */
export type DayOfDate = (date: Date) => Date | null;

const MS_PER_DAY = 86_400_000;

const isDate = (value: unknown): value is Date =>
  typeof value === 'object' && value !== null && (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]');

/**
 * The resolver for the active spreadsheet: Sheets gives a date cell as the instant of midnight in the
 * spreadsheet's time zone, while the script may run in another zone, so the day is read in the
 * spreadsheet's zone (SPEC 2.3: dates are calendar days, no time-zone shifts). A range holds a few
 * thousand distinct days at most, so each distinct instant is resolved once.
 */
export function spreadsheetDays(timeZone: string | null): DayOfDate {
  const seen = new Map<number, Date | null>();
  const utcMidnight = (year: number, month: number, day: number): Date => {
    const at = new Date(0);
    at.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0-99 to 1900-1999
    return at;
  };
  const dayOf = (d: Date): Date | null => {
    if (!timeZone) return utcMidnight(d.getFullYear(), d.getMonth() + 1, d.getDate());
    const [year, month, day] = Utilities.formatDate(d, timeZone, 'yyyy-MM-dd').split('-').map(Number);
    return year === undefined || month === undefined || day === undefined || Number.isNaN(year + month + day) ? null : utcMidnight(year, month, day);
  };
  return (d) => {
    const key = d.getTime();
    let canonical = seen.get(key);
    if (canonical === undefined) {
      canonical = Number.isNaN(key) ? null : dayOf(d);
      if (canonical !== null && canonical.getTime() % MS_PER_DAY !== 0) canonical = null;
      seen.set(key, canonical);
    }
    return canonical;
  };
}

/** One value as the engine should see it: dates as their calendar day, anything not a cell value as "". */
export function toCalendarCell(value: unknown, days: DayOfDate): Cell {
  if (value === null || value === undefined) return '';
  const kind = typeof value;
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return value as Cell;
  if (isDate(value)) return days(value) ?? '';
  return String(value);
}

/**
 * A range's values (rows of cells) as the engine should see them. Only rows that hold a date or an odd value are
 * copied (the input is not changed); every other row is handed on as it is. Rows keep their
 * positions so sheet row numbers stay right.
 */
export function toCalendarCells(values: readonly unknown[], days: DayOfDate): Cell[][] {
  const out: Cell[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    // A range is rows of cells; a bare value where a row should be is a one-cell row.
    out[r] = calendarRow(Array.isArray(row) ? row : [row], days, false);
  }
  return out;
}

/**
 * The same, changing the rows themselves: for values the host has just read for the engine alone
 * (Range.getValues() returns a fresh array every call), so no row is copied.
 */
export function toCalendarCellsInPlace(values: unknown[][], days: DayOfDate): Cell[][] {
  for (const row of values) calendarRow(row, days, true);
  return values as Cell[][];
}

function calendarRow(row: readonly unknown[], days: DayOfDate, inPlace: boolean): Cell[] {
  let out: Cell[] | null = inPlace ? (row as Cell[]) : null;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    const kind = typeof value;
    if (kind === 'string' || kind === 'number' || kind === 'boolean') continue;
    out ??= row.slice() as Cell[];
    out[c] = toCalendarCell(value, days);
  }
  return out ?? (row as Cell[]);
}
