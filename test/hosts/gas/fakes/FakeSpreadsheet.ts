/** An in-memory Spreadsheet: sheets, developer metadata, toasts and the time zone, all calls counted. */
import { CallCounter, counted } from './CallCounter';
import { FakeSheet } from './FakeSheet';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './FakeDeveloperMetadata';
import type { MetadataPlace } from './FakeDeveloperMetadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Used = 'getSheets' | 'getSheetByName' | 'insertSheet' | 'getNumSheets' | 'createDeveloperMetadataFinder'
  | 'getSpreadsheetTimeZone' | 'toast' | 'getActiveSheet';

export class FakeSpreadsheet implements Pick<Spreadsheet, Used> {
  readonly api: Spreadsheet;
  readonly sheets: FakeSheet[] = [];
  readonly metadata: FakeDeveloperMetadata[] = [];
  readonly toasts: string[] = [];
  active: FakeSheet | null = null;

  constructor(readonly counter = new CallCounter(), public timeZone = 'Etc/UTC') {
    this.api = counted(this, 'Spreadsheet', counter) as unknown as Spreadsheet;
  }

  // ---- test helpers (not counted) ----

  /** Adds a tab holding the given rows from A1, as a user would paste them. */
  addTab(name: string, rows: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name);
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, ...rows.map((r) => r.length));
    rows.forEach((row, r) => row.forEach((value, c) => sheet.enter(r, c, value)));
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
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    const at = typeof index === 'number' ? index : this.sheets.length;
    if (at < 0 || at > this.sheets.length) throw new Error(`Invalid sheet index ${at}.`);
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet.api;
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(() => [...this.metadata], this.counter).api;
  }

  getSpreadsheetTimeZone(): string { return this.timeZone; }

  toast(message: string, _title?: string, _timeoutSeconds?: number | null): void {
    this.toasts.push(message);
  }
}
