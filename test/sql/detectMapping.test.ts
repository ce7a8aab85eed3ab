/** `sql --detect`: the header of an export becomes the mapping, so the script runs on the table as exported, under its own column names. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDuckDbScript, sqlCommand } from '../../src/cli/sqlCommand';
import { readCsv } from '../../src/cli/readCsv';
import { analyze } from '../../src/core/analyze';
import { openDuckDb } from './duckDbHarness';
import type { SqlRun } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';

const dir = mkdtempSync(join(tmpdir(), 'pa-detect-'));

/** A Salesforce opportunity report exported to CSV: its own headers, typed values, no deal_id anywhere. */
const SALESFORCE_HEADER = ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Partner Account', 'Reseller', 'Influencing Partners'];
const salesforceCsv = (): string => {
  const partners = ['Acme Inc.', 'Globex', 'Initech', ''];
  const rows = Array.from({ length: 60 }, (_, i) => [
    `006${String(1000 + i)}`, `Renewal ${i}`, i % 3 === 0 ? 'Closed Lost' : i % 3 === 1 ? 'Closed Won' : 'Negotiation', (1000 + i * 37.25).toFixed(2),
    `2024-0${1 + (i % 6)}-1${i % 10}`, `2024-0${4 + (i % 6)}-2${i % 8}`, i % 5 === 0 ? 'Partner Referral' : 'Web',
    partners[i % 4]!, i % 7 === 0 ? 'Hooli Distribution' : '', i % 4 === 2 ? 'Globex; Initech' : '',
  ]);
  return [SALESFORCE_HEADER, ...rows].map((r) => r.map((c) => (/[,;"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
};

describe('partner-attribution sql --detect', () => {
  it('maps the export\'s own column names (absent fields need no mapping), and DuckDB on the raw CSV equals the CLI to the cent', async () => {
    const csv = join(dir, 'opportunities.csv');
    writeFileSync(csv, salesforceCsv());
    const [script] = await sqlCommand({ dialect: 'duckdb', detect: csv, deals: 'opportunities' });
    expect(script).toContain('"Opportunity ID"');
    expect(script).toContain('"Partner Account"');
    expect(script).not.toContain('s."deal_id"'); // no snake_case column of the defaults is read
    const db = await openDuckDb();
    try {
      await db.connection.run(`CREATE TABLE opportunities AS SELECT * FROM read_csv('${csv}', header = true)`);
      const result = await runDuckDbScript(db.connection, script!);
      // DuckDB counts come back as BigInt; the engine's as numbers.
      const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
      const run: SqlRun = { deals: numbers(result.deals), credits: numbers(result.credits), partners: numbers(result.partners), script: script! };
      const engine = fromEngine(analyze({ deals: readCsv(csv) }));
      const sql = fromSql(run);
      expect(sql.partners).toEqual(engine.partners);
      expect(sql.deals.map((d) => [d.motion, d.credits])).toEqual(engine.deals.map((d) => [d.motion, d.credits]));
    } finally {
      db.close();
    }
  });

  it('takes a file holding only the header row, and lets --mapping override what it detected', async () => {
    const header = join(dir, 'header.csv');
    writeFileSync(header, `${SALESFORCE_HEADER.join(',')}\n`);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ amount: 'Amount (converted)' }));
    const [script] = await sqlCommand({ dialect: 'duckdb', detect: header, mapping });
    expect(script).toContain('"Amount (converted)"');
    expect(script).toContain('"Close Date"');
  });

  it('says what is wrong when the export has no deals header', async () => {
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'Colour,Size\nred,3\n');
    await expect(sqlCommand({ dialect: 'duckdb', detect: notes })).rejects.toThrow(/^--detect: /);
    await expect(sqlCommand({ dialect: 'duckdb', detect: join(dir, 'missing.csv') })).rejects.toThrow(/Cannot read the --detect file/);
  });
});
