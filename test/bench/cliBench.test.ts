/** A smoke of `npm run bench:cli` at 2,000 deals: every contender runs as a user runs it, and the inputs say the same thing (no timing asserts). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCli, repoRoot, tempDir } from '../cli/cliHarness';
import { parseCliBenchArgs } from '../../bench/cliBench';

jest.setTimeout(180_000);

test('bench:cli --sizes 2000 times the JSON, XLSX and XLSX-input runs and DuckDB, and writes their medians and peak RSS', () => {
  buildCli();
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), 'bench'], { cwd: repoRoot, stdio: 'pipe' });
  const dir = tempDir('pa-cli-bench-test-');
  const out = path.join(dir, 'cli-results.json');
  execFileSync(process.execPath, ['dist/bench/cliBench.js', '--sizes', '2000', '--runs', '1', '--out', out, '--dir', dir], { cwd: repoRoot, stdio: 'pipe' });
  const result = JSON.parse(readFileSync(out, 'utf8')) as { loadAverageBefore: number[]; sizes: { deals: number; jsonMB: number; workbookMB: number; results: Record<string, { medianSeconds: number; medianMaxRssMB: number; runs: unknown[] }> }[] };
  expect(result.loadAverageBefore).toHaveLength(3);
  const [size] = result.sizes;
  expect(size!.deals).toBe(2000);
  expect(Object.keys(size!.results).sort()).toEqual(['duckdb', 'json', 'xlsx', 'xlsxInput']);
  for (const r of Object.values(size!.results)) {
    expect(r.runs).toHaveLength(1);
    expect(r.medianSeconds).toBeGreaterThan(0);
    expect(r.medianMaxRssMB).toBeGreaterThan(20);
  }
  expect(size!.jsonMB).toBeGreaterThan(0.5);
  expect(size!.workbookMB).toBeGreaterThan(0.05);
  // The .xlsx input is the same deals table as the CSV: the two JSON summaries give the same totals.
  type Summary = { totals: unknown; deals: unknown[]; partners: unknown[] };
  const fromCsv = JSON.parse(readFileSync(path.join(dir, '2000', 'out.json'), 'utf8')) as Summary;
  const fromXlsx = JSON.parse(readFileSync(path.join(dir, '2000', 'out2.json'), 'utf8')) as Summary;
  expect(fromCsv.deals).toHaveLength(2000);
  expect(fromXlsx.totals).toEqual(fromCsv.totals);
  expect(fromXlsx.partners).toEqual(fromCsv.partners);
});

test('bench:cli refuses a bad size with its usage', () => {
  expect(() => parseCliBenchArgs(['--sizes', '2k'])).toThrow(/--sizes needs a whole number above 0; got "2k"\. usage: npm run bench:cli/);
  expect(parseCliBenchArgs(['--sizes', '2000', '--runs', '1']).sizes).toEqual([2000]);
});

test('bench:cli --only times just the contenders named, and refuses a name it does not know', () => {
  expect(parseCliBenchArgs(['--only', 'json,xlsxInput']).only).toEqual(['json', 'xlsxInput']);
  expect(parseCliBenchArgs([]).only).toBeUndefined();
  expect(() => parseCliBenchArgs(['--only', 'json,csv'])).toThrow(/--only takes json, xlsx, xlsxInput, duckdb; got "csv"\. usage: npm run bench:cli/);
});
