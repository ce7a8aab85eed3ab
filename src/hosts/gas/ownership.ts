/** What the add-on owns in a spreadsheet, told by developer metadata: its report tabs and its classification columns. */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** The developer metadata key on every sheet and column the add-on owns. */
export const OWNER_KEY = 'partner-attribution';

const TAB_PREFIX = 'tab:';
const COLUMN_PREFIX = 'column:';
const BACKUP_PREFIX = 'backup:';

/** A column the add-on wrote: its sheet, 1-based position, the header it carries and its marker. */
export interface OwnedColumn { sheetName: string; column: number; header: string; marker: DeveloperMetadata }

/** An add-on tab: the report it holds (e.g. "Partner Summary", even when the sheet is "Partner Summary (2)"). */
export interface OwnedTab { report: string; sheet: Sheet; name: string }

/** A backup the add-on made of a report tab before refilling it: the tab's name then, and the backup sheet. */
export interface OwnedBackup { tab: string; sheet: Sheet; name: string }

/** Everything the add-on owns, found with one metadata search. */
export interface Ownership {
  tabs: OwnedTab[];
  columns: OwnedColumn[];
  backups: OwnedBackup[];
}

/** Finds the add-on's tabs and columns (one search; a few calls per marker, none per row). */
export function findOwnership(spreadsheet: Spreadsheet): Ownership {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const tabs: OwnedTab[] = [];
  const columns: OwnedColumn[] = [];
  const backups: OwnedBackup[] = [];
  for (const marker of found) {
    const value = marker.getValue() ?? '';
    if (value.startsWith(TAB_PREFIX)) {
      const sheet = marker.getLocation().getSheet();
      if (sheet) tabs.push({ report: value.slice(TAB_PREFIX.length), sheet, name: sheet.getName() });
    } else if (value.startsWith(BACKUP_PREFIX)) {
      const sheet = marker.getLocation().getSheet();
      if (sheet) backups.push({ tab: value.slice(BACKUP_PREFIX.length), sheet, name: sheet.getName() });
    } else if (value.startsWith(COLUMN_PREFIX)) {
      const range = marker.getLocation().getColumn();
      if (range) columns.push({ sheetName: range.getSheet().getName(), column: range.getColumn(), header: value.slice(COLUMN_PREFIX.length), marker });
    }
  }
  columns.sort((a, b) => a.column - b.column);
  return { tabs, columns, backups };
}

/** Marks a sheet as the add-on's tab holding the given report. */
export function markTab(sheet: Sheet, report: string): void {
  sheet.addDeveloperMetadata(OWNER_KEY, `${TAB_PREFIX}${report}`);
}

/** Marks a sheet as the backup of the report tab `tab` (never a report tab itself: the next run keeps it, never deletes it unseen). */
export function markBackup(sheet: Sheet, tab: string): void {
  sheet.addDeveloperMetadata(OWNER_KEY, `${BACKUP_PREFIX}${tab}`);
}

/** Marks a whole column (by its letter, e.g. "L") as the add-on's, carrying the given header. */
export function markColumn(sheet: Sheet, letter: string, header: string): void {
  sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(OWNER_KEY, `${COLUMN_PREFIX}${header}`);
}
