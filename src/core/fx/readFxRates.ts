/** Reads the FX Rates table (SPEC 2.2): units of the reporting currency per unit of each currency. */
import type { Grid } from '../types';
import type { IssueLog } from '../messages';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';
import { parseAmount } from '../values/parseAmount';

const SYNONYMS = { currency: ['Currency', 'Currency Code', 'Code', 'ISO Code'], rate: ['Rate', 'FX Rate', 'Exchange Rate', 'Conversion Rate'] } as const;

/** The usable rates (currency code -> rate), and the currencies the table gave two different rates. */
export interface FxRates { rates: Map<string, number>; conflicted: Set<string> }

/** Reads the table. A currency given two different rates has none (and a data issue names both). */
export function readFxRates(grid: Grid, firstRow: number, decimalSeparator: '.' | ',', issues: IssueLog): FxRates {
  const rates = new Map<string, number>();
  const conflicted = new Set<string>();
  const located = locateColumns(grid, SYNONYMS, ['currency', 'rate']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'FX Rates' });
    return { rates, conflicted };
  }
  const seen = new Map<string, { rate: number; row: number; text: string }>();
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const code = cellText(cells[located.columns.currency!]).toUpperCase();
    if (code === '') continue;
    const parsed = parseAmount(cells[located.columns.rate!], decimalSeparator);
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
