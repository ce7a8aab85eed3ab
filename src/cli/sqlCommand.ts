/**
 * `partner-attribution sql`: prints the attribution rules (policy + column mapping) compiled to one
 * BigQuery, Spark SQL or DuckDB script. Also runs a compiled script on a DuckDB connection (tests, bench).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isAttributionError } from '../core';
import { compilePolicyToSql } from '../core/sql/compilePolicyToSql';
import type { CompileSqlOptions } from '../core/sql/compilePolicyToSql';
import { SQL_DIALECTS } from '../core/sql/sqlDialect';
import { CliError } from './CliError';
import { readPolicyFile } from './readPolicyFile';
import { readJsonFile } from './readJsonFile';
import { readFileSync } from 'node:fs';
import { detectSqlMapping } from '../core/sql/detectSqlMapping';
import type { DetectedSqlTable } from '../core/sql/detectSqlMapping';
import { readCsv } from './readCsv';
import { looksLikeXlsx, readWorkbook } from './readWorkbook';

export interface SqlCommandOptions {
  /** bigquery, spark or duckdb. */
  dialect: string;
  /** Policy file (JSON), as for `report --config`. */
  config?: string;
  /** The deals table in the warehouse (default "deals"). */
  deals?: string;
  /** The touches table, if any. */
  touches?: string;
  /** The overrides table (deal_id, motion, partner, share, line), if any. */
  overrides?: string;
  /** Column mapping file (JSON): {"amount": "amount_usd", ..., "touches": {"date": "touch_date"}}. */
  mapping?: string;
  /** script (default) | deals | credits | partners: one query returning that result (Connected Sheets, views). */
  output?: string;
  /** A CSV or XLSX export of the deals table (or just its header row): its header is detected and becomes the mapping. */
  detect?: string;
}

/** The deals mapping and amount locale detected from an export; --mapping entries win over the mapping. */
async function detected(file: string, given: Record<string, unknown> | null, decimalSetting: '.' | ',' | null,
  dateOrderSetting: 'MDY' | 'DMY'): Promise<DetectedSqlTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`Cannot read the --detect file "${file}". Give a CSV or XLSX export of the deals table, or a file with its header row.`);
  }
  let semicolonFile = false;
  const grids = looksLikeXlsx(bytes) ? (await readWorkbook(file)).map((tab) => tab.grid)
    : [readCsv(file, undefined, (delimiter) => { semicolonFile = delimiter === ';'; })];
  for (const grid of grids) {
    try {
      return detectSqlMapping(grid, { mapping: given, decimalSetting, dateOrderSetting, semicolonFile });
    } catch (error) {
      if (!isAttributionError(error)) throw error;
      if (grid === grids[grids.length - 1]) throw new CliError(`--detect: ${error.message}`);
    }
  }
  throw new CliError(`--detect: "${file}" holds no table.`);
}

/** The comment the script opens with when the export decided how its amounts read (the tool had to look, so it says what it saw). */
/** Header and value are the user's text: one line, no statement separator, whatever they hold. */
const clean = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029;]+/gu, ' ').slice(0, 60);

const ORDER_WORDS = { MDY: 'month first', DMY: 'day first' } as const;

/** One comment per date column whose order the export decided or left open (a date such as "03/04/2025" reads both ways). */
const dateNotes = (found: DetectedSqlTable): string[] => Object.values(found.dateOrder).flatMap((decision) => {
  if (!decision || decision.example === null) return [];
  const header = clean(decision.header), example = clean(decision.example), order = ORDER_WORDS[decision.order];
  if (decision.source === 'values') return [`-- --detect: dates in "${header}" are read ${order}, as values such as "${example}" show.`];
  if (decision.source === 'conflict') return [`-- --detect: dates in "${header}" disagree (some only day first, others only month first, e.g. "${example}"): read ${order} as dateOrder says; the others are no date.`];
  return [`-- --detect: dates in "${header}" such as "${example}" read both ways: read ${order}, as dateOrder says (set dateOrder in --config if that is wrong).`];
});

const decimalNote = (found: DetectedSqlTable): string | null => {
  const amountHeader = clean(found.amountHeader);
  const decimal = { ...found.decimal, example: clean(found.decimal.example ?? '') };
  const which = decimal.separator === ',' ? 'decimal comma' : 'decimal point';
  if (decimal.source === 'values') return `-- --detect: "${amountHeader}" is read with the ${which}, as values such as "${decimal.example}" show.`;
  if (decimal.source === 'delimiter') return `-- --detect: "${amountHeader}" is read with the decimal comma, as the export is separated by semicolons.`;
  if (decimal.ambiguous) return `-- --detect: nothing in "${amountHeader}" shows its decimal separator, and values such as 1.000 read two ways: they are left out of the money. Set decimalSeparator in --config.`;
  return null;
};

function readMappingFile(file: string): Record<string, unknown> {
  const problem = (detail: string): string =>
    `The mapping file "${file}" is not a JSON object of field: column name (${detail}), e.g. {"amount": "amount_usd", "created": "created_date"}.`;
  const json = readJsonFile(file, 'The mapping file', problem);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CliError(problem('not an object'));
  return json as Record<string, unknown>;
}

/** The script's lines for stdout; bad options or files are one CliError line. */
export async function sqlCommand(options: SqlCommandOptions): Promise<string[]> {
  if (!options.dialect) throw new CliError(`sql needs --dialect: one of ${SQL_DIALECTS.join(', ')}.`);
  const policy = options.config ? readPolicyFile(options.config).policy : {};
  const given = options.mapping ? readMappingFile(options.mapping) : null;
  const setting = typeof policy === 'object' && policy !== null && 'decimalSeparator' in policy
    ? (policy as { decimalSeparator?: unknown }).decimalSeparator : undefined;
  const orderSetting = typeof policy === 'object' && policy !== null && 'dateOrder' in policy
    ? String((policy as { dateOrder?: unknown }).dateOrder).toUpperCase() : 'MDY';
  const found = options.detect ? await detected(options.detect, given, setting === ',' || setting === '.' ? setting : null,
    orderSetting === 'DMY' ? 'DMY' : 'MDY') : null;
  const compile: CompileSqlOptions = {
    dialect: options.dialect,
    policy,
    mapping: found ? { ...found.mapping, ...(given ?? {}) } : given,
    ...(found ? {
      amountLocale: found.amountLocale,
      dateOrder: Object.fromEntries(Object.entries(found.dateOrder).map(([field, decision]) => [field, decision!.order])),
      exportHeaders: found.headers,
    } : {}),
    dealsTable: options.deals ?? 'deals',
    touchesTable: options.touches ?? null,
    overridesTable: options.overrides ?? null,
    output: (options.output ?? 'script') as CompileSqlOptions['output'],
  };
  try {
    const notes = found ? [decimalNote(found), ...dateNotes(found)].filter((n): n is string => n !== null) : [];
    const script = compilePolicyToSql(compile).trimEnd();
    return [[...notes, script].join('\n')];
  } catch (error) {
    if (isAttributionError(error)) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Runs a compiled `duckdb` script on `connection` and reads its three results (for the benchmark:
 * load a `deals` table, and optionally `touches`, then call this). Money is in the reporting currency.
 */
export async function runDuckDbScript(connection: DuckDBConnection, script: string): Promise<{
  deals: Record<string, unknown>[]; credits: Record<string, unknown>[]; partners: Record<string, unknown>[];
}> {
  await connection.run(script);
  const read = async (sql: string): Promise<Record<string, unknown>[]> =>
    (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  return {
    deals: await read('SELECT * FROM pa_deals ORDER BY rowNumber'),
    credits: await read('SELECT * FROM pa_credits ORDER BY rowNumber, line'),
    partners: await read('SELECT * FROM pa_partners ORDER BY creditedRevenue DESC, creditedPipeline DESC, partner'),
  };
}
