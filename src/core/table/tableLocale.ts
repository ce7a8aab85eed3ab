/**
 * The locale a table is read in: a number column's decimal separator and each date column's day/month
 * order, decided from the file (see values/columnLocale), with a note in the data issues whenever the
 * file decided against the setting or nothing decided. The deals, Touches and FX tables all use it.
 */
import type { Field, Grid } from '../types';
import type { DetectedTable } from './DetectedTable';
import type { Policy } from '../policy';
import type { IssueLog } from '../messages';
import { decideDateOrder, decideDateOrders, decideDecimal } from '../values/columnLocale';
import type { DateOrderDecision, DecimalDecision } from '../values/columnLocale';

/** How a table's amounts and dates are read. */
export interface TableLocale {
  decimal: DecimalDecision;
  /** Day/month order per date column index. */
  dateOrder: ReadonlyMap<number, 'MDY' | 'DMY'>;
}

const DATE_FIELDS: readonly Field[] = ['created', 'closeDate', 'registrationDate'];
const ORDER_WORDS = { MDY: 'month first (MM/DD/YYYY)', DMY: 'day first (DD/MM/YYYY)' } as const;

/** The policy's own locale, decided by nothing in the file (for callers that read without one). */
export const policyLocale = (policy: Policy): TableLocale => ({
  decimal: { separator: policy.decimalSeparator, ambiguous: false, source: 'setting', example: null, against: 0 },
  dateOrder: new Map(),
});

/** Where a column lies, for notes about a table other than the deals one: ' of the Touches table'. */
export interface ColumnPlace { header: string; where?: string }

/**
 * Decides one number column's decimal separator (see decideDecimal) and notes in `issues` when the
 * file decided comma decimals or the column disagrees with itself. `explicitDecimal`: the user set
 * decimalSeparator themselves (never second-guessed); `semicolonFile`: the CSV was ';'-delimited.
 */
export function decideColumnDecimal(grid: Grid, from: number, column: number, place: ColumnPlace, policy: Policy,
  explicitDecimal: boolean, semicolonFile: boolean, issues: IssueLog, what = 'Amounts'): DecimalDecision {
  const decimal = decideDecimal(grid, from, column, explicitDecimal ? policy.decimalSeparator : null, semicolonFile);
  const where = place.where ?? '';
  if (decimal.source === 'delimiter' || (decimal.source === 'values' && decimal.separator === ',')) {
    issues.add('LOCALE_DECIMAL_COMMA', null, place.header, decimal.example ?? '', {
      what, where,
      because: decimal.source === 'delimiter' ? 'the file is separated by ";", as European Excel writes CSV' : `of values such as "${decimal.example}"`,
    });
  }
  if (decimal.source === 'values' && decimal.against > 0) {
    issues.add('LOCALE_DECIMAL_MIXED', null, place.header, decimal.example ?? '', {
      what, where, separator: decimal.separator, against: String(decimal.against),
    });
  }
  return decimal;
}

/** Decides one date column's day/month order (see decideDateOrder) and notes how it was decided. */
export function decideColumnDateOrder(grid: Grid, from: number, column: number, place: ColumnPlace, policy: Policy,
  issues: IssueLog): 'MDY' | 'DMY' {
  return noteDateOrder(decideDateOrder(grid, from, column, policy.dateOrder), place, policy, issues);
}

/** Notes how a date column's order was decided, when the file had text dates; returns the order. */
function noteDateOrder(decision: DateOrderDecision, place: ColumnPlace, policy: Policy, issues: IssueLog): 'MDY' | 'DMY' {
  if (decision.example === null) return decision.order;
  const vars = { order: ORDER_WORDS[decision.order], setting: policy.dateOrder, other: decision.order === 'MDY' ? 'DMY' : 'MDY', where: place.where ?? '' };
  if (decision.source === 'values' && decision.order !== policy.dateOrder) issues.add('LOCALE_DATE_PROVEN', null, place.header, decision.example, vars);
  else if (decision.source === 'setting') issues.add('LOCALE_DATE_ASSUMED', null, place.header, decision.example, vars);
  else if (decision.source === 'conflict') issues.add('LOCALE_DATE_CONFLICT', null, place.header, decision.example, vars);
  return decision.order;
}

/**
 * Decides the deals table's locale: its amount column's decimal separator and each date column's
 * day/month order (see decideColumnDecimal and decideColumnDateOrder).
 */
export function decideTableLocale(grid: Grid, table: DetectedTable, policy: Policy, explicitDecimal: boolean,
  semicolonFile: boolean, issues: IssueLog): TableLocale {
  const from = table.headerIndex + 1;
  const header = (c: number): string => table.headers[c] ?? '';
  const amountColumn = table.columns.amount!;
  const decimal = decideColumnDecimal(grid, from, amountColumn, { header: header(amountColumn) }, policy, explicitDecimal, semicolonFile, issues);
  // The date columns are decided in one pass over the rows, and noted in field order.
  const dateColumns = DATE_FIELDS.map((field) => table.columns[field]).filter((column): column is number => column !== undefined);
  const decisions = decideDateOrders(grid, from, dateColumns, policy.dateOrder);
  const dateOrder = new Map<number, 'MDY' | 'DMY'>();
  dateColumns.forEach((column, k) => dateOrder.set(column, noteDateOrder(decisions[k]!, { header: header(column) }, policy, issues)));
  return { decimal, dateOrder };
}
