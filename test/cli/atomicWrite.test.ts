/** Output files: written whole or not at all, never over an input, in folders created on demand. */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkOutputs, writeFilesAtomic } from '../../src/cli/atomicWrite';
import { filesIn, tempDir } from './cliHarness';

describe('writeFilesAtomic', () => {
  it('creates the output folder and writes every file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'nested', 'deeper', 'report.json');
    await writeFilesAtomic([{ path: out, data: '{"a":1}\n', flag: '--json' }]);
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}\n');
    expect(filesIn(path.dirname(out))).toEqual(['report.json']);
  });

  it('replaces an existing report completely', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    writeFileSync(out, 'old and much longer content');
    await writeFilesAtomic([{ path: out, data: 'new', flag: '--json' }]);
    expect(readFileSync(out, 'utf8')).toBe('new');
  });

  it('writes neither file when the second cannot be written, and leaves no temp files', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const first = path.join(dir, 'report.xlsx');
    await expect(writeFilesAtomic([
      { path: first, data: new Uint8Array([1, 2, 3]), flag: '--out' },
      { path: path.join(dir, 'blocker', 'summary.json'), data: '{}', flag: '--json' },
    ])).rejects.toThrow(/The output folder for --json ".*blocker" is a file where a folder is needed/);
    expect(existsSync(first)).toBe(false);
    expect(filesIn(dir)).toEqual(['blocker']);
  });

  it('removes a half-written temp file when a writer fails midway', async () => {
    const dir = tempDir();
    const failing = async (file: string): Promise<void> => {
      writeFileSync(file, 'partial');
      throw new Error('disk vanished');
    };
    await expect(writeFilesAtomic([{ path: path.join(dir, 'r.xlsx'), data: failing, flag: '--out' }])).rejects.toThrow('disk vanished');
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('checkOutputs', () => {
  it('refuses to write over an input file', () => {
    const dir = tempDir();
    const input = path.join(dir, 'deals.xlsx');
    writeFileSync(input, 'x');
    expect(() => checkOutputs([{ path: path.join(dir, '.', 'deals.xlsx'), flag: '--out' }], [input]))
      .toThrow(/--out ".*deals\.xlsx" is one of the input files; refusing to overwrite it/);
  });

  it('refuses the same file for --out and --json', () => {
    expect(() => checkOutputs([{ path: 'a/r.xlsx', flag: '--out' }, { path: 'a/../a/r.xlsx', flag: '--json' }], []))
      .toThrow(/--out and --json name the same file/);
  });

  it('refuses a folder as the output file', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'out'));
    expect(() => checkOutputs([{ path: path.join(dir, 'out'), flag: '--json' }], [])).toThrow(/is a folder; give a file name/);
  });
});

describe('symbolic links and devices as outputs', () => {
  it('writes through a symlinked output: the link stays, its target gets the new report', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'shared'));
    const real = path.join(dir, 'shared', 'latest.json');
    writeFileSync(real, 'old');
    const link = path.join(dir, 'report.json');
    symlinkSync(real, link);
    checkOutputs([{ path: link, flag: '--json' }], []);
    await writeFilesAtomic([{ path: link, data: 'new', flag: '--json' }]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(filesIn(path.join(dir, 'shared'))).toEqual(['latest.json']);
  });

  it('refuses a dangling link, a device and a named pipe, saying what each is', () => {
    const dir = tempDir();
    const dangling = path.join(dir, 'report.json');
    symlinkSync(path.join(dir, 'gone', 'x.json'), dangling);
    expect(() => checkOutputs([{ path: dangling, flag: '--json' }], [])).toThrow(/is a symbolic link to ".*gone.*", which does not exist/);
    expect(() => checkOutputs([{ path: '/dev/null', flag: '--json' }], [])).toThrow('--json "/dev/null" is a device, not a file; the report is written only to regular files (leave --json out to write none).');
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(() => checkOutputs([{ path: fifo, flag: '--json' }], [])).toThrow(/is a named pipe, not a file/);
    expect(existsSync('/dev/null')).toBe(true);
  });
});
