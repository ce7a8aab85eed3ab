/**
 * Writes the core's report tabs into Sheets: one values write and one formats write per block, bold
 * shaded headers, frozen rows, column widths, charts, and ownership markers. The number of calls
 * depends on the tabs' layout, never on how many deals there are.
 */
import type { Cell, ChartSpec, ReportBlock, ReportTab } from '../../core/index';
import { FORMATS, TEMPORARY_TAB_PREFIX, literalText, planTabTargets, tabTooBigMessage, tabsKeptMessage, temporaryTabNames } from '../../core/index';
import type { TabPlan } from '../../core/index';
import { SHEET_NAME_MAX_LENGTH } from '../../core/index';
import type { OwnedTab } from './ownership';
import { markTab } from './ownership';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetValue = string | number | boolean | Date;

/** Rows and columns kept free for a chart's body below and right of its anchor. */
const CHART_ROWS = 20;
const CHART_COLS = 8;
const HEADER_BACKGROUND = '#e8eaed';
const PIXELS_PER_CHAR = 7;
const PADDING_PIXELS = 16;

const blockWidth = (block: ReportBlock): number =>
  block.values.reduce((max, row) => Math.max(max, row.length), block.formats.length);

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
    rows = Math.max(rows, block.row + block.values.length);
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
  const height = block.values.length;
  if (block.title !== undefined && block.row > 0) {
    sheet.getRange(block.row, block.col + 1).setValue(literalText(block.title)).setFontWeight('bold');
  }
  if (height === 0 || width === 0) return;
  const formats = Array.from({ length: width }, (_, c) => FORMATS[block.formats[c] ?? 'general']);
  const range = sheet.getRange(block.row + 1, block.col + 1, height, width);
  // Formats first: a text column formatted as text keeps "1-2" or "2024-03" as typed, not as a date.
  range.setNumberFormats(block.values.map((_, r) => (r < block.headerRows ? formats.map(() => FORMATS.text) : formats)));
  range.setValues(block.values.map((row) => Array.from({ length: width }, (_, c) => sheetValue(row[c]))));
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
  const rows = block.values.length - (block.totalRows ?? 0);
  const width = blockWidth(block);
  if (rows < 1 || width < 1) return;
  sheet.getFilter()?.remove();
  sheet.getRange(block.row + 1, block.col + 1, rows, width).createFilter();
};

const addChart = (sheet: Sheet, tab: ReportTab, spec: ChartSpec): void => {
  const block = tab.blocks[spec.block];
  if (!block) return;
  const dataRows = Math.min(spec.maxRows, block.values.length - block.headerRows);
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

/**
 * Refills an existing report tab from its complete temporary, keeping the tab itself so that a user's
 * formula pointing at it (='Partner Summary'!B5 on their own sheet) keeps working: deleting the tab
 * would turn every such reference into #REF! for good, even once a new tab takes its name.
 * Relied on (Apps Script Spreadsheet service reference; the docs search here held no Apps Script pages,
 * so this is from developers.google.com/apps-script/reference/spreadsheet as I know it):
 * - Sheet.clear() "clears the sheet of content and formatting information"; it leaves charts, the
 *   filter, frozen rows and the sheet's developer metadata (our ownership marker) alone, so the charts
 *   and filter are removed here and the rows unfrozen before the sheet is cut to size.
 * - Range.copyTo(destination) copies the data of a range, values and formatting (formulas included),
 *   to the area of the same size starting at the destination's top-left cell, within one spreadsheet.
 * - Spreadsheet.deleteSheet(sheet) deletes the temporary once its cells are copied.
 */
const refillTab = (sheet: Sheet, temporary: Sheet, tab: ReportTab): void => {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.getFilter()?.remove();
  sheet.setFrozenRows(0);
  sheet.clear();
  const { rows, cols } = tabSize(tab);
  fitSheet(sheet, rows, cols);
  temporary.getRange(1, 1, rows, cols).copyTo(sheet.getRange(1, 1));
  applyLayout(sheet, tab);
};

/** Google Sheets holds at most 10 million cells in a spreadsheet, over all its tabs. */
export const SHEETS_CELL_LIMIT = 10_000_000;
/** A sheet as insertSheet() makes it (1,000 rows by 26 columns), before it is cut to size. */
const NEW_SHEET_CELLS = 1000 * 26;
/** The tab left out first when the spreadsheet has no room: the only one that grows with the deals. */
const BIG_TAB = 'Deal Attribution';

/** What was written: the plan, and notes for the user (a tab left out for lack of room). */
export interface WrittenTabs extends TabPlan { notes: string[] }

/** The error's own message (duck-typed: an Apps Script or Office error need not be this realm's Error). */
const errorText = (error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === 'string' ? message : String(error)).replace(/\.$/, '');
};

/**
 * Writes (or replaces) the report tabs, all or nothing. Each new tab is written in full under a
 * temporary name; only when every one is complete does an existing report tab get refilled from its
 * temporary (the tab is kept, so formulas pointing at it keep working) and the temporary deleted; a tab
 * that did not exist yet is the temporary renamed into place. If any write fails (the 10-million-cell
 * limit, a quota, a closed window), the temporary tabs are deleted and the old ones stay as they were. The cells are counted first: when
 * the spreadsheet cannot also hold the Deal Attribution tab, that tab is left out (with a note) and
 * the others are written. A user's tab with a report's name is never touched (the plan picks
 * "Partner Summary (2)").
 */
export function writeReportTabs(spreadsheet: Spreadsheet, allTabs: readonly ReportTab[], owned: readonly OwnedTab[],
  onTab: (name: string, index: number) => void = () => undefined): WrittenTabs {
  // A write that died half-way left "PA new" tabs: they go first, and are not candidates for reuse.
  const leftovers = owned.filter((o) => o.name.startsWith(TEMPORARY_TAB_PREFIX));
  for (const o of leftovers) spreadsheet.deleteSheet(o.sheet);
  const mine = owned.filter((o) => !leftovers.includes(o));
  const ownedByName = new Map(mine.map((o) => [o.name, o.report] as const));
  const sheets = spreadsheet.getSheets();
  const existing = sheets.map((sheet) => {
    const name = sheet.getName();
    return { name, ownedReport: ownedByName.get(name) ?? null };
  });

  // The old tabs stay until the new ones are complete, so both must fit at once.
  const notes: string[] = [];
  const used = sheets.reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  const cellsOf = (tab: ReportTab) => { const { rows, cols } = tabSize(tab); return rows * cols; };
  // Refilling an old tab grows it to its new size while its temporary still exists (each refill then
  // frees the old tab's cells): beyond all the temporaries, the most that is ever in use at once.
  const oldCells = new Map(mine.map((o) => [o.report, o.sheet.getMaxRows() * o.sheet.getMaxColumns()] as const));
  const peakExtra = (list: readonly ReportTab[]): number => {
    let freed = 0;
    let peak = NEW_SHEET_CELLS; // the last insertSheet() before it is cut to size
    for (const tab of list) {
      const old = oldCells.get(tab.name);
      if (old === undefined) continue;
      peak = Math.max(peak, cellsOf(tab) - old - freed);
      freed += old;
    }
    return peak;
  };
  const needed = allTabs.reduce((n, tab) => n + cellsOf(tab), 0);
  let tabs = allTabs;
  const big = allTabs.find((t) => t.name === BIG_TAB);
  if (big && used + needed + peakExtra(allTabs) > SHEETS_CELL_LIMIT) {
    const rest = allTabs.filter((t) => t !== big);
    const room = Math.max(0, SHEETS_CELL_LIMIT - used - peakExtra(rest) - (needed - cellsOf(big)));
    notes.push(tabTooBigMessage(big.name, cellsOf(big), `this spreadsheet has room for ${room.toLocaleString('en-US')} more (Google Sheets holds 10,000,000 cells in all)`));
    tabs = rest;
  }

  const plan = planTabTargets(tabs.map((t) => t.name), existing, { sheetNames: tabs.map((t) => t.sheetName), maxLength: SHEET_NAME_MAX_LENGTH });
  const temporaries = temporaryTabNames(tabs.length, existing.map((e) => e.name));
  const created: Sheet[] = [];
  try {
    plan.targets.forEach((target, index) => {
      const sheet = spreadsheet.insertSheet(temporaries[index]!, spreadsheet.getNumSheets());
      created.push(sheet);
      markTab(sheet, target.report);
      onTab(target.sheetName, index);
      writeTab(sheet, tabs[index]!);
    });
  } catch (error) {
    for (const sheet of created) {
      try { spreadsheet.deleteSheet(sheet); } catch { /* already gone; the next write removes any "PA new" tab */ }
    }
    throw new Error(tabsKeptMessage(errorText(error)), { cause: error });
  }
  // Every new tab is complete: refill the existing tabs from their temporaries, drop the stale ones,
  // then give the tabs that are new their names.
  const byName = new Map(mine.map((o) => [o.name, o.sheet] as const));
  const renamed: { sheet: Sheet; name: string }[] = [];
  plan.targets.forEach((target, i) => {
    const old = target.reuse ? byName.get(target.sheetName) : undefined;
    const temporary = created[i]!;
    if (old) {
      refillTab(old, temporary, tabs[i]!);
      spreadsheet.deleteSheet(temporary);
    } else renamed.push({ sheet: temporary, name: target.sheetName });
  });
  for (const name of plan.stale) {
    const old = byName.get(name);
    if (old) spreadsheet.deleteSheet(old);
  }
  for (const { sheet, name } of renamed) sheet.setName(name);
  return { ...plan, notes };
}
