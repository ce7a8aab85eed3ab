/**
 * Date cells read in SQL as the engine's parseDate reads them (src/core/values/parseDate.ts): ISO
 * text with or without a time, "10/18/2024" or "18.10.2024" month- or day-first as decided for the
 * column, "18-Oct-2024" and "October 18, 2024", and Excel serial numbers (1990-2100). A DATE or
 * TIMESTAMP column reads the same: its value cast to text is ISO. The calendar day is computed with
 * integer arithmetic (validity, leap years, days since 1970-01-01), so the three dialects agree to
 * the day without relying on each one's strptime and its own idea of what "%m" or "%y" accepts.
 */
import type { SqlDialect } from './sqlDialect';
import { dayFromParts } from '../values/parseDate';

/** Month-first or day-first, as columnLocale's decideDateOrder (or the dateOrder setting) says. */
export type SqlDateOrder = 'MDY' | 'DMY';

/** Serial 25569 is 1970-01-01 in the 1900 date system (plain numbers are serials only from 1990 to 2100). */
const SERIAL_EPOCH = 25_569;
const FIRST_DAY = dayFromParts(1990, 1, 1)!;
const LAST_DAY = dayFromParts(2100, 12, 31)!;

/** parseDate's ISO pattern; the offset may also be two digits ("+00"), as a TIMESTAMP WITH TIME ZONE casts to text. */
const ISO = ['[0-9]{4}', '[0-9]{1,2}', '[0-9]{1,2}'];
const ISO_SEP = ['-', '-'];
const ISO_TAIL = '(?:[Tt ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?\\s*(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?';
/** parseDate's SLASHED: "10/18/2024", "18.10.24", "2024/03/01", with an optional time. */
const SLASHED = ['[0-9]{1,4}', '[0-9]{1,2}', '[0-9]{1,4}'];
const SLASHED_SEP = ['[/.-]', '[/.-]'];
const SLASHED_TAIL = '(?:\\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\\s*(?:[aApP][mM])?)?';
/** parseDate's NAMED_DMY ("18-Oct-2024", "18 October 24") and NAMED_MDY ("October 18, 2024", "Oct 18th 2024"). */
const NAMED_DMY = ['[0-9]{1,2}', '[a-zA-Z]{3,9}', '[0-9]{2,4}'];
const NAMED_DMY_SEP = ['[\\s-]+', '\\.?[\\s,-]+'];
const NAMED_MDY = ['[a-zA-Z]{3,9}', '[0-9]{1,2}', '[0-9]{4}'];
const NAMED_MDY_SEP = ['\\.?\\s+', '(?:st|nd|rd|th|ST|ND|RD|TH)?,?\\s+'];

const MONTHS: readonly [string, number][] = [['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9],
  ['sept', 9], ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12]];

/** The whole-text pattern of three parts, with only part `n` (0-2) captured, or none captured for n = -1. */
const shape = (parts: readonly string[], seps: readonly string[], tail: string, n: number): string =>
  `^${parts.map((p, i) => (i === n ? `(${p})` : `(?:${p})`)).map((p, i) => (i < 2 ? p + seps[i]! : p)).join('')}${tail}$`;

/** One date column of a query: its trimmed text column, the day column to add, and its order. */
export interface SqlDateColumn {
  readonly text: string;
  readonly day: string;
  readonly order: SqlDateOrder;
}

/** Format codes of a date text: blank or unreadable, plain number, ISO, slashed, named day-first, named month-first. */
const NONE = 0, NUMBER = 1, ISO_F = 2, SLASHED_F = 3, NAMED_DMY_F = 4, NAMED_MDY_F = 5;

/** Expressions for one dialect. */
export class DateSql {
  constructor(private readonly d: SqlDialect) {}

  /**
   * A query over `source` (a table name or parenthesised query) that keeps its columns `keep` and adds, for each
   * date column, its day (days since 1970-01-01, NULL when blank or not a date). The text is read in four small
   * steps, each a column of the step before, so every text is matched once per format and cut once per part:
   * its format, its three parts as text, year/month/day as integers, and the day.
   */
  dayQuery(source: string, keep: readonly string[], columns: readonly SqlDateColumn[]): string {
    const { d } = this;
    const big = d.types.bigint;
    const formats: [number, readonly string[], readonly string[], string][] = [
      [ISO_F, ISO, ISO_SEP, ISO_TAIL], [SLASHED_F, SLASHED, SLASHED_SEP, SLASHED_TAIL],
      [NAMED_DMY_F, NAMED_DMY, NAMED_DMY_SEP, ''], [NAMED_MDY_F, NAMED_MDY, NAMED_MDY_SEP, '']];
    const f = (i: number): string => `pa_f${i}`;
    const p = (i: number, n: number): string => `pa_p${i}_${n}`;
    const ymd = (i: number, n: 'y' | 'm' | 'd'): string => `pa_${n}${i}`;
    const serial = (i: number): string => `pa_s${i}`;

    // Step 1: the format.
    const step1 = columns.map((c, i) => `CASE WHEN ${c.text} = '' THEN ${NONE}
    WHEN ${d.matches(c.text, d.str('^[0-9]+(?:\\.[0-9]+)?$'))} THEN ${NUMBER}
    ${formats.map(([code, parts, seps, tail]) => `WHEN ${d.matches(c.text, d.str(shape(parts, seps, tail, -1)))} THEN ${code}`).join('\n    ')}
    ELSE ${NONE} END AS ${f(i)}`);
    // Step 2: the parts as text, each cut out by its format's pattern with only that part captured.
    const cut = (t: string, parts: readonly string[], seps: readonly string[], tail: string, n: number): string =>
      d.keepGroup1(t, d.str(`${shape(parts, seps, tail, n)}|^[\\s\\S]*$`));
    const step2 = columns.flatMap((c, i) => [
      ...[0, 1, 2].map((n) => `CASE ${f(i)} ${formats.map(([code, parts, seps, tail]) => `WHEN ${code} THEN ${cut(c.text, parts, seps, tail, n)}`).join(' ')} ELSE '' END AS ${p(i, n)}`),
      `CASE WHEN ${f(i)} = ${NUMBER} AND LENGTH(${c.text}) <= 15 THEN CAST(FLOOR(${d.tryDouble(c.text)}) AS ${big}) - ${SERIAL_EPOCH} END AS ${serial(i)}`]);
    // Step 3: year, month and day as integers (a cast only ever sees digits).
    const num = (x: string): string => `CAST(NULLIF(${x}, '') AS ${big})`;
    const fullYear = (x: string): string => `CASE WHEN LENGTH(${x}) <= 2 THEN CASE WHEN ${num(x)} < 30 THEN 2000 + ${num(x)} ELSE 1900 + ${num(x)} END ELSE ${num(x)} END`;
    const month = (x: string): string => `CASE LOWER(${x}) ${MONTHS.map(([m, k]) => `WHEN '${m}' THEN ${k}`).join(' ')} END`;
    const step3 = columns.flatMap((c, i) => {
      const [a, b, e] = [p(i, 0), p(i, 1), p(i, 2)];
      const slashed = (whenYearFirst: string, otherwise: string): string =>
        `CASE WHEN LENGTH(${a}) = 4 THEN ${whenYearFirst} WHEN LENGTH(${e}) = 3 OR LENGTH(${e}) = 1 THEN NULL ELSE ${otherwise} END`;
      const [mS, dS] = c.order === 'MDY' ? [a, b] : [b, a];
      return [
        `CASE ${f(i)} WHEN ${ISO_F} THEN ${num(a)} WHEN ${SLASHED_F} THEN ${slashed(num(a), fullYear(e))}
    WHEN ${NAMED_DMY_F} THEN ${fullYear(e)} WHEN ${NAMED_MDY_F} THEN ${num(e)} END AS ${ymd(i, 'y')}`,
        `CASE ${f(i)} WHEN ${ISO_F} THEN ${num(b)} WHEN ${SLASHED_F} THEN ${slashed(num(b), num(mS))}
    WHEN ${NAMED_DMY_F} THEN ${month(b)} WHEN ${NAMED_MDY_F} THEN ${month(a)} END AS ${ymd(i, 'm')}`,
        `CASE ${f(i)} WHEN ${ISO_F} THEN ${num(e)} WHEN ${SLASHED_F} THEN ${slashed(num(e), num(dS))}
    WHEN ${NAMED_DMY_F} THEN ${num(a)} WHEN ${NAMED_MDY_F} THEN ${num(b)} END AS ${ymd(i, 'd')}`];
    });
    // Step 4: the day; a plain number is an Excel serial (the time fraction dropped) when it names a day from 1990 to 2100.
    const step4 = columns.map((c, i) => `CASE WHEN ${f(i)} = ${NUMBER} THEN CASE WHEN ${serial(i)} BETWEEN ${FIRST_DAY} AND ${LAST_DAY} THEN ${serial(i)} END
    WHEN ${f(i)} = ${NONE} THEN CAST(NULL AS ${big})
    ELSE ${this.fromParts(ymd(i, 'y'), ymd(i, 'm'), ymd(i, 'd'))} END AS ${c.day}`);
    return `SELECT ${[...keep.map((k) => `pa_d4.${k}`), ...step4].join(',\n  ')}
FROM (SELECT pa_d3.*, ${step3.join(',\n  ')}
  FROM (SELECT pa_d2.*, ${step2.join(',\n  ')}
    FROM (SELECT pa_d1.*, ${step1.join(',\n  ')}
      FROM ${source} pa_d1) pa_d2) pa_d3) pa_d4`;
  }

  /**
   * Days since 1970-01-01 of year, month and day (integer expressions), NULL when the date does not
   * exist (31 April, 29 February 2023, month 13, year 0): Howard Hinnant's days_from_civil.
   */
  fromParts(year: string, month: string, day: string): string {
    const { d } = this;
    const div = (x: string, y: number): string => `CAST(FLOOR(CAST(${x} AS ${d.types.double}) / ${y}) AS ${d.types.bigint})`;
    const mod = (x: string, y: number): string => `(${x} - ${y} * ${div(x, y)})`;
    const y = `(${year})`, m = `(${month})`, dd = `(${day})`;
    const leap = `((${mod(y, 4)} = 0 AND ${mod(y, 100)} <> 0) OR ${mod(y, 400)} = 0)`;
    const days = `CASE WHEN ${m} IN (4, 6, 9, 11) THEN 30 WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ELSE 31 END`;
    const ya = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
    const era = div(ya, 400);
    const yoe = `(${ya} - 400 * ${era})`;
    const mp = `(CASE WHEN ${m} > 2 THEN ${m} - 3 ELSE ${m} + 9 END)`;
    const doy = `(${div(`153 * ${mp} + 2`, 5)} + ${dd} - 1)`;
    const doe = `(${yoe} * 365 + ${div(yoe, 4)} - ${div(yoe, 100)} + ${doy})`;
    return `CASE WHEN ${y} BETWEEN 1 AND 9999 AND ${m} BETWEEN 1 AND 12 AND ${dd} BETWEEN 1 AND ${days}
      THEN ${era} * 146097 + ${doe} - 719468 END`;
  }
}
