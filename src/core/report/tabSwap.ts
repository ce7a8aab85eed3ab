/**
 * All-or-nothing replacement of the report tabs, the same in every host: new tabs are written under
 * temporary names, and only once every one is complete are the old tabs deleted and the new ones
 * renamed. Also the size checks that decide, before anything is written, whether a tab fits.
 */
import type { ReportTab } from './ReportTab';
import { blockLength, blockWidth } from './blockRows';

/** The prefix of a temporary tab; a tab left with it (a crash mid-write) is the add-on's to delete. */
export const TEMPORARY_TAB_PREFIX = 'PA new ';

/** `count` temporary names that clash with none of `taken` (compared without case, as hosts do). */
export function temporaryTabNames(count: number, taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.trim().toLowerCase()));
  const names: string[] = [];
  for (let n = 1; names.length < count; n += 1) {
    const name = `${TEMPORARY_TAB_PREFIX}${n}`;
    if (!used.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** The rows and columns a tab's blocks fill (titles included), without room for charts. */
export function tabExtent(tab: ReportTab): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const block of tab.blocks) {
    rows = Math.max(rows, block.row + blockLength(block));
    cols = Math.max(cols, block.col + blockWidth(block));
  }
  return { rows, cols };
}

/** The sentence a host shows when a tab is too big for the workbook and was left out. */
export const tabTooBigMessage = (tab: string, needed: number, limit: string): string =>
  `${tab} was not written: it needs ${needed.toLocaleString('en-US')} cells and ${limit}. The other tabs were written; `
  + 'filter the deals (for example to one year) or use the command line or SQL export for the full list.';

/** The sentence a host shows when writing failed and the previous tabs were kept. */
export const tabsKeptMessage = (reason: string): string =>
  `The summary tabs could not be written (${reason}). Your previous summary tabs are unchanged; nothing half-written was left behind.`;

/*
 * The refill, recoverable. An existing report tab is kept (a user's formula pointing at it must keep
 * working), so it cannot simply be swapped for its new tab: it is cleared and refilled. Before any
 * old tab is touched, each one's cells are copied into a hidden backup tab; if anything fails before
 * the commit, every old tab is put back from its backup, and the temporaries and backups go. What
 * cannot be undone (deleting the old charts, cutting the tabs to size, deleting stale tabs and the
 * backups) happens only after the commit, so a failure there leaves a complete new report.
 */

/**
 * The prefix of a backup tab. It shares the temporaries' "PA new " so a user who sees one knows it is
 * the add-on's working copy, but its marker says "backup", so the next run never deletes it unseen.
 */
export const BACKUP_TAB_PREFIX = `${TEMPORARY_TAB_PREFIX}backup `;

/** `count` backup names that clash with none of `taken` (compared without case, as hosts do). */
export function backupTabNames(count: number, taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.trim().toLowerCase()));
  const names: string[] = [];
  for (let n = 1; names.length < count; n += 1) {
    const name = `${BACKUP_TAB_PREFIX}${n}`;
    if (!used.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/**
 * The visible name a backup is kept under when it may hold the only copy of a tab's previous content:
 * "Partner Summary (previous)", then "(previous 2)", ..., shortened to the host's name limit.
 */
export function keptBackupName(tab: string, taken: readonly string[], maxLength: number): string {
  const used = new Set(taken.map((name) => name.trim().toLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (previous)' : ` (previous ${n})`;
    const name = `${tab.slice(0, Math.max(1, maxLength - suffix.length)).trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** One report tab in the swap: its new size, and the size of the existing tab it refills (null: a new tab). */
export interface SwapTabSize { rows: number; cols: number; old: { rows: number; cols: number } | null }

/**
 * The most cells the swap holds at once beyond what the workbook holds now, in the order the hosts
 * work: (1) each temporary is inserted at `newSheetCells` and cut or grown to its size; (2) each old
 * tab that will be refilled gets a backup of its whole grid, inserted the same way; (3) each old tab
 * in turn is cleared and grown (never shrunk: that waits for the commit) to hold its new content,
 * rows and columns each to the larger of old and new, and its temporary is deleted; (4) after the
 * commit tabs are only cut, and backups and stale tabs deleted. A sheet is fitted by shrinking first,
 * then growing, so fitting a fresh sheet never holds more than the larger of its start and end.
 */
export function swapPeakCells(tabs: readonly SwapTabSize[], newSheetCells: number): number {
  let held = 0;
  let peak = 0;
  for (const tab of tabs) {
    peak = Math.max(peak, held + Math.max(newSheetCells, tab.rows * tab.cols));
    held += tab.rows * tab.cols;
  }
  for (const { old } of tabs) {
    if (!old) continue;
    peak = Math.max(peak, held + Math.max(newSheetCells, old.rows * old.cols));
    held += old.rows * old.cols;
  }
  for (const tab of tabs) {
    if (!tab.old) continue;
    const grown = Math.max(tab.rows, tab.old.rows) * Math.max(tab.cols, tab.old.cols) - tab.old.rows * tab.old.cols;
    peak = Math.max(peak, held + grown);
    held += grown - tab.rows * tab.cols;
  }
  return peak;
}

/** What a host does at each step of the swap; it is called in the order `swapTabs` documents. */
export interface SwapSteps {
  /** Writes new tab `i` in full under its temporary name. */
  writeTemporary(i: number): void;
  /** Copies the whole of old tab `i` (one that is refilled) into its hidden backup. */
  backup(i: number): void;
  /** Clears old tab `i` and fills its cells from its temporary (layout untouched), then deletes the temporary. */
  refill(i: number): void;
  /** Gives tab `i` its new layout (a refilled tab) or its name (a new tab): undone by `restore` or by deleting it. */
  finish(i: number): void;
  /** Puts old tab `i` back exactly as its backup and the recorded layout hold it. */
  restore(i: number): void;
  /** Deletes whichever temporaries (or renamed new tabs) of this run still exist. */
  removeTemporaries(): void;
  /** Deletes the backup of tab `i`, if it was made (even in part); nothing when there is none. */
  removeBackup(i: number): void;
  /** Shows the backup of tab `i` under a clear name, and returns that name. */
  keepBackup(i: number): string;
  /** After the commit: what cannot be undone (old charts, cutting to size, stale tabs, the backups). */
  tidy(): void;
}

/** The error's own message (duck-typed: an Apps Script or Office error need not be this realm's Error). */
export const errorReason = (error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === 'string' ? message : String(error)).replace(/\.$/, '');
};

/** The sentence a host shows when writing failed and putting an old tab back failed too. */
export const tabsNotRestoredMessage = (reason: string, restoreReason: string, kept: readonly { tab: string; backup: string }[]): string => {
  const list = kept.map((k) => `"${k.tab}" is in "${k.backup}"`).join(', ');
  return `The summary tabs could not be written (${reason}), and putting back the previous content failed too (${restoreReason}). `
    + `Nothing is lost: the previous content of ${list}. Copy it back or delete that tab once you have what you need.`;
};

/** The note a host adds when a backup left by an interrupted write was found and kept visible. */
export const leftoverBackupNote = (names: readonly string[]): string =>
  `An earlier write was interrupted and left the previous content of a tab in ${names.map((n) => `"${n}"`).join(', ')}. `
  + 'It is kept (it may be the only copy); delete it once you no longer need it.';

/** The note a host adds when the report was written but tidying up after it failed. */
export const tidyFailedNote = (reason: string): string =>
  `The summary tabs were written, but tidying up after them failed (${reason}): an old chart, extra empty rows or a stale tab `
  + 'may remain until the next write, and a backup left behind shows up then as a "(previous)" tab for you to delete.';

/**
 * Replaces the report tabs all or nothing. `tabs[i].refills` says whether tab `i` refills an existing tab.
 * Order: every temporary; every backup; every refill; every finish; (commit) tidy. A failure before
 * the backups exist removes the temporaries and backups made so far; a failure after an old tab was
 * touched restores every touched tab from its backup (a backup whose restore fails is kept visible
 * and named in the error), then removes the temporaries and the other backups. Returns the notes to
 * show (a failed tidy-up), or throws with the message to show.
 */
export function swapTabs(tabs: readonly { sheetName: string; refills: boolean }[], steps: SwapSteps): string[] {
  const reused = tabs.flatMap((t, i) => (t.refills ? [i] : []));
  try {
    tabs.forEach((_, i) => steps.writeTemporary(i));
    for (const i of reused) steps.backup(i);
  } catch (error) {
    bestEffort(() => steps.removeTemporaries());
    for (const i of reused) bestEffort(() => steps.removeBackup(i));
    throw failure(tabsKeptMessage(errorReason(error)), error);
  }
  const touched: number[] = [];
  try {
    for (const i of reused) { touched.push(i); steps.refill(i); }
    tabs.forEach((_, i) => steps.finish(i));
  } catch (error) {
    const kept: { tab: number; backup: string }[] = [];
    let restoreError: unknown = null;
    for (const i of touched) {
      try {
        steps.restore(i);
      } catch (failure) {
        restoreError ??= failure;
        try { kept.push({ tab: i, backup: steps.keepBackup(i) }); } catch { kept.push({ tab: i, backup: `${BACKUP_TAB_PREFIX}(hidden)` }); }
      }
    }
    bestEffort(() => steps.removeTemporaries());
    for (const i of reused) if (!kept.some((k) => k.tab === i)) bestEffort(() => steps.removeBackup(i));
    if (kept.length) throw failure(tabsNotRestoredMessage(errorReason(error), errorReason(restoreError), kept.map((k) => ({ tab: tabs[k.tab]!.sheetName, backup: k.backup }))), error);
    throw failure(tabsKeptMessage(errorReason(error)), error);
  }
  try {
    steps.tidy();
  } catch (error) {
    return [tidyFailedNote(errorReason(error))];
  }
  return [];
}

/** An Error carrying the host's own error as its cause (set by hand: the core's library has no ErrorOptions). */
const failure = (message: string, cause: unknown): Error => Object.assign(new Error(message), { cause });

const bestEffort = (step: () => void): void => {
  try { step(); } catch { /* the host is unreachable: what is left has a "PA new" name the next write handles */ }
};
