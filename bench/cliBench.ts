/**
 * `npm run bench:cli`: the command line on a seeded deals export, as a user runs it, beside DuckDB
 * running the project's compiled rules on the same file. Per size it writes the deals CSV (and the
 * same table as a one-tab .xlsx) once, then times, interleaved run by run, each in a fresh process
 * under /usr/bin/time (wall time and peak RSS of the whole process):
 *   - `report deals.csv --json out.json`   (the JSON summary)
 *   - `report deals.csv --out out.xlsx`    (the summary workbook)
 *   - `report deals.xlsx --json out.json`  (an .xlsx input)
 *   - DuckDB: read_csv as text (all_varchar), then the script `sql --dialect duckdb --detect deals.csv` prints.
 * Medians go to bench/cli-results.json.
 *
 * Usage: npm run bench:cli -- [--sizes 1000000] [--runs 3] [--out bench/cli-results.json] [--seed N] [--only json,xlsxInput]
 *        (the smoke: --sizes 2000 --runs 1 --out out/cli-smoke.json)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Grid } from '../src/core';
import { sqlCommand } from '../src/cli/sqlCommand';
import { DEAL_HEADERS, generateWorkbook } from './generateWorkbook';
import { quote, writeCsv } from './peers/duckdbCsvPeers';
import { median } from './median';

const CONTENDERS = ['json', 'xlsx', 'xlsxInput', 'duckdb'] as const;
type Contender = (typeof CONTENDERS)[number];

export interface CliBenchArgs {
  sizes: number[]; runs: number; out: string; seed: number; cli: string;
  /** Keep the generated inputs in this folder (reused when present: for profiling), instead of a temporary one. */
  dir?: string;
  /** Time only these contenders (all four when absent). */
  only?: Contender[];
}

const USAGE = 'usage: npm run bench:cli -- [--sizes 1000000] [--runs 3] [--out bench/cli-results.json] [--seed N] [--cli dist/cli/partner-attribution.js] [--dir KEEP] [--only json,xlsx,xlsxInput,duckdb]';

export function parseCliBenchArgs(argv: readonly string[]): CliBenchArgs {
  const args: CliBenchArgs = { sizes: [1_000_000], runs: 3, out: 'bench/cli-results.json', seed: 20240105, cli: 'dist/cli/partner-attribution.js' };
  const whole = (text: string | undefined, flag: string): number => {
    const n = Number(text?.replace(/_/g, ''));
    if (text === undefined || !Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a whole number above 0; got "${text ?? ''}". ${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!, value = argv[i + 1];
    if (flag === '--sizes') args.sizes = (value ?? '').split(',').map((s) => whole(s.trim(), '--sizes'));
    else if (flag === '--runs') args.runs = whole(value, '--runs');
    else if (flag === '--seed') args.seed = whole(value, '--seed');
    else if (flag === '--out' && value !== undefined) args.out = value;
    else if (flag === '--cli' && value !== undefined) args.cli = value;
    else if (flag === '--dir' && value !== undefined) args.dir = value;
    else if (flag === '--only') {
      const names = (value ?? '').split(',').map((s) => s.trim());
      const unknown = names.find((n) => !(CONTENDERS as readonly string[]).includes(n));
      if (unknown !== undefined) throw new Error(`--only takes ${CONTENDERS.join(', ')}; got "${unknown}". ${USAGE}`);
      args.only = names as Contender[];
    }
    else throw new Error(`unknown option "${flag}". ${USAGE}`);
  }
  return args;
}

/** One timed process: wall seconds (this process's clock), the child's peak RSS and its CPU seconds (user + system: less bent by other work on the machine than wall time). */
export interface TimedRun { seconds: number; maxRssMB: number; cpuSeconds: number }

/** Runs `node args` under /usr/bin/time; rejects with the tail of its stderr when it fails. */
export function timeNode(args: readonly string[]): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'PA_TIME %e %M %U %S', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const m = /PA_TIME [\d.]+ (\d+) ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || !m) { reject(new Error(`node ${args.join(' ')} failed (exit ${code}): ${err.trim().split('\n').slice(-4).join(' | ')}`)); return; }
      resolve({ seconds, maxRssMB: Math.round(Number(m[1]) / 1024), cpuSeconds: Math.round((Number(m[2]) + Number(m[3])) * 100) / 100 });
    });
  });
}

const DATE_COLUMNS = new Set(['Created Date', 'Close Date', 'Registration Date']);
const SERIAL_EPOCH = 25_569;

/** The deals grid as a one-tab workbook, as Excel saves an export: dates as date-formatted serials, streamed row by row. */
export async function writeDealsXlsx(file: string, deals: Grid): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Deals');
  const dated = (deals[0] ?? []).map((h) => DATE_COLUMNS.has(String(h)));
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
  for (let r = 0; r < deals.length; r++) {
    const row = sheet.getRow(r + 1);
    const cells = deals[r]!;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === '' || v === null || v === undefined) continue;
      const cell = row.getCell(c + 1);
      if (dated[c] && typeof v === 'number' && r > 0) {
        cell.value = new Date((v - SERIAL_EPOCH) * 86_400_000);
        cell.style = dateStyle;
      } else cell.value = v as ExcelJS.CellValue;
    }
    row.commit();
  }
  await sheet.commit();
  await workbook.commit();
}

/**
 * DuckDB's run, in its own process: load the CSV as the text it holds (all_varchar, as the README's SQL
 * section advises: the script reads amount and date text as the CLI does), run the compiled script, read pa_partners.
 */
async function duckDbChild(csv: string, scriptFile: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE deals AS SELECT *, row_number() OVER () AS row_order
  FROM read_csv(${quote(csv)}, header = true, all_varchar = true)`);
  await connection.run(readFileSync(scriptFile, 'utf8'));
  const rows = (await connection.runAndReadAll('SELECT COUNT(*) AS n FROM pa_partners')).getRowObjectsJS();
  if (Number(rows[0]!.n) === 0) throw new Error('the compiled rules credited no partner');
  connection.closeSync();
  instance.closeSync();
}

export interface CliSizeResult {
  deals: number;
  csvMB: number;
  xlsxMB: number;
  runs: number;
  /** Per contender: the median wall seconds, the median peak RSS (MB) and every run. */
  results: Partial<Record<Contender, { medianSeconds: number; medianMaxRssMB: number; medianCpuSeconds: number; runs: TimedRun[] }>>;
  jsonMB: number;
  workbookMB: number;
}


/** Writes the inputs for one size and times every contender `runs` times, interleaved. */
export async function benchSize(size: number, args: CliBenchArgs, log: (line: string) => void = () => undefined): Promise<CliSizeResult> {
  const dir = args.dir !== undefined ? path.join(args.dir, String(size)) : mkdtempSync(path.join(os.tmpdir(), 'pa-cli-bench-'));
  mkdirSync(dir, { recursive: true });
  try {
    const files = { csv: path.join(dir, 'deals.csv'), xlsx: path.join(dir, 'deals.xlsx'), script: path.join(dir, 'rules.sql'),
      mapping: path.join(dir, 'mapping.json'), json: path.join(dir, 'out.json'), out: path.join(dir, 'out.xlsx'), json2: path.join(dir, 'out2.json') };
    if (!existsSync(files.xlsx)) {
      const { deals } = generateWorkbook({ deals: size, seed: args.seed });
      if (deals[0]!.join() !== DEAL_HEADERS.join()) throw new Error('unexpected header');
      writeCsv(files.csv, deals);
      await writeDealsXlsx(files.xlsx, deals);
    }
    writeFileSync(files.mapping, JSON.stringify({ order: 'row_order' }));
    writeFileSync(files.script, (await sqlCommand({ dialect: 'duckdb', detect: files.csv, deals: 'deals', mapping: files.mapping }))[0]!);
    const commands: Record<(typeof CONTENDERS)[number], string[]> = {
      json: [args.cli, 'report', files.csv, '--json', files.json, '--quiet'],
      xlsx: [args.cli, 'report', files.csv, '--out', files.out, '--quiet'],
      xlsxInput: [args.cli, 'report', files.xlsx, '--json', files.json2, '--quiet'],
      duckdb: [process.argv[1]!, '--duckdb-child', files.csv, files.script],
    };
    const timed = CONTENDERS.filter((c) => args.only === undefined || args.only.includes(c));
    const runs: Record<string, TimedRun[]> = Object.fromEntries(timed.map((c) => [c, []]));
    for (let r = 0; r < args.runs; r++) {
      for (const c of timed) {
        const run = await timeNode(commands[c]);
        runs[c]!.push(run);
        log(`  ${size.toLocaleString('en-US')} deals, run ${r + 1}: ${c} ${run.seconds.toFixed(2)} s (${run.cpuSeconds.toFixed(1)} s CPU), ${run.maxRssMB} MB, load ${os.loadavg()[0]!.toFixed(1)}`);
      }
    }
    const mb = (file: string): number => (existsSync(file) ? Math.round(statSync(file).size / 1e5) / 10 : 0);
    const results = Object.fromEntries(timed.map((c) => [c, {
      medianSeconds: Math.round(median(runs[c]!.map((x) => x.seconds)) * 100) / 100,
      medianMaxRssMB: Math.round(median(runs[c]!.map((x) => x.maxRssMB))),
      medianCpuSeconds: Math.round(median(runs[c]!.map((x) => x.cpuSeconds)) * 100) / 100,
      runs: runs[c]!.map((x) => ({ seconds: Math.round(x.seconds * 100) / 100, maxRssMB: x.maxRssMB, cpuSeconds: x.cpuSeconds })),
    }])) as CliSizeResult['results'];
    return { deals: size, csvMB: mb(files.csv), xlsxMB: mb(files.xlsx), runs: args.runs, results, jsonMB: mb(files.json), workbookMB: mb(files.out) };
  } finally {
    if (args.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--duckdb-child') { await duckDbChild(argv[1]!, argv[2]!); return; }
  const args = parseCliBenchArgs(argv);
  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const sizes: CliSizeResult[] = [];
  for (const size of args.sizes) sizes.push(await benchSize(size, args, (line) => console.log(line)));
  const result = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100), method: 'Each run is a fresh process under /usr/bin/time (wall time, peak RSS); contenders interleaved run by run; DuckDB 2 threads, in memory, reading the CSV included.', sizes };
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  for (const s of sizes) {
    const label: Record<Contender, string> = { json: '--json', xlsx: '--out', xlsxInput: 'xlsx input', duckdb: 'DuckDB rules' };
    const parts = CONTENDERS.flatMap((c) => { const r = s.results[c]; return r ? [`${label[c]} ${r.medianSeconds} s (${r.medianCpuSeconds} s CPU) ${r.medianMaxRssMB} MB`] : []; });
    console.log(`${s.deals.toLocaleString('en-US')} deals (CSV ${s.csvMB} MB): ${parts.join('; ')}`);
  }
  console.log(`wrote ${args.out} (load average ${loadBefore.join(' ')} before, ${result.loadAverageAfter.join(' ')} after)`);
}

if (require.main === module) {
  main().catch((error: unknown) => { console.error(`bench:cli: ${(error as Error).message}`); process.exitCode = 1; });
}
