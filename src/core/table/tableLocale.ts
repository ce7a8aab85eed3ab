/**
 * The locale a deals table is read in: its amount column's decimal separator and each date column's
 * day/month order, decided from the file (see values/columnLocale), with a note in the data issues
 * whenever the file decided against the setting or nothing decided.
 */
import type { Field, Grid } from '../types';
import type { DetectedTable } from './DetectedTable';
import type { Policy } from '../policy';
import type { IssueLog } from '../messages';
import { decideDateOrder, decideDecimal } from '../values/columnLocale';
import type { DecimalDecision } from '../values/columnLocale';

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

/**
 * Decides the table's locale. `explicitDecimal` is true when the user set decimalSeparator
 * themselves (then it is never second-guessed); `semicolonFile` when the CSV was ';'-delimited.
 */
export function decideTableLocale(grid: Grid, table: DetectedTable, policy: Policy, explicitDecimal: boolean,
  semicolonFile: boolean, issues: IssueLog): TableLocale {
  const from = table.headerIndex + 1;
  const header = (c: number): string => table.headers[c] ?? '';
  const amountColumn = table.columns.amount!;
  const decimal = decideDecimal(grid, from, amountColumn, explicitDecimal ? policy.decimalSeparator : null, semicolonFile);
  if (decimal.source === 'delimiter' || (decimal.source === 'values' && decimal.separator === ',')) {
    issues.add('LOCALE_DECIMAL_COMMA', null, header(amountColumn), decimal.example ?? '', {
      because: decimal.source === 'delimiter' ? 'the file is separated by ";", as European Excel writes CSV' : `of values such as "${decimal.example}"`,
    });
  }
  if (decimal.source === 'values' && decimal.against > 0) {
    issues.add('LOCALE_DECIMAL_MIXED', null, header(amountColumn), decimal.example ?? '', {
      separator: decimal.separator, against: String(decimal.against),
    });
  }
  const dateOrder = new Map<number, 'MDY' | 'DMY'>();
  for (const field of DATE_FIELDS) {
    const column = table.columns[field];
    if (column === undefined) continue;
    const decision = decideDateOrder(grid, from, column, policy.dateOrder);
    dateOrder.set(column, decision.order);
    if (decision.example === null) continue;
    const vars = { order: ORDER_WORDS[decision.order], setting: policy.dateOrder, other: decision.order === 'MDY' ? 'DMY' : 'MDY' };
    if (decision.source === 'values' && decision.order !== policy.dateOrder) issues.add('LOCALE_DATE_PROVEN', null, header(column), decision.example, vars);
    else if (decision.source === 'setting') issues.add('LOCALE_DATE_ASSUMED', null, header(column), decision.example, vars);
    else if (decision.source === 'conflict') issues.add('LOCALE_DATE_CONFLICT', null, header(column), decision.example, vars);
  }
  return { decimal, dateOrder };
}
