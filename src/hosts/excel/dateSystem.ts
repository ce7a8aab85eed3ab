/**
 * Excel's 1904 date system: a workbook made on an old Mac counts days from 1904-01-01, so its serial
 * numbers are 1,462 days smaller than the 1900 serials the engine reads. The add-in asks the
 * workbook (Workbook.use1904DateSystem, ExcelApi 1.16) and, for a 1904 workbook, moves the serials
 * in date columns to the 1900 system before the engine sees them. Where the API is missing it reads
 * dates in the 1900 system and says so once on the console.
 */
import type { Cell } from '../../core/types';
import type { MappingInput } from '../../core/types';
import { detectTable } from '../../core/table/detectTable';
import type { ExcelRun } from './excelRun';

/** Days between 1900-01-01 and 1904-01-01 as Excel counts them. */
export const DAYS_1900_TO_1904 = 1462;

/** Whether the host supports a requirement set (Office.context.requirements.isSetSupported). */
export type IsSetSupported = (set: string, version: string) => boolean;

/** The note given when the workbook cannot say which date system it uses. */
export const DATE_SYSTEM_UNKNOWN = 'Partner Attribution: this version of Excel does not report the workbook\'s date system '
  + '(Workbook.use1904DateSystem needs ExcelApi 1.16), so dates are read in the 1900 system. If File > Options > Advanced > '
  + '"Use 1904 date system" is ticked for this workbook, dates will be four years early.';

/** The running host's isSetSupported (false outside Office). */
export const officeSupports: IsSetSupported = (set, version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.(set, version) ?? false;
};

let warned = false;

/** True when the workbook uses the 1904 date system; false (with a console note) where Excel cannot say. */
export async function uses1904DateSystem(run: ExcelRun, supports: IsSetSupported = officeSupports): Promise<boolean> {
  if (!supports('ExcelApi', '1.16')) {
    if (!warned) console.warn(DATE_SYSTEM_UNKNOWN);
    warned = true;
    return false;
  }
  return run(async (context) => {
    const workbook = context.workbook as Excel.Workbook & { use1904DateSystem: boolean };
    workbook.load('use1904DateSystem');
    await context.sync();
    return workbook.use1904DateSystem;
  });
}

const isDateHeader = (cell: Cell): boolean => typeof cell === 'string' && /date/i.test(cell);

/**
 * A 1904-system grid with its date columns moved to 1900 serials. For a deals table the date fields
 * come from the same header detection as the analysis; for another table (touches) every column whose
 * header says "date". Numbers elsewhere (amounts, weights) are left alone.
 */
export function shiftTo1900(grid: readonly (readonly Cell[])[], mapping: MappingInput = {}): Cell[][] {
  let headerIndex: number;
  let columns: number[];
  try {
    const table = detectTable(grid as Cell[][], mapping, 1, null);
    headerIndex = table.headerIndex;
    columns = [table.columns.created, table.columns.closeDate, table.columns.registrationDate].filter((c): c is number => c !== undefined);
  } catch {
    headerIndex = grid.findIndex((row) => row.some(isDateHeader));
    columns = headerIndex < 0 ? [] : grid[headerIndex]!.flatMap((cell, c) => (isDateHeader(cell) ? [c] : []));
  }
  const shift = new Set(columns);
  return grid.map((row, r) => (r <= headerIndex || !shift.size ? [...row]
    : row.map((cell, c) => (typeof cell === 'number' && shift.has(c) ? cell + DAYS_1900_TO_1904 : cell))));
}
