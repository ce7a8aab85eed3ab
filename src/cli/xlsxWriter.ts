/**
 * Lays the core's report tabs out in an .xlsx with ExcelJS: values at block positions, number formats,
 * bold shaded headers, block titles, frozen header rows and column widths. ExcelJS cannot write charts,
 * so the command line's workbook has none (the Sheets and Excel add-ins add them).
 */
import ExcelJS from 'exceljs';
import type { Cell, ReportBlock, ReportTab } from '../core';
import { FORMATS } from '../core';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };

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

function writeBlock(sheet: ExcelJS.Worksheet, block: ReportBlock): void {
  if (block.title && block.row >= 1) {
    // One row above the block: 0-based row - 1 is 1-based row `block.row`.
    const titleCell = sheet.getCell(block.row, block.col + 1);
    titleCell.value = block.title;
    titleCell.font = { bold: true, size: 12 };
  }
  block.values.forEach((values, i) => {
    const isHeader = i < block.headerRows;
    values.forEach((value, j) => {
      const cell = sheet.getCell(block.row + i + 1, block.col + j + 1);
      cell.value = storedValue(value);
      if (isHeader) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = HEADER_BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true };
        return;
      }
      const format = block.formats[j];
      if (format && format !== 'general' && typeof value !== 'string') cell.numFmt = FORMATS[format];
    });
  });
}

/** Builds the workbook for `tabs` and returns its bytes (the caller writes them atomically). */
export async function xlsxWriter(tabs: readonly ReportTab[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Partner Attribution';
  for (const tab of tabs) {
    const sheet = workbook.addWorksheet(tab.name.slice(0, 31));
    for (const block of tab.blocks) writeBlock(sheet, block);
    tab.columnWidths.forEach((width, i) => {
      if (width > 0) sheet.getColumn(i + 1).width = width;
    });
    if (tab.frozenRows > 0) sheet.views = [{ state: 'frozen', ySplit: tab.frozenRows, xSplit: 0 }];
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
