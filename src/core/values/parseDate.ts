/**
 * Dates as calendar days (SPEC 2.3): host Date objects, serial numbers (1900 or 1904 date system),
 * ISO text and US (or, by setting, day-first) text, with or without a time. A day is an integer:
 * days since 1970-01-01. No time-zone shifts: a day is the day the sheet shows.
 */
import type { Cell, DateSystem } from '../types';

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01 in the 1900 date system. */
const SERIAL_EPOCH = 25_569;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * Days since 1970-01-01 of a calendar date (month 1-12, years 1-9999 of the proleptic Gregorian
 * calendar, as Date's UTC fields count them), or null when the date does not exist (31 April,
 * 29 February 2023). Integer arithmetic (H. Hinnant's days_from_civil), no Date: a file's every
 * date text passes through here.
 */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1 && year <= 9999)) return null;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month]!)) return null;
  const y = month <= 2 ? year - 1 : year; // years start in March, so the leap day ends them
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "2024-03-01" exactly (ten characters, as CRM exports and ISO write dates) as a day, read without a
 * regular expression; null for any other text (parseDateText reads the rest).
 */
export function isoDay(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? null : dayFromParts(year, month, day);
}

/** The number `count` digits at `from` spell; -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A day as ISO text, e.g. 19783 -> "2024-03-01" (integer arithmetic, no Date: reasons call it for every dated deal). */
export const formatDay = (day: number): string => {
  const { year, month, day: dd } = partsOfDay(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dd < 10 ? '0' : ''}${dd}`;
};

/** The 1900-system serial of a day (Excel and Sheets both show it as that date). */
export const serialFromDay = (day: number): number => day + SERIAL_EPOCH;

/**
 * Calendar parts of a day. Whole days within Date's range are counted out in integer arithmetic
 * (H. Hinnant's civil_from_days: the proleptic Gregorian calendar, as Date's UTC fields give it);
 * the tabs ask this for every deal's dates, and a Date object per call was a measurable part of them.
 */
export function partsOfDay(day: number): { year: number; month: number; day: number } {
  if (!Number.isInteger(day) || Math.abs(day) > MAX_DATE_DAYS) {
    const d = new Date(day * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const z = day + 719_468; // days since 0000-03-01: years start in March, so the leap day ends them
  const era = Math.floor(z / 146_097); // 400-year cycles
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}
/** Date's range: 100 million days either side of 1970. */
const MAX_DATE_DAYS = 100_000_000;

/** Today as a day, from the machine's clock in its own time zone. */
export const today = (): number => {
  const now = new Date();
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
};

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?)?$/i;
const NAMED_DMY = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{2,4})$/i;
const NAMED_MDY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

const fullYear = (y: number, digits: number): number => (digits <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y);

/** Parses date text; null when it is not a date. */
export function parseDateText(text: string, order: 'MDY' | 'DMY'): number | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(t);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) return dayFromParts(Number(a), Number(b), Number(c)); // 2024/03/01
    if (c.length === 3 || c.length === 1) return null;
    const year = fullYear(Number(c), c.length);
    return order === 'MDY' ? dayFromParts(year, Number(a), Number(b)) : dayFromParts(year, Number(b), Number(a));
  }
  m = NAMED_DMY.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? dayFromParts(fullYear(Number(m[3]), m[3]!.length), month, Number(m[1])) : null;
  }
  m = NAMED_MDY.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? dayFromParts(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** A 1900-system serial (with the 1900 leap-year quirk) as a day; the time fraction is dropped. */
export function dayFromSerial(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 does not exist
  return whole < 60 ? whole - SERIAL_EPOCH + 1 : whole - SERIAL_EPOCH;
}

/** 1904-system serial 0 (1904-01-01) is 1900-system serial 1462. */
const SERIAL_1904_OFFSET = 1462;
/** A plain number is taken for a serial only when it falls in these years (a date-formatted cell arrives as a Date). */
const PLAUSIBLE_FIRST = dayFromParts(1990, 1, 1)!;
const PLAUSIBLE_LAST = dayFromParts(2100, 12, 31)!;

/**
 * A plain number (a General-format cell, or digits as text) read as a serial in the workbook's date
 * system, or null when the day it names falls outside 1990-2100: "2025", "1" or "20250115" are not
 * days, whatever Excel would show for them.
 */
export function serialDay(serial: number, system: DateSystem = 1900): number | null {
  const day = dayFromSerial(system === 1904 ? serial + SERIAL_1904_OFFSET : serial);
  return day !== null && day >= PLAUSIBLE_FIRST && day <= PLAUSIBLE_LAST ? day : null;
}

const YEAR_ALONE = /^(19|20)\d\d$/;
const QUARTER = /^(?:(?:fy\s*)?q[1-4][\s/-]*(?:fy\s*)?\d{2,4}|\d{4}[\s/-]*q[1-4])$/i;
const COMPACT_YMD = /^(\d{4})(\d{2})(\d{2})$/;

/** Why a cell that is not a date was refused, as a parenthesised hint for DATE_INVALID ("" when nothing useful can be said). */
export function dateHint(cell: Cell): string {
  const t = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (YEAR_ALONE.test(t)) return ' (a year alone is not a day: give the full date)';
  if (QUARTER.test(t)) return ' (a quarter is not a day: give the full date)';
  const m = COMPACT_YMD.exec(t);
  const day = m ? dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day !== null) return ` (it looks like ${formatDay(day)} without separators: write it as ${formatDay(day)})`;
  if (/^-?\d+(\.\d+)?$/.test(t)) return ' (a plain number counts as a date only as an Excel day number from 1990 to 2100: format the cell as a date)';
  return '';
}

/** A host Date as the calendar day it shows: UTC parts for exact UTC midnight (files), else local parts (hosts). */
export function dayFromDate(date: Date): number | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  if (ms % MS_PER_DAY === 0) return ms / MS_PER_DAY;
  return dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * Result of reading a date cell: a day, blank (null) or not a date (undefined). Dates (date-formatted
 * cells) are days whatever their year; plain numbers only through serialDay's plausible range.
 */
export function parseDate(cell: Cell, order: 'MDY' | 'DMY', system: DateSystem = 1900): number | null | undefined {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) return dayFromDate(cell) ?? undefined;
  if (typeof cell === 'number') return serialDay(cell, system) ?? undefined;
  if (typeof cell === 'string') {
    const iso = isoDay(cell);
    if (iso !== null) return iso;
    const t = cell.trim();
    if (t === '') return null;
    if (/^\d+(\.\d+)?$/.test(t)) return serialDay(Number(t), system) ?? undefined;
    return parseDateText(t, order) ?? undefined;
  }
  return undefined;
}
