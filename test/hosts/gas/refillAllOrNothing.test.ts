/**
 * "Write summary tabs" when the refill of the existing report tabs fails half-way (issue 15): every old
 * tab comes back exactly as it was, and the backups that make that possible are counted and never lost.
 */
import { TAB_NAMES } from '../../../src/core/index';
import type { Settings, WriteResult } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import type { FakeSheet } from './fakes/FakeSheet';
import { generatedDeals, workedExample } from './workedExample';

const WRITTEN = [...TAB_NAMES, 'Review'];
const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: {} };
const write = (project: LoadedProject): WriteResult => project.call<WriteResult>('paWriteSummary', { tab: null, settings: SETTINGS });
const markers = (project: LoadedProject) => project.spreadsheet.metadata.filter((m) => m.key === 'partner-attribution' && m.place.column === null)
  .map((m) => `${m.place.sheet.name}|${m.value}`).sort();

/** Everything a user could see of a tab: every cell of its grid (value, formula, format, bold, fill), its size and layout. */
const state = (sheet: FakeSheet) => ({
  name: sheet.name,
  rows: sheet.maxRows,
  cols: sheet.maxColumns,
  cells: Array.from({ length: sheet.maxRows }, (_, r) => Array.from({ length: sheet.maxColumns }, (_, c) => sheet.cellAt(r, c))),
  frozen: sheet.frozenRows,
  widths: Array.from({ length: sheet.maxColumns }, (_, c) => sheet.getColumnWidth(c + 1)),
  filter: sheet.filterRange,
  charts: sheet.charts.map((chart) => ({ id: chart.getChartId(), kind: chart.kind, title: chart.title, ranges: chart.ranges, position: chart.position })),
  hidden: sheet.hidden,
});

/** A spreadsheet with the report written once, a dashboard tab whose formulas point at two report tabs, then new numbers in the deals. */
const written = (): { project: LoadedProject; dashboard: FakeSheet; before: ReturnType<typeof state>[]; sheets: FakeSheet[] } => {
  const project = loadProject();
  const deals = project.spreadsheet.addTab('Deals', workedExample());
  write(project);
  const dashboard = project.spreadsheet.addTab('My dashboard', [["='Partner Summary'!B9", "='Partner Trend'!A2"]]);
  expect(dashboard.getRange('A1').getValue()).toBe(29000.01);
  deals.getRange('D7').setValue(4000); // the direct deal grows from 3,000 to 4,000: new numbers that must not half-land
  const sheets = [...project.spreadsheet.sheets];
  return { project, dashboard, before: sheets.map(state), sheets };
};

describe('refilling the existing report tabs, all or nothing', () => {
  it('a failure while refilling the third old tab puts every old tab back exactly, with its formats, layout and name, and leaves no temporary or backup', () => {
    const { project, dashboard, before, sheets } = written();
    const third = WRITTEN[2]!;
    const owners = markers(project);
    project.spreadsheet.failOnCopyInto(third);
    expect(() => write(project)).toThrow(/could not be written \(Service Spreadsheets timed out.*Your previous summary tabs are unchanged/);
    // The same tab objects, in the same order: none deleted and made again.
    expect(project.spreadsheet.sheets.length === sheets.length && project.spreadsheet.sheets.every((s, i) => s === sheets[i])).toBe(true);
    expect(project.spreadsheet.sheets.map(state)).toEqual(before);
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
    expect(markers(project)).toEqual(owners); // no backup marker left behind
    expect(dashboard.allFormulas()).toEqual(["='Partner Summary'!B9", "='Partner Trend'!A2"]);
    expect(dashboard.getRange('A1').getValue()).toBe(29000.01);

    // The next write goes through, into the same tabs.
    write(project);
    expect(dashboard.getRange('A1').getValue()).toBe(30000.01);
    expect(project.spreadsheet.tab('Partner Summary')).toBe(sheets.find((s) => s.name === 'Partner Summary'));
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new') || s.hidden)).toBe(false);
  });

  it('a failure while laying out the last tab, after every old tab was refilled, still puts them all back', () => {
    const { project, before } = written();
    // The Review tab is laid out last; the spreadsheet fails as its column widths are set, as a quota would.
    const last = project.spreadsheet.tab(WRITTEN[WRITTEN.length - 1]!);
    const setColumnWidths = last.setColumnWidths.bind(last);
    let calls = 0;
    last.setColumnWidths = (start: number, count: number, width: number) => {
      calls += 1;
      if (calls === 1) throw new Error('Service Spreadsheets failed while accessing document with id.');
      return setColumnWidths(start, count, width);
    };
    expect(() => write(project)).toThrow(/could not be written \(Service Spreadsheets failed.*Your previous summary tabs are unchanged/);
    expect(calls).toBeGreaterThan(1); // the restore set the old widths again
    expect(project.spreadsheet.sheets.map(state)).toEqual(before);
  });

  it('when putting an old tab back fails too, its previous content stays in a visible tab the error names, and a later write keeps it', () => {
    const { project, before } = written();
    const second = WRITTEN[1]!;
    project.spreadsheet.failOnCopyInto(second, 2); // the refill fails, then the restore's copy fails as well
    expect(() => write(project)).toThrow(new RegExp(`putting back the previous content failed too.*Nothing is lost: the previous content of "${second}" is in "${second} \\(previous\\)"`));
    const kept = project.spreadsheet.tab(`${second} (previous)`);
    const old = before.find((s) => s.name === second)!;
    expect(kept.hidden).toBe(false);
    expect(state(kept).cells).toEqual(old.cells);
    // The tab refilled before it was put back exactly; no temporary is left.
    expect(state(project.spreadsheet.tab(WRITTEN[0]!))).toEqual(before.find((s) => s.name === WRITTEN[0]));
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);

    const result = write(project);
    expect(result.written).toEqual(WRITTEN);
    expect(project.spreadsheet.tab(`${second} (previous)`)).toBe(kept); // the user's to delete, never the add-on's
    expect(state(kept).cells).toEqual(old.cells);
  });

  it('a backup left by a write that was stopped half-way is shown under a clear name with a note, never deleted', () => {
    const { project } = written();
    // What Apps Script's time limit leaves when it stops a write during the refill of Partner Summary:
    // the tab cleared, its old content only in the hidden backup.
    const summary = project.spreadsheet.tab('Partner Summary');
    const oldCells = state(summary).cells;
    const backup = project.spreadsheet.tab(project.spreadsheet.api.insertSheet('PA new backup 1').getName());
    backup.maxRows = summary.maxRows;
    backup.maxColumns = summary.maxColumns;
    summary.api.getRange(1, 1, summary.maxRows, summary.maxColumns).copyTo(backup.api.getRange(1, 1));
    backup.api.addDeveloperMetadata('partner-attribution', 'backup:Partner Summary');
    backup.api.hideSheet();
    summary.api.clear();

    const result = write(project);
    expect(result.message).toMatch(/An earlier write was interrupted and left the previous content of a tab in "Partner Summary \(previous\)"\. It is kept/);
    expect(project.spreadsheet.tab('Partner Summary (previous)')).toBe(backup);
    expect(backup.hidden).toBe(false);
    expect(state(backup).cells).toEqual(oldCells);
    expect(project.spreadsheet.tab('Partner Summary').getRange('B9').getValue()).toBe(30000.01);

    // Next time it is neither announced again, nor deleted, nor read as deals.
    const again = write(project);
    expect(again.message).not.toMatch(/interrupted/);
    expect(project.spreadsheet.tab('Partner Summary (previous)')).toBe(backup);
  });
});

describe('counting the backups\' cells under the 10-million-cell limit', () => {
  /** A spreadsheet holding a report of 20 deals, then 3,000 deals to write, and a Raw Export tab that brings it to `total` cells (or 1 cell). */
  const setUp = (total: number | null) => {
    const all = generatedDeals(3000);
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', all.slice(0, 21));
    write(project);
    deals.maxRows = all.length;
    for (let r = 21; r < all.length; r += 1) all[r]!.forEach((v, c) => deals.enter(r, c, v));
    const raw = project.spreadsheet.addTab('Raw Export');
    raw.maxColumns = 1;
    raw.maxRows = 1;
    if (total !== null) raw.maxRows = total - project.spreadsheet.cellCount() + 1;
    return project;
  };

  it('writes every tab when the spreadsheet has exactly the room the swap needs at its busiest, and leaves Deal Attribution out with one cell less', () => {
    // A probe measures the most cells the re-run holds at once (temporaries, backups and the grown old tabs) in the fake, as strict as Sheets.
    const probe = setUp(null);
    const start = probe.spreadsheet.cellCount();
    probe.spreadsheet.resetPeak();
    write(probe);
    const extra = probe.spreadsheet.peakCells - start;
    // More than the temporaries alone: the backups hold every old tab once more.
    const oldReport = WRITTEN.reduce((n, name) => n + probe.spreadsheet.tab(name).maxRows * probe.spreadsheet.tab(name).maxColumns, 0);
    expect(extra).toBeGreaterThan(oldReport);

    const fits = setUp(10_000_000 - extra);
    const result = write(fits);
    expect(result.written).toEqual(WRITTEN);
    expect(fits.spreadsheet.peakCells).toBe(10_000_000);

    const tight = setUp(10_000_000 - extra + 1);
    const left = write(tight);
    expect(left.written).not.toContain('Deal Attribution');
    expect(left.message).toMatch(/Deal Attribution was not written: it needs [\d,]+ cells and this spreadsheet has room for [\d,]+ more/);
    expect(tight.spreadsheet.peakCells).toBeLessThanOrEqual(10_000_000);
    expect(tight.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
    expect(tight.spreadsheet.tab('Partner Summary').getRange('B9').getValue()).not.toBe(''); // the others were refilled
  });
});
