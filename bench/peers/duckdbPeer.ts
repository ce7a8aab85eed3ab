/**
 * The DuckDB peer: loads the same 2D arrays into an in-memory DuckDB (column-wise data chunks through
 * the appender, the fastest honest ingest from JS arrays), then runs the rollup SQL of duckdbSql.ts.
 * Loading is part of the measured time, as it is for the engine, which also starts from the arrays.
 */
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Cell, Grid } from '../../src/core';
import { DEALS_TABLE, TOUCHES_TABLE, rollupStatements } from './duckdbSql';

/** Totals and per-partner money as the SQL computes them. */
export interface SqlRollup {
  totals: { deals: number; revenue: number; sourcedRevenue: number; influencedRevenue: number; resoldRevenue: number; partnerLedRevenue: number; pipeline: number };
  /** Keyed by the partner matching key (SPEC 2.5). */
  partners: Map<string, { sourcedRevenue: number; creditedRevenue: number }>;
}

export interface DuckDbRun extends SqlRollup {
  loadMs: number;
  queryMs: number;
  totalMs: number;
}

type Kind = 'int' | 'text' | 'num' | 'textOfMixed';
/** One loaded column: where it comes from in the grid and how the cell is split. */
interface ColumnPlan { source: number; kind: Kind; type: DuckDBType }

const CHUNK = 2048;

const text = (cell: Cell): string | null => {
  if (cell === null || cell === undefined || cell === '') return null;
  return typeof cell === 'string' ? cell : String(cell);
};

function plan(header: readonly Cell[], columns: readonly [string, 'int' | 'text' | 'mixed'][]): ColumnPlan[] {
  const out: ColumnPlan[] = [];
  for (const [name, kind] of columns) {
    const source = name === '#row' ? -1 : header.indexOf(name);
    if (name !== '#row' && source < 0) throw new Error(`DuckDB peer: the grid has no "${name}" column`);
    if (kind === 'mixed') {
      out.push({ source, kind: 'num', type: DOUBLE }, { source, kind: 'textOfMixed', type: VARCHAR });
    } else out.push({ source, kind, type: kind === 'int' ? INTEGER : VARCHAR });
  }
  return out;
}

/** Appends grid rows 1.. (row 0 is the header) as data chunks; `#row` becomes the sheet row number. */
async function load(connection: DuckDBConnection, table: string, grid: Grid, columns: ColumnPlan[]): Promise<void> {
  const appender = await connection.createAppender(table);
  const types = columns.map((c) => c.type);
  const rows = grid.length - 1;
  for (let start = 0; start < rows; start += CHUNK) {
    const count = Math.min(CHUNK, rows - start);
    const chunk = DuckDBDataChunk.create(types, count);
    columns.forEach((column, c) => {
      const values: DuckDBValue[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const r = start + i + 1;
        const cell = column.source < 0 ? null : grid[r]![column.source];
        switch (column.kind) {
          case 'int': values[i] = r + 1; break;
          case 'text': values[i] = text(cell); break;
          case 'num': values[i] = typeof cell === 'number' ? cell : null; break;
          case 'textOfMixed': values[i] = typeof cell === 'number' ? null : text(cell); break;
        }
      }
      chunk.setColumnValues(c, values);
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

const DEAL_COLUMNS: [string, 'int' | 'text' | 'mixed'][] = [
  ['#row', 'int'], ['Opportunity ID', 'text'], ['Stage', 'text'], ['Amount', 'mixed'], ['Created Date', 'mixed'], ['Close Date', 'mixed'],
  ['Lead Source', 'text'], ['Sourcing Partner', 'text'], ['Partner', 'text'], ['Partner Role', 'text'], ['Influencing Partners', 'text'],
  ['Reseller', 'text'], ['Registered By', 'text'], ['Registration Date', 'mixed'], ['Registration Status', 'text'],
];
const TOUCH_COLUMNS: [string, 'int' | 'text' | 'mixed'][] = [['#row', 'int'], ['Deal ID', 'text'], ['Partner', 'text'], ['Activity', 'text'], ['Date', 'mixed'], ['Weight', 'mixed']];

/**
 * Loads both grids and runs the rollup; `asOfSerial` is "today" for open deals' influence windows.
 * The Weight column's text half is loaded but unused (weights are numbers in the bench workbook).
 */
export async function runDuckDbRollup(deals: Grid, touches: Grid, asOfSerial: number): Promise<DuckDbRun> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(DEALS_TABLE);
    await connection.run(TOUCHES_TABLE);
    await load(connection, 'deals', deals, plan(deals[0]!, DEAL_COLUMNS));
    await load(connection, 'touches', touches, plan(touches[0]!, TOUCH_COLUMNS));
    const loaded = performance.now();
    const statements = rollupStatements(asOfSerial);
    for (const sql of statements.slice(0, -2)) await connection.run(sql);
    const totalsRow = (await connection.runAndReadAll(statements[statements.length - 2]!)).getRowObjectsJS()[0]!;
    const partnerRows = (await connection.runAndReadAll(statements[statements.length - 1]!)).getRowObjectsJS();
    const done = performance.now();
    const num = (v: unknown): number => Math.round(Number(v) * 100) / 100;
    const partners = new Map<string, { sourcedRevenue: number; creditedRevenue: number }>();
    for (const row of partnerRows) {
      partners.set(String(row.partner_key), { sourcedRevenue: num(row.sourced_revenue), creditedRevenue: num(row.credited_revenue) });
    }
    return {
      loadMs: loaded - started, queryMs: done - loaded, totalMs: done - started,
      totals: {
        deals: Number(totalsRow.deals), revenue: num(totalsRow.revenue), sourcedRevenue: num(totalsRow.sourced_revenue),
        influencedRevenue: num(totalsRow.influenced_revenue), resoldRevenue: num(totalsRow.resold_revenue),
        partnerLedRevenue: num(totalsRow.partner_led_revenue), pipeline: num(totalsRow.pipeline),
      },
      partners,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
