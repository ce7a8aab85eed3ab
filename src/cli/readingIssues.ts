/** What reading the files found (a guessed encoding, undecodable bytes, removed control characters), as data issues on the rows where it was found. */
import type { AnalysisSummary, DataIssue, Grid } from '../core';
import { IssueLog, columnLetter } from '../core';
import type { CellNote } from './cleanGrid';
import type { DecodedText } from './decodeText';

/** One table as read from a file, with what its reading found. */
export interface TableReading {
  /** The file (and tab) it came from, as the console names it. */
  source: string;
  grid: Grid;
  /** Sheet row number of grid row 0. */
  firstRow: number;
  /** The delimiter a CSV was read with (absent for a workbook tab). */
  delimiter?: string;
  /** How a CSV was decoded (absent for a workbook tab). */
  decoded?: Omit<DecodedText, 'text'>;
  notes: CellNote[];
  /** For a workbook tab: rows hidden in Excel (read like the others) and cells far from the table (left out). */
  sheet?: { hiddenRows: number; leftOut: { count: number; examples: string[] } };
}

/** Cell issues listed per file; past this, one line counts the rest (a file full of them needs one fix, not a million rows). */
const MAX_LISTED = 50;

const headerAt = (grid: Grid, headerIndex: number, col: number): string => {
  const cell = grid[headerIndex]?.[col];
  return typeof cell === 'string' && cell.trim() !== '' ? cell.trim() : `column ${columnLetter(col)}`;
};

/**
 * The issues for one table. `headerIndex` is the grid row of its header (the detected one for the
 * deals table, else the first row), so each cell issue names its column as the user sees it.
 */
export function readingIssues(reading: TableReading, headerIndex: number): DataIssue[] {
  const log = new IssueLog();
  const { decoded } = reading;
  if (decoded?.basis === 'guess') {
    log.add('FILE_ENCODING_GUESSED', null, '', reading.source, {
      encoding: decoded.encoding,
      why: decoded.encoding.startsWith('UTF-16') ? ' (no byte-order mark)' : ' and is not UTF-8',
    });
  }
  const sheet = reading.sheet;
  if (sheet && sheet.hiddenRows > 0) log.add('XLSX_HIDDEN_ROWS', null, '', reading.source, { count: String(sheet.hiddenRows) });
  if (sheet && sheet.leftOut.count > 0) {
    const more = sheet.leftOut.count - sheet.leftOut.examples.length;
    log.add('XLSX_CELLS_LEFT_OUT', null, '', reading.source, {
      count: String(sheet.leftOut.count), examples: sheet.leftOut.examples.join(', ') + (more > 0 ? ` and ${more} more` : ''),
    });
  }
  const encoding = decoded?.encoding ?? 'text';
  reading.notes.slice(0, MAX_LISTED).forEach((note: CellNote) => {
    const column = note.gridRow === headerIndex ? '' : headerAt(reading.grid, headerIndex, note.col);
    const row = reading.firstRow + note.gridRow;
    if (note.kind === 'invalid') log.add('TEXT_INVALID_BYTES', row, column, note.text, { encoding });
    else log.add('TEXT_CONTROL_CHARS', row, column, note.text, { names: note.removed.join(', ') });
  });
  if (reading.notes.length > MAX_LISTED) {
    log.add('TEXT_MORE_CELLS', null, '', reading.source, { count: String(reading.notes.length - MAX_LISTED), shown: String(MAX_LISTED) });
  }
  return log.issues;
}

/**
 * Adds what reading found to the summary's issues (kept in row order, as the engine sorts them), so
 * the console, the Data Issues tab and the JSON all list it. `dealsHeaderIndex` is the detected header row.
 */
export function addReadingIssues(summary: AnalysisSummary, readings: readonly (TableReading | undefined)[], dealsHeaderIndex: number): void {
  const found = readings.flatMap((reading, i) => (reading ? readingIssues(reading, i === 0 ? dealsHeaderIndex : 0) : []));
  if (found.length === 0) return;
  summary.issues.push(...found);
  summary.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
