/** Converts one ExcelJS cell to the engine's Cell: formulas give their cached result, rich text and links their text, errors their code. */
import type ExcelJS from 'exceljs';
import type { Cell } from '../core';

/**
 * ExcelJS hands a date-time as a Date whose UTC parts are the wall-clock time in the sheet. The engine
 * reads a Date at exactly UTC midnight by its UTC parts (so date-only cells pass through unchanged) and
 * any other Date by its local parts, so a date with a time is rebuilt as the same wall-clock time locally.
 */
export function sheetDate(value: Date): Date {
  if (Number.isNaN(value.getTime())) return value;
  const isUtcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0
    && value.getUTCMilliseconds() === 0;
  if (isUtcMidnight) return value;
  return new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate(),
    value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds(), value.getUTCMilliseconds());
}

type Plain = string | number | boolean | Date;

/** The displayed value of an ExcelJS cell value ("" for blanks and shapes it does not know). */
function plainValue(value: ExcelJS.CellValue): Plain | '' {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return sheetDate(value);
  if (typeof value !== 'object') return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : plainValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object') return plainValue(text as ExcelJS.CellValue);
    return value.hyperlink;
  }
  return '';
}

/** The engine Cell for an ExcelJS cell; the covered cells of a merged range read as blank (the value lives at the master). */
export function excelCell(cell: ExcelJS.Cell): Cell {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return plainValue(cell.value);
}
