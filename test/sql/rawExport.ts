/**
 * Test helper: a deals export as the user has it (CSV, own column names, amounts as text), loaded
 * into DuckDB with read_csv as a user would, run through the script `sql --detect` prints for it,
 * next to what the CLI reads from the same file.
 */
import { writeFileSync } from 'node:fs';
import { runDuckDbScript, sqlCommand } from '../../src/cli/sqlCommand';
import { loadInput } from '../../src/cli/loadInput';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/analyze';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlRun } from './duckDbHarness';

/** DuckDB counts come back as BigInt; the engine's as numbers. */
const numbers = (rows: Record<string, unknown>[]): Record<string, unknown>[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

/** `--detect csv` and the script run on read_csv of the same file (`skip` lines above the header, as the user tells read_csv). */
export async function detectedRun(connection: DuckDBConnection, csv: string, options: { policy?: object; mapping?: object; skip?: number; dir: string; allText?: boolean; readCsv?: string }): Promise<SqlRun & { skipped: Record<string, unknown>[] }> {
  const config = `${options.dir}/policy.json`;
  writeFileSync(config, JSON.stringify(options.policy ?? {}));
  const mappingFile = `${options.dir}/mapping.json`;
  if (options.mapping) writeFileSync(mappingFile, JSON.stringify(options.mapping));
  const [script] = await sqlCommand({ dialect: 'duckdb', detect: csv, deals: 'export', config, ...(options.mapping ? { mapping: mappingFile } : {}) });
  await connection.run(`CREATE OR REPLACE TABLE export AS SELECT * FROM read_csv('${csv}', header = true${options.skip ? `, skip = ${options.skip}` : ''}${options.allText ? ', all_varchar = true' : ''}${options.readCsv ? `, ${options.readCsv}` : ''})`);
  const result = await runDuckDbScript(connection, script!);
  const skipped = numbers((await connection.runAndReadAll('SELECT * FROM pa_skipped_rows ORDER BY rowNumber')).getRowObjectsJS() as Record<string, unknown>[]);
  return { deals: numbers(result.deals), credits: numbers(result.credits), partners: numbers(result.partners), script: script!, skipped };
}

/** What `partner-attribution report` reads from the same file. */
export async function cliAnalysis(csv: string, policy?: object): Promise<Analysis> {
  const loaded = await loadInput({ deals: csv });
  return analyze(loaded.input, { policy: policy ?? {} });
}
