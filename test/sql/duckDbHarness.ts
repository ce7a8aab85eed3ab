/**
 * Test harness: loads a deals grid (and touches grid) into DuckDB as typed warehouse tables, the
 * way an ETL job would, runs the compiled script, and reads back deals, credits and partners.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Grid } from '../../src/core/types';
import type { Analysis } from '../../src/core/analyze';
import { compilePolicyToSql } from '../../src/core/sql/compilePolicyToSql';
import { DEFAULT_SQL_DEALS_MAPPING } from '../../src/core/sql/sqlMapping';
import { cellText, isBlank } from '../../src/core/values/cellText';
import { splitOverridePartners } from '../../src/core/overrides/readOverrides';
import { parseAmount } from '../../src/core/values/parseAmount';
import { parseBoolean } from '../../src/core/values/parseBoolean';
import { parseDate, formatDay } from '../../src/core/values/parseDate';

type Kind = 'text' | 'date' | 'double' | 'bool';
const DATE_FIELDS = new Set(['created', 'closeDate', 'registrationDate']);
const kindOf = (field: string): Kind => (DATE_FIELDS.has(field) ? 'date' : field === 'amount' ? 'double'
  : field === 'won' || field === 'closed' ? 'bool' : 'text');
const SQL_TYPE: Record<Kind, string> = { text: 'VARCHAR', date: 'DATE', double: 'DOUBLE', bool: 'BOOLEAN' };

const literal = (value: string | number | boolean | null): string => {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${value.replace(/'/g, "''")}'`;
};

/** A cell as the warehouse would hold it after a typed load. */
function typed(cell: Cell, kind: Kind, decimal: '.' | ','): string | number | boolean | null {
  if (kind === 'date') {
    const day = parseDate(cell, 'MDY');
    return day === null || day === undefined ? null : formatDay(day);
  }
  if (kind === 'double') {
    const parsed = parseAmount(cell, decimal);
    return parsed.kind === 'ok' ? parsed.value : null;
  }
  if (kind === 'bool') return parseBoolean(cell) ?? null;
  if (cell === null || cell === undefined || cell === '') return null;
  return typeof cell === 'string' ? cell : cellText(cell);
}

async function createTable(c: DuckDBConnection, name: string, columns: { name: string; type: string }[], rows: (string | number | boolean | null)[][]): Promise<void> {
  await c.run(`CREATE OR REPLACE TABLE ${name} (${columns.map((col) => `"${col.name}" ${col.type}`).join(', ')})`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (chunk.length === 0) break;
    await c.run(`INSERT INTO ${name} VALUES ${chunk.map((r) => `(${r.map(literal).join(', ')})`).join(', ')}`);
  }
}

export interface SqlRun {
  deals: Record<string, unknown>[];
  credits: Record<string, unknown>[];
  partners: Record<string, unknown>[];
  script: string;
}

const plain = (rows: Record<string, unknown>[]): Record<string, unknown>[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

/** A fresh in-memory DuckDB connection, for tests that run many scripts. */
export async function openDuckDb(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return { connection, close: () => { connection.closeSync(); instance.closeSync(); } };
}

/**
 * Loads the deals grid the engine analysed (using its detected columns) and the touches grid
 * (header in its first row) into DuckDB, runs the compiled `duckdb` script and returns its results.
 */
export async function runSqlLikeEngine(analysis: Analysis, deals: Grid, touches: Grid | null, policy: unknown, shared?: DuckDBConnection,
  overrides?: Grid | null): Promise<SqlRun> {
  const instance = shared ? null : await DuckDBInstance.create(':memory:');
  const c = shared ?? await instance!.connect();
  try {
    const { table } = analysis;
    const decimal = analysis.policy.decimalSeparator;
    const fields = Object.entries(table.columns) as [string, number][];
    const columnName = (field: string): string => (DEFAULT_SQL_DEALS_MAPPING as Record<string, string | undefined>)[field] ?? field;
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = table.headerIndex + 1; r < deals.length; r++) {
      const cells = deals[r]!;
      if (cells.every(isBlank)) continue;
      rows.push([table.firstRow + r, ...fields.map(([field, index]) => typed(cells[index], kindOf(field), decimal))]);
    }
    // The currency a typed load keeps: the column, else the code written in the amount text.
    const currencyIndex = table.columns.currency;
    const amountIndex = table.columns.amount!;
    const columns = [{ name: 'sheet_row', type: 'INTEGER' }, ...fields.map(([field]) => ({ name: columnName(field), type: SQL_TYPE[kindOf(field)] }))];
    let r0 = 0;
    for (let r = table.headerIndex + 1; r < deals.length; r++) {
      const cells = deals[r]!;
      if (cells.every(isBlank)) continue;
      const parsed = parseAmount(cells[amountIndex], decimal);
      const fromText = parsed.kind === 'ok' ? parsed.currency : null;
      const fromColumn = currencyIndex === undefined ? '' : cellText(cells[currencyIndex]);
      rows[r0]!.push(fromColumn !== '' ? fromColumn : fromText);
      r0++;
    }
    columns.push({ name: 'currency_any', type: 'VARCHAR' });
    await createTable(c, 'deals', columns, rows);

    const mapping: Record<string, unknown> = { order: 'sheet_row', currency: 'currency_any' };
    for (const field of Object.keys(DEFAULT_SQL_DEALS_MAPPING)) {
      if (field !== 'currency' && table.columns[field as keyof typeof table.columns] === undefined) mapping[field] = null;
    }
    for (const field of ['won', 'closed'] as const) if (table.columns[field] !== undefined) mapping[field] = field;

    let touchesTable: string | null = null;
    await c.run('DROP TABLE IF EXISTS touches');
    if (touches && touches.length > 0) {
      const header = touches[0]!.map((h) => cellText(h).toLowerCase());
      const at = (name: string): number => header.indexOf(name);
      const trows: (string | number | boolean | null)[][] = [];
      for (let r = 1; r < touches.length; r++) {
        const cells = touches[r]!;
        if (cells.every(isBlank)) continue;
        const weightCell = at('weight') >= 0 ? cells[at('weight')] : undefined;
        trows.push([r + 1, cellText(cells[at('deal id')]), cellText(cells[at('partner')]), cellText(cells[at('activity')]),
          typed(cells[at('date')], 'date', decimal), isBlank(weightCell) ? null : typed(weightCell, 'double', decimal)]);
      }
      await createTable(c, 'touches', [{ name: 'touch_row', type: 'INTEGER' }, { name: 'deal_id', type: 'VARCHAR' },
        { name: 'partner', type: 'VARCHAR' }, { name: 'activity', type: 'VARCHAR' }, { name: 'activity_date', type: 'DATE' },
        { name: 'weight', type: 'DOUBLE' }], trows);
      touchesTable = 'touches';
      mapping.touches = { order: 'touch_row' };
    }
    // The Attribution Overrides tab as a warehouse would hold it: one row per deal and partner, shares as numbers.
    let overridesTable: string | null = null;
    await c.run('DROP TABLE IF EXISTS overrides');
    if (overrides && overrides.length > 0) {
      const header = overrides[0]!.map((h) => cellText(h).toLowerCase());
      const at = (name: string): number => header.indexOf(name);
      const orows: (string | number | boolean | null)[][] = [];
      for (let r = 1; r < overrides.length; r++) {
        const cells = overrides[r]!;
        if (cells.every(isBlank)) continue;
        const id = cellText(cells[at('deal id')]);
        const motion = cellText(cells[at('motion')]);
        const pieces = splitOverridePartners(cellText(cells[at('partner')]));
        if (pieces.length === 0) orows.push([id, motion, null, null, r * 100]);
        pieces.forEach((p, i) => orows.push([id, motion, p.name, p.share, r * 100 + i]));
      }
      await createTable(c, 'overrides', [{ name: 'deal_id', type: 'VARCHAR' }, { name: 'motion', type: 'VARCHAR' },
        { name: 'partner', type: 'VARCHAR' }, { name: 'share', type: 'DOUBLE' }, { name: 'line', type: 'INTEGER' }], orows);
      overridesTable = 'overrides';
    }
    const script = compilePolicyToSql({ dialect: 'duckdb', policy, mapping, dealsTable: 'deals', touchesTable, overridesTable });
    await c.run(script);
    const read = async (sql: string): Promise<Record<string, unknown>[]> => plain((await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
    return {
      deals: await read('SELECT * FROM pa_deals ORDER BY rowNumber'),
      credits: await read('SELECT * FROM pa_credits ORDER BY rowNumber, line'),
      partners: await read('SELECT * FROM pa_partners ORDER BY creditedRevenue DESC, creditedPipeline DESC, partner'),
      script,
    };
  } finally {
    if (!shared) {
      c.closeSync();
      instance?.closeSync();
    }
  }
}
