/**
 * `sql --detect`: the deals table's column mapping found by the same header detection the add-ins
 * and the CLI use, so the generated SQL reads the table under its own column names. A field the
 * header does not have is mapped to null (the script treats it as absent), so nothing needs mapping
 * by hand.
 */
import type { Grid } from '../types';
import { detectTable } from '../table/detectTable';
import type { SqlDealsMapping } from './sqlMapping';
import { DEFAULT_SQL_DEALS_MAPPING } from './sqlMapping';

/** The detected mapping: each found field -> its header text; every other default field -> null. */
export function detectSqlMapping(grid: Grid): { mapping: SqlDealsMapping; headerRow: number } {
  const table = detectTable(grid, {}, 1, null);
  const mapping: SqlDealsMapping = {};
  for (const field of Object.keys(DEFAULT_SQL_DEALS_MAPPING) as (keyof SqlDealsMapping)[]) mapping[field] = null;
  for (const [field, column] of Object.entries(table.columns) as [keyof SqlDealsMapping, number][]) {
    const header = table.headers[column];
    if (header !== undefined && header.trim() !== '') mapping[field] = header.trim();
  }
  return { mapping, headerRow: table.firstRow + table.headerIndex };
}
