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

/** Days since 1970-01-01 of a calendar date (month 1-12), or null when the date does not exist. */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0-99 to 1900-1999
  if (d.getUTCDate() !== day) return null; // 31 April, 29 Feb 2023 ...
  return Math.round(d.getTime() / MS_PER_DAY);
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
    const t = cell.trim();
    if (t === '') return null;
    if (/^\d+(\.\d+)?$/.test(t)) return serialDay(Number(t), system) ?? undefined;
    return parseDateText(t, order) ?? undefined;
  }
  return undefined;
}
