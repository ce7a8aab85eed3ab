/**
 * Numbers and dates as a locale writes them, decided per column from the whole file rather than per
 * value: the decimal separator of the amount column ("1.234,56" and "12.500" together mean comma
 * decimals) and day-first or month-first for each date column ("13/01/2025" proves day-first).
 * Where nothing decides, the setting does, and the caller says so.
 */
import type { Cell, Grid } from '../types';

/** How the amount column's text is read. */
export interface DecimalDecision {
  separator: '.' | ',';
  /**
   * True when nothing in the file decides and some values read differently either way ("1.000",
   * "12.345" alone): those cells are flagged, not guessed.
   */
  ambiguous: boolean;
  /** What decided: the user's setting, the values, a ';'-delimited file, or nothing (the default). */
  source: 'setting' | 'values' | 'delimiter' | 'default';
  /** A value that proves the separator (for the note), when the values decided. */
  example: string | null;
  /** How many values said the other separator (a column that disagrees with itself). */
  against: number;
}

/** How one date column's text is read. */
export interface DateOrderDecision {
  order: 'MDY' | 'DMY';
  /** What decided: values that prove it, or the setting (nothing proved either, or the values disagree). */
  source: 'values' | 'setting' | 'conflict';
  /** A value that proves the order, or one that could be read either way (for the note); null when no text dates. */
  example: string | null;
}

/** Digits and separators of an amount text, without currency, sign and spaces used as grouping. */
const numberPart = (text: string): string => text.replace(/[^\d.,]/g, '');
/** "1.000", "12,345", "-€ 999.500": one separator followed by exactly three digits, one to three before (not "0.500"). */
const AMBIGUOUS = /^[1-9]\d{0,2}[.,]\d{3}$/;

/** A leading $, £, ¥ or ₹ (not Brazil's R$): the marks of locales whose decimal separator is the point. */
const DOT_LOCALE_MARK = /^\s*[-(]?\s*((US|A|C|NZ|HK|S)?\$|£|¥|₹)/i;

/** Which separator one value proves is the decimal one; 'either' when it reads differently both ways; null when it says nothing. */
export function decimalEvidence(text: string): '.' | ',' | 'either' | null {
  if (text.indexOf('.') < 0 && text.indexOf(',') < 0) return null; // most amounts: nothing to weigh, no regex
  const n = numberPart(text);
  const dot = n.lastIndexOf('.');
  const comma = n.lastIndexOf(',');
  if (dot < 0 && comma < 0) return null;
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : ',';
  const other = sep === '.' ? ',' : '.';
  if (n.indexOf(sep) !== n.lastIndexOf(sep)) return other; // "1.234.567": grouping, so the other is the decimal
  // A leading dollar sign ("$12,500", "US$ 1,000") is written by dot-decimal locales (R$, Brazil's, is not).
  if (AMBIGUOUS.test(n)) return DOT_LOCALE_MARK.test(text) ? '.' : 'either';
  const after = n.length - n.indexOf(sep) - 1;
  const before = n.indexOf(sep);
  return after !== 3 || before > 3 || before === 0 || n.startsWith('0') ? sep : null;
}

/**
 * Decides the amount column's decimal separator. `setting` is the user's explicit choice (null when
 * they made none); `semicolonFile` is true for a ';'-delimited CSV (European Excel's export).
 */
export function decideDecimal(grid: Grid, from: number, column: number, setting: '.' | ',' | null, semicolonFile: boolean): DecimalDecision {
  let dot = 0, comma = 0, either = 0, dotMarks = 0;
  let dotExample: string | null = null, commaExample: string | null = null;
  for (let r = from; r < grid.length; r++) {
    const cell = grid[r]![column];
    if (typeof cell !== 'string' || cell === '') continue;
    const evidence = decimalEvidence(cell);
    if (evidence === '.') { dot++; dotExample ??= cell.trim(); }
    else if (evidence === ',') { comma++; commaExample ??= cell.trim(); }
    else if (evidence === 'either') either++;
    if (!startsWithDigit(cell) && DOT_LOCALE_MARK.test(cell)) dotMarks++;
  }
  if (setting !== null) return { separator: setting, ambiguous: false, source: 'setting', example: null, against: setting === '.' ? comma : dot };
  if (comma > dot) return { separator: ',', ambiguous: false, source: 'values', example: commaExample, against: dot };
  if (dot > comma) return { separator: '.', ambiguous: false, source: 'values', example: dotExample, against: comma };
  if (semicolonFile) return { separator: ',', ambiguous: false, source: 'delimiter', example: null, against: 0 };
  // "$800" or "£10" elsewhere in the column: written where the point is the decimal separator.
  return { separator: '.', ambiguous: either > 0 && dotMarks === 0, source: 'default', example: null, against: 0 };
}

/** True for an amount text that the ambiguous column must not guess: "1.000" could be one or a thousand. */
export const isAmbiguousAmount = (cell: Cell): boolean => typeof cell === 'string' && decimalEvidence(cell) === 'either';

const startsWithDigit = (text: string): boolean => { const c = text.charCodeAt(0); return c >= 48 && c <= 57; };
/** '/', '.' or '-': what PARTS allows after a date's first one or two digits. */
const isPartsSeparator = (c: number): boolean => c === 47 || c === 46 || c === 45;

/** "03/04/2025", "13.01.25": day, month and year parts of a text date, not year first. */
const PARTS = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[\sT].*)?$/;

/** Decides day-first or month-first for one date column; `setting` is the policy's dateOrder. */
export function decideDateOrder(grid: Grid, from: number, column: number, setting: 'MDY' | 'DMY'): DateOrderDecision {
  return decideDateOrders(grid, from, [column], setting)[0]!;
}

/** What one date column's text dates have shown so far: the first value proving each order, and one that could be either. */
interface OrderEvidence { dmy: string | null; mdy: string | null; either: string | null }

/**
 * decideDateOrder for several date columns in one pass over the rows (each row is read once, not
 * once per column: a pass over a large grid costs its memory traffic more than its work).
 */
export function decideDateOrders(grid: Grid, from: number, columns: readonly number[], setting: 'MDY' | 'DMY'): DateOrderDecision[] {
  const seen: OrderEvidence[] = columns.map(() => ({ dmy: null, mdy: null, either: null }));
  let open = columns.length; // columns not yet proven both ways (a conflict needs no further rows)
  for (let r = from; r < grid.length && open > 0; r++) {
    const cells = grid[r]!;
    for (let k = 0; k < columns.length; k++) {
      const cell = cells[columns[k]!];
      if (typeof cell !== 'string') continue;
      const e = seen[k]!;
      if (e.dmy !== null && e.mdy !== null) continue;
      // "2024-03-01" and most other cells fail PARTS at their second or third character: skip the regex.
      if (startsWithDigit(cell) && !isPartsSeparator(cell.charCodeAt(1)) && !isPartsSeparator(cell.charCodeAt(2))) continue;
      const m = PARTS.exec(cell.trim());
      if (!m) continue;
      const a = Number(m[1]), b = Number(m[3]);
      // dd.mm.yyyy is how day-first locales write dates; nobody writes month first with dots.
      if (a > 12 || (m[2] === '.' && b <= 12)) e.dmy ??= cell.trim();
      else if (b > 12) e.mdy ??= cell.trim();
      else if (a !== b) e.either ??= cell.trim();
      if (e.dmy !== null && e.mdy !== null) open--;
    }
  }
  return seen.map(({ dmy, mdy, either }): DateOrderDecision => {
    if (dmy !== null && mdy !== null) return { order: setting, source: 'conflict', example: setting === 'DMY' ? mdy : dmy };
    if (dmy !== null) return { order: 'DMY', source: 'values', example: dmy };
    if (mdy !== null) return { order: 'MDY', source: 'values', example: mdy };
    return { order: setting, source: 'setting', example: either };
  });
}
