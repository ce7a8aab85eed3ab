/** The DuckDB script over the example workbook gives the engine's motions, credits and partner numbers, to the cent. */
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import type { Cell, Grid } from '../../src/core/types';
import { runSqlLikeEngine } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';

async function readTab(file: string, name: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(name)!;
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value as unknown;
      cells[col - 1] = v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v
        : v && typeof v === 'object' && 'result' in v ? (v as { result: Cell }).result : v === null || v === undefined ? '' : String(v);
    });
    while (rows.length < n - 1) rows.push([]);
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return rows;
}

const POLICIES: Record<string, unknown> = {
  'the default policy': {},
  'split conflicts, position model, 70% sourced share': { conflictPolicy: 'split', influenceModel: 'position', sourcedShare: 0.7 },
  'flagged conflicts, weighted model, resold counted as sourced': { conflictPolicy: 'flag', influenceModel: 'weighted', resoldCountsAs: 'sourced' },
  'time-decay and last-touch models with a higher threshold': { influenceModel: 'time-decay', influenceThreshold: 1, sourcedShare: 0.5 },
  'the last model': { influenceModel: 'last', sourcedShare: 0.6 },
  'the first model': { influenceModel: 'first', sourcedShare: 0.8, reportingCurrency: 'EUR' },
};

describe('the DuckDB script over examples/deals.xlsx', () => {
  let deals: Grid;
  let touches: Grid;
  beforeAll(async () => {
    deals = await readTab('examples/deals.xlsx', 'Deals');
    touches = await readTab('examples/deals.xlsx', 'Touches');
  });

  for (const [label, overrides] of Object.entries(POLICIES)) {
    it(`labels every deal and credits every partner as the engine does under ${label}`, async () => {
      const policy = { asOfDate: '2026-01-05', ...(overrides as object) };
      const analysis = analyze({ deals, touches }, { policy });
      const run = await runSqlLikeEngine(analysis, deals, touches, policy);
      const engine = fromEngine(analysis);
      const sql = fromSql(run);
      expect(sql.deals.length).toBe(engine.deals.length);
      expect(sql.deals).toEqual(engine.deals);
      expect(sql.partners).toEqual(engine.partners);
      expect(engine.deals.some((d) => d.motion === 'sourced')).toBe(true);
    });
  }
});
