/**
 * Date cells of an .xlsx as Date objects the engine reads by the day the sheet shows: a whole day at
 * UTC midnight, a date with a time as that wall-clock time in local time (the engine reads such a Date
 * by its local parts), so the calendar day never shifts with the machine's time zone.
 */
import type { DateSystem } from '../../core';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of the 1900 system for serials from 61 on (Excel counts a 29 February 1900 that never was). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MAX_SERIAL = 2_958_465; // 9999-12-31

/** A Date for calendar day `ms` (UTC midnight) plus a fraction of a day. */
function withTime(dayMs: number, fraction: number): Date {
  if (fraction === 0) return new Date(dayMs);
  const day = new Date(dayMs);
  const seconds = Math.round(fraction * 86_400);
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, 0, seconds);
}

/** A date-formatted number cell as a Date in the workbook's date system; null for serials no calendar has (negative, 1900-02-29, past 9999). */
export function serialDate(serial: number, system: DateSystem): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  const fraction = serial - whole;
  if (system === 1904) return withTime(EPOCH_1904 + whole * MS_PER_DAY, fraction);
  if (whole === 60) return null;
  if (whole === 0) return null; // 1900-01-00: a time alone, not a date
  return withTime(EPOCH_1900 + (whole < 60 ? whole + 1 : whole) * MS_PER_DAY, fraction);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A `t="d"` cell's ISO 8601 text as a Date of the day it names; null when it is not ISO text. */
export function isoDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  const hours = Number(m[4] ?? 0), minutes = Number(m[5] ?? 0), seconds = Number(m[6] ?? 0);
  if (hours === 0 && minutes === 0 && seconds === 0) return d;
  return new Date(year, month - 1, day, hours, minutes, seconds);
}
