/** The narrow port through which the Sheets host reaches the spreadsheet (SheetsWorkbook implements it; tests may fake it). */
import type { Cell, OverrideAppend, ReportTab, TabData } from '../../core/index';
import type { WrittenTabs } from './tabWriter';

export interface Workbook {
  /**
   * The tabs that may hold deals: every tab except the add-on's report tabs. Each tab's used range is
   * read once, on first use of `grid`, with dates as calendar days and the add-on's own columns blank.
   */
  dataTabs(): TabData[];
  /**
   * Writes (or replaces) the add-on's report tabs, all or nothing; a user's tab with the same name is
   * never touched. Returns the plan and notes (a tab left out for lack of room).
   */
  writeReportTabs(tabs: readonly ReportTab[], onTab?: (name: string, index: number) => void): WrittenTabs;
  /**
   * Writes the classification columns (aligned with the rows of the tab's grid) next to the data of a
   * tab from `dataTabs()`, only in columns the add-on owns or empty ones. Returns the A1 range written.
   */
  writeClassification(tab: string, headerIndex: number, columns: Cell[][]): string;
  /**
   * Re-enters every formula that calls a PARTNER_ function, so each runs again under newly saved
   * settings (Sheets reruns a custom function only when its arguments change). Returns how many.
   */
  rerunPartnerFormulas(): number;
  /**
   * Writes one planned override row into the user's overrides tab `tab` (from `dataTabs()`), or into
   * a new "Attribution Overrides" tab with the plan's header row when `tab` is null. Writes only the
   * plan's cells, as text; no other cell of the tab changes.
   */
  appendOverrideRow(tab: string | null, plan: OverrideAppend): void;
  /** Brings a tab to the front. */
  activate(tab: string): void;
  /** A short message for the user (a toast in Sheets). */
  notify(message: string): void;
}
