/**
 * Lays the core's report tabs out in an .xlsx with ExcelJS's streaming writer (rows go to disk as they
 * are laid out, so a 100,000-deal report does not hold the whole workbook in memory): values at block
 * positions, number formats, bold shaded headers, block titles, frozen header rows and column widths.
 * ExcelJS cannot write charts, so the command line's workbook has none (the Sheets and Excel add-ins add them).
 */
import ExcelJS from 'exceljs';
import type { Cell, FormatName, ReportBlock, ReportTab } from '../core';
import { FORMATS } from '../core';

// Shared, never-mutated style objects: every cell of a kind points at the same one.
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  alignment: { vertical: 'middle', wrapText: true },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
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
  values.forEach((value, j) => {
    const stored = storedValue(value);
    const format = block.formats[j];
    const style = isHeader ? HEADER_STYLE : format && format !== 'general' && typeof value !== 'string' ? FORMAT_STYLES[format] : null;
    if (stored === null && !style) return;
    const cell = row.getCell(block.col + j + 1);
    cell.value = stored;
    if (style) cell.style = style;
  });
}

/** First and last 1-based sheet rows a block touches (its title sits one row above it). */
const rowSpan = (block: ReportBlock): [number, number] =>
  [block.title && block.row >= 1 ? block.row : block.row + 1, block.row + block.values.length];

async function writeTab(workbook: ExcelJS.stream.xlsx.WorkbookWriter, tab: ReportTab): Promise<void> {
  const sheet = workbook.addWorksheet(tab.name.slice(0, 31), {
    views: tab.frozenRows > 0 ? [{ state: 'frozen', ySplit: tab.frozenRows, xSplit: 0 }] : [],
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
    row.commit();
  }
  await sheet.commit();
}

/** Writes the workbook for `tabs` to `file` (the caller passes a temp path and renames it when done). */
export async function xlsxWriter(tabs: readonly ReportTab[], file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Partner Attribution';
  for (const tab of tabs) await writeTab(workbook, tab);
  await workbook.commit();
}
