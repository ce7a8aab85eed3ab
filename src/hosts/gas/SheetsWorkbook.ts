/** The Workbook port over SpreadsheetApp: reads used ranges once, writes through the tab and classification writers. */
import type { Cell, Grid, OverrideAppend, ReportTab, TabData } from '../../core/index';
import { FORMATS, OVERRIDES_TAB, literalText } from '../../core/index';
import type { WrittenTabs } from './tabWriter';
import type { Workbook } from './Workbook';
import type { Ownership } from './ownership';
import { findOwnership } from './ownership';
import { writeReportTabs } from './tabWriter';
import { placeClassification, writeClassification } from './classifyWriter';
import type { DayOfDate } from './toCalendarCells';
import { spreadsheetDays, toCalendarCellsInPlace } from './toCalendarCells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TOAST_TITLE = 'Partner Attribution';

export class SheetsWorkbook implements Workbook {
  private ownershipCache: Ownership | null = null;
  private dayCache: DayOfDate | null = null;
  private readonly sheets = new Map<string, Sheet>();
  private readonly grids = new Map<string, Cell[][]>();

  constructor(private readonly spreadsheet: Spreadsheet) {}

  /** The workbook of the spreadsheet the add-on runs in. */
  static active(): SheetsWorkbook {
    return new SheetsWorkbook(SpreadsheetApp.getActive());
  }

  private ownership(): Ownership {
    if (!this.ownershipCache) this.ownershipCache = findOwnership(this.spreadsheet);
    return this.ownershipCache;
  }

  private day(): DayOfDate {
    if (!this.dayCache) this.dayCache = spreadsheetDays(this.spreadsheet.getSpreadsheetTimeZone());
    return this.dayCache;
  }

  private ownedColumns(tab: string) {
    return this.ownership().columns.filter((c) => c.sheetName === tab);
  }

  /** One read of the tab's used range, with the add-on's own columns blanked so the engine never reads them as data. */
  private read(name: string): Cell[][] {
    const cached = this.grids.get(name);
    if (cached) return cached;
    const sheet = this.sheets.get(name) ?? this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`There is no tab named "${name}".`);
    const grid = toCalendarCellsInPlace(sheet.getDataRange().getValues(), this.day());
    for (const owned of this.ownedColumns(name)) {
      for (const row of grid) if (owned.column - 1 < row.length) row[owned.column - 1] = '';
    }
    this.grids.set(name, grid);
    return grid;
  }

  dataTabs(): TabData[] {
    // The report tabs, and backups of them (a kept "Partner Summary (previous)"), are never read as deals.
    const reportSheets = new Set([...this.ownership().tabs, ...this.ownership().backups].map((t) => t.name));
    const tabs: TabData[] = [];
    for (const sheet of this.spreadsheet.getSheets()) {
      const name = sheet.getName();
      if (reportSheets.has(name)) continue;
      this.sheets.set(name, sheet);
      const read = () => this.read(name);
      tabs.push({ name, firstRow: 1, firstCol: 0, get grid(): Grid { return read(); } });
    }
    return tabs;
  }

  writeReportTabs(tabs: readonly ReportTab[], onTab?: (name: string, index: number) => void): WrittenTabs {
    return writeReportTabs(this.spreadsheet, tabs, this.ownership().tabs, onTab, this.ownership().backups);
  }

  writeClassification(tab: string, headerIndex: number, columns: Cell[][]): string {
    const grid = this.read(tab);
    const sheet = this.sheets.get(tab) ?? this.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`There is no tab named "${tab}".`);
    const owned = this.ownedColumns(tab);
    const placement = placeClassification(grid, headerIndex, owned.map((c) => c.column - 1));
    return writeClassification(sheet, columns, placement, owned);
  }

  rerunPartnerFormulas(): number {
    const cells = this.spreadsheet.createTextFinder('PARTNER_').matchFormulaText(true).matchCase(false).findAll()
      .map((range) => ({ range, formulas: range.getFormulas() }))
      .filter(({ formulas }) => formulas.some((row) => row.some((f) => /PARTNER_[A-Z]+\s*\(/i.test(f))));
    if (!cells.length) return 0;
    // Cleared and flushed first: entering the very same formula again may keep the cached result.
    for (const { range, formulas } of cells) range.setFormulas(formulas.map((row) => row.map(() => '')));
    SpreadsheetApp.flush();
    for (const { range, formulas } of cells) range.setFormulas(formulas);
    return cells.length;
  }

  appendOverrideRow(tab: string | null, plan: OverrideAppend): void {
    const sheet = tab === null ? this.spreadsheet.insertSheet(OVERRIDES_TAB) : this.sheets.get(tab) ?? this.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`There is no tab named "${tab}".`);
    // Text as text, as the report tabs write it: plain-text cells keep "00123", and literalText keeps "=x" from becoming a formula.
    const put = (row: number, column: number, text: string): void => {
      sheet.getRange(row, column + 1).setNumberFormat(FORMATS.text).setValue(literalText(text));
    };
    if (plan.header) {
      const header = sheet.getRange(1, 1, 1, plan.header.length);
      header.setNumberFormat(FORMATS.text).setValues([plan.header.map((h) => literalText(h))]).setFontWeight('bold');
      sheet.setFrozenRows(1);
    }
    for (const cell of plan.cells) put(plan.rowIndex + 1, cell.column, cell.text);
    this.grids.delete(sheet.getName());
  }

  activate(tab: string): void {
    this.spreadsheet.getSheetByName(tab)?.activate();
  }

  notify(message: string): void {
    this.spreadsheet.toast(message, TOAST_TITLE, 5);
  }
}
