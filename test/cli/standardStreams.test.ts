/** "-" for standard input and output: the report fits in a shell pipeline. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildCli, cliPath, exampleWorkbook, repoRoot } from './cliHarness';

const run = (args: string[], input: Buffer | string) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, input, env: { ...process.env, PA_DEBUG: '' }, timeout: 120000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
};

// What a HubSpot export piped through a shell looks like.
const csv = 'Record ID,Deal Stage,Amount,Partner\n1001,Closed Won,"$1,200.00",Acme\n1002,Closed Won,800,\n1003,Appointment Scheduled,500,Acme\n';

beforeAll(() => buildCli());

describe('report - (deals on standard input)', () => {
  it('reads a CSV from a pipe and writes the JSON summary to standard output, the summary for people to standard error', () => {
    const r = run(['report', '-', '--json', '-'], csv);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.toString('utf8')) as { totals: { revenue: number; partnerLedRevenue: number; pipeline: number } };
    expect(summary.totals).toMatchObject({ revenue: 2000, partnerLedRevenue: 1200, pipeline: 500 });
    expect(r.stderr).toContain('Partner attribution: standard input');
    expect(r.stderr).not.toMatch(/pa-stdin-/);
  });

  it('recognises an .xlsx on standard input by its zip signature, and --out - writes a workbook to standard output', async () => {
    const r = run(['report', '-', '--out', '-'], readFileSync(exampleWorkbook));
    expect(r.code).toBe(0);
    expect(r.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.stdout as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Partner Summary');
  });

  it('says so in one line when standard input is empty or not a deals table, naming standard input rather than a temp file', () => {
    for (const input of ['', 'just some text\n']) {
      const r = run(['report', '-'], input);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('standard input');
      expect(r.stderr).not.toMatch(/pa-stdin-|\/tmp\//);
    }
  });

  it('refuses to send both the workbook and the JSON to standard output', () => {
    const r = run(['report', '-', '--out', '-', '--json', '-'], csv);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('would both write to standard output');
  });
});

describe('a reader that closes the pipe early', () => {
  // `sh -c '... | head -1'`: head exits after its first line and the CLI's next write meets a closed pipe.
  const throughHead = (args: string) => spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" ${args} | head -1`],
    { cwd: repoRoot, env: { ...process.env, PA_DEBUG: '' }, timeout: 120000 });

  it('ends quietly when `sql | head` stops reading: no stack trace, no "unexpected error"', () => {
    const r = throughHead('sql --dialect duckdb');
    expect(r.stdout.toString('utf8')).toMatch(/^-- Partner Attribution rules compiled to duckdb SQL/);
    expect(r.stderr.toString('utf8')).toBe('');
  });

  it('ends quietly when `report --json - | head` stops reading', () => {
    const r = throughHead(`report "${exampleWorkbook}" --json -`);
    expect(r.stdout.toString('utf8').startsWith('{')).toBe(true);
    expect(r.stderr.toString('utf8')).not.toMatch(/EPIPE|unexpected error|at .*\.js:\d+/);
  });
});
