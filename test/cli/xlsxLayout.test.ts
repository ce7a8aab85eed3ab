/**
 * The CLI's workbook as finance opens it: every summary tab with frozen headers, an autofilter over its
 * table (LibreOffice reads it as a filtered range), landscape print setup one page wide with the header
 * row repeated, wrapped headers on rows tall enough, money and percent formats kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, compareOnInput, statementPartners, workbookTabs } from '../../src/core';
import { statementFiles } from '../../src/cli/statementFiles';
import type { Policy } from '../../src/core';
import { loadInput } from '../../src/cli/loadInput';
import { xlsxWriter } from '../../src/cli/xlsxWriter';
import { exampleWorkbook, repoRoot, tempDir } from './cliHarness';
import { libreOfficeSheets } from './libreOfficeView';

const dir = tempDir('pa-layout-');
const file = path.join(dir, 'report.xlsx');
const part = (name: string): string => execFileSync('unzip', ['-p', file, name], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
const MINE = ['Partner Summary', 'Partner Trend', 'Partner Segments', 'Deal Attribution', 'Partner Credits', 'Data Issues'];
/** Every tab the CLI writes for the example with its incentive plan. */
const EVERY_TAB = [...MINE, 'Partner Payouts', 'Review'];

let sheets: { name: string; xml: string }[] = [];
beforeAll(async () => {
  const { input } = await loadInput({ deals: exampleWorkbook });
  // The example's own policy (its incentive plan adds Partner Payouts), as `report --config` reads it.
  const policy = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'policy.json'), 'utf8')) as Partial<Policy>;
  await xlsxWriter(workbookTabs(analyze(input, { policy: { ...policy, asOfDate: '2025-01-01' } })), file);
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
    for (const name of EVERY_TAB) expect([name, ranges.some((r) => r.startsWith(`'${name}'.`) || r.startsWith(`${name}.`))]).toEqual([name, true]);
  }, 150_000);

  it('opens in LibreOffice with every tab frozen under its header, printing landscape, one page wide, header rows repeated', () => {
    const opened = libreOfficeSheets(file);
    expect(opened.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(opened.map((s) => s.name)).toEqual(expect.arrayContaining(EVERY_TAB));
    for (const s of opened) {
      expect([s.name, s.frozen, s.landscape, s.pagesWide, s.pagesTall, s.repeatedRows !== null]).toEqual([s.name, true, true, 1, 0, true]);
    }
    const tab = (name: string) => opened.find((s) => s.name === name)!;
    // Partner Summary freezes the partner names (its table starts on row 26, whose header repeats on every page).
    expect(tab('Partner Summary')).toMatchObject({ frozenRows: 0, frozenColumns: 1, repeatedRows: [26, 26] });
    expect(tab('Deal Attribution')).toMatchObject({ frozenRows: 1, frozenColumns: 0, repeatedRows: [1, 1] });
    expect(tab('Partner Trend')).toMatchObject({ frozenRows: 2, repeatedRows: [2, 2] });
    expect(tab('Review')).toMatchObject({ frozenRows: 2, repeatedRows: [2, 2] });
  }, 150_000);
});

describe('the definitions comparison tab and a partner statement workbook, as LibreOffice opens them', () => {
  const definitions = path.join(dir, 'definitions.xlsx');
  const statements = path.join(dir, 'statements');
  let statement = '';
  beforeAll(async () => {
    const { input } = await loadInput({ deals: exampleWorkbook });
    const { tab } = compareOnInput(input, { version: 1, tab: null, mapping: {}, policy: { asOfDate: '2025-01-01' } }, []);
    await xlsxWriter([tab], definitions);
    const analysis = analyze(input, { policy: { asOfDate: '2025-01-01' } });
    const partner = statementPartners(analysis)[0]!;
    const file = statementFiles(analysis, statements).find((f) => f.path.endsWith('.xlsx'))!;
    statement = path.join(dir, `statement-${partner.replace(/\W+/g, '-')}.xlsx`);
    if (typeof file.data !== 'function') throw new Error('a statement workbook is written by a function');
    await file.data(statement);
  }, 60_000);

  const xmlOf = (xlsx: string): string => execFileSync('unzip', ['-p', xlsx, 'xl/worksheets/sheet1.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');

  it('freezes the comparison\'s label column, filters its changed-deals table and prints its header on every page', () => {
    const [sheet] = libreOfficeSheets(definitions);
    const header = /<row r="(\d+)"[^>]*><c r="A\1"[^>]*><v>Deal ID<\/v>/.exec(xmlOf(definitions));
    expect(header).not.toBeNull();
    const row = Number(header![1]);
    expect(sheet).toMatchObject({ name: 'Definitions Compared', frozen: true, frozenRows: 0, frozenColumns: 1, landscape: true, pagesWide: 1, pagesTall: 0, repeatedRows: [row, row] });
    expect(xmlOf(definitions)).toMatch(new RegExp(`<autoFilter ref="A${row}:[A-Z]+\\d+"`));
  }, 150_000);

  it('freezes a statement down to its deal table header, filters the deals and prints their header on every page', () => {
    const [sheet] = libreOfficeSheets(statement);
    const xml = xmlOf(statement);
    const header = /<row r="(\d+)"[^>]*><c r="A\1"[^>]*><v>Deal ID<\/v>/.exec(xml);
    expect(header).not.toBeNull();
    const row = Number(header![1]);
    expect(sheet).toMatchObject({ frozen: true, frozenRows: row, frozenColumns: 0, landscape: true, pagesWide: 1, pagesTall: 0, repeatedRows: [row, row] });
    expect(xml).toMatch(new RegExp(`<autoFilter ref="A${row}:J\\d+"`));
  }, 150_000);
});
