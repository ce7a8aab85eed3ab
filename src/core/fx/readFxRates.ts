/** Reads the FX Rates table (SPEC 2.2): units of the reporting currency per unit of each currency. */
import type { Grid } from '../types';
import type { IssueLog } from '../messages';
import type { Policy } from '../policy';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';
import { parseAmount } from '../values/parseAmount';
import { isAmbiguousAmount } from '../values/columnLocale';
import { decideColumnDecimal } from '../table/tableLocale';

const SYNONYMS = { currency: ['Currency', 'Currency Code', 'Code', 'ISO Code'], rate: ['Rate', 'FX Rate', 'Exchange Rate', 'Conversion Rate'] } as const;

/** The usable rates (currency code -> rate), and the currencies the table gave two different rates. */
export interface FxRates { rates: Map<string, number>; conflicted: Set<string> }

/**
 * Reads the table. A currency given two different rates has none (and a data issue names both).
 * The Rate column's decimal separator is decided from the column like the deals' amounts (see
 * decideColumnDecimal): `explicitDecimal` when the user set decimalSeparator, `semicolonFile` for a
 * ';'-delimited CSV. A rate such as "1,085" that nothing in the column explains is flagged, not guessed.
 */
export function readFxRates(grid: Grid, firstRow: number, policy: Policy, explicitDecimal: boolean, semicolonFile: boolean,
  issues: IssueLog): FxRates {
  const rates = new Map<string, number>();
  const conflicted = new Set<string>();
  const located = locateColumns(grid, SYNONYMS, ['currency', 'rate']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'FX Rates' });
    return { rates, conflicted };
  }
  const rateColumn = located.columns.rate!;
  const place = { header: cellText(grid[located.headerIndex]![rateColumn]) || 'Rate', where: ' of the FX Rates table' };
  const decimal = decideColumnDecimal(grid, located.headerIndex + 1, rateColumn, place, policy, explicitDecimal, semicolonFile, issues, 'Rates');
  const seen = new Map<string, { rate: number; row: number; text: string }>();
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const code = cellText(cells[located.columns.currency!]).toUpperCase();
    if (code === '') continue;
    if (decimal.ambiguous && isAmbiguousAmount(cells[rateColumn])) {
      issues.add('AMOUNT_AMBIGUOUS', firstRow + r, place.header, cellText(cells[rateColumn]), {
        what: 'rates', effect: `No rate is used for ${/^[A-Z]{3}$/.test(code) ? code : 'it'}: its amounts are left out of money totals.`,
      });
      continue;
    }
    const parsed = parseAmount(cells[rateColumn], decimal.separator);
    if (!/^[A-Z]{3}$/.test(code) || parsed.kind !== 'ok' || !(parsed.value > 0)) {
      issues.add('FX_INVALID', firstRow + r, 'Rate', `${code} ${cellText(cells[located.columns.rate!])}`.trim());
      continue;
    }
    const first = seen.get(code);
    if (first === undefined) { seen.set(code, { rate: parsed.value, row: firstRow + r, text: cellText(cells[located.columns.rate!]) }); rates.set(code, parsed.value); }
    else if (first.rate !== parsed.value && !conflicted.has(code)) {
      // Either rate would be a guess, and a guessed rate is a confident wrong number: use neither.
      conflicted.add(code);
      rates.delete(code);
      issues.add('FX_CONFLICT', firstRow + r, 'Rate', `${code} ${cellText(cells[located.columns.rate!])}`, {
        currency: code, first: first.text, firstRow: String(first.row), second: cellText(cells[located.columns.rate!]),
      });
    }
  }
  return { rates, conflicted };
}
