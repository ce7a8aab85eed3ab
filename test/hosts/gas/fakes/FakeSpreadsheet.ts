/** An in-memory Spreadsheet: sheets, developer metadata, toasts and the time zone, all calls counted. */
import { CallCounter, counted } from './CallCounter';
import { FakeSheet } from './FakeSheet';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './FakeDeveloperMetadata';
import type { MetadataPlace } from './FakeDeveloperMetadata';
import { FakeTextFinder } from './FakeTextFinder';

/** Google Sheets' limit: 10 million cells in a spreadsheet, over all its tabs. */
export const SHEETS_CELL_LIMIT = 10_000_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Used = 'getSheets' | 'getSheetByName' | 'insertSheet' | 'getNumSheets' | 'createDeveloperMetadataFinder'
  | 'getSpreadsheetTimeZone' | 'toast' | 'getActiveSheet' | 'createTextFinder' | 'deleteSheet';

export class FakeSpreadsheet implements Pick<Spreadsheet, Used> {
  readonly api: Spreadsheet;
  readonly sheets: FakeSheet[] = [];
  readonly metadata: FakeDeveloperMetadata[] = [];
  readonly toasts: string[] = [];
  active: FakeSheet | null = null;
  /** Computes a formula's value as it is entered (loadProject runs the PARTNER_ functions of Code.js). */
  evaluate?: (formula: string, sheet: FakeSheet) => string | number | boolean | Date | undefined;
  private inserted = 0;
  private failAt: number | null = null;
  private charts = 0;
  /** Range.copyTo into these tabs fails (the count says how many more times), as a quota or a closed window would. */
  private readonly copyFailures = new Map<string, number>();

  constructor(readonly counter = new CallCounter(), public timeZone = 'Etc/UTC') {
    this.api = counted(this, 'Spreadsheet', counter) as unknown as Spreadsheet;
  }

  // ---- test helpers (not counted) ----

  /** Adds a tab holding the given rows from A1, as a user would paste them. */
  addTab(name: string, rows: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name);
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, ...rows.map((r) => r.length));
    // The user's own cells: text they hold is text (an ID column imported as plain text keeps "00123").
    rows.forEach((row, r) => row.forEach((value, c) => sheet.enter(r, c, value, false)));
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  tab(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`test: no tab "${name}" (have ${this.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  }

  addMetadata(key: string, value: string | null, place: MetadataPlace): void {
    this.metadata.push(new FakeDeveloperMetadata(key, value, place, (m) => this.metadata.splice(this.metadata.indexOf(m), 1)));
  }

  /** Column markers move with inserted and deleted columns, as in Sheets; null drops the marker. */
  moveColumnMetadata(sheet: FakeSheet, move: (column: number) => number | null): void {
    for (const m of [...this.metadata]) {
      if (m.place.sheet !== sheet || m.place.column === null) continue;
      const to = move(m.place.column);
      if (to === null) this.metadata.splice(this.metadata.indexOf(m), 1);
      else m.place = { sheet, column: to };
    }
  }

  /** Makes the n-th insertSheet() from now (1-based) throw, as a quota or a closed window would. */
  failOnInsertSheet(n: number): void {
    this.failAt = this.inserted + n;
  }

  /**
   * Makes the next `times` Range.copyTo() calls whose destination is the tab `name` throw (Sheets'
   * "Service Spreadsheets timed out"): the refill of that tab fails, and with times 2 its restore too.
   */
  failOnCopyInto(name: string, times = 1): void {
    this.copyFailures.set(name, times);
  }

  /** Called by Range.copyTo before it copies: throws when a failure was asked for this destination. */
  checkCopyInto(sheet: FakeSheet): void {
    const left = this.copyFailures.get(sheet.name) ?? 0;
    if (left <= 0) return;
    this.copyFailures.set(sheet.name, left - 1);
    throw new Error('Service Spreadsheets timed out while accessing document with id.');
  }

  nextChartId(): number {
    this.charts += 1;
    return this.charts;
  }

  /** Cells in the spreadsheet over all tabs (Sheets counts the grid, blank cells included). */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** The most cells the spreadsheet held since the last resetPeak() (every growth goes through checkCells). */
  peakCells = 0;

  resetPeak(): void {
    this.peakCells = this.cellCount();
  }

  /** Throws as Sheets does when a change would take the spreadsheet past 10 million cells. */
  checkCells(extra: number): void {
    if (this.cellCount() + extra > SHEETS_CELL_LIMIT) {
      throw new Error('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    }
    this.peakCells = Math.max(this.peakCells, this.cellCount() + extra);
  }

  // ---- the Spreadsheet API ----

  getSheets(): Sheet[] { return this.sheets.map((s) => s.api); }

  getSheetByName(name: string): Sheet | null { return this.sheets.find((s) => s.name === name)?.api ?? null; }

  getNumSheets(): number { return this.sheets.length; }

  getActiveSheet(): Sheet {
    const sheet = this.active ?? this.sheets[0];
    if (!sheet) throw new Error('The spreadsheet has no sheets.');
    return sheet.api;
  }

  insertSheet(nameOrIndex?: unknown, index?: unknown): Sheet {
    this.inserted += 1;
    if (this.failAt === this.inserted) throw new Error('Service Spreadsheets timed out while accessing document with id.');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    this.checkCells(sheet.maxRows * sheet.maxColumns);
    const at = typeof index === 'number' ? index : this.sheets.length;
    if (at < 0 || at > this.sheets.length) throw new Error(`Invalid sheet index ${at}.`);
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet.api;
  }

  deleteSheet(sheet: Sheet): void {
    const at = this.sheets.findIndex((s) => s.api === sheet || s.name === sheet.getName());
    if (at < 0) throw new Error('The sheet does not exist.');
    if (this.sheets.length === 1) throw new Error('You can\'t remove all the sheets in a document.');
    const [gone] = this.sheets.splice(at, 1);
    for (let i = this.metadata.length - 1; i >= 0; i -= 1) if (this.metadata[i]!.place.sheet === gone) this.metadata.splice(i, 1);
    if (this.active === gone) this.active = this.sheets[0] ?? null;
    for (const other of this.sheets) other.renameReferences(gone!.name, null);
  }

  createTextFinder(text: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new FakeTextFinder(this, text).api;
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(() => [...this.metadata], this.counter).api;
  }

  getSpreadsheetTimeZone(): string { return this.timeZone; }

  toast(message: string, _title?: string, _timeoutSeconds?: number | null): void {
    this.toasts.push(message);
  }
}
