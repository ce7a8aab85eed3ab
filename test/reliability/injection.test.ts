/**
 * Injection: partner names, deal names and reasons that look like formulas are written as text on every
 * write path (Sheets tabs and columns, Excel sheets and columns), and the sidebar never renders data as HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core';
import type { Cell, Settings } from '../../src/core';
import { createExcelBridge } from '../../src/hosts/excel/excelBridge';
import { FakeExcel } from '../hosts/excel/fakeExcel';
import { loadProject } from '../hosts/gas/builtCodeJs';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

/** Names a spreadsheet would run as a formula if written raw, and one whose leading apostrophe a spreadsheet would swallow. */
const FORMULA_NAMES = ['=HYPERLINK("http://evil.example")', '=1+2', '+1 Partners', '-Minus Partners', '@SUM(A1:A9)', "=cmd /C calc"];
const APOSTROPHE_NAME = "'t Hooft Partners";
const NAMES = [...FORMULA_NAMES, APOSTROPHE_NAME];

const HEADER = ['Deal ID', 'Deal Name', 'Stage', 'Amount', 'Reseller', 'Influencing Partners'];
const DEALS: Cell[][] = [HEADER, ...NAMES.map((name, i) => [`=X${i}`, name, 'Closed Won', 100 + i, name, i % 2 ? 'Acme' : ''])];
const SETTINGS = (): Settings => JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
const FORMULA_START = /^[=+\-@]/;

describe('the Excel add-in', () => {
  const written = async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: DEALS.map((r) => [...r]) }]);
    const bridge = createExcelBridge({ run: excel.run, settingsStore: null });
    await bridge.writeSummary({ tab: 'Deals', settings: SETTINGS() });
    await bridge.classify({ tab: 'Deals', settings: SETTINGS() });
    // Every value the add-in set through Range.values: on its own sheets, and right of the data on the deals sheet
    // (the deals' own range is only read, and the mock keeps what was read in the same property).
    return excel.sheets.flatMap((sheet) => sheet.ranges
      .filter((range) => sheet.name !== 'Deals' || range.col >= HEADER.length)
      .flatMap((range) => (Array.isArray(range.mock.values) ? (range.mock.values as unknown[][]).flat() : [])));
  };

  it('writes no value Excel would read as a formula: formula-looking text goes in with the text prefix', async () => {
    const values = await written();
    expect(values.filter((v) => typeof v === 'string' && FORMULA_START.test(v))).toEqual([]);
    for (const name of FORMULA_NAMES) expect(values).toContain(`'${name}`);
  });

  // Known bug, reported to the lead: remove .failing once fixed.
  it('keeps a name that starts with an apostrophe as the user wrote it (Excel would swallow one leading apostrophe)', async () => {
    const values = await written();
    expect(values).toContain(`'${APOSTROPHE_NAME}`);
    expect(values).not.toContain(APOSTROPHE_NAME);
  });
});

describe('the Sheets add-on', () => {
  const written = () => {
    const project = loadProject();
    // Text as Sheets holds it after an import: the leading apostrophe marks it as text, not a formula.
    const deals = project.spreadsheet.addTab('Deals', DEALS.map((r) => r.map((c) => (typeof c === 'string' && /^[=+\-@']/.test(c) ? `'${c}` : c))));
    project.call('paWriteSummary', { tab: 'Deals', settings: SETTINGS() });
    project.call('paClassify', { tab: 'Deals', settings: SETTINGS() });
    return { project, deals };
  };

  it('writes every summary tab and the classification columns without a single formula', () => {
    const { project } = written();
    for (const sheet of project.spreadsheet.sheets) expect({ tab: sheet.name, formulas: sheet.allFormulas() }).toEqual({ tab: sheet.name, formulas: [] });
    const summary = project.spreadsheet.tab('Partner Summary').snapshot().flat();
    for (const name of FORMULA_NAMES) expect(summary).toContain(name);
  });

  // Known bug, reported to the lead: remove .failing once fixed.
  it('shows a name that starts with an apostrophe with its apostrophe', () => {
    const { project, deals } = written();
    expect(project.spreadsheet.tab('Partner Summary').snapshot().flat()).toContain(APOSTROPHE_NAME);
    expect(deals.snapshot().flat()).toContain(APOSTROPHE_NAME); // the Partner(s) column of its deal
  });
});

describe('the sidebar', () => {
  const sidebarRoot = path.resolve(__dirname, '../../sidebar');
  const sources = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
  });

  it('never hands text to the HTML parser: no innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc or DOMParser', () => {
    const files = sources(sidebarRoot);
    expect(files.length).toBeGreaterThan(5);
    const hits = files.flatMap((file) => readFileSync(file, 'utf8').split('\n')
      .map((line, i) => ({ where: `${path.relative(sidebarRoot, file)}:${i + 1}`, line }))
      .filter(({ line }) => /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|DOMParser|createContextualFragment)\b/.test(line)));
    expect(hits).toEqual([]);
  });
});
