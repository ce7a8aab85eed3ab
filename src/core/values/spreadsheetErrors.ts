/** Spreadsheet error values (SPEC 2.3): missing values that are also data issues. */

/**
 * What a file reader hands over for a formula cell whose file holds no calculated result (a workbook
 * written by a tool and never opened in Excel): a missing value like an error, with its own message.
 */
export const NOT_CALCULATED = '#NOT_CALCULATED!';

const ERRORS = new Set([NOT_CALCULATED, '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!',
  '#GETTING_DATA', '#ERROR!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** True when the cell holds a spreadsheet error such as #N/A or #REF!. */
export const isSpreadsheetError = (cell: unknown): boolean =>
  typeof cell === 'string' && cell.length > 1 && cell.charCodeAt(0) === 35 /* # */ && ERRORS.has(cell.trim().toUpperCase());
