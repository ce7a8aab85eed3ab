/**
 * The two DuckDB runs a user would actually make on an exported CSV: the plain per-partner rollup
 * (read_csv plus GROUP BY: the floor, no attribution rules at all) and the project's own compiled
 * rules (`partner-attribution sql --dialect duckdb`) on the same file. Each run is a fresh in-memory
 * database with 2 threads; reading the CSV is part of the time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Cell, Grid } from '../../src/core';
import { sqlCommand } from '../../src/cli/sqlCommand';

/** The files of one workbook, written once before timing. */
export interface CsvFiles { deals: string; touches: string; mapping: string }

const SERIAL_EPOCH = 25_569;
const DATE_COLUMNS = new Set(['Created Date', 'Close Date', 'Registration Date', 'Date']);

/** A cell as a CSV export from the sheet writes it: date-formatted serials as ISO days, text quoted when it must be. */
const csvCell = (cell: Cell, isDate: boolean): string => {
  if (cell === null || cell === undefined) return '';
  const text = isDate && typeof cell === 'number' ? new Date((cell - SERIAL_EPOCH) * 86_400_000).toISOString().slice(0, 10) : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes a grid as CSV, one row at a time (a million rows never become one string). */
export function writeCsv(file: string, grid: Grid): void {
  const header = grid[0]!;
  const dated = header.map((h) => DATE_COLUMNS.has(String(h)));
  const lines: string[] = [];
  writeFileSync(file, '');
  for (let r = 0; r < grid.length; r++) {
    lines.push(grid[r]!.map((cell, c) => csvCell(cell, dated[c]!)).join(','));
    if (lines.length === 10_000 || r === grid.length - 1) { writeFileSync(file, `${lines.join('\n')}\n`, { flag: 'a' }); lines.length = 0; }
  }
}

/** Writes the deals and touches CSVs and the column mapping the compiled rules need, in a temporary folder. */
export function writeCsvFiles(deals: Grid, touches: Grid): CsvFiles {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-'));
  const files: CsvFiles = { deals: path.join(dir, 'deals.csv'), touches: path.join(dir, 'touches.csv'), mapping: path.join(dir, 'mapping.json') };
  writeCsv(files.deals, deals);
  writeCsv(files.touches, touches);
  // The header names of the export, and the row order column the SQL needs for "first occurrence" rules.
  writeFileSync(files.mapping, JSON.stringify({ order: 'row_order',
    touches: { dealId: 'Deal ID', partner: 'Partner', activity: 'Activity', date: 'Date', weight: 'Weight', order: 'row_order' } }));
  return files;
}

/** Deletes the folder writeCsvFiles made (a million-deal pair of CSVs is 300 MB). */
export function removeCsvFiles(files: CsvFiles): void {
  rmSync(path.dirname(files.deals), { recursive: true, force: true });
}

export const quote = (file: string): string => `'${file.replace(/'/g, "''")}'`;

/** Amount text such as "$1,200.50" as a number, as the README tells warehouse users to load it. */
export const AMOUNT = `TRY_CAST(REPLACE(REPLACE(CAST("Amount" AS VARCHAR), '$', ''), ',', '') AS DOUBLE)`;

/** The plain rollup: won revenue and deal count per partner column value, straight from the CSV. */
export async function runDuckDbCsvRollup(files: CsvFiles): Promise<{ ms: number; partners: number }> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(`SELECT
  COALESCE(NULLIF(TRIM("Sourcing Partner"), ''), NULLIF(TRIM("Partner"), ''), NULLIF(TRIM("Reseller"), ''), NULLIF(TRIM("Registered By"), '')) AS partner,
  COUNT(*) AS deals, SUM(${AMOUNT}) AS revenue
FROM read_csv(${quote(files.deals)}, header = true, all_varchar = true)
WHERE "Stage" = 'Closed Won' GROUP BY 1`)).getRowObjectsJS();
    return { ms: performance.now() - started, partners: rows.filter((r) => r.partner !== null).length };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The compiled rules' script for these files, as `sql --dialect duckdb --detect deals.csv --touches touches --mapping m.json` prints it. */
export async function compiledRules(files: CsvFiles): Promise<string> {
  return (await sqlCommand({ dialect: 'duckdb', detect: files.deals, deals: 'deals', touches: 'touches', mapping: files.mapping }))[0]!;
}

/**
 * The compiled rules on the CSVs: load both files as the text the export holds (`all_varchar`, as
 * the README's SQL section advises), run the script, read pa_partners. The script reads the amount
 * and date text as the CLI does; a typed load with TRY_CAST(... AS DATE) would turn the export's
 * US text dates ("06/30/2023") into NULL, and those deals' created dates would be lost.
 */
export async function runDuckDbCsvRules(files: CsvFiles, script: string): Promise<{ ms: number; partners: Map<string, { sourcedRevenue: number; creditedRevenue: number }> }> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE deals AS SELECT *, row_number() OVER () AS row_order
  FROM read_csv(${quote(files.deals)}, header = true, all_varchar = true)`);
    await connection.run(`CREATE TABLE touches AS SELECT *, row_number() OVER () AS row_order
  FROM read_csv(${quote(files.touches)}, header = true, all_varchar = true)`);
    await connection.run(script);
    const rows = (await connection.runAndReadAll('SELECT partner, sourcedRevenue, creditedRevenue FROM pa_partners')).getRowObjectsJS();
    const ms = performance.now() - started;
    const partners = new Map<string, { sourcedRevenue: number; creditedRevenue: number }>();
    for (const row of rows) partners.set(String(row.partner), { sourcedRevenue: Number(row.sourcedRevenue), creditedRevenue: Number(row.creditedRevenue) });
    return { ms, partners };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
