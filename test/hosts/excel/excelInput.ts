/**
 * Test helper: what Excel stores when a string arrives through Range.values, as when a user types it
 * (en-US). A cell formatted "@" (Text) keeps the string; otherwise a leading apostrophe marks text and
 * is dropped, "=" starts a formula, "+"/"-"/"@" before something that is not a number start one too,
 * numbers lose their leading zeros, thousands separators, "$" and "%", dates become serials and
 * TRUE/FALSE become booleans.
 */

/** What one written string becomes: a stored value, or a formula to evaluate. */
export type ExcelInput = { kind: 'value'; value: string | number | boolean } | { kind: 'formula'; formula: string };

const MS_PER_DAY = 86_400_000;
/** Serial of a calendar day: 1900 system (with the 1900 leap-year quirk folded into the epoch) or 1904. */
export const serialOf = (year: number, month: number, day: number, date1904 = false): number => {
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  return date1904 ? days - 1462 : days;
};

const NUMBER = /^([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?(%?)$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const asNumber = (text: string): number | null => {
  const paren = /^\((.*)\)$/.exec(text);
  const body = paren ? paren[1]! : text;
  const m = NUMBER.exec(body);
  if (!m) return null;
  const digits = body.replace(/[$,%]/g, '');
  let n = Number(digits);
  if (!Number.isFinite(n)) return null;
  if (m[3]) n /= 100;
  return paren ? -n : n;
};

const validDay = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Converts one string written into a cell whose number format is `format`. */
export function excelInput(text: string, format: string, date1904 = false): ExcelInput {
  if (format === '@') return { kind: 'value', value: text.startsWith("'") ? text.slice(1) : text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { kind: 'formula', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'value', value: text };
  const number = asNumber(trimmed);
  if (number !== null) return { kind: 'value', value: number };
  if (/^[+\-@]./.test(trimmed)) return { kind: 'formula', formula: `=${trimmed}` };
  const iso = ISO_DATE.exec(trimmed);
  if (iso && validDay(+iso[1]!, +iso[2]!, +iso[3]!)) return { kind: 'value', value: serialOf(+iso[1]!, +iso[2]!, +iso[3]!, date1904) };
  const us = US_DATE.exec(trimmed);
  if (us && validDay(+us[3]!, +us[1]!, +us[2]!)) return { kind: 'value', value: serialOf(+us[3]!, +us[1]!, +us[2]!, date1904) };
  if (/^true$/i.test(trimmed)) return { kind: 'value', value: true };
  if (/^false$/i.test(trimmed)) return { kind: 'value', value: false };
  return { kind: 'value', value: text };
}
