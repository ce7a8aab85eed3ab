/** Reads the FX Rates table (SPEC 2.2): units of the reporting currency per unit of each currency. */
import type { Grid } from '../types';
import type { IssueLog } from '../messages';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';
import { parseAmount } from '../values/parseAmount';

const SYNONYMS = { currency: ['Currency', 'Currency Code', 'Code', 'ISO Code'], rate: ['Rate', 'FX Rate', 'Exchange Rate', 'Conversion Rate'] } as const;

/** Currency code -> rate. */
export function readFxRates(grid: Grid, firstRow: number, decimalSeparator: '.' | ',', issues: IssueLog): Map<string, number> {
  const rates = new Map<string, number>();
  const located = locateColumns(grid, SYNONYMS, ['currency', 'rate']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'FX Rates' });
    return rates;
  }
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const code = cellText(cells[located.columns.currency!]).toUpperCase();
    if (code === '') continue;
    const parsed = parseAmount(cells[located.columns.rate!], decimalSeparator);
    if (!/^[A-Z]{3}$/.test(code) || parsed.kind !== 'ok' || !(parsed.value > 0)) {
      issues.add('FX_INVALID', firstRow + r, 'Rate', `${code} ${cellText(cells[located.columns.rate!])}`.trim());
      continue;
    }
    if (!rates.has(code)) rates.set(code, parsed.value);
  }
  return rates;
}
