/** Value coercion of SPEC 2.3: amounts, dates, booleans and spreadsheet errors as spreadsheets really hold them. */
import { parseAmount } from '../../src/core/values/parseAmount';
import { parseDate, formatDay, dayFromSerial, dayFromParts, dateHint } from '../../src/core/values/parseDate';
import { parseBoolean } from '../../src/core/values/parseBoolean';
import { isSpreadsheetError } from '../../src/core/values/spreadsheetErrors';

const amount = (cell: unknown, sep: '.' | ',' = '.') => {
  const r = parseAmount(cell as never, sep);
  return r.kind === 'ok' ? r.value : r.kind;
};
const day = (cell: unknown, order: 'MDY' | 'DMY' = 'MDY') => {
  const d = parseDate(cell as never, order);
  return typeof d === 'number' ? formatDay(d) : d;
};

describe('amounts', () => {
  it.each([
    [1200.5, 1200.5], ['$1,200.50', 1200.5], ['USD 1200', 1200], ['(1,200)', -1200], ['-€5', -5], ['1200 EUR', 1200],
    ['£ 3,000', 3000], ['1,234,567.89', 1234567.89], ['  42 ', 42], ['1.5E+03', 1500], ['$(250.00)', -250], ['250-', -250],
  ])('reads %p as %p', (cell, expected) => expect(amount(cell)).toBe(expected));

  it('reads comma decimals only when the locale setting says so', () => {
    expect(amount('1.234,56 €', ',')).toBe(1234.56);
    expect(amount('1 234,5', ',')).toBe(1234.5);
    expect(amount('1.234,56 €', '.')).toBe('invalid');
  });

  it.each(['12,34', 'abc', '1.2.3', '$', 'TRUE', '1,23,456'])('refuses %p rather than guessing', (cell) => {
    expect(amount(cell)).toBe('invalid');
  });

  it('treats empty cells as missing and booleans or dates as not amounts', () => {
    expect(amount('')).toBe('blank');
    expect(amount(null)).toBe('blank');
    expect(amount(true)).toBe('invalid');
    expect(amount(new Date())).toBe('invalid');
    expect(amount(Number.NaN)).toBe('invalid');
  });

  it('remembers a currency code written in the amount', () => {
    expect(parseAmount('USD 1200', '.')).toEqual({ kind: 'ok', value: 1200, currency: 'USD', mark: null });
    expect(parseAmount('1.200,00 EUR', ',')).toEqual({ kind: 'ok', value: 1200, currency: 'EUR', mark: null });
  });
});

describe('dates', () => {
  it('reads 1900-system serials, including 45292 as 2024-01-01, and drops the time fraction', () => {
    expect(day(45292)).toBe('2024-01-01');
    expect(day(45292.75)).toBe('2024-01-01');
    expect(formatDay(dayFromSerial(1)!)).toBe('1900-01-01');
    expect(formatDay(dayFromSerial(61)!)).toBe('1900-03-01');
    expect(dayFromSerial(60)).toBeNull();
  });

  it('takes a plain number for a serial only when it names a day from 1990 to 2100', () => {
    expect(day(32874)).toBe('1990-01-01');
    expect(day(73415)).toBe('2100-12-31');
    expect(day('45292')).toBe('2024-01-01');
    // A bare year, a small integer and a compact YYYYMMDD are not serials 1905, 1900 and 57346.
    for (const cell of [2025, '2025', 1, '1', 61, 20250115, '20250115', 32873, 73416]) expect(day(cell)).toBeUndefined();
    // A date-formatted cell arrives as a Date, and keeps any year.
    expect(day(new Date(Date.UTC(1985, 5, 1)))).toBe('1985-06-01');
  });

  it('reads serials of the 1904 date system (Mac Excel) four years and a day later', () => {
    expect(formatDay(parseDate(43830, 'MDY', 1904)!)).toBe('2024-01-01');
    expect(formatDay(parseDate('43830', 'MDY', 1904)!)).toBe('2024-01-01');
    expect(formatDay(parseDate(43830, 'MDY')!)).toBe('2019-12-31');
  });

  it.each([
    ['2025', 'a year alone is not a day'], ['Q3 2025', 'a quarter is not a day'], ['2025 Q3', 'a quarter is not a day'],
    ['20250115', 'it looks like 2025-01-15 without separators'], ['1', 'an Excel day number from 1990 to 2100'],
  ])('says why %p is not a date', (cell, hint) => {
    expect(day(cell)).toBeUndefined();
    expect(dateHint(cell)).toContain(hint);
  });

  it('reads ISO and US text with or without a time, and day-first text by setting', () => {
    expect(day('2024-03-01')).toBe('2024-03-01');
    expect(day('2024-03-01T15:30:00Z')).toBe('2024-03-01');
    expect(day('2024-03-01 23:59')).toBe('2024-03-01');
    expect(day('03/04/2024')).toBe('2024-03-04');
    expect(day('03/04/24')).toBe('2024-03-04');
    expect(day('3/4/2024 10:15 AM')).toBe('2024-03-04');
    expect(day('03/04/2024', 'DMY')).toBe('2024-04-03');
    expect(day('5 Mar 2024')).toBe('2024-03-05');
    expect(day('March 5, 2024')).toBe('2024-03-05');
  });

  it('reads host Date objects as the calendar day they show, without time-zone shifts', () => {
    expect(day(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(day(new Date(2024, 2, 1, 0, 0, 0))).toBe('2024-03-01');
    expect(day(new Date(2024, 2, 1, 23, 30, 0))).toBe('2024-03-01');
  });

  it('handles dates before 1900 and far in the future in text', () => {
    expect(day('1850-06-15')).toBe('1850-06-15');
    expect(day('9999-12-31')).toBe('9999-12-31');
    expect(dayFromParts(50, 1, 1)).not.toBe(dayFromParts(1950, 1, 1));
  });

  it.each(['2024-02-30', '13/01/2024', 'soon', '2024-13-01', '31/31/2024', -5, 99999999])('says %p is not a date', (cell) => {
    expect(day(cell)).toBeUndefined();
  });

  it('treats blank as missing', () => {
    expect(day('')).toBeNull();
    expect(day(undefined)).toBeNull();
  });
});

describe('booleans and error values', () => {
  it.each([[true, true], ['TRUE', true], ['yes', true], ['Y', true], [1, true], ['x', true], ['1', true],
    [false, false], ['no', false], ['n', false], [0, false], ['FALSE', false]])('reads %p as %p', (cell, expected) => {
    expect(parseBoolean(cell as never)).toBe(expected);
  });

  it('says what is not a boolean', () => {
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(parseBoolean('')).toBeNull();
  });

  it.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?'])('recognises %p as a spreadsheet error', (cell) => {
    expect(isSpreadsheetError(cell)).toBe(true);
  });

  it('does not mistake a hashtag for an error', () => {
    expect(isSpreadsheetError('#1 partner')).toBe(false);
  });
});
