/** The SQL with an overrides table gives the engine's motions, credits and partner numbers with the same overrides, to the cent. */
import { toSummaryJson } from '../../src/core';
import { analyze } from '../../src/core/analyze';
import type { Cell, Grid } from '../../src/core/types';
import { runSqlLikeEngine } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';
import { readXlsxTab as readTab } from '../fixtures/readXlsxTabs';

describe('the DuckDB script with an overrides table', () => {
  let deals: Grid;
  let touches: Grid;
  let overrides: Cell[][];
  beforeAll(async () => {
    deals = await readTab('examples/deals.xlsx', 'Deals');
    touches = await readTab('examples/deals.xlsx', 'Touches');
    // Overrides on real deals of each motion, picked from what the rules decide, plus rows that must be ignored.
    const rules = toSummaryJson(analyze({ deals, touches }, { policy: { asOfDate: '2026-01-05' } })).deals.filter((d) => d.counted && d.status !== 'lost');
    const pick = (motion: string, n: number) => rules.filter((d) => d.motion === motion)[n]!;
    overrides = [
      ['Deal ID', 'Motion', 'Partner', 'Note'],
      [pick('direct', 0).id, 'Sourced', 'Brand New Partners GmbH', 'a partner nobody had listed'],
      [pick('direct', 1).id, 'influenced', 'Globex 70%; Initech 30%', ''],
      [pick('influenced', 0).id, 'Resold', 'Initech; Globex', 'even split, odd cent to the first'],
      [pick('sourced', 0).id, 'Direct', '', 'our own AE found it'],
      [pick('sourced', 1).id, 'Sourced', 'Globex 33.33%; Initech 33.33%; Umbrella 33.34%', ''],
      [pick('direct', 2).id, 'Sourced', 'Globex 60%; Initech 30%', 'shares add up to 90%: ignored'],
      ['OPP-99999', 'Sourced', 'Globex', 'unknown deal: ignored'],
      [pick('direct', 3).id, 'Co-sold', 'Globex', 'unknown motion: ignored'],
      [pick('resold', 0).id, 'Direct', 'Globex', 'partner on a direct deal: ignored'],
    ];
  });

  for (const [label, extra] of Object.entries({ 'the default policy': {}, 'resold counted as sourced, position model': { resoldCountsAs: 'sourced', influenceModel: 'position' } })) {
    it(`matches the engine under ${label}`, async () => {
      const policy = { asOfDate: '2026-01-05', ...extra };
      const analysis = analyze({ deals, touches, overrides }, { policy });
      expect(toSummaryJson(analysis).deals.filter((d) => d.reason.startsWith('Set by hand'))).toHaveLength(5);
      expect(analysis.summary.issues.filter((i) => i.code.startsWith('OVERRIDE_') && i.severity === 'warning')).toHaveLength(4);
      const run = await runSqlLikeEngine(analysis, deals, touches, policy, undefined, overrides);
      expect(run.script).toContain('pa_ovr_deal');
      const engine = fromEngine(analysis);
      const sql = fromSql(run);
      expect(sql.deals).not.toEqual(fromEngine(analyze({ deals, touches }, { policy })).deals);
      expect(sql.deals).toEqual(engine.deals);
      expect(sql.partners).toEqual(engine.partners);
      expect(engine.partners['Brand New Partners GmbH']?.sourcedRevenue ?? engine.partners['Brand New Partners GmbH']?.sourcedPipeline).toBeGreaterThan(0);
    });
  }
});
