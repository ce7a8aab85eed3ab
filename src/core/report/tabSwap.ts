/**
 * All-or-nothing replacement of the report tabs, the same in every host: new tabs are written under
 * temporary names, and only once every one is complete are the old tabs deleted and the new ones
 * renamed. Also the size checks that decide, before anything is written, whether a tab fits.
 */
import type { ReportTab } from './ReportTab';

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
    const width = block.values.reduce((max, row) => Math.max(max, row.length), block.formats.length);
    rows = Math.max(rows, block.row + block.values.length);
    cols = Math.max(cols, block.col + width);
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
