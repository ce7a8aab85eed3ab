/** Spreadsheet error values (SPEC 2.3): missing values that are also data issues. */

const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!',
  '#GETTING_DATA', '#ERROR!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** True when the cell holds a spreadsheet error such as #N/A or #REF!. */
export const isSpreadsheetError = (cell: unknown): boolean =>
  typeof cell === 'string' && cell.length > 1 && cell.charCodeAt(0) === 35 /* # */ && ERRORS.has(cell.trim().toUpperCase());
