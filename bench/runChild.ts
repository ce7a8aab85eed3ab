/**
 * Runs one measurement in a fresh Node process (--max-old-space-size=4096 --expose-gc --trace-gc)
 * and reads back its result, adding the peak heap seen by V8's GC trace.
 */
import { spawn } from 'node:child_process';
import type { TaskRequest, TaskResult } from './measureTask';
import { RESULT_PREFIX } from './measureTask';

export interface MeasuredTask extends TaskResult {
  /**
   * Peak V8 heap used during the measured runs, MB: the largest "before" size of every GC after the
   * first forced GC (which follows input generation), or the largest end-of-run sample if larger.
   * The input grids are included: they are on the heap while the engine runs, as in a host.
   */
  peakHeapMB: number;
}

const GC_LINE = /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Mark-Compact \(reduce\))[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+)/;

/** Peak heap from V8's --trace-gc lines, counting only GCs after the first forced ("testing") one. */
export function peakFromGcTrace(lines: readonly string[]): number {
  let started = false;
  let peak = 0;
  for (const line of lines) {
    const m = GC_LINE.exec(line);
    if (!m) continue;
    if (!started) { if (line.includes('testing')) started = true; continue; }
    peak = Math.max(peak, Number(m[1]));
  }
  return peak;
}

/** Spawns `script --child` for the request; rejects with the child's stderr when it fails. */
export function runChild(script: string, request: TaskRequest): Promise<MeasuredTask> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', '--expose-gc', '--trace-gc', script, '--child', JSON.stringify(request)],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n');
      const resultLine = lines.find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !resultLine) {
        reject(new Error(`${request.task} at ${request.size} deals failed (exit ${code}): ${err.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      const result = JSON.parse(resultLine.slice(RESULT_PREFIX.length)) as TaskResult;
      resolve({ ...result, peakHeapMB: Math.max(peakFromGcTrace(lines), result.endOfRunHeapMB) });
    });
  });
}
