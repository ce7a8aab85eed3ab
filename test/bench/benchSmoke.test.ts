/** A small smoke of the benchmark: the workbook looks like a real export, and the DuckDB peer computes the engine's numbers. */
import { analyze, partnerKey } from '../../src/core';
import { COL, DEAL_HEADERS, TOUCH_HEADERS, generateWorkbook } from '../../bench/generateWorkbook';
import { runDuckDbRollup } from '../../bench/peers/duckdbPeer';
import { compareWithEngine } from '../../bench/peers/agreement';
import { compiledRules, removeCsvFiles, runDuckDbCsvRules, writeCsvFiles } from '../../bench/peers/duckdbCsvPeers';
import { peakFromGcTrace } from '../../bench/runChild';
import { parseBenchArgs } from '../../bench/benchArgs';

const SIZE = 4000;
const workbook = generateWorkbook({ deals: SIZE, seed: 7 });
const rows = workbook.deals.slice(1);

describe('the benchmark workbook', () => {
  it('is a header row and one row per deal, as a host hands a range over', () => {
    expect(workbook.deals[0]).toEqual([...DEAL_HEADERS]);
    expect(rows).toHaveLength(SIZE);
    expect(rows.every((r) => r.length === DEAL_HEADERS.length)).toBe(true);
    expect(workbook.touches[0]).toEqual([...TOUCH_HEADERS]);
  });

  it('is the same workbook for the same seed and a different one for another seed', () => {
    expect(generateWorkbook({ deals: 200, seed: 7 }).deals).toEqual(generateWorkbook({ deals: 200, seed: 7 }).deals);
    expect(generateWorkbook({ deals: 200, seed: 8 }).deals).not.toEqual(generateWorkbook({ deals: 200, seed: 7 }).deals);
  });

  it('has two to four touches per deal, about three per deal overall', () => {
    const perDeal = new Map<unknown, number>();
    for (const t of workbook.touches.slice(1)) perDeal.set(t[0], (perDeal.get(t[0]) ?? 0) + 1);
    const touches = workbook.touches.length - 1;
    expect(touches / SIZE).toBeGreaterThan(2.8);
    expect(touches / SIZE).toBeLessThan(3.2);
    expect(Math.min(...perDeal.values())).toBeGreaterThanOrEqual(2);
  });

  it('puts partner columns on about 40% of deals', () => {
    const led = workbook.plan.filter((m) => m !== 'direct').length / SIZE;
    expect(led).toBeGreaterThan(0.36);
    expect(led).toBeLessThan(0.44);
  });

  it('holds serial-number dates, numbers and some dirty amounts: "$1,200.50" text, blanks and #N/A', () => {
    const amounts = rows.map((r) => r[COL.Amount]);
    expect(amounts.filter((a) => typeof a === 'number').length / SIZE).toBeGreaterThan(0.85);
    expect(amounts.some((a) => typeof a === 'string' && /^\$\d{1,3}(,\d{3})*\.\d\d$/.test(a))).toBe(true);
    expect(amounts).toContain('');
    expect(amounts).toContain('#N/A');
    const closes = rows.map((r) => r[COL['Close Date']]).filter((c): c is number => typeof c === 'number');
    expect(Math.min(...closes)).toBeGreaterThanOrEqual(44927); // 2023-01-01
    expect(Math.max(...closes)).toBeLessThan(44927 + 731); // eight quarters
  });

  it('gives a long tail of partners: the top partner is far more active than the median one', () => {
    const counts = new Map<string, number>();
    for (const t of workbook.touches.slice(1)) counts.set(String(t[1]), (counts.get(String(t[1])) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
  });
});

describe('the DuckDB peer', () => {
  it('computes the same totals and per-partner sourced and credited revenue as the engine', async () => {
    const asOf = 25569 + Math.floor(Date.now() / 86_400_000);
    const sql = await runDuckDbRollup(workbook.deals, workbook.touches, asOf);
    const { summary } = analyze({ deals: workbook.deals, touches: workbook.touches });
    const agreement = compareWithEngine(summary, sql);
    expect(agreement.examples).toEqual([]);
    expect(agreement.totalsMismatches).toEqual([]);
    expect(agreement.sourcedMismatches).toBe(0);
    expect(agreement.creditedMismatches).toBe(0);
    expect(sql.totals.sourcedRevenue).toBeGreaterThan(0);
    expect(sql.partners.size).toBeGreaterThan(100);
  });
});

describe('the compiled-rules CSV peer', () => {
  it('gives every partner the engine\'s sourced and credited revenue, to the cent, from the CSV export (1% of created dates US text)', async () => {
    const usText = rows.filter((r) => typeof r[COL['Created Date']] === 'string').length;
    expect(usText).toBeGreaterThan(SIZE * 0.005);
    const files = writeCsvFiles(workbook.deals, workbook.touches);
    try {
      const { partners } = await runDuckDbCsvRules(files, await compiledRules(files));
      const engine = analyze({ deals: workbook.deals, touches: workbook.touches }).summary.partners;
      const cents = (n: number): number => Math.round(n * 100);
      const sql = new Map([...partners].map(([name, p]) => [partnerKey(name), [cents(p.sourcedRevenue), cents(p.creditedRevenue)]]));
      const differing = engine.filter((p) => p.dealsSourced + p.dealsInfluenced + p.dealsResold > 0)
        .filter((p) => JSON.stringify(sql.get(partnerKey(p.partner)) ?? [0, 0]) !== JSON.stringify([cents(p.sourcedRevenue), cents(p.creditedRevenue)]))
        .map((p) => `${p.partner}: engine ${p.sourcedRevenue} / ${p.creditedRevenue}, SQL ${(sql.get(partnerKey(p.partner)) ?? [0, 0]).map((c) => c / 100).join(' / ')}`);
      expect(differing).toEqual([]);
      expect(sql.size).toBeGreaterThan(100);
    } finally {
      removeCsvFiles(files);
    }
  });
});

describe('the bench harness', () => {
  it('reads the peak heap from the GC trace after the first forced GC only', () => {
    const trace = [
      '[1:0x1]  20 ms: Scavenge 900.0 (950.0) -> 800.0 (950.0) MB, 1.0 / 0.0 ms  (average mu = 1.000) allocation failure;',
      '[1:0x1]  30 ms: Mark-Compact 810.0 (950.0) -> 300.0 (400.0) MB, 9.0 / 0.0 ms  (average mu = 1.000) testing; GC in old space requested',
      '[1:0x1]  40 ms: Scavenge 420.5 (450.0) -> 410.0 (450.0) MB, 1.0 / 0.0 ms  (average mu = 1.000) allocation failure;',
      '[1:0x1]  50 ms: Mark-Compact 610.2 (650.0) -> 320.0 (400.0) MB, 9.0 / 0.0 ms  (+ 3 ms in 4 steps) finalize incremental marking; GC in old space requested',
    ];
    expect(peakFromGcTrace(trace)).toBe(610.2);
  });

  it('refuses a bad size with a message that shows the usage', () => {
    expect(() => parseBenchArgs(['--sizes', '10k'])).toThrow(/--sizes needs a whole number above 0; got "10k"\. usage: npm run bench/);
    expect(parseBenchArgs(['--sizes', '10000', '--runs', '2']).sizes).toEqual([10000]);
  });
});
