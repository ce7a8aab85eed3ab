/** The progress bar: shown on a terminal only, after about a second, naming the phase; --quiet and pipes get none. */
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { progressBar } from '../../src/cli/progress';
import type { ProgressStream } from '../../src/cli/progress';
import { buildCli, cliPath, exampleWorkbook, repoRoot, runCli, tempDir } from './cliHarness';

/** A stream that says it is a terminal, as process.stderr does in a shell, and keeps what is written. */
function fakeTerminal(): { stream: ProgressStream; text: () => string } {
  const stream = new PassThrough() as PassThrough & ProgressStream;
  let written = '';
  stream.on('data', (chunk: Buffer) => { written += chunk.toString('utf8'); });
  stream.isTTY = true;
  stream.columns = 100;
  stream.cursorTo = () => true;
  stream.clearLine = () => true;
  stream.moveCursor = () => true;
  return { stream, text: () => written };
}

// Escape sequences (cursor, clear line) removed, to read what a person sees.
const ESC = String.fromCharCode(27);
const visible = (text: string): string => text.replace(new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, 'g'), '');

describe('progressBar', () => {
  test('a run shorter than the threshold shows nothing; a longer one names its phase and step', () => {
    let clock = 0;
    const terminal = fakeTerminal();
    const bar = progressBar({ quiet: false, stream: terminal.stream, now: () => clock });
    bar.update('reading', 0, 1, 'deals.csv');
    clock = 400;
    bar.update('classifying', 1, 4, 'converting currencies');
    expect(terminal.text()).toBe('');
    clock = 1200;
    bar.update('classifying', 2, 4, 'classifying deals');
    expect(visible(terminal.text())).toMatch(/classifying\s+\[[^\]]+\] 55% classifying deals/);
    bar.update('writing', 0, 2, 'out/report.xlsx');
    bar.stop();
    expect(visible(terminal.text())).toContain('writing');
  });

  test('--quiet and a stream that is not a terminal show nothing at all', () => {
    const terminal = fakeTerminal();
    const quiet = progressBar({ quiet: true, stream: terminal.stream, delayMs: 0 });
    quiet.update('classifying', 1, 2, 'classifying deals');
    quiet.stop();
    expect(terminal.text()).toBe('');
    const pipe = fakeTerminal();
    pipe.stream.isTTY = false;
    const piped = progressBar({ quiet: false, stream: pipe.stream, delayMs: 0 });
    piped.update('classifying', 1, 2, 'classifying deals');
    piped.stop();
    expect(pipe.text()).toBe('');
  });
});

describe('the report command on a terminal', () => {
  beforeAll(() => buildCli());

  /** Runs the CLI under a pseudo-terminal (util-linux `script`), as a person in a shell would; returns all it showed. */
  const onTerminal = (args: string[]): string => execFileSync('script', ['-qec', [process.execPath, cliPath, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PA_PROGRESS_AFTER_MS: '0', PA_DEBUG: '' }, timeout: 120000 });

  test('shows the phases while it works, then clears the bar before the summary', () => {
    const out = path.join(tempDir(), 'report.xlsx');
    const shown = visible(onTerminal(['report', exampleWorkbook, '--out', out]));
    expect(shown).toMatch(/reading\s+\[/);
    expect(shown).toMatch(/classifying\s+\[/);
    expect(shown).toMatch(/writing\s+\[/);
    // The summary is still printed in full after the bar.
    expect(shown).toMatch(/Partner-led revenue|partner-led/i);
  });

  test('--quiet shows no bar on a terminal, and a pipe never gets one', () => {
    const shown = visible(onTerminal(['report', exampleWorkbook, '--quiet']));
    expect(shown).not.toMatch(/\[[█░=\- ]{10,}\]/);
    expect(shown).not.toMatch(/classifying\s+\[/);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deals.csv'), 'Deal ID,Amount,Stage,Sourcing Partner\nD-1,"1,000.00",Closed Won,Acme\n');
    const piped = runCli(['report', path.join(dir, 'deals.csv')], { env: { PA_PROGRESS_AFTER_MS: '0' } });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });
});
