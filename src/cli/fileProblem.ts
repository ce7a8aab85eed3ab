/** Turns a Node file-system error into a CliError that says, in plain words, what is wrong and what to do. */
import { openSync, readSync } from 'node:fs';
import { CliError } from './CliError';

const REASONS: Record<string, string> = {
  ENOENT: 'does not exist; check the path',
  EACCES: 'cannot be accessed (permission denied); check its permissions',
  EPERM: 'cannot be accessed (operation not permitted); check its permissions',
  EISDIR: 'is a folder, not a file; give a file name',
  ENOTDIR: 'has a part of its path that is a file, not a folder; check the path',
  EEXIST: 'is a file where a folder is needed (or has one in its path); check the path',
  EROFS: 'is on a read-only file system; choose another location',
  ENOSPC: 'cannot be written: the disk is full',
  EMFILE: 'cannot be opened: too many open files',
};

/** Wraps an fs error about `file` ("the deals file", "the output folder" ...) as one clear CliError line. */
export function fileProblem(what: string, file: string, error: unknown): CliError {
  const code = (error as { code?: string } | null)?.code ?? '';
  const reason = REASONS[code] ?? `cannot be used (${error instanceof Error ? error.message : String(error)})`;
  return new CliError(`${what} "${file}" ${reason}.`);
}

/** Opens `file` for reading; an fs error becomes fileProblem's one clear line. */
export function openForReading(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
}

/** readSync on an open `file`; an fs error becomes fileProblem's one clear line. */
export function readAt(fd: number, buffer: Buffer, offset: number, length: number, position: number, file: string): number {
  try {
    return readSync(fd, buffer, offset, length, position);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
}
