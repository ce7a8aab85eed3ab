/** Reads every tab of an .xlsx workbook into engine grids (sheet row 1 = grid row 0), with clear errors for files that are not workbooks. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell, TabData } from '../core';
import { currencyOfFormat } from '../core/values/currencyMarks';
import { CliError } from './CliError';
import { excelCell } from './excelCell';
import { fileProblem } from './fileProblem';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** True when the bytes look like a zip container (an .xlsx), whatever the file is called. */
export const looksLikeXlsx = (bytes: Buffer): boolean => startsWith(bytes, ZIP_MAGIC);

/** Whether a number format shows a currency, cached per format text (a workbook has few). */
function currencyFormatTest(): (format: string) => boolean {
  const cache = new Map<string, boolean>();
  return (format) => {
    let shows = cache.get(format);
    if (shows === undefined) {
      const c = currencyOfFormat(format);
      shows = c.code !== null || c.mark !== null;
      cache.set(format, shows);
    }
    return shows;
  };
}

/**
 * One worksheet as a rectangular grid from A1 to its last used cell; blanks are "". `formats` gets
 * the number format of each number whose format shows a currency ("[$€-407] #,##0.00"), at the
 * same row and column, so the engine can read that currency.
 */
function sheetGrid(sheet: ExcelJS.Worksheet, formats: (string[] | undefined)[]): Cell[][] {
  const showsCurrency = currencyFormatTest();
  const rows: Cell[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = excelCell(cell);
      if (value === '' || value === null || value === undefined) return;
      while (cells.length < colNumber - 1) cells.push('');
      cells[colNumber - 1] = value;
      const format = typeof value === 'number' ? cell.numFmt : undefined;
      if (format && showsCurrency(format)) (formats[rowNumber - 1] ??= [])[colNumber - 1] = format;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  for (const row of rows) while (row.length < width) row.push('');
  return rows;
}

/** Reads `file` as an .xlsx workbook: its tabs in workbook order, each as a grid starting at A1. */
export async function readWorkbook(file: string): Promise<TabData[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new CliError(`"${file}" is an old-format .xls workbook (or a password-protected one). Save it as .xlsx or CSV and try again.`);
  }
  if (!looksLikeXlsx(bytes)) {
    throw new CliError(`"${file}" is not an Excel workbook (.xlsx). Give an .xlsx workbook or a .csv export.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CliError(`"${file}" could not be opened as an Excel workbook: the file is damaged or is not an .xlsx. Save it again from Excel, or export it as CSV.`);
  }
  const tabs = workbook.worksheets.map((sheet): TabData => {
    const numberFormats: (string[] | undefined)[] = [];
    const grid = sheetGrid(sheet, numberFormats);
    return { name: sheet.name, grid, firstRow: 1, firstCol: 0, ...(numberFormats.length > 0 ? { numberFormats } : {}) };
  });
  if (tabs.length === 0) throw new CliError(`"${file}" has no worksheets.`);
  return tabs;
}
