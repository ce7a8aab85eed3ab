/**
 * The bad-input corpus: a small deals table with three good deals and, per case, one deal row whose
 * cell in one column holds a value as broken as spreadsheets really hold them (SPEC 2.3).
 */
import type { Cell } from '../../../src/core';

/** The columns of the corpus table; every field a value can be malformed in. */
export const HEADER = ['Deal ID', 'Deal Name', 'Stage', 'Amount', 'Currency', 'Created Date', 'Close Date', 'Lead Source',
  'Partner', 'Partner Role', 'Influencing Partners', 'Reseller', 'Won'] as const;
export type Column = (typeof HEADER)[number];

const rowOf = (values: Record<Column, Cell>): Cell[] => HEADER.map((h) => values[h]);

/** Good deal: sourced by Acme (partner lead source), won 1,000 USD. */
export const GOOD_SOURCED = rowOf({
  'Deal ID': 'G-1', 'Deal Name': 'Good sourced', Stage: 'Closed Won', Amount: 1000, Currency: 'USD', 'Created Date': '2024-01-10',
  'Close Date': '2024-03-01', 'Lead Source': 'Partner Referral', Partner: 'Acme', 'Partner Role': '', 'Influencing Partners': '', Reseller: '', Won: '',
});
/** Good deal: direct, won 500 USD. */
export const GOOD_DIRECT = rowOf({
  'Deal ID': 'G-2', 'Deal Name': 'Good direct', Stage: 'Closed Won', Amount: 500, Currency: 'USD', 'Created Date': '2024-01-10',
  'Close Date': '2024-03-01', 'Lead Source': 'Web', Partner: '', 'Partner Role': '', 'Influencing Partners': '', Reseller: '', Won: '',
});
/** Good deal: open, influenced by Globex and Initech, 250 USD (125 each). */
export const GOOD_INFLUENCED = rowOf({
  'Deal ID': 'G-3', 'Deal Name': 'Good influenced', Stage: 'Negotiation', Amount: 250, Currency: 'USD', 'Created Date': '2024-01-10',
  'Close Date': '', 'Lead Source': 'Web', Partner: '', 'Partner Role': '', 'Influencing Partners': 'Globex; Initech', Reseller: '', Won: '',
});
/** The deal that gets one bad cell: resold by Hooli, won 700 USD when nothing is wrong with it. */
export const TARGET: Record<Column, Cell> = {
  'Deal ID': 'B-1', 'Deal Name': 'Target', Stage: 'Closed Won', Amount: 700, Currency: 'USD', 'Created Date': '2024-01-10',
  'Close Date': '2024-03-01', 'Lead Source': 'Web', Partner: '', 'Partner Role': '', 'Influencing Partners': '', Reseller: 'Hooli', Won: '',
};

/** Sheet row of the target deal (the header is row 1, the sourced deal row 2). */
export const TARGET_ROW = 3;

/** The corpus grid with `column` of the target deal set to `value`. */
export function corpusGrid(column: Column, value: Cell): Cell[][] {
  return [[...HEADER], GOOD_SOURCED, rowOf({ ...TARGET, [column]: value }), GOOD_DIRECT, GOOD_INFLUENCED];
}

/** Malformed values per column: each must give a data issue on the target row, in that column. */
export const MALFORMED: readonly { column: Column; values: readonly Cell[] }[] = [
  { column: 'Amount', values: ['abc', '1,2,3', '--5', '12..5', '(1,200', '1.2.3,4', '€', '$', 'USD', '1e400', '1'.repeat(400), 'ten thousand', '٣٤٥',
    true, false, Infinity, -Infinity, Number.NaN, new Date(Date.UTC(2024, 0, 1))] },
  { column: 'Created Date', values: ['13/45/2024', '2024-02-30', '2024-13-01', '31/31/31', 'yesterday', 'Q1 2024', '10000-01-01', -1, 0, 60, 3e6,
    Infinity, Number.NaN, new Date(Number.NaN), true, '2025', 2025, '1', 1, 'Q3 2025', 'FY25 Q3', '20250115', 20250115, 32873] },
  { column: 'Close Date', values: ['2023-02-29', '00/00/0000', 'TBD', -45292, 2958466, false] },
  { column: 'Won', values: ['maybe', 'yes please', 2, -1, 0.5, new Date(Date.UTC(2024, 0, 1))] },
  { column: 'Stage', values: [''] },
  { column: 'Currency', values: ['US Dollars', '€', '123'] },
];

/** Every spreadsheet error value Sheets or Excel can hand over (SPEC 2.3 lists the common five). */
export const ERROR_VALUES = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#ERROR!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'] as const;

/**
 * Partner names that are hard to carry through unchanged: scripts, direction, emoji, lengths, formulas
 * (without , ; or | which split a cell into several partners by SPEC 2.1).
 */
export const HOSTILE_NAMES = [
  'Ünïcødé Pärtner GmbH', '株式会社トヨタ', 'شركة الشريك العربي', 'שותף ישראלי', 'Партнёр ООО', 'Ελληνικός Συνεργάτης',
  '🚀 Rocket Partners', 'Café 👩‍💻 Co-op', 'x'.repeat(10_000),
  '=HYPERLINK("http://evil.example")', "=cmd /C calc", '=1+2', '+1 Partners', '-Minus Partners', '@SUM(A1:A9)',
] as const;

/**
 * Names that every JavaScript object already has as keys: as a partner, activity, stage or currency
 * each must behave like any other name (never vanish, never read an inherited function).
 */
export const OBJECT_KEY_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'] as const;
