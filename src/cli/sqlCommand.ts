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

/** The deals mapping detected from an export's header row; --mapping entries win over it. */
async function detectedMapping(file: string): Promise<Record<string, unknown>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`Cannot read the --detect file "${file}". Give a CSV or XLSX export of the deals table, or a file with its header row.`);
  }
  const grids = looksLikeXlsx(bytes) ? (await readWorkbook(file)).map((tab) => tab.grid) : [readCsv(file)];
  for (const grid of grids) {
    try {
      return detectSqlMapping(grid).mapping;
    } catch (error) {
      if (!isAttributionError(error)) throw error;
      if (grid === grids[grids.length - 1]) throw new CliError(`--detect: ${error.message}`);
    }
  }
  throw new CliError(`--detect: "${file}" holds no table.`);
}

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
  const compile: CompileSqlOptions = {
    dialect: options.dialect,
    policy: options.config ? readPolicyFile(options.config).policy : {},
    mapping: options.detect
      ? { ...await detectedMapping(options.detect), ...(options.mapping ? readMappingFile(options.mapping) : {}) }
      : options.mapping ? readMappingFile(options.mapping) : null,
    dealsTable: options.deals ?? 'deals',
    touchesTable: options.touches ?? null,
    overridesTable: options.overrides ?? null,
    output: (options.output ?? 'script') as CompileSqlOptions['output'],
  };
  try {
    return [compilePolicyToSql(compile).trimEnd()];
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
