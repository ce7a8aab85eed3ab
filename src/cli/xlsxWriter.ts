/**
 * Lays the core's report tabs out in an .xlsx with ExcelJS's streaming writer (rows go to disk as they
 * are laid out, so a 100,000-deal report does not hold the whole workbook in memory): values at block
 * positions, number formats, bold shaded headers that wrap in a row tall enough for them, bold total
 * rows, block titles, frozen header rows and columns, an autofilter over each tab's main table, and a
 * landscape print setup one page wide that repeats the table's header rows on every page; then the charts.
 */
import type ExcelJS from 'exceljs';
import type { Cell, FormatName, ReportBlock, ReportTab } from '../core';
import { FORMATS } from '../core';
import { addCharts } from './xlsx/addCharts';
import { chartPlan } from './xlsx/chartPlan';

// Shared, never-mutated style objects: every cell of a kind points at the same one.
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  alignment: { vertical: 'middle', wrapText: true },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
/** Points per line of an 11-point header, and the padding Excel adds. */
const LINE_POINTS = 15;
const FORMAT_STYLES = Object.fromEntries(
  (Object.keys(FORMATS) as FormatName[]).map((name) => [name, { numFmt: FORMATS[name] } as Partial<ExcelJS.Style>]),
) as Record<FormatName, Partial<ExcelJS.Style>>;

/**
 * A report date as Excel stores it. The core's Dates are calendar days read like the engine reads them
 * (UTC parts at exactly UTC midnight, else local parts); ExcelJS writes a Date by its UTC parts.
 */
function excelDate(value: Date): Date {
  const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0
    && value.getUTCMilliseconds() === 0;
  if (utcMidnight) return value;
  return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate(), value.getHours(), value.getMinutes(), value.getSeconds()));
}

/** The value ExcelJS should store; strings stay plain strings (an .xlsx string cell is never a formula). */
function storedValue(value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : excelDate(value);
  return value;
}

/** Writes what `block` puts on 1-based sheet row `rowNumber` (its title, a header row or a data row). */
function fillRow(row: ExcelJS.Row, rowNumber: number, block: ReportBlock): void {
  if (block.title && rowNumber === block.row) {
    const cell = row.getCell(block.col + 1);
    cell.value = block.title;
    cell.style = TITLE_STYLE;
    return;
  }
  const index = rowNumber - block.row - 1;
  const values = block.values[index];
  if (!values) return;
  const isHeader = index < block.headerRows;
  const isTotal = index >= block.values.length - (block.totalRows ?? 0);
  values.forEach((value, j) => {
    const stored = storedValue(value);
    const format = block.formats[j];
    const numberStyle = format && format !== 'general' && typeof value !== 'string' ? FORMAT_STYLES[format] : null;
    const style = isHeader ? HEADER_STYLE : isTotal ? totalStyle(format) : numberStyle;
    if (stored === null && !style) return;
    const cell = row.getCell(block.col + j + 1);
    cell.value = stored;
    if (style) cell.style = style;
  });
}

const TOTAL_STYLES = new Map<FormatName | undefined, Partial<ExcelJS.Style>>();
/** A total row's cell: bold, a rule above, its number format kept. */
const totalStyle = (format: FormatName | undefined): Partial<ExcelJS.Style> => {
  let style = TOTAL_STYLES.get(format);
  if (!style) {
    style = { font: { bold: true }, border: { top: { style: 'thin' } }, ...(format && format !== 'general' ? { numFmt: FORMATS[format] } : {}) };
    TOTAL_STYLES.set(format, style);
  }
  return style;
};

/** A header row's height in points: enough lines for its longest label wrapped at its column's width. */
export function headerRowHeight(labels: readonly Cell[], col: number, widths: readonly number[]): number {
  let lines = 1;
  labels.forEach((label, j) => {
    if (typeof label !== 'string' || label === '') return;
    const width = Math.max(4, (widths[col + j] ?? 9) - 1);
    // Words wrap whole: count lines word by word, as the spreadsheet does.
    let n = 1, used = 0;
    for (const word of label.split(/\s+/)) {
      if (used > 0 && used + 1 + word.length > width) { n++; used = word.length; } else used += (used > 0 ? 1 : 0) + word.length;
    }
    lines = Math.max(lines, n);
  });
  return lines * LINE_POINTS + 3;
}

/** "A1:P1200" for 0-based (row, col) to (lastRow, lastCol), inclusive. */
const columnName = (col: number): string => {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
};

/** The tab's filter range (its filter block's header and data rows, not its total rows), or null. */
function filterRange(tab: ReportTab): { from: { row: number; column: number }; to: { row: number; column: number } } | null {
  const block = tab.filterBlock === undefined ? undefined : tab.blocks[tab.filterBlock];
  if (!block || block.values.length === 0) return null;
  const width = block.values.reduce((max, row) => Math.max(max, row.length), 0);
  const last = block.row + block.values.length - (block.totalRows ?? 0);
  return { from: { row: block.row + 1, column: block.col + 1 }, to: { row: last, column: block.col + width } };
}

/** First and last 1-based sheet rows a block touches (its title sits one row above it). */
const rowSpan = (block: ReportBlock): [number, number] =>
  [block.title && block.row >= 1 ? block.row : block.row + 1, block.row + block.values.length];

async function writeTab(workbook: ExcelJS.stream.xlsx.WorkbookWriter, tab: ReportTab): Promise<void> {
  const frozenColumns = tab.frozenColumns ?? 0;
  const filter = filterRange(tab);
  const titleRows = filter ? `${filter.from.row}:${filter.from.row}` : tab.frozenRows > 0 ? `1:${tab.frozenRows}` : undefined;
  const sheet = workbook.addWorksheet(tab.name.slice(0, 31), {
    views: tab.frozenRows > 0 || frozenColumns > 0 ? [{ state: 'frozen', ySplit: tab.frozenRows, xSplit: frozenColumns }] : [],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(titleRows ? { printTitlesRow: titleRows } : {}) },
    ...(filter ? { autoFilter: `${columnName(filter.from.column - 1)}${filter.from.row}:${columnName(filter.to.column - 1)}${filter.to.row}` } : {}),
  });
  sheet.columns = tab.columnWidths.map((width) => (width > 0 ? { width } : {}));
  const spans = tab.blocks.map((block) => ({ block, span: rowSpan(block) }));
  const last = Math.max(0, ...spans.map((s) => s.span[1]));
  // Rows in increasing order, as the streaming writer needs; blocks may sit side by side.
  for (let r = 1; r <= last; r++) {
    const covering = spans.filter(({ span }) => span[0] <= r && r <= span[1]);
    if (covering.length === 0) continue;
    const row = sheet.getRow(r);
    for (const { block } of covering) fillRow(row, r, block);
    const headerOf = covering.find(({ block }) => r > block.row && r <= block.row + block.headerRows);
    if (headerOf) row.height = Math.max(...covering.filter(({ block }) => r > block.row && r <= block.row + block.headerRows)
      .map(({ block }) => headerRowHeight(block.values[r - block.row - 1] ?? [], block.col, tab.columnWidths)));
    row.commit();
  }
  await sheet.commit();
}

/** Writes the workbook for `tabs` to `file` (the caller passes a temp path and renames it when done). */
export async function xlsxWriter(tabs: readonly ReportTab[], file: string): Promise<void> {
  // Loaded when a workbook is written: requiring ExcelJS takes about half a second, which a --json run need not pay.
  const excel = (await import('exceljs')).default;
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Partner Attribution';
  // A workbook view: without one LibreOffice ignores every sheet's frozen panes.
  workbook.views = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const filters: { name: string; localSheetId: number; ranges: string[] }[] = [];
  for (const [index, tab] of tabs.entries()) {
    await writeTab(workbook, tab);
    const range = filterRange(tab);
    if (range) {
      const sheet = `'${tab.name.slice(0, 31).replace(/'/g, "''")}'`;
      const ref = `$${columnName(range.from.column - 1)}$${range.from.row}:$${columnName(range.to.column - 1)}$${range.to.row}`;
      filters.push({ name: '_xlnm._FilterDatabase', localSheetId: index, ranges: [`${sheet}!${ref}`] });
    }
  }
  // Excel and LibreOffice find a sheet's autofilter range by its _FilterDatabase name (LibreOffice drops
  // the filter without it); ExcelJS's stream writer has no way to add a sheet-scoped name, so the names
  // it would write (none) are replaced by these.
  Object.defineProperty(workbook.definedNames, 'model', { get: () => filters });
  await workbook.commit();
  // ExcelJS cannot write charts: they are added to the finished package.
  await addCharts(file, chartPlan(tabs));
}
