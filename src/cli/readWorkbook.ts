/**
 * Reads every tab of an .xlsx workbook into engine grids (sheet row 1 = grid row 0), with clear errors
 * for files that are not .xlsx workbooks. The sheets are scanned as streams straight from the zip, so
 * only the cells a sheet uses cost memory, and each sheet is cut down to its table (see sheetTable).
 */
import { readFileSync } from 'node:fs';
import type { DateSystem, TabData } from '../core';
import { currencyOfFormat } from '../core/values/currencyMarks';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';
import { ZipArchive } from './xlsx/zipArchive';
import { readWorkbookParts } from './xlsx/workbookParts';
import type { WorkbookParts } from './xlsx/workbookParts';
import { scanSheet } from './xlsx/scanSheet';
import { sheetTable } from './xlsx/sheetTable';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** True when the bytes look like a zip container (an .xlsx), whatever the file is called. */
export const looksLikeXlsx = (bytes: Buffer): boolean => startsWith(bytes, ZIP_MAGIC);

/** One tab as read: its table's grid and what reading it found. */
export interface WorkbookTab extends TabData {
  grid: TabData['grid'];
  firstRow: number;
  firstCol: number;
  /** The workbook's date system (1904 for workbooks made by older Mac Excel). */
  dateSystem: DateSystem;
  /** Rows of the table hidden in the workbook; they are read like the others. */
  hiddenRows: number;
  /** Cells far from the table, left out: how many, and the first few by address. */
  leftOut: { count: number; examples: string[] };
  /** The number format code of the cell at grid row r, grid column c ("General" for most cells). */
  numberFormat(r: number, c: number): string;
}

/** The message for a file that is a spreadsheet, but not one this reader opens. */
export const OTHER_FORMATS = {
  xls: (file: string): string => `"${file}" is an old-format .xls workbook (or a password-protected one). Save it as .xlsx or CSV and try again.`,
  ods: (file: string): string => `"${file}" is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), not an Excel workbook. Save it as .xlsx or export it as CSV, and try again.`,
  numbers: (file: string): string => `"${file}" is an Apple Numbers document. In Numbers, choose File > Export To > Excel (or CSV), and give that file.`,
};

/** Says which other spreadsheet format a zip holds, if it is one (an .ods names its type in "mimetype"; Numbers keeps its tables under Index/). */
function otherFormat(zip: ZipArchive, file: string): string | null {
  const mimetype = zip.has('mimetype') ? zip.text('mimetype') ?? '' : '';
  if (mimetype.includes('opendocument')) return OTHER_FORMATS.ods(file);
  if (zip.names().some((name) => name.startsWith('Index/') && name.endsWith('.iwa'))) return OTHER_FORMATS.numbers(file);
  return null;
}

const damaged = (file: string): CliError =>
  new CliError(`"${file}" could not be opened as an Excel workbook: the file is damaged or is not an .xlsx. Save it again from Excel, or export it as CSV.`);

async function readTab(zip: ZipArchive, parts: WorkbookParts, name: string, path: string, file: string): Promise<WorkbookTab> {
  const chunks = zip.stream(path);
  if (chunks === null) throw damaged(file);
  let table;
  try {
    table = sheetTable(await scanSheet(chunks, parts), (style) => parts.styleShowsCurrency[style] === true ? parts.styleFormats[style] ?? null : null);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw damaged(file);
  }
  const { grid, firstRow, firstCol, hiddenRows, leftOut, styleAt, numberFormats } = table;
  return {
    name, grid, firstRow, firstCol, dateSystem: parts.dateSystem, hiddenRows, leftOut, ...(numberFormats ? { numberFormats } : {}),
    numberFormat: (r, c) => parts.styleFormats[styleAt(r, c)] ?? 'General',
  };
}

/** Reads `file` as an .xlsx workbook: its tabs in workbook order, each as a grid starting at A1. */
export async function readWorkbook(file: string): Promise<WorkbookTab[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new CliError(OTHER_FORMATS.xls(file));
  if (!looksLikeXlsx(bytes)) {
    throw new CliError(`"${file}" is not an Excel workbook (.xlsx). Give an .xlsx workbook or a .csv export.`);
  }
  let zip: ZipArchive;
  let parts: WorkbookParts;
  try {
    zip = new ZipArchive(bytes);
  } catch {
    throw damaged(file);
  }
  const other = otherFormat(zip, file);
  if (other !== null) throw new CliError(other);
  try {
    parts = readWorkbookParts(zip);
  } catch {
    throw damaged(file);
  }
  // Which styles show a currency ("[$€-407] #,##0.00"): the engine reads that currency for their numbers (SPEC 5).
  parts.styleShowsCurrency = parts.styleFormats.map((format) => {
    const c = currencyOfFormat(format);
    return c.code !== null || c.mark !== null;
  });
  const tabs: WorkbookTab[] = [];
  for (const sheet of parts.sheets) tabs.push(await readTab(zip, parts, sheet.name, sheet.path, file));
  if (tabs.length === 0) throw new CliError(`"${file}" has no worksheets.`);
  return tabs;
}
