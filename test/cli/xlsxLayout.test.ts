/**
 * The CLI's workbook as finance opens it: every summary tab with frozen headers, an autofilter over its
 * table (LibreOffice reads it as a filtered range), landscape print setup one page wide with the header
 * row repeated, wrapped headers on rows tall enough, money and percent formats kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyze, buildReportTabs } from '../../src/core';
import { loadInput } from '../../src/cli/loadInput';
import { xlsxWriter } from '../../src/cli/xlsxWriter';
import { exampleWorkbook, tempDir } from './cliHarness';

const dir = tempDir('pa-layout-');
const file = path.join(dir, 'report.xlsx');
const part = (name: string): string => execFileSync('unzip', ['-p', file, name], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
const MINE = ['Partner Summary', 'Partner Trend', 'Partner Segments', 'Deal Attribution', 'Partner Credits', 'Data Issues'];

let sheets: { name: string; xml: string }[] = [];
beforeAll(async () => {
  const { input } = await loadInput({ deals: exampleWorkbook });
  await xlsxWriter(buildReportTabs(analyze(input, { policy: { asOfDate: '2025-01-01' } })), file);
  const workbook = part('xl/workbook.xml');
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
  sheets = names.map((name, i) => ({ name, xml: part(`xl/worksheets/sheet${i + 1}.xml`) }));
}, 60_000);

describe('the CLI workbook, tab by tab', () => {
  it('freezes the header of every summary tab, and the partner names on Partner Summary', () => {
    for (const { name, xml } of sheets.filter((s) => MINE.includes(s.name))) {
      expect([name, /<pane [^>]*state="frozen"/.test(xml)]).toEqual([name, true]);
    }
    expect(sheets[0]!.xml).toMatch(/<pane xSplit="1"/);
    expect(sheets.find((s) => s.name === 'Deal Attribution')!.xml).toMatch(/<pane ySplit="1"/);
  });

  it('puts an autofilter over each tab\'s table, leaving the Partner Summary Total row out of it', () => {
    for (const { name, xml } of sheets.filter((s) => MINE.includes(s.name))) expect([name, /<autoFilter ref="A\d+:[A-Z]+\d+"/.test(xml)]).toEqual([name, true]);
    const summary = sheets[0]!.xml;
    const [, last] = /<autoFilter ref="A26:[A-Z]+(\d+)"/.exec(summary)!;
    expect(summary).toMatch(new RegExp(`<row r="${Number(last) + 1}"[^>]*><c r="A${Number(last) + 1}"[^>]*><v>Total</v>`));
  });

  it('prints landscape, one page wide, repeating the header row', () => {
    for (const { name, xml } of sheets.filter((s) => MINE.includes(s.name))) {
      expect([name, /<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/.test(xml)]).toEqual([name, true]);
    }
    const workbook = part('xl/workbook.xml');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;Deal Attribution&apos;!$1:$1</definedName>');
    expect(workbook).toContain('&apos;Partner Summary&apos;!$26:$26');
  });

  it('gives wrapped header rows the height their longest label needs', () => {
    // "Share of Partner-led Revenue" wraps to three lines in a 16-character column; one-line headers stay one line high.
    expect(sheets[0]!.xml).toMatch(/<row r="26" ht="48" customHeight="1"/);
    expect(sheets[0]!.xml).toMatch(/<row r="3" ht="18" customHeight="1"/);
  });

  it('opens in LibreOffice with each table as a filtered range', () => {
    const out = path.join(dir, 'ods');
    mkdirSync(out);
    const profile = tempDir('pa-soffice-profile-');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fods', '--outdir', out, file],
      { stdio: 'pipe', timeout: 120_000 });
    const fods = execFileSync('cat', [path.join(out, 'report.fods')], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
    const ranges = [...fods.matchAll(/<table:database-range [^>]*table:target-range-address="([^"]+)"[^>]*table:display-filter-buttons="true"/g)]
      .map((m) => m[1]!.replace(/&apos;/g, "'"));
    expect(ranges).toEqual(expect.arrayContaining(["'Partner Summary'.A26:'Partner Summary'.AD40", "'Deal Attribution'.A1:'Deal Attribution'.P402"]));
    for (const name of MINE) expect(ranges.some((r) => r.startsWith(`'${name}'.`))).toBe(true);
  }, 150_000);
});
