/**
 * One measurement, run inside its own child process (node --expose-gc --trace-gc): generate the
 * workbook, collect garbage, then time the task's runs. Prints one `BENCH_RESULT {json}` line.
 */
import { analyze, blockLength, buildReportTabs, eachBlockRow, runFunction } from '../src/core';
import type { ReportTab } from '../src/core';
import { generateWorkbook } from './generateWorkbook';
import { runDuckDbRollup } from './peers/duckdbPeer';
import { runSumifsRollup } from './peers/sumifsPeer';
import { compareWithEngine } from './peers/agreement';
import type { Agreement } from './peers/agreement';
import { median } from './median';
import { compiledRules, removeCsvFiles, runDuckDbCsvRollup, runDuckDbCsvRules, writeCsvFiles } from './peers/duckdbCsvPeers';
import { partnerKey } from '../src/core';
import type { Cell, Grid } from '../src/core';
import { runCustom } from '../src/hosts/gas/customFunctions';
import { spreadsheetDays } from '../src/hosts/gas/toCalendarCells';

export type TaskName = 'pipeline' | 'function' | 'sheetsFunction' | 'duckdb' | 'duckdbCsv' | 'duckdbCsvRules' | 'sumifs';

const SERIAL_EPOCH = 25_569;

/** The grid as Sheets hands it to a custom function: date cells as Date objects (midnight, here in the process's zone). */
function asSheetsHandsIt(grid: Grid, dateColumns: readonly string[]): Grid {
  const header = grid[0]!;
  const columns = dateColumns.map((name) => header.indexOf(name)).filter((c) => c >= 0);
  return grid.map((row, r) => {
    if (r === 0) return row;
    const copy: Cell[] = row.slice();
    for (const c of columns) {
      const cell = copy[c];
      if (typeof cell !== 'number') continue;
      const utc = new Date((cell - SERIAL_EPOCH) * 86_400_000);
      copy[c] = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
    }
    return copy;
  });
}

export interface TaskRequest {
  task: TaskName;
  size: number;
  runs: number;
  warmup: number;
  seed: number;
  /** SUMIFS only: evaluate this many partners' formulas and scale up. */
  maxPartners: number;
}

export interface TaskResult {
  task: TaskName;
  size: number;
  touches: number;
  partners: number;
  /** Wall time of each measured run, ms. */
  runsMs: number[];
  medianMs: number;
  /** Heap used with the input grids alive, after a full GC, MB. */
  inputHeapMB: number;
  /** Largest heap used sampled at the end of a run (results still alive), MB. */
  endOfRunHeapMB: number;
  /** Peak resident set size of the whole process (input, native memory, everything), MB. */
  maxRssMB: number;
  detail: Record<string, unknown>;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * Every row of every tab made, as a writer makes them: each block's rows read a block at a time (the
 * big tabs' rows are made only when read). Counts rows and cells.
 */
function produceRows(tabs: readonly ReportTab[]): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (const tab of tabs) {
    for (const block of tab.blocks) {
      for (const row of eachBlockRow(block)) cells += row.length;
      rows += blockLength(block);
    }
  }
  return { rows, cells };
}

const MB = 1024 * 1024;

/** Runs the task as the request says and prints the result line. */
export async function measureTask(request: TaskRequest): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('measureTask needs node --expose-gc');
  const workbook = generateWorkbook({ deals: request.size, seed: request.seed });
  const { deals, touches } = workbook;
  const asOfSerial = 25569 + Math.floor(Date.now() / 86_400_000);
  gc();
  const inputHeapMB = process.memoryUsage().heapUsed / MB;
  const runsMs: number[] = [];
  let endOfRunHeapMB = 0;
  const detail: Record<string, unknown> = {};
  let partners = 0;

  const timed = async (body: () => unknown | Promise<unknown>): Promise<void> => {
    for (let i = 0; i < request.warmup + request.runs; i++) {
      // The previous run's result must be gone before gc(): an async function's suspended frame keeps
      // both the `kept` binding and the last awaited value, so `kept` is cleared below and this await
      // replaces the awaited value. Without both, every run after the first was timed and measured with
      // two runs' results on the heap (1.6 GB instead of 1.2 GB at a million deals).
      await null;
      gc();
      const started = performance.now();
      let kept: unknown = await body();
      const elapsed = performance.now() - started;
      endOfRunHeapMB = Math.max(endOfRunHeapMB, process.memoryUsage().heapUsed / MB);
      if (i >= request.warmup) runsMs.push(elapsed);
      if (kept === undefined) throw new Error('the task returned nothing');
      // eslint-disable-next-line no-useless-assignment -- read by no one, but it frees the result for the next gc()
      kept = undefined;
    }
  };

  switch (request.task) {
    case 'pipeline':
      await timed(() => {
        const analysis = analyze({ deals, touches });
        const tabs = buildReportTabs(analysis);
        partners = analysis.summary.partners.length;
        detail.revenue = analysis.summary.totals.revenue;
        // The rows every writer would be handed, made here as a writer makes them.
        const produced = produceRows(tabs);
        detail.tabRows = produced.rows;
        detail.tabCells = produced.cells;
        return tabs;
      });
      break;
    case 'function':
      await timed(() => {
        const out = runFunction('ROLLUP', [deals, touches]);
        partners = Array.isArray(out) ? out.length - 1 : 0;
        return out;
      });
      break;
    case 'sheetsFunction': {
      const sheetDeals = asSheetsHandsIt(deals, ['Created Date', 'Close Date', 'Registration Date']);
      const sheetTouches = asSheetsHandsIt(touches, ['Date']);
      const settings = { version: 1 as const, tab: null, mapping: {}, policy: {} };
      gc();
      await timed(() => {
        // A fresh context per call, as each custom-function call in Sheets starts with none.
        const out = runCustom('ROLLUP', [sheetDeals, sheetTouches], { settings: () => settings, day: spreadsheetDays(null) });
        partners = Array.isArray(out) ? out.length - 1 : 0;
        return out;
      });
      break;
    }
    case 'duckdbCsv': {
      const files = writeCsvFiles(deals, touches);
      try {
        await timed(async () => {
          const run = await runDuckDbCsvRollup(files);
          partners = run.partners;
          return run;
        });
      } finally {
        removeCsvFiles(files);
      }
      break;
    }
    case 'duckdbCsvRules': {
      const files = writeCsvFiles(deals, touches);
      let last: Awaited<ReturnType<typeof runDuckDbCsvRules>> | null = null;
      try {
        const script = await compiledRules(files);
        await timed(async () => {
          last = await runDuckDbCsvRules(files, script);
          return last;
        });
      } finally {
        removeCsvFiles(files);
      }
      const sql = last!.partners;
      partners = sql.size;
      // Agreement with the engine on the grids (not timed): per partner, by matching key.
      const engine = new Map(analyze({ deals, touches }).summary.partners.map((p) => [partnerKey(p.partner), p]));
      const byKey = new Map([...sql].map(([name, p]) => [partnerKey(name), p]));
      let sourcedMismatches = 0;
      let creditedMismatches = 0;
      for (const key of new Set([...engine.keys(), ...byKey.keys()])) {
        const e = engine.get(key);
        const q = byKey.get(key);
        if (Math.abs((e?.sourcedRevenue ?? 0) - (q?.sourcedRevenue ?? 0)) > 0.005) sourcedMismatches++;
        if (Math.abs((e?.creditedRevenue ?? 0) - (q?.creditedRevenue ?? 0)) > 0.005) creditedMismatches++;
      }
      detail.agreement = { partners: new Set([...engine.keys(), ...byKey.keys()]).size, sourcedMismatches, creditedMismatches };
      break;
    }
    case 'duckdb': {
      const loads: number[] = [];
      const queries: number[] = [];
      let last: Awaited<ReturnType<typeof runDuckDbRollup>> | null = null;
      await timed(async () => {
        last = await runDuckDbRollup(deals, touches, asOfSerial);
        loads.push(last.loadMs);
        queries.push(last.queryMs);
        return last;
      });
      const measured = loads.slice(request.warmup);
      detail.loadMedianMs = median(measured);
      detail.queryMedianMs = median(queries.slice(request.warmup));
      const rollup = last!;
      partners = rollup.partners.size;
      // Agreement with the engine on the same rows (not timed).
      const agreement: Agreement = compareWithEngine(analyze({ deals, touches }).summary, rollup);
      detail.agreement = agreement;
      break;
    }
    case 'sumifs': {
      const run = runSumifsRollup(deals, workbook.partnerNames, request.maxPartners);
      runsMs.push(run.fullMs);
      partners = run.partnersTotal;
      detail.partnersEvaluated = run.partnersEvaluated;
      detail.loadMs = run.loadMs;
      detail.formulasMs = run.formulasMs;
      detail.extrapolated = run.partnersEvaluated < run.partnersTotal;
      break;
    }
  }
  const result: TaskResult = {
    task: request.task, size: request.size, touches: touches.length - 1, partners, runsMs, medianMs: median(runsMs),
    inputHeapMB, endOfRunHeapMB, maxRssMB: process.resourceUsage().maxRSS / 1024, detail,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
