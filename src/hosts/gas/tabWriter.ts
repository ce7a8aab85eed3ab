/**
 * Writes the core's report tabs into Sheets: one values write and one formats write per block (per
 * SHEETS_ROWS_PER_WRITE rows of a big block, whose rows are made as they are written), bold shaded
 * headers, frozen rows, column widths, charts, and ownership markers. The number of calls depends on
 * the tabs' layout, not on how many deals there are, up to SHEETS_ROWS_PER_WRITE rows a block.
 */
import type { Cell, ChartSpec, ReportBlock, ReportTab } from '../../core/index';
import {
  BACKUP_TAB_PREFIX, FORMATS, TEMPORARY_TAB_PREFIX, backupTabNames, blockLength, blockRows, blockWidth, keptBackupName, leftoverBackupNote, literalText, planTabTargets, swapPeakCells, swapTabs,
  tabTooBigMessage, temporaryTabNames,
} from '../../core/index';
import type { TabPlan } from '../../core/index';
import { SHEET_NAME_MAX_LENGTH } from '../../core/index';
import type { OwnedBackup, OwnedTab } from './ownership';
import { markBackup, markTab } from './ownership';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetValue = string | number | boolean | Date;

/** Rows and columns kept free for a chart's body below and right of its anchor. */
const CHART_ROWS = 20;
const CHART_COLS = 8;
const HEADER_BACKGROUND = '#e8eaed';
const PIXELS_PER_CHAR = 7;
const PADDING_PIXELS = 16;

/**
 * Rows of a block sent in one setValues call (and one setNumberFormats): a big tab's rows are made
 * this many at a time, and a request stays a few hundred thousand cells.
 */
export const SHEETS_ROWS_PER_WRITE = 25_000;

/** A cell as Sheets should store it: strings that look like formulas are kept as text. */
const sheetValue = (value: Cell): SheetValue => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return literalText(value);
  return value;
};

/** The size a tab needs: its blocks, its frozen rows and room for its charts. */
const tabSize = (tab: ReportTab): { rows: number; cols: number } => {
  let rows = Math.max(1, tab.frozenRows + 1);
  let cols = Math.max(1, tab.columnWidths.length);
  for (const block of tab.blocks) {
    rows = Math.max(rows, block.row + blockLength(block));
    cols = Math.max(cols, block.col + blockWidth(block));
  }
  for (const chart of tab.charts) {
    rows = Math.max(rows, chart.anchorRow + CHART_ROWS);
    cols = Math.max(cols, chart.anchorCol + CHART_COLS);
  }
  return { rows, cols };
};

/** Makes the sheet exactly the size the tab needs, so no stale rows or columns of an earlier run remain. */
const fitSheet = (sheet: Sheet, rows: number, cols: number): void => {
  // Shrink first, then grow: the sheet never holds more cells on the way than at the start or the end.
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
};

const writeBlock = (sheet: Sheet, block: ReportBlock): void => {
  const width = blockWidth(block);
  const height = blockLength(block);
  if (block.title !== undefined && block.row > 0) {
    sheet.getRange(block.row, block.col + 1).setValue(literalText(block.title)).setFontWeight('bold');
  }
  if (height === 0 || width === 0) return;
  const formats = Array.from({ length: width }, (_, c) => FORMATS[block.formats[c] ?? 'general']);
  for (let start = 0; start < height; start += SHEETS_ROWS_PER_WRITE) {
    const rows = blockRows(block, start, start + SHEETS_ROWS_PER_WRITE);
    const range = sheet.getRange(block.row + start + 1, block.col + 1, rows.length, width);
    // Formats first: a text column formatted as text keeps "1-2" or "2024-03" as typed, not as a date.
    range.setNumberFormats(rows.map((_, r) => (start + r < block.headerRows ? formats.map(() => FORMATS.text) : formats)));
    range.setValues(rows.map((row) => Array.from({ length: width }, (_, c) => sheetValue(row[c]))));
  }
  if (block.headerRows > 0) {
    sheet.getRange(block.row + 1, block.col + 1, Math.min(block.headerRows, height), width)
      .setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
};

const setColumnWidths = (sheet: Sheet, widths: readonly number[]): void => {
  let start = 0;
  while (start < widths.length) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end += 1;
    const chars = widths[start] ?? 10;
    sheet.setColumnWidths(start + 1, end - start + 1, Math.round(chars * PIXELS_PER_CHAR + PADDING_PIXELS));
    start = end + 1;
  }
};

/** A filter over the tab's main table (its total rows left out, so sorting keeps them at the bottom). */
const addFilter = (sheet: Sheet, tab: ReportTab): void => {
  const block = tab.filterBlock === undefined ? undefined : tab.blocks[tab.filterBlock];
  if (!block) return;
  const rows = blockLength(block) - (block.totalRows ?? 0);
  const width = blockWidth(block);
  if (rows < 1 || width < 1) return;
  sheet.getFilter()?.remove();
  sheet.getRange(block.row + 1, block.col + 1, rows, width).createFilter();
};

const addChart = (sheet: Sheet, tab: ReportTab, spec: ChartSpec): void => {
  const block = tab.blocks[spec.block];
  if (!block) return;
  const dataRows = Math.min(spec.maxRows, blockLength(block) - block.headerRows);
  if (dataRows <= 0 || spec.seriesCols.length === 0) return;
  const top = block.row + 1;
  const height = block.headerRows + dataRows;
  const column = (c: number) => sheet.getRange(top, block.col + c + 1, height, 1);
  let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  if (spec.kind === 'bar') {
    builder = sheet.newChart().asBarChart().setTitle(spec.title).setOption('legend', { position: 'none' });
  } else {
    builder = sheet.newChart().asColumnChart().setStacked().setTitle(spec.title).setOption('legend', { position: 'bottom' });
  }
  builder = builder.addRange(column(spec.categoryCol));
  for (const c of spec.seriesCols) builder = builder.addRange(column(c));
  sheet.insertChart(builder.setNumHeaders(block.headerRows).setPosition(spec.anchorRow + 1, spec.anchorCol + 1, 0, 0).build());
};

/** The tab's layout that a copy of its cells does not carry: frozen rows, column widths, its filter and charts. */
const applyLayout = (sheet: Sheet, tab: ReportTab): void => {
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  setColumnWidths(sheet, tab.columnWidths);
  addFilter(sheet, tab);
  for (const spec of tab.charts) addChart(sheet, tab, spec);
};

/** Writes one tab into the sheet (already the add-on's, or new and marked). */
export function writeTab(sheet: Sheet, tab: ReportTab): void {
  const { rows, cols } = tabSize(tab);
  fitSheet(sheet, rows, cols);
  for (const block of tab.blocks) writeBlock(sheet, block);
  applyLayout(sheet, tab);
}

/** Grows the sheet (never shrinks it) to at least `rows` by `cols`: a refill cuts it to size only after the commit. */
const growSheet = (sheet: Sheet, rows: number, cols: number): void => {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
};

/** Sets each column's width, one call per run of equal widths. */
const setPixelWidths = (sheet: Sheet, widths: readonly number[]): void => {
  let start = 0;
  while (start < widths.length) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end += 1;
    sheet.setColumnWidths(start + 1, end - start + 1, widths[start]!);
    start = end + 1;
  }
};

/** What a backup keeps of an old tab besides its cells (which it holds itself): the layout a refill changes. */
interface Saved { backup: Sheet; rows: number; cols: number; frozen: number; widths: number[]; filter: string | null; chartIds: Set<number> }

/** Google Sheets holds at most 10 million cells in a spreadsheet, over all its tabs. */
export const SHEETS_CELL_LIMIT = 10_000_000;
/** A sheet as insertSheet() makes it (1,000 rows by 26 columns), before it is cut to size. */
const NEW_SHEET_CELLS = 1000 * 26;
/** The tab left out first when the spreadsheet has no room: the only one that grows with the deals. */
const BIG_TAB = 'Deal Attribution';

/** What was written: the plan, and notes for the user (a tab left out for lack of room). */
export interface WrittenTabs extends TabPlan { notes: string[] }

/**
 * Shows each backup an interrupted write left (a script stopped by Apps Script's time limit) under a
 * clear name, and returns those names. Such a backup may hold the only copy of a tab's previous content
 * (the write may have stopped with that tab cleared), and which it is cannot be told afterwards, so it
 * is never deleted here: the user sees it, with a note, and deletes it when they are sure.
 */
const keepLeftoverBackups = (spreadsheet: Spreadsheet, backups: readonly OwnedBackup[]): string[] => {
  const kept: string[] = [];
  for (const b of backups) {
    if (!b.name.startsWith(BACKUP_TAB_PREFIX)) continue; // already shown and named by an earlier run: the user's to delete
    const name = keptBackupName(b.tab, spreadsheet.getSheets().map((sheet) => sheet.getName()), SHEET_NAME_MAX_LENGTH);
    b.sheet.showSheet();
    b.sheet.setName(name);
    kept.push(name);
  }
  return kept;
};

/**
 * Writes (or replaces) the report tabs, all or nothing (the steps are `swapTabs`'s, in the core). Each
 * new tab is written in full under a temporary name. Then every existing report tab that is refilled
 * (kept, so formulas pointing at it keep working) is copied whole into a hidden backup, and only then
 * cleared and refilled from its temporary; a tab that did not exist yet is the temporary renamed into
 * place. If anything fails (the 10-million-cell limit, a quota, a closed window), every old tab is put
 * back from its backup and the temporaries and backups are deleted; a backup that cannot be put back is
 * left visible under a clear name and the error says where. The cells are counted first, backups
 * included: when the spreadsheet cannot also hold the Deal Attribution tab, that tab is left out (with
 * a note) and the others are written. A user's tab with a report's name is never touched (the plan
 * picks "Partner Summary (2)").
 *
 * Relied on (Apps Script Spreadsheet service reference, developers.google.com/apps-script/reference/
 * spreadsheet; the docs search here held its EmbeddedChart and EmbeddedChartBuilder pages, the rest is
 * that reference as I know it):
 * - Sheet.clear() "clears the sheet of content and formatting information"; it leaves charts, the
 *   filter, frozen rows, column widths and the sheet's developer metadata (our marker) alone. So a
 *   refill that only clears, grows and copies cells leaves the layout to be put back untouched.
 * - Range.copyTo(destination) copies values and formatting (formulas included) to the same-sized area
 *   from the destination's top-left cell, within one spreadsheet; it does not copy column widths.
 * - Sheet.hideSheet() / showSheet() hide and show a tab; the last visible tab cannot be hidden.
 * - EmbeddedChart.getChartId() is "a stable identifier for the chart that is unique across the
 *   spreadsheet", so the old charts are told from the new ones on the same tab.
 * - Filter criteria a user set on an old tab's filter are not put back by a restore (the filter's range
 *   is); the report's own filters have none.
 */
export function writeReportTabs(spreadsheet: Spreadsheet, allTabs: readonly ReportTab[], owned: readonly OwnedTab[],
  onTab: (name: string, index: number) => void = () => undefined, backupsFound: readonly OwnedBackup[] = []): WrittenTabs {
  // A write that died half-way left "PA new" tabs: they go first, and are not candidates for reuse.
  const leftovers = owned.filter((o) => o.name.startsWith(TEMPORARY_TAB_PREFIX));
  for (const o of leftovers) spreadsheet.deleteSheet(o.sheet);
  const notes: string[] = [];
  const keptBackups = keepLeftoverBackups(spreadsheet, backupsFound);
  if (keptBackups.length) notes.push(leftoverBackupNote(keptBackups));
  const mine = owned.filter((o) => !leftovers.includes(o));
  const ownedByName = new Map(mine.map((o) => [o.name, o.report] as const));
  const byName = new Map(mine.map((o) => [o.name, o.sheet] as const));
  const sheets = spreadsheet.getSheets();
  const existing = sheets.map((sheet) => {
    const name = sheet.getName();
    return { name, ownedReport: ownedByName.get(name) ?? null };
  });
  const planFor = (list: readonly ReportTab[]) =>
    planTabTargets(list.map((t) => t.name), existing, { sheetNames: list.map((t) => t.sheetName), maxLength: SHEET_NAME_MAX_LENGTH });

  // The old tabs stay until the new ones are complete, and each one refilled has a backup meanwhile:
  // the cells at the busiest moment must fit (swapPeakCells says when that is).
  const used = sheets.reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  const extraFor = (list: readonly ReportTab[]) => {
    const plan = planFor(list);
    const sizes = plan.targets.map((target, i) => {
      const old = target.reuse ? byName.get(target.sheetName) : undefined;
      return { ...tabSize(list[i]!), old: old ? { rows: old.getMaxRows(), cols: old.getMaxColumns() } : null };
    });
    return { plan, extra: swapPeakCells(sizes, NEW_SHEET_CELLS) };
  };
  const cellsOf = (tab: ReportTab) => { const { rows, cols } = tabSize(tab); return rows * cols; };
  let tabs = allTabs;
  let { plan, extra } = extraFor(allTabs);
  const big = allTabs.find((t) => t.name === BIG_TAB);
  if (big && used + extra > SHEETS_CELL_LIMIT) {
    tabs = allTabs.filter((t) => t !== big);
    ({ plan, extra } = extraFor(tabs));
    const room = Math.max(0, SHEETS_CELL_LIMIT - used - extra);
    notes.push(tabTooBigMessage(big.name, cellsOf(big), `this spreadsheet has room for ${room.toLocaleString('en-US')} more (Google Sheets holds 10,000,000 cells in all)`));
  }

  const olds = plan.targets.map((target) => (target.reuse ? byName.get(target.sheetName) : undefined));
  const temporaries = temporaryTabNames(tabs.length, existing.map((e) => e.name));
  const backupNames = backupTabNames(olds.filter(Boolean).length, [...existing.map((e) => e.name), ...temporaries]);
  const created: (Sheet | undefined)[] = [];
  const saved = new Map<number, Saved>();
  const oldChartIds = new Map<number, Set<number>>();
  // getChartId() is null only for a chart not in a spreadsheet; these all are.
  const chartsOf = (sheet: Sheet) => sheet.getCharts().map((chart) => ({ chart, id: chart.getChartId() ?? -1 }));

  const swapNotes = swapTabs(plan.targets.map((target, i) => ({ sheetName: target.sheetName, refills: olds[i] !== undefined })), {
    writeTemporary(i) {
      const sheet = spreadsheet.insertSheet(temporaries[i]!, spreadsheet.getNumSheets());
      created[i] = sheet;
      markTab(sheet, plan.targets[i]!.report);
      onTab(plan.targets[i]!.sheetName, i);
      const tab = tabs[i]!;
      if (olds[i]) {
        // Only the cells travel to the kept tab; its layout is set there.
        const { rows, cols } = tabSize(tab);
        fitSheet(sheet, rows, cols);
        for (const block of tab.blocks) writeBlock(sheet, block);
      } else writeTab(sheet, tab);
    },
    backup(i) {
      const old = olds[i]!;
      const rows = old.getMaxRows();
      const cols = old.getMaxColumns();
      const backup = spreadsheet.insertSheet(backupNames[saved.size]!, spreadsheet.getNumSheets());
      // The widths a refill changes: those of the columns the new tab sets (the columns past the old grid go with the restore).
      const widths = Array.from({ length: Math.min(cols, tabs[i]!.columnWidths.length) }, (_, c) => old.getColumnWidth(c + 1));
      saved.set(i, { backup, rows, cols, frozen: old.getFrozenRows(), widths,
        filter: old.getFilter()?.getRange().getA1Notation() ?? null, chartIds: new Set(chartsOf(old).map((c) => c.id)) });
      oldChartIds.set(i, saved.get(i)!.chartIds);
      markBackup(backup, old.getName());
      fitSheet(backup, rows, cols);
      old.getRange(1, 1, rows, cols).copyTo(backup.getRange(1, 1));
      backup.hideSheet();
    },
    refill(i) {
      const old = olds[i]!;
      const { rows, cols } = tabSize(tabs[i]!);
      old.clear();
      growSheet(old, rows, cols);
      created[i]!.getRange(1, 1, rows, cols).copyTo(old.getRange(1, 1));
      spreadsheet.deleteSheet(created[i]!);
      created[i] = undefined;
    },
    finish(i) {
      const old = olds[i];
      if (!old) { created[i]!.setName(plan.targets[i]!.sheetName); return; }
      const tab = tabs[i]!;
      old.setFrozenRows(tab.frozenRows);
      setColumnWidths(old, tab.columnWidths);
      old.getFilter()?.remove();
      addFilter(old, tab);
      for (const spec of tab.charts) addChart(old, tab, spec);
    },
    restore(i) {
      const old = olds[i]!;
      const s = saved.get(i)!;
      for (const { chart, id } of chartsOf(old)) if (!s.chartIds.has(id)) old.removeChart(chart);
      old.getFilter()?.remove();
      old.clear();
      old.setFrozenRows(0);
      fitSheet(old, s.rows, s.cols);
      s.backup.getRange(1, 1, s.rows, s.cols).copyTo(old.getRange(1, 1));
      if (s.frozen > 0) old.setFrozenRows(s.frozen);
      setPixelWidths(old, s.widths);
      if (s.filter !== null) old.getRange(s.filter).createFilter();
    },
    removeTemporaries() {
      created.forEach((sheet, i) => {
        if (!sheet) return;
        spreadsheet.deleteSheet(sheet);
        created[i] = undefined;
      });
    },
    removeBackup(i) {
      const s = saved.get(i);
      if (!s) return;
      spreadsheet.deleteSheet(s.backup);
      saved.delete(i);
    },
    keepBackup(i) {
      const s = saved.get(i)!;
      const name = keptBackupName(olds[i]!.getName(), spreadsheet.getSheets().map((sheet) => sheet.getName()), SHEET_NAME_MAX_LENGTH);
      s.backup.showSheet();
      s.backup.setName(name);
      return name;
    },
    tidy() {
      // The backups first: one left behind would be shown to the user by the next write, the rest it tidies itself.
      for (const s of saved.values()) spreadsheet.deleteSheet(s.backup);
      saved.clear();
      olds.forEach((old, i) => {
        if (!old) return;
        for (const { chart, id } of chartsOf(old)) if (oldChartIds.get(i)?.has(id)) old.removeChart(chart);
        const { rows, cols } = tabSize(tabs[i]!);
        fitSheet(old, rows, cols);
      });
      for (const name of plan.stale) {
        const old = byName.get(name);
        if (old) spreadsheet.deleteSheet(old);
      }
    },
  });
  return { ...plan, notes: [...notes, ...swapNotes] };
}
