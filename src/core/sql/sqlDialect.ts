/** The three SQL dialects the rules compile to, as the handful of spellings in which they differ. */
import { AttributionError } from '../AttributionError';

/** A dialect name accepted by `compilePolicyToSql` and `partner-attribution sql --dialect`. */
export type SqlDialectName = 'bigquery' | 'spark' | 'duckdb';

/** Every dialect name, in the order shown to users. */
export const SQL_DIALECTS: readonly SqlDialectName[] = ['bigquery', 'spark', 'duckdb'];

/** How one dialect writes the few things that differ; everything else is shared ANSI SQL. */
export interface SqlDialect {
  name: SqlDialectName;
  /** A quoted column or alias name. */
  ident(name: string): string;
  /** A quoted table name from its dot-separated parts (project.dataset.table, catalog.schema.table). */
  table(parts: readonly string[]): string;
  /** A string literal (regex patterns go through here too, so backslashes survive). */
  str(text: string): string;
  /** A DOUBLE literal that parses to exactly the JavaScript number given. */
  double(value: number): string;
  /** Type names. */
  types: { string: string; double: string; bigint: string; boolean: string };
  /** Today as days since 1970-01-01. */
  today: string;
  /**
   * Text as the engine's partner keys read it, Unicode NFKC. BigQuery has NORMALIZE(NFKC); DuckDB
   * only NFC, so full-width forms ("Ａｃｍｅ") are mapped to ASCII by hand; Spark has neither, so
   * there only full-width forms are folded and an NFD "Café" stays apart from the NFC one.
   */
  nfkc(expr: string): string;
  /** Replaces every match of `pattern` (a literal) by `replacement` (a literal without back references). */
  replaceAll(expr: string, pattern: string, replacement: string): string;
  /** Replaces every match of `pattern` by its first capture group ('' where the group took no part). */
  keepGroup1(expr: string, pattern: string): string;
  /** The first match of `pattern` (a pattern without capture groups) in `expr`, or NULL when none. */
  extractFirst(expr: string, pattern: string): string;
  /** Number text (already checked to be digits) as a DOUBLE, without failing where it overflows ("1e400": NULL or infinite). */
  tryDouble(expr: string): string;
  /** True when `pattern` matches somewhere in `expr`. */
  matches(expr: string, pattern: string): string;
  /** Array of every non-overlapping match of `pattern`. */
  extractAll(expr: string, pattern: string): string;
  /** Array of the pieces between commas, empty pieces kept. */
  splitComma(expr: string): string;
  /** FROM-clause suffix exploding `array` into rows `value` with a 0- or 1-based ordinal `pos`. */
  explode(array: string, value: string, pos: string): string;
  /** Cents (an integer) as money: an exact decimal, or in DuckDB the same DOUBLE the engine reports. */
  money(cents: string): string;
  /** Aggregate: the strings of `value` joined by `separator` in the order of `orderBy`. */
  orderedJoin(value: string, separator: string, orderBy: readonly string[]): string;
  /**
   * Aggregate: 0 + v1 + v2 + ... in DOUBLE, added one by one in the order of `orderBy`, so the
   * rounding matches the engine's JavaScript loop bit for bit.
   */
  orderedSum(value: string, orderBy: readonly string[]): string;
  /** Statements that must precede the script (BigQuery's ordered-sum function). */
  preamble: string[];
  /** `CREATE ... AS` head for one intermediate result of the script. */
  createTemp(name: string): string;
}

const backslashLiteral = (text: string): string =>
  `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

const doubleText = (value: number): string => {
  if (!Number.isFinite(value)) throw new AttributionError('SQL_UNSUPPORTED', `The number ${value} cannot be written in SQL.`);
  return String(value);
};

/** Full-width ASCII (U+FF01-U+FF5E) and the ideographic space, and what NFKC makes of them. */
const FULL_WIDTH = String.fromCharCode(...Array.from({ length: 94 }, (_, i) => 0xff01 + i), 0x3000);
const HALF_WIDTH = String.fromCharCode(...Array.from({ length: 94 }, (_, i) => 0x21 + i), 0x20);

const duckdb: SqlDialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  table: (parts) => parts.map((p) => `"${p}"`).join('.'),
  str: (text) => `'${text.replace(/'/g, "''")}'`,
  double: (value) => `CAST('${doubleText(value)}' AS DOUBLE)`,
  types: { string: 'VARCHAR', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' },
  today: `(CURRENT_DATE - DATE '1970-01-01')`,
  nfkc: (expr) => `nfc_normalize(translate(${expr}, ${duckdb.str(FULL_WIDTH)}, ${duckdb.str(HALF_WIDTH)}))`,
  replaceAll: (expr, pattern, replacement) => `regexp_replace(${expr}, ${pattern}, ${replacement}, 'g')`,
  keepGroup1: (expr, pattern) => `regexp_replace(${expr}, ${pattern}, '\\1', 'g')`,
  extractFirst: (expr, pattern) => `NULLIF(regexp_extract(${expr}, ${pattern}), '')`,
  tryDouble: (expr) => `TRY_CAST(${expr} AS DOUBLE)`,
  matches: (expr, pattern) => `regexp_matches(${expr}, ${pattern})`,
  extractAll: (expr, pattern) => `regexp_extract_all(${expr}, ${pattern})`,
  splitComma: (expr) => `string_split(${expr}, ',')`,
  explode: (array, value, pos) => `, UNNEST(${array}) WITH ORDINALITY AS ${value}_t(${value}, ${pos})`,
  money: (cents) => `(CAST(${cents} AS DOUBLE) / 100)`,
  orderedJoin: (value, separator, orderBy) => `string_agg(${value}, ${separator} ORDER BY ${orderBy.join(', ')})`,
  orderedSum: (value, orderBy) =>
    `list_reduce(list_prepend(CAST(0 AS DOUBLE), list(CAST(${value} AS DOUBLE) ORDER BY ${orderBy.join(', ')})), lambda acc, x: acc + x)`,
  preamble: [],
  createTemp: (name) => `CREATE OR REPLACE TEMP TABLE ${name} AS`,
};

const bigquery: SqlDialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replace(/`/g, '\\`')}\``,
  table: (parts) => `\`${parts.join('.')}\``,
  str: backslashLiteral,
  double: (value) => `CAST('${doubleText(value)}' AS FLOAT64)`,
  types: { string: 'STRING', double: 'FLOAT64', bigint: 'INT64', boolean: 'BOOL' },
  today: 'UNIX_DATE(CURRENT_DATE())',
  nfkc: (expr) => `NORMALIZE(${expr}, NFKC)`,
  replaceAll: (expr, pattern, replacement) => `REGEXP_REPLACE(${expr}, ${pattern}, ${replacement})`,
  keepGroup1: (expr, pattern) => `REGEXP_REPLACE(${expr}, ${pattern}, '\\\\1')`,
  extractFirst: (expr, pattern) => `NULLIF(REGEXP_EXTRACT(${expr}, ${pattern}), '')`,
  tryDouble: (expr) => `SAFE_CAST(${expr} AS FLOAT64)`,
  matches: (expr, pattern) => `REGEXP_CONTAINS(${expr}, ${pattern})`,
  extractAll: (expr, pattern) => `REGEXP_EXTRACT_ALL(${expr}, ${pattern})`,
  splitComma: (expr) => `SPLIT(${expr}, ',')`,
  explode: (array, value, pos) => ` CROSS JOIN UNNEST(${array}) AS ${value} WITH OFFSET AS ${pos}`,
  money: (cents) => `(CAST(${cents} AS NUMERIC) / 100)`,
  orderedJoin: (value, separator, orderBy) => `STRING_AGG(${value}, ${separator} ORDER BY ${orderBy.join(', ')})`,
  orderedSum: (value, orderBy) => `pa_ordered_sum(ARRAY_AGG(CAST(${value} AS FLOAT64) ORDER BY ${orderBy.join(', ')}))`,
  preamble: [
    'CREATE TEMP FUNCTION pa_ordered_sum(xs ARRAY<FLOAT64>) RETURNS FLOAT64 LANGUAGE js AS r"""\n'
    + '  var total = 0; for (var i = 0; i < xs.length; i++) total += xs[i]; return total;\n"""',
  ],
  createTemp: (name) => `CREATE OR REPLACE TEMP TABLE ${name} AS`,
};

const sparkStruct = (fields: readonly string[]): string =>
  `named_struct(${fields.map((f, i) => `'k${i}', ${f}`).join(', ')})`;

const spark: SqlDialect = {
  name: 'spark',
  ident: (name) => `\`${name.replace(/`/g, '``')}\``,
  table: (parts) => parts.map((p) => `\`${p}\``).join('.'),
  str: backslashLiteral,
  double: (value) => `CAST('${doubleText(value)}' AS DOUBLE)`,
  types: { string: 'STRING', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' },
  today: `DATEDIFF(CURRENT_DATE(), DATE '1970-01-01')`,
  nfkc: (expr) => `translate(${expr}, ${backslashLiteral(FULL_WIDTH)}, ${backslashLiteral(HALF_WIDTH)})`,
  replaceAll: (expr, pattern, replacement) => `regexp_replace(${expr}, ${pattern}, ${replacement})`,
  keepGroup1: (expr, pattern) => `regexp_replace(${expr}, ${pattern}, '$1')`,
  extractFirst: (expr, pattern) => `NULLIF(regexp_extract(${expr}, ${pattern}, 0), '')`,
  // Java's Double.parseDouble never fails on digits: an overflow is Infinity, which the amount limit refuses.
  tryDouble: (expr) => `CAST(${expr} AS DOUBLE)`,
  matches: (expr, pattern) => `(${expr} RLIKE ${pattern})`,
  extractAll: (expr, pattern) => `regexp_extract_all(${expr}, ${pattern}, 0)`,
  splitComma: (expr) => `split(${expr}, ',', -1)`,
  explode: (array, value, pos) => ` LATERAL VIEW POSEXPLODE(${array}) ${value}_t AS ${pos}, ${value}`,
  money: (cents) => `CAST(CAST(${cents} AS DECIMAL(38, 0)) / 100 AS DECIMAL(38, 2))`,
  orderedJoin: (value, separator, orderBy) =>
    `array_join(transform(array_sort(collect_list(${sparkStruct([...orderBy, value])})), s -> s.k${orderBy.length}), ${separator})`,
  orderedSum: (value, orderBy) =>
    `aggregate(transform(array_sort(collect_list(${sparkStruct([...orderBy, `CAST(${value} AS DOUBLE)`])})), s -> s.k${orderBy.length}), CAST(0 AS DOUBLE), (acc, x) -> acc + x)`,
  preamble: [],
  createTemp: (name) => `CREATE OR REPLACE TEMPORARY VIEW ${name} AS`,
};

const DIALECTS: ReadonlyMap<string, SqlDialect> = new Map<string, SqlDialect>([['bigquery', bigquery], ['spark', spark], ['duckdb', duckdb]]);

/** The dialect called `name`; a clear error for any other name ("constructor" included: a Map has no inherited keys). */
export function sqlDialect(name: string): SqlDialect {
  const dialect = DIALECTS.get(name.trim().toLowerCase());
  if (!dialect) {
    throw new AttributionError('SQL_DIALECT', `Unknown SQL dialect "${name}". Choose one of: ${SQL_DIALECTS.join(', ')}.`);
  }
  return dialect;
}
