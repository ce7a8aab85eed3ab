/** Prepares a read worksheet for the engine: the add-in's own classification columns are taken out of the data. */
import type { Cell } from '../../core/types';
import { CLASSIFICATION_HEADERS } from '../../core/service/sidebarService';
import type { SheetData } from './workbookReader';

/** A data sheet ready to analyze, and where the classification columns go. */
export interface PreparedSheet {
  sheet: SheetData;
  /** The grid with the add-in's columns blanked, so they never feed the analysis. */
  grid: Cell[][];
  /** 0-based sheet column for the classification columns. */
  column: number;
}

const HEADER_SEARCH_ROWS = 10;

/** True when the marker's columns still carry the add-in's three headers (a user may have reused them). */
const ownsColumns = (sheet: SheetData, column: number): boolean => {
  const offset = column - (sheet.firstCol ?? 0);
  if (offset < 0) return false;
  return sheet.grid.slice(0, HEADER_SEARCH_ROWS).some((row) => CLASSIFICATION_HEADERS.every((header, i) => row[offset + i] === header));
};

/** The sheet with its owned columns blanked (when verified) and the column to write to. */
export function prepareDataSheet(sheet: SheetData): PreparedSheet {
  const owned = sheet.ownedColumn !== null && ownsColumns(sheet, sheet.ownedColumn) ? sheet.ownedColumn : null;
  if (owned === null) return { sheet, grid: sheet.grid.map((row) => [...row]), column: sheet.nextFreeColumn };
  const offset = owned - (sheet.firstCol ?? 0);
  const grid = sheet.grid.map((row) => row.map((cell, c) => (c >= offset && c < offset + CLASSIFICATION_HEADERS.length ? '' : cell)));
  return { sheet, grid, column: owned };
}
