/**
 * Where each summary tab goes, the same in every host: the sheet the add-on wrote it to before
 * (found by its marker, even if renamed), else the first free name — "Partner Summary", then
 * "Partner Summary (2)", "(3)", ... A user's sheet is never chosen. Names compare without case,
 * as Excel and Sheets do.
 */
import { numberedSheetName } from './sheetName';

/** A sheet as found in the workbook; `ownedReport` is the report tab the add-on's marker says it holds. */
export interface ExistingTab { name: string; ownedReport: string | null }

export interface TabTarget {
  report: string;
  sheetName: string;
  /** True to clear and rewrite the add-on's own sheet; false to add a new sheet under `sheetName`. */
  reuse: boolean;
  /** Set when a user's sheet holds the report's name, so the add-on wrote beside it instead. */
  userTabInTheWay: string | null;
}

export interface TabPlan {
  targets: TabTarget[];
  /** Further sheets of the add-on holding one of these reports (an earlier copy): delete them. */
  stale: string[];
}

/** How the plan names sheets when a report's sheet name is not the report itself (a partner statement). */
export interface PlanOptions {
  /** The sheet name to start from for each report (same order as `reports`); the report's own name when left out. */
  sheetNames?: readonly (string | undefined)[];
  /** The longest name a sheet may have (Excel: 31); a numbered name cuts its base to fit. */
  maxLength?: number;
}

export function planTabTargets(reports: readonly string[], existing: readonly ExistingTab[], options: PlanOptions = {}): TabPlan {
  const key = (name: string): string => name.trim().toLowerCase();
  const taken = new Set(existing.map((t) => key(t.name)));
  const claimed = new Set<string>();
  const targets = reports.map((report, index): TabTarget => {
    const base = options.sheetNames?.[index] ?? report;
    const numbered = (n: number): string => (options.maxLength === undefined ? (n === 1 ? base : `${base} (${n})`) : numberedSheetName(base, n, options.maxLength));
    const own = existing.find((t) => t.ownedReport === report && !claimed.has(key(t.name)));
    if (own) {
      claimed.add(key(own.name));
      return { report, sheetName: own.name, reuse: true, userTabInTheWay: null };
    }
    for (let n = 1; ; n += 1) {
      const name = numbered(n);
      if (taken.has(key(name)) || claimed.has(key(name))) continue;
      claimed.add(key(name));
      // Only a user's sheet is "in the way"; the add-on's sheet of another report (two partners whose names cut alike) is not theirs.
      const blocker = existing.find((t) => key(t.name) === key(numbered(1)));
      return { report, sheetName: name, reuse: false, userTabInTheWay: blocker && blocker.ownedReport === null ? blocker.name : null };
    }
  });
  const stale = existing.filter((t) => t.ownedReport !== null && reports.includes(t.ownedReport) && !claimed.has(key(t.name))).map((t) => t.name);
  return { targets, stale };
}

/** "Wrote Partner Summary (2), Partner Trend — Partner Summary (2) because you have your own tab named Partner Summary." */
export function describeWrittenTabs(plan: TabPlan): string {
  const names = plan.targets.map((t) => t.sheetName);
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const displaced = plan.targets.filter((t) => t.userTabInTheWay !== null)
    .map((t) => `${t.sheetName} because you have your own tab named ${t.userTabInTheWay}`);
  const text = `Wrote ${list}${displaced.length ? ` — ${displaced.join('; ')}` : ''}`;
  return text.endsWith('.') ? text : `${text}.`; // "Statement – Acme Inc." ends its own sentence
}
