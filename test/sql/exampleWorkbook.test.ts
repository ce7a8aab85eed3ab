/** The DuckDB script over the example workbook gives the engine's motions, credits and partner numbers, to the cent. */
import { analyze } from '../../src/core/analyze';
import type { Grid } from '../../src/core/types';
import { runSqlLikeEngine } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';
import { readXlsxTab as readTab } from '../fixtures/readXlsxTabs';

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
