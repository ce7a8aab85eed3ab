/**
 * The example workbook saved as CSV files, as Excel's "Save As CSV" writes each tab (the title rows above
 * the header, amounts and dates as shown), loaded into DuckDB with read_csv as a user would, and run
 * through the script `sql --detect` prints: the same motions, credits and partner numbers as the CLI
 * reading the same CSV files, to the cent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxTab } from '../fixtures/readXlsxTabs';
import { runDuckDbScript, sqlCommand } from '../../src/cli/sqlCommand';
import { loadInput } from '../../src/cli/loadInput';
import { analyze } from '../../src/core/analyze';
import type { Cell, Grid } from '../../src/core/types';
import { openDuckDb } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';

const dir = mkdtempSync(join(tmpdir(), 'pa-example-csv-'));

/** A cell as US Excel shows it with the example's formats: dates m/d/yyyy, amounts with thousands separators. */
const shown = (cell: Cell): string => {
  if (cell instanceof Date) return `${cell.getUTCMonth() + 1}/${cell.getUTCDate()}/${cell.getUTCFullYear()}`;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell === null || cell === undefined ? '' : String(cell);
};

/** A tab as "CSV (Comma delimited)": every row as wide as the widest, a merged title only in its first cell. */
const asCsv = (grid: Grid): string => {
  const width = Math.max(...grid.map((r) => r.length));
  return `${grid.map((row, r) => Array.from({ length: width }, (_, c) => {
    const text = c > 0 && r < 2 && row[c] === row[0] ? '' : shown(row[c] ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',')).join('\r\n')}\r\n`;
};

describe('the DuckDB script on examples/deals.xlsx saved as CSV, with --detect', () => {
  it('equals the CLI on the same CSV files to the cent', async () => {
    const deals = await readXlsxTab('examples/deals.xlsx', 'Deals');
    const touches = await readXlsxTab('examples/deals.xlsx', 'Touches');
    const headerLine = deals.findIndex((row) => row[0] === 'Opportunity ID');
    expect(headerLine).toBeGreaterThan(0); // title rows above the header, as the export has them
    const dealsCsv = join(dir, 'deals.csv');
    const touchesCsv = join(dir, 'touches.csv');
    writeFileSync(dealsCsv, asCsv(deals));
    writeFileSync(touchesCsv, asCsv(touches));
    const policy = { asOfDate: '2026-01-05' };
    const config = join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify(policy));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ order: 'rowid', touches: { dealId: 'Deal ID', partner: 'Partner', activity: 'Activity', date: 'Date', weight: 'Weight' } }));

    const [script] = await sqlCommand({ dialect: 'duckdb', detect: dealsCsv, deals: 'deals', touches: 'touches', config, mapping });
    expect(script).toContain('"Opportunity ID"');
    const db = await openDuckDb();
    try {
      // The user skips the title lines, as read_csv's skip option does.
      await db.connection.run(`CREATE TABLE deals AS SELECT * FROM read_csv('${dealsCsv}', header = true, skip = ${headerLine})`);
      await db.connection.run(`CREATE TABLE touches AS SELECT * FROM read_csv('${touchesCsv}', header = true)`);
      const result = await runDuckDbScript(db.connection, script!);
      const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
      const sql = fromSql({ deals: numbers(result.deals), credits: numbers(result.credits), partners: numbers(result.partners), script: script! });

      const loaded = await loadInput({ deals: dealsCsv, touches: touchesCsv });
      const analysis = analyze(loaded.input, { policy });
      const engine = fromEngine(analysis);
      expect(analysis.summary.totals.deals).toBeGreaterThan(300);
      expect(engine.deals.some((d) => d.motion === 'influenced')).toBe(true);
      expect(sql.deals).toEqual(engine.deals);
      expect(sql.partners).toEqual(engine.partners);
    } finally {
      db.close();
    }
  });
});
