/**
 * Writes the core's report tabs into Sheets: one values write and one formats write per block, bold
 * shaded headers, frozen rows, column widths, charts, and ownership markers. The number of calls
 * depends on the tabs' layout, never on how many deals there are.
 */
import type { Cell, ChartSpec, ReportBlock, ReportTab } from '../../core/index';
import { FORMATS, literalText, planTabTargets } from '../../core/index';
import type { TabPlan } from '../../core/index';
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
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  else if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
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

/** Clears an owned tab of an earlier run: values, formats, frozen rows and charts. */
const resetSheet = (sheet: Sheet): void => {
  sheet.clear();
  sheet.setFrozenRows(0);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
};

/** Writes one tab into the sheet (already the add-on's, or new and marked). */
export function writeTab(sheet: Sheet, tab: ReportTab): void {
  const { rows, cols } = tabSize(tab);
  fitSheet(sheet, rows, cols);
  for (const block of tab.blocks) writeBlock(sheet, block);
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  setColumnWidths(sheet, tab.columnWidths);
  for (const spec of tab.charts) addChart(sheet, tab, spec);
}

/**
 * Writes (or replaces) the report tabs where the core's plan says: the add-on's own sheet (found by
 * its metadata, even if renamed) is cleared and rewritten in place; otherwise a new sheet is added
 * under the first free name, so a user's "Partner Summary" is never touched. Returns the plan.
 */
export function writeReportTabs(spreadsheet: Spreadsheet, tabs: readonly ReportTab[], owned: readonly OwnedTab[],
  onTab: (name: string, index: number) => void = () => undefined): TabPlan {
  const ownedByName = new Map(owned.map((o) => [o.name, o.report] as const));
  const existing = spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    return { name, ownedReport: ownedByName.get(name) ?? null };
  });
  const plan = planTabTargets(tabs.map((t) => t.name), existing);
  plan.targets.forEach((target, index) => {
    let sheet: Sheet;
    const mine = target.reuse ? owned.find((o) => o.name === target.sheetName) : undefined;
    if (mine) {
      sheet = mine.sheet;
      resetSheet(sheet);
    } else {
      sheet = spreadsheet.insertSheet(target.sheetName, spreadsheet.getNumSheets());
      markTab(sheet, target.report);
    }
    onTab(target.sheetName, index);
    writeTab(sheet, tabs[index]!);
  });
  return plan;
}
