/**
 * "-" as a file name, so the command fits in a shell pipeline: `report -` reads the deals from
 * standard input (CSV, or an .xlsx recognised by its zip signature), and `--json -` or `--out -`
 * writes that output to standard output (the printed summary then goes to standard error).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CliError } from './CliError';

export const STDIO = '-';
export const STDIN_LABEL = 'standard input';

/** A zip file (and so an .xlsx) starts with "PK\x03\x04". */
const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Standard input saved to a private temp file named by its kind; `dispose` removes it. */
export function stdinToFile(): { file: string; dispose: () => void } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch {
    throw new CliError('could not read the deals from standard input; pipe a CSV or .xlsx file in, e.g. "cat deals.csv | partner-attribution report -".');
  }
  if (bytes.length === 0) throw new CliError('standard input is empty: pipe a CSV or .xlsx file in, e.g. "cat deals.csv | partner-attribution report -".');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-stdin-'));
  const file = path.join(dir, isZip(bytes) ? 'deals.xlsx' : 'deals.csv');
  writeFileSync(file, bytes, { mode: 0o600 });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A message about the temp copy of standard input, worded about standard input. */
export const aboutStdin = (message: string, file: string): string =>
  message.split(`"${file}"`).join(STDIN_LABEL).split(file).join(STDIN_LABEL);

/** Writes a file made by `make` (given a temp path) to standard output, then removes it. */
export async function fileToStdout(make: (file: string) => Promise<void>, name: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-stdout-'));
  try {
    const file = path.join(dir, name);
    await make(file);
    await pipeline(createReadStream(file), process.stdout, { end: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
