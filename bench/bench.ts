/**
 * `npm run bench`: generates seeded workbooks at each size and measures, each in its own child
 * process, the engine's full pipeline, the PARTNER_ROLLUP custom function, DuckDB (load + SQL) and
 * SUMIFS in HyperFormula; prints a table and writes bench/results.json and bench/results.svg.
 *
 * Usage: node dist/bench/bench.js [--sizes 10000,100000,1000000] [--runs N] [--out bench/results.json] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureTask } from './measureTask';
import type { TaskRequest } from './measureTask';
import { runChild } from './runChild';
import { checkTargets } from './benchResults';
import type { BenchResults, SizeResult } from './benchResults';
import { markdownTable, resultRows, textTable } from './resultsTable';
import { resultsSvg } from './chart';
import { parseBenchArgs, BenchArgsError } from './benchArgs';

/** Warm-up and measured runs per size: fewer at a million deals, where a run takes seconds. */
const runsFor = (size: number, override: number | null): { runs: number; warmup: number } =>
  size <= 20_000 ? { runs: override ?? 7, warmup: 2 } : size <= 200_000 ? { runs: override ?? 5, warmup: 1 } : { runs: override ?? 3, warmup: 0 };

/** SUMIFS partners evaluated per size (HyperFormula needs minutes beyond this); the rest is scaled linearly. */
const sumifsPartners = (size: number): number => (size <= 20_000 ? 200 : 40);

const METHOD = [
  'Each measurement runs in a fresh child process: node --max-old-space-size=4096 --expose-gc --trace-gc.',
  'The child generates the seeded workbook (2D arrays as a host hands them), forces a GC, then times each run with performance.now() after another forced GC; the median of the measured runs is reported (warm-up runs are dropped).',
  'Full pipeline = analyze({deals, touches}) + buildReportTabs(analysis) with every tab row made as a writer reads them: table detection, value coercion, classification, credit, rollups, the report tables.',
  'PARTNER_ROLLUP = runFunction("ROLLUP", [deals, touches]) exactly as the Sheets custom function calls it.',
  'Peak heap = the largest V8 heap-used figure in the --trace-gc log (the size before each GC) after the first forced GC, or the largest end-of-run heapUsed sample if larger. It includes the input grids, which stay alive as they do in a host. maxRSS (whole process) is also recorded.',
  'PARTNER_ROLLUP (Sheets) = runCustom("ROLLUP", ...) of the Sheets host on the grid with its date columns as Date objects (local midnight), as Sheets hands a custom function its range; the host resolves each date to its day.',
  'DuckDB CSV rollup = the plain per-partner rollup a user would write: read_csv of the exported deals CSV (dates as ISO text, amounts as exported) plus GROUP BY on the first partner column, won deals only; a fresh database (2 threads) per run, reading the file included. It has no attribution rules: it is the floor.',
  'DuckDB CSV rules = the script `partner-attribution sql --dialect duckdb --detect deals.csv --touches touches` prints, run on tables loaded from the two CSVs (amount text to DOUBLE and dates to DATE in the load, a row-order column), reading pa_partners; load included. Cells the SQL reads differently from the engine (1% US-format date text, which TRY_CAST leaves NULL) make the per-partner comparison printed beside it.',
  'DuckDB = a fresh in-memory database per run (2 threads), both grids appended as column-wise data chunks, then the rollup SQL (bench/peers/duckdbSql.ts); loading is included in the time. Its per-partner sourced and credited revenue and its totals are compared with the engine after timing.',
  'SUMIFS = HyperFormula (GPL key) loading the deals tab, then three SUMIFS per partner (sourced, resold, influenced-contains) over won deals. When only a sample of partners is evaluated, the formula time is scaled linearly to all partners; HyperFormula grows faster than linearly in the partner count, so the scaled figure understates it.',
];

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.child) { await measureTask(args.child); return; }
  const script = process.argv[1]!;
  const loadAverageAtStart = os.loadavg();
  const sizes: SizeResult[] = [];
  for (const size of args.sizes) {
    const { runs, warmup } = runsFor(size, args.runs);
    const request = (task: TaskRequest['task'], taskRuns = runs, taskWarmup = warmup): TaskRequest =>
      ({ task, size, runs: taskRuns, warmup: taskWarmup, seed: args.seed, maxPartners: sumifsPartners(size) });
    console.log(`bench: ${size.toLocaleString('en-US')} deals ...`);
    const pipeline = await runChild(script, request('pipeline'));
    console.log(`  pipeline        median ${Math.round(pipeline.medianMs)} ms, peak heap ${Math.round(pipeline.peakHeapMB)} MB`);
    const fn = await runChild(script, request('function'));
    console.log(`  PARTNER_ROLLUP  median ${Math.round(fn.medianMs)} ms`);
    const sheetsFunction = await runChild(script, request('sheetsFunction'));
    console.log(`  PARTNER_ROLLUP from a Sheets grid (Date objects)  median ${Math.round(sheetsFunction.medianMs)} ms`);
    const duckdbCsv = await runChild(script, request('duckdbCsv', Math.min(runs, 5), 1));
    console.log(`  DuckDB plain rollup from the CSV  median ${Math.round(duckdbCsv.medianMs)} ms`);
    const duckdbCsvRules = await runChild(script, request('duckdbCsvRules', Math.min(runs, 3), Math.min(warmup, 1)));
    const rulesAgreement = duckdbCsvRules.detail.agreement as { partners: number; sourcedMismatches: number; creditedMismatches: number };
    console.log(`  DuckDB compiled rules from the CSV  median ${Math.round(duckdbCsvRules.medianMs)} ms; over ${rulesAgreement.partners} partners `
      + `${rulesAgreement.sourcedMismatches} sourced and ${rulesAgreement.creditedMismatches} credited differ from the engine`);
    const duckdb = await runChild(script, request('duckdb', Math.min(runs, 3), Math.min(warmup, 1)));
    const agreement = duckdb.detail.agreement as { sourcedMismatches: number; creditedMismatches: number; totalsMismatches: string[]; partners: number };
    console.log(`  DuckDB          median ${Math.round(duckdb.medianMs)} ms; agreement over ${agreement.partners} partners: `
      + `${agreement.sourcedMismatches} sourced and ${agreement.creditedMismatches} credited mismatches, totals ${agreement.totalsMismatches.length === 0 ? 'equal' : agreement.totalsMismatches.join(', ')}`);
    const sumifs = size <= 200_000 ? await runChild(script, request('sumifs', 1, 0)) : null;
    if (sumifs) console.log(`  SUMIFS          ${Math.round(sumifs.medianMs)} ms${sumifs.detail.extrapolated ? ` (scaled from ${String(sumifs.detail.partnersEvaluated)} partners)` : ''}`);
    sizes.push({
      deals: size, touches: pipeline.touches, partners: pipeline.partners, pipeline, function: fn, sheetsFunction, duckdb, duckdbCsv, duckdbCsvRules, sumifs,
      ratios: {
        duckdb: duckdb.medianMs / pipeline.medianMs, sumifs: sumifs ? sumifs.medianMs / pipeline.medianMs : null,
        sheetsFunctionVsCsvRollup: sheetsFunction.medianMs / duckdbCsv.medianMs, csvRules: duckdbCsvRules.medianMs / pipeline.medianMs,
      },
    });
  }
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
    seed: args.seed, method: METHOD, sizes, targets: checkTargets(sizes),
  };
  const rows = resultRows(results);
  console.log(`\n${textTable(rows)}\n`);
  for (const t of results.targets) console.log(`${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.actual} (target ${t.target})`);
  console.log(`\nMachine: ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Node ${results.machine.node}, load average at start ${loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${results.machine.loadAverageAtEnd.map((l) => l.toFixed(1)).join(' ')}`);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  const svgPath = args.out.replace(/\.json$/i, '') + '.svg';
  writeFileSync(svgPath, resultsSvg(results));
  writeFileSync(args.out.replace(/\.json$/i, '') + '.md', `${markdownTable(rows)}\n`);
  console.log(`bench: wrote ${args.out}, ${svgPath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchArgsError ? `bench: ${error.message}` : `bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
