/**
 * `sql --detect`: the deals table's column mapping found by the same header detection the add-ins
 * and the CLI use, so the generated SQL reads the table under its own column names. A field the
 * header does not have is mapped to null (the script treats it as absent), so nothing needs mapping
 * by hand. The amount column's decimal separator is decided from the export's values as the engine
 * decides it, and baked into the script.
 */
import type { Field, Grid, MappingInput } from '../types';
import { FIELDS } from '../table/fieldSynonyms';
import { detectTable } from '../table/detectTable';
import type { DetectedTable } from '../table/DetectedTable';
import { isAttributionError } from '../AttributionError';
import { decideDateOrder, decideDecimal } from '../values/columnLocale';
import type { DateOrderDecision, DecimalDecision } from '../values/columnLocale';
import type { SqlDateField } from './inputCtes';
import type { SqlDealsMapping } from './sqlMapping';
import { DEFAULT_SQL_DEALS_MAPPING } from './sqlMapping';
import type { AmountLocale } from './amountSql';

/** What the export says: the mapping, where its header is, and how its amount text reads. */
export interface DetectedSqlTable {
  mapping: SqlDealsMapping;
  headerRow: number;
  amountLocale: AmountLocale;
  /** The decision behind amountLocale, for the note the command prints. */
  decimal: DecimalDecision;
  /** The amount column's header. */
  amountHeader: string;
  /** Every header text of the export, in column order (the columns the non-deal row rules look at). */
  headers: string[];
  /** Month-first or day-first per date column found, decided from its values as the engine decides it (else the setting). */
  dateOrder: Partial<Record<SqlDateField, DateOrderDecision & { header: string }>>;
}

/** Options of detectSqlMapping. */
export interface DetectSqlOptions {
  /** The user's --mapping: the fields it names by header are taken as given (a converted amount then finds its own currency column). */
  mapping?: Record<string, unknown> | null;
  /** The policy's decimalSeparator when the user set it, else null (the export's values decide). */
  decimalSetting?: '.' | ',' | null;
  /** The policy's dateOrder (what a column whose dates read both ways follows). */
  dateOrderSetting?: 'MDY' | 'DMY';
  /** True for a ';'-separated CSV (European Excel's export). */
  semicolonFile?: boolean;
}

const explicitFields = (mapping: Record<string, unknown> | null | undefined): MappingInput => {
  const out: MappingInput = {};
  for (const [field, column] of Object.entries(mapping ?? {})) {
    if ((FIELDS as readonly string[]).includes(field) && typeof column === 'string' && column.trim() !== '') out[field as Field] = column.trim();
  }
  return out;
};

/** The detected mapping: each found field -> its header text; every other default field -> null. */
export function detectSqlMapping(grid: Grid, options: DetectSqlOptions = {}): DetectedSqlTable {
  const given = explicitFields(options.mapping);
  let table: DetectedTable;
  try {
    table = detectTable(grid, given, 1, null);
  } catch (error) {
    // A --mapping column the export does not have (a header-only file of another report): detect without it.
    if (!isAttributionError(error) || error.code !== 'BAD_MAPPING' || Object.keys(given).length === 0) throw error;
    table = detectTable(grid, {}, 1, null);
  }
  const mapping: SqlDealsMapping = {};
  for (const field of Object.keys(DEFAULT_SQL_DEALS_MAPPING) as (keyof SqlDealsMapping)[]) mapping[field] = null;
  for (const [field, column] of Object.entries(table.columns) as [keyof SqlDealsMapping, number][]) {
    const header = table.headers[column];
    if (header !== undefined && header.trim() !== '') mapping[field] = header.trim();
  }
  const amountColumn = table.columns.amount!;
  const decimal = decideDecimal(grid, table.headerIndex + 1, amountColumn, options.decimalSetting ?? null, options.semicolonFile ?? false);
  const dateOrder: DetectedSqlTable['dateOrder'] = {};
  for (const field of ['created', 'closeDate', 'registrationDate'] as const) {
    const column = table.columns[field];
    if (column === undefined) continue;
    dateOrder[field] = { ...decideDateOrder(grid, table.headerIndex + 1, column, options.dateOrderSetting ?? 'MDY'), header: table.headers[column] ?? '' };
  }
  return {
    dateOrder, mapping, headerRow: table.firstRow + table.headerIndex, decimal,
    amountLocale: { decimalSeparator: decimal.separator, ambiguous: decimal.ambiguous },
    amountHeader: table.headers[amountColumn] ?? '',
    headers: table.headers.map((h) => (h ?? '').trim()),
  };
}
