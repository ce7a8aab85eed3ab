/** Test helper: builds the Excel add-in into a fresh temporary folder and returns its path. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `node scripts/build.mjs excel` into a temp dir (so parallel test files never share output). */
export function buildExcel(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'pa-excel-'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'excel'], { cwd: path.resolve(__dirname, '../../..'), env: { ...process.env, EXCEL_OUT_DIR: out }, stdio: 'pipe' });
  return out;
}
