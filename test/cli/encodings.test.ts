/**
 * The command line on files as Windows Excel, Excel's "Unicode text" and damaged exports write them,
 * made byte by byte: names read right, one bad byte reported on its row, control characters kept out
 * of the terminal, the workbook and the JSON, and a settings file in UTF-16.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataIssue, Summary } from '../../src/core';
import { buildCli, runCli, tempDir } from './cliHarness';

beforeAll(() => buildCli());

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const bytes = (...parts: (string | number | number[])[]): Buffer =>
  Buffer.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : typeof p === 'number' ? [p] : p)));
const utf16le = (text: string): Buffer => Buffer.from([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);

function report(files: Record<string, Buffer | string>, args: (dir: string) => string[]): { code: number | null; stdout: string; stderr: string; summary: Summary; dir: string } {
  const dir = tempDir('pa-enc-');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  const run = runCli(['report', path.join(dir, 'deals.csv'), '--json', path.join(dir, 'summary.json'), ...args(dir)]);
  const summary = run.code === 0 ? JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary : ({} as Summary);
  return { ...run, summary, dir };
}
const codes = (issues: DataIssue[]): string[] => issues.map((i) => i.code);

describe('encodings on the command line', () => {
  it('reads a Windows-1252 CSV (a Western Excel "CSV") with the real table and says it guessed', () => {
    const csv = bytes('Opportunity ID,Stage,Amount,Partner\r\nD1,Closed Won,100,O', 0x92, 'Neill ', 0x96, ' Soci', 0xe9, 't', 0xe9, '\r\nD2,Closed Won,50,\r\n');
    const { code, summary } = report({ 'deals.csv': csv }, () => []);
    expect(code).toBe(0);
    expect(summary.partners.map((p) => p.partner)).toEqual(['O’Neill – Société']);
    const guessed = summary.issues.find((i) => i.code === 'FILE_ENCODING_GUESSED');
    expect(guessed).toMatchObject({ severity: 'info', row: null });
    expect(guessed?.effect).toMatch(/Read as Windows-1252/);
  });

  it('reports one stray byte in a UTF-8 file on its row and column, and keeps every other é', () => {
    const e = [0xc3, 0xa9];
    const csv = bytes('Opportunity ID,Stage,Amount,Partner\nD1,Closed Won,100,Soci', e, 't', e, ' G', e, 'n', e, 'rale\nD2,Closed Won,50,Caf', 0xe9, ' Cr', 0xc3, 0xa8, 'me\nD3,Closed Won,70,Soci', e, 't', e, ' G', e, 'n', e, 'rale\n');
    const { code, summary } = report({ 'deals.csv': csv }, () => []);
    expect(code).toBe(0);
    expect(summary.partners.map((p) => p.partner).sort()).toEqual(['Caf\uFFFD Crème', 'Société Générale']);
    const bad = summary.issues.filter((i) => i.code === 'TEXT_INVALID_BYTES');
    expect(bad).toEqual([expect.objectContaining({ severity: 'warning', row: 3, column: 'Partner', value: 'Caf\uFFFD Crème' })]);
    expect(codes(summary.issues)).not.toContain('FILE_ENCODING_GUESSED');
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE with a BOM, tab-separated)', () => {
    const { code, summary } = report({ 'deals.csv': utf16le('Opportunity ID\tStage\tAmount\tPartner\r\nD1\tClosed Won\t100\tZürich Partners AG\r\n') }, () => []);
    expect(code).toBe(0);
    expect(summary.partners[0]).toMatchObject({ partner: 'Zürich Partners AG', creditedRevenue: 100 });
  });

  it('reads a settings file saved as UTF-16 (Notepad\'s "Unicode")', () => {
    const csv = 'Opportunity ID,Stage,Amount,Partner,Reporting Currency\nD1,Closed Won,100,Acme,EUR\n';
    const { code, summary } = report({ 'deals.csv': csv, 'settings.json': utf16le(JSON.stringify({ reportingCurrency: 'EUR' })) },
      (dir) => ['--config', path.join(dir, 'settings.json')]);
    expect(code).toBe(0);
    expect(summary.reportingCurrency).toBe('EUR');
  });

  it('keeps control characters out of the terminal, the JSON and the workbook, and says where they were', () => {
    // A partner name carrying a terminal colour code and a bell; an account with a vertical tab (a FileMaker line break).
    const csv = bytes('Opportunity ID,Stage,Amount,Partner,Account Name\nD1,Closed Won,100,Acme', 0x1b, '[31m Corp', 0x07, ',North', 0x0b, 'wind\nD2,Closed Won,50,Acme Corp,Globex\n');
    const { code, stdout, stderr, summary, dir } = report({ 'deals.csv': csv }, (d) => ['--out', path.join(d, 'report.xlsx')]);
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    const control = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
    expect(stdout + stderr).not.toMatch(control);
    const json = readFileSync(path.join(dir, 'summary.json'), 'utf8');
    expect(json).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
    expect(summary.partners.map((p) => p.partner).sort()).toEqual(['Acme Corp', 'Acme[31m Corp']);
    const removed = summary.issues.filter((i) => i.code === 'TEXT_CONTROL_CHARS');
    expect(removed).toEqual([
      expect.objectContaining({ row: 2, column: 'Partner', value: 'Acme[31m Corp', message: 'The text held control characters (ESC, BEL).' }),
      expect.objectContaining({ row: 2, column: 'Account Name', value: 'North wind', message: 'The text held control characters (VT).' }),
    ]);
    const sheets = execFileSync('unzip', ['-p', path.join(dir, 'report.xlsx'), 'xl/worksheets/*.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(sheets).toContain('Acme[31m Corp');
    expect(sheets).not.toMatch(/_x00[01][0-9A-F]_|&#x?(1b|27|7|11);/i);
    expect(sheets).not.toMatch(control);
  });

  it('refuses a settings file with a control character in a value, naming it', () => {
    const csv = 'Opportunity ID,Stage,Amount,Partner\nD1,Closed Won,100,Acme\n';
    const { code, stderr } = report({ 'deals.csv': csv, 'settings.json': '{"mapping": {"partner": "Partner\\u001b[2J"}}' },
      (dir) => ['--config', path.join(dir, 'settings.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/has a control character \(ESC\) in the text "Partner\?\[2J"/);
  });
});
