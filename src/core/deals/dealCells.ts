/**
 * Cell conversion for the deal reader (SPEC 2.3): text, partner ids, dates and booleans from one
 * row's cells, each bad value logged to the issue log the caller passes in.
 */
import type { Cell, DateSystem } from '../types';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { cellText } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseBoolean } from '../values/parseBoolean';
import { parseDate, serialDay, dateHint, isoDay } from '../values/parseDate';

/** Shared by every deal without partners in a column; never mutated. */
export const NO_PARTNERS: number[] = Object.freeze([]) as unknown as number[];

/** Date texts remembered per column. */
const MAX_DATE_TEXTS = 20_000;

/** What converting cells needs to know about the table, decided once per file. */
export interface DealCellSetup {
  headers: readonly string[];
  registry: PartnerRegistry;
  dateSystem: DateSystem;
  /** Each date column's order. */
  orderOf: (column: number) => 'MDY' | 'DMY';
  /** The Influencing Partners column (-1 when absent): its cells are lists. */
  influencersColumn: number;
  /** Cell text -> partner names from the row scan, for single-partner columns and for the list column. */
  splitNames: ReadonlyMap<string, readonly string[]>;
  listSplitNames: ReadonlyMap<string, readonly string[]>;
}

/**
 * Converts a row's cells. Column -1 stands for an absent column. Small fast paths (empty cells,
 * texts seen before) are kept short so the compiler inlines them; `read` runs a million times
 * with sixteen of these each.
 */
export class DealCells {
  private readonly idsCache = new Map<string, number[]>();
  private readonly listIdsCache = new Map<string, number[]>();
  /** Per date column, text -> the day it was read as (a file's dates repeat: a few thousand days in a million rows). */
  private readonly daysByText: (Map<string, number> | undefined)[] = [];

  constructor(private readonly setup: DealCellSetup) {}

  private headerAt(c: number): string { return this.setup.headers[c] ?? ''; }

  /** The partners a cell names, as registry ids (a shared frozen list; NO_PARTNERS when none). */
  partnerIds(cells: readonly Cell[], c: number, row: number, log: IssueLog): number[] {
    const cell = c < 0 ? undefined : cells[c];
    if (cell === '' || cell === undefined || cell === null) return NO_PARTNERS;
    return (typeof cell === 'string' && cell.charCodeAt(0) !== 35 ? (c === this.setup.influencersColumn ? this.listIdsCache : this.idsCache).get(cell) : undefined)
      ?? this.partnerIdsOf(cell, c, row, log);
  }

  /** A cell as trimmed text ("" for blanks; a spreadsheet error is logged and reads as ""). */
  text(cells: readonly Cell[], c: number, row: number, log: IssueLog): string {
    const cell = c < 0 ? undefined : cells[c];
    if (cell === '' || cell === undefined || cell === null) return '';
    return typeof cell === 'string' && cell.charCodeAt(0) !== 35 ? cell.trim() : this.textOfCell(cell, c, row, log);
  }

  private partnerIdsOf(cell: Cell, c: number, row: number, log: IssueLog): number[] {
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, this.headerAt(c), cellText(cell), { effect: 'Treated as no partner.' });
      return NO_PARTNERS;
    }
    const { influencersColumn, registry } = this.setup;
    const text = typeof cell === 'string' ? cell.trim() : cellText(cell);
    const cache = c === influencersColumn ? this.listIdsCache : this.idsCache;
    let ids = cache.get(text);
    if (ids === undefined) {
      ids = [];
      for (const name of (c === influencersColumn ? this.setup.listSplitNames : this.setup.splitNames).get(text) ?? []) {
        if (isSpreadsheetError(name)) continue;
        const id = registry.find(name);
        if (id >= 0 && !ids.includes(id)) ids.push(id);
      }
      ids = ids.length > 0 ? Object.freeze(ids) as number[] : NO_PARTNERS;
      cache.set(text, ids);
    }
    return ids;
  }

  private textOfCell(cell: Cell, c: number, row: number, log: IssueLog): string {
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, this.headerAt(c), cellText(cell));
      return '';
    }
    return typeof cell === 'string' ? cell.trim() : cellText(cell);
  }

  /** A date cell as a day number; null when blank or unreadable (logged). */
  date(cells: readonly Cell[], c: number, row: number, log: IssueLog): number | null {
    const cell = c < 0 ? undefined : cells[c];
    if (cell === undefined || cell === null || cell === '') return null;
    const { dateSystem } = this.setup;
    if (typeof cell === 'number') {
      const day = serialDay(cell, dateSystem);
      if (day !== null) return day;
    }
    if (typeof cell === 'string') {
      const iso = isoDay(cell); // most date text: "2024-03-01"
      if (iso !== null) return iso;
      const known = this.daysByText[c]?.get(cell);
      if (known !== undefined) return known;
    }
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, this.headerAt(c), cellText(cell));
      return null;
    }
    const day = parseDate(cell, this.setup.orderOf(c), dateSystem);
    if (day === undefined) {
      log.add('DATE_INVALID', row, this.headerAt(c), cellText(cell), { hint: dateHint(cell) });
      return null;
    }
    if (typeof cell === 'string' && day !== null) this.rememberDay(c, cell, day);
    return day;
  }

  /** Keeps a date text's day for the column, up to MAX_DATE_TEXTS texts (dates with times rarely repeat). */
  private rememberDay(c: number, text: string, day: number): void {
    let days = this.daysByText[c];
    if (days === undefined) this.daysByText[c] = days = new Map();
    if (days.size < MAX_DATE_TEXTS) days.set(text, day);
  }

  /** A boolean cell; null when unreadable (logged). */
  bool(cells: readonly Cell[], c: number, row: number, log: IssueLog): boolean | null {
    const cell = c < 0 ? undefined : cells[c];
    if (isSpreadsheetError(cell)) { log.add('CELL_ERROR', row, this.headerAt(c), cellText(cell)); return null; }
    const value = parseBoolean(cell);
    if (value === undefined) { log.add('BOOLEAN_INVALID', row, this.headerAt(c), cellText(cell)); return null; }
    return value;
  }
}
