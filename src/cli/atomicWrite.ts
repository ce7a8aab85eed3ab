/** Writes output files so that an interrupted or failed run never leaves a half-written file: temp files first, then renames. */
import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';

/** One file to write: where, what (bytes, text, or a function that writes the given path), and the flag that named it. */
export interface OutputFile { path: string; data: Uint8Array | string | ((file: string) => Promise<void>); flag: string }

const canonical = (file: string): string => {
  const absolute = path.resolve(file);
  try { return realpathSync(absolute); } catch { return absolute; }
};

/**
 * Refuses outputs that would overwrite an input file, each other, or a folder. Called before the
 * analysis runs, so a mistyped --out fails fast.
 */
export function checkOutputs(outputs: readonly { path: string; flag: string }[], inputs: readonly string[]): void {
  const inputSet = new Set(inputs.map(canonical));
  const seen = new Map<string, string>();
  for (const output of outputs) {
    const target = canonical(output.path);
    if (inputSet.has(target)) {
      throw new CliError(`${output.flag} "${output.path}" is one of the input files; refusing to overwrite it. Choose another output file.`);
    }
    const other = seen.get(target);
    if (other) throw new CliError(`${other} and ${output.flag} name the same file "${output.path}"; give them different names.`);
    seen.set(target, output.flag);
    if (existsSync(target) && statSync(target).isDirectory()) {
      throw new CliError(`${output.flag} "${output.path}" is a folder; give a file name such as "${path.join(output.path, 'partner-report')}${output.flag === '--json' ? '.json' : output.flag === '--html' ? '.html' : '.xlsx'}".`);
    }
    checkFileKind(output);
  }
}

/**
 * Outputs are regular files only. A device (/dev/null, a disk, a terminal), a named pipe or a socket
 * is refused: the atomic write renames a finished temp file over the target, which would replace the
 * device itself. A symbolic link is written through (see writeTarget); a dangling one is refused.
 */
function checkFileKind(output: { path: string; flag: string }): void {
  let link;
  try { link = lstatSync(output.path); } catch { return; /* a new file */ }
  if (link.isSymbolicLink() && !existsSync(output.path)) {
    throw new CliError(`${output.flag} "${output.path}" is a symbolic link to "${readlinkSync(output.path)}", which does not exist; create the file or give another name.`);
  }
  const stat = statSync(output.path);
  if (stat.isFile() || stat.isDirectory()) return;
  const kind = stat.isBlockDevice() ? 'a disk device' : stat.isCharacterDevice() ? 'a device' : stat.isFIFO() ? 'a named pipe' : 'a socket';
  throw new CliError(`${output.flag} "${output.path}" is ${kind}, not a file; the report is written only to regular files (leave ${output.flag} out to write none).`);
}

/** The file a rename replaces: the final target of a symbolic link (the link itself is kept), else the path. */
const writeTarget = (file: string): string => canonical(file);

const removeQuietly = (file: string): void => {
  try { unlinkSync(file); } catch { /* already gone */ }
};

/**
 * Writes every file to a temp file beside its target, then renames them all; on any failure nothing
 * is left behind. `onFile` hears before each file is written (for the progress bar).
 */
export async function writeFilesAtomic(files: readonly OutputFile[], onFile?: (done: number, total: number, path: string) => void): Promise<void> {
  const temps: { temp: string; file: OutputFile }[] = [];
  try {
    for (const file of files) {
      onFile?.(temps.length, files.length, file.path);
      const target = writeTarget(file.path);
      const folder = path.dirname(target);
      try {
        mkdirSync(folder, { recursive: true });
      } catch (error) {
        throw fileProblem(`The output folder for ${file.flag}`, path.dirname(file.path), error);
      }
      const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.tmp`);
      temps.push({ temp, file });
      try {
        if (typeof file.data === 'function') await file.data(temp);
        else writeFileSync(temp, file.data);
      } catch (error) {
        if (!(error as { code?: string } | null)?.code) throw error;
        throw fileProblem(`The output file for ${file.flag}`, file.path, error);
      }
    }
    for (const { temp, file } of temps) {
      try {
        renameSync(temp, writeTarget(file.path));
      } catch (error) {
        throw fileProblem(`The output file for ${file.flag}`, file.path, error);
      }
    }
  } catch (error) {
    for (const { temp } of temps) removeQuietly(temp);
    throw error;
  }
}
