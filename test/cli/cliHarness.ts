/** Test helpers for the command line: build it once, run it as a user would, and open its workbook in LibreOffice. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');
export const cliPath = path.join(repoRoot, 'dist', 'cli', 'partner-attribution.js');
export const exampleWorkbook = path.join(repoRoot, 'examples', 'deals.xlsx');

/** Builds dist/cli/partner-attribution.js with the project's build script. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), 'cli'], { cwd: repoRoot, stdio: 'pipe' });
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs the built CLI with `args` in `cwd` (the repo by default). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, PA_DEBUG: '', ...options.env },
    encoding: 'utf8',
    timeout: 120000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp folder. */
export const tempDir = (prefix = 'pa-cli-'): string => mkdtempSync(path.join(os.tmpdir(), prefix));

/** The files in a folder, sorted (to show nothing was left behind). */
export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

/**
 * Opens `xlsx` in LibreOffice headless and exports its first tab as UTF-8 CSV; returns the CSV text.
 * `asShown` exports numbers with their cell formats ("29,000.01", "89.7%"), else as stored values.
 * LibreOffice needs a writable profile, so each call gets its own.
 */
export function libreOfficeFirstTabCsv(xlsx: string, asShown = false): string {
  const outDir = tempDir('pa-soffice-out-');
  const profile = tempDir('pa-soffice-profile-');
  // Filter options: comma, double quote, UTF-8, from line 1, default cell formats, language, quoted
  // text as text, detect special numbers, then "save cell contents as shown".
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown ? 'true' : 'false'}`;
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, xlsx],
    { stdio: 'pipe', timeout: 120000 });
  const csv = path.join(outDir, `${path.basename(xlsx, path.extname(xlsx))}.csv`);
  return readFileSync(csv, 'utf8');
}

/** True when stderr is exactly one line with no stack trace. */
export const isOneCleanLine = (stderr: string): boolean => {
  const lines = stderr.trimEnd().split('\n');
  return lines.length === 1 && lines[0]!.startsWith('partner-attribution: ') && !/\n\s+at /.test(stderr) && !/\bat .+:\d+:\d+/.test(stderr);
};
