/**
 * One call per column: 200 single-partner PARTNER_LED formulas (each re-analyses the whole table, as
 * a filled-down column does) against one PARTNER_LED with the 200 names as a range, on a seeded
 * 50,000-deal workbook. Checks that both give the same numbers, prints the times and writes JSON.
 * Usage: npm run bench:functions -- [--deals 50000] [--partners 200] [--out bench/vectorised-results.json]
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runFunction } from '../src/core/functions/functionList';
import { generateWorkbook } from './generateWorkbook';

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const deals = Number(flag('--deals') ?? 50_000);
  const count = Number(flag('--partners') ?? 200);
  const out = flag('--out') ?? 'bench/vectorised-results.json';
  if (!Number.isInteger(deals) || deals <= 0 || !Number.isInteger(count) || count <= 0) throw new Error('--deals and --partners need whole numbers');
  const workbook = generateWorkbook({ deals });
  const names = workbook.partnerNames.slice(0, count);

  const singleStart = performance.now();
  const single = names.map((name) => runFunction('LED', [workbook.deals, name, 'won', workbook.touches]) as number);
  const singleMs = performance.now() - singleStart;

  const columnStart = performance.now();
  const column = (runFunction('LED', [workbook.deals, names.map((n) => [n]), 'won', workbook.touches]) as number[][]).map((row) => row[0]);
  const columnMs = performance.now() - columnStart;

  const mismatches = single.filter((v, i) => v !== column[i]).length;
  const result = {
    deals, touches: workbook.touches.length - 1, partners: names.length,
    singleCallsMs: Math.round(singleMs), perSingleCallMs: Math.round(singleMs / names.length), vectorisedMs: Math.round(columnMs),
    speedup: Math.round((singleMs / columnMs) * 10) / 10, mismatches, node: process.version,
  };
  console.log(`${names.length} single-partner PARTNER_LED calls on ${deals.toLocaleString('en-US')} deals: ${result.singleCallsMs} ms (${result.perSingleCallMs} ms each)`);
  console.log(`one PARTNER_LED with ${names.length} names as a range: ${result.vectorisedMs} ms (${result.speedup}x faster); ${mismatches} mismatches`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  if (mismatches) process.exitCode = 1;
}

main();
