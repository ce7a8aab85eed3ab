/** Decides which worksheet each report tab goes to, so a user's sheet is never overwritten. */

/** A worksheet as found in the workbook: its name and, when the add-in owns it, the report tab it holds. */
export interface ExistingSheet { name: string; ownedTab: string | null }

/** Where a report tab goes: an owned sheet to clear and reuse, or a new sheet to add. */
export interface SheetTarget { tab: string; sheetName: string; reuse: boolean }

export interface SheetPlan {
  targets: SheetTarget[];
  /** Owned sheets that held one of these tabs under another name and are no longer used: delete them. */
  stale: string[];
}

const taken = (sheets: readonly ExistingSheet[], name: string): ExistingSheet | undefined =>
  sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/**
 * For each tab: the sheet with its exact name when the add-in owns it (or when no sheet has that
 * name); otherwise "Name (2)", "Name (3)", ... the first that is free or owned for the same tab.
 * Excel compares sheet names without case, and so does this.
 */
export function planSheetTargets(tabs: readonly string[], sheets: readonly ExistingSheet[]): SheetPlan {
  const used = new Set<string>();
  const targets = tabs.map((tab): SheetTarget => {
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? tab : `${tab} (${n})`;
      if (used.has(name.toLowerCase())) continue;
      const existing = taken(sheets, name);
      if (!existing || existing.ownedTab === tab) {
        used.add(name.toLowerCase());
        return { tab, sheetName: existing ? existing.name : name, reuse: !!existing };
      }
    }
  });
  const stale = sheets
    .filter((s) => s.ownedTab !== null && tabs.includes(s.ownedTab) && !used.has(s.name.toLowerCase()))
    .map((s) => s.name);
  return { targets, stale };
}
