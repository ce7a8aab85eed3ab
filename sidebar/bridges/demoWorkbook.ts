/** The demo bridge's in-memory workbook: tabs as grids, the add-on's own tabs and columns marked. */
import type { Cell, Grid } from '../../src/core/types';
import type { FormatName, ReportTab } from '../../src/core/report/ReportTab';
import { eachBlockRow } from '../../src/core/report/blockRows';
import { planTabTargets } from '../../src/core/report/planTabTargets';
import type { TabPlan } from '../../src/core/report/planTabTargets';
import { SHEET_NAME_MAX_LENGTH } from '../../src/core/report/sheetName';
import type { OverrideAppend } from '../../src/core/overrides/overrideRow';
import { OVERRIDES_TAB } from '../../src/core/overrides/readOverrides';

/** One tab of the demo workbook. */
export interface DemoTab {
  name: string;
  /** Row-major values from A1. */
  grid: Cell[][];
  /** Optional per-cell number format names (the add-on's summary tabs have them). */
  formats?: (FormatName | null)[][];
  /** True for tabs the add-on wrote (the marker Sheets keeps in developer metadata). */
  ownedByAddOn?: boolean;
  /** The report an add-on tab holds ("Partner Summary"), even when written as "Partner Summary (2)". */
  ownedReport?: string;
  /** 0-based first column of the add-on's classification columns on this tab, once written. */
  classificationColumn?: number;
}

export interface DemoWorkbook { tabs: DemoTab[] }

/** A tab as embedded in preview.html: values only, dates as ISO text. */
export interface EmbeddedTab { name: string; rows: Cell[][] }

/** A fresh workbook from embedded tabs (copied, so the page can be reset). */
export function workbookFromTabs(tabs: readonly EmbeddedTab[]): DemoWorkbook {
  return { tabs: tabs.map((t) => ({ name: t.name, grid: t.rows.map((row) => [...row]) })) };
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The first tab with one of these names (SPEC 2.2: "Touches", "Partner Touches" or "Activities"). */
export function findTab(workbook: DemoWorkbook, names: readonly string[]): DemoTab | undefined {
  for (const name of names) {
    const tab = workbook.tabs.find((t) => !t.ownedByAddOn && sameName(t.name, name));
    if (tab) return tab;
  }
  return undefined;
}

/** A tab's values without the add-on's classification columns, so a re-run reads only the user's data. */
export function userGrid(tab: DemoTab): Grid {
  const cut = tab.classificationColumn;
  return cut === undefined ? tab.grid : tab.grid.map((row) => row.slice(0, cut));
}

/** Lays a report tab's blocks (and their titles) out as a grid with formats. */
export function reportTabToGrid(tab: ReportTab): { grid: Cell[][]; formats: (FormatName | null)[][] } {
  const grid: Cell[][] = [];
  const formats: (FormatName | null)[][] = [];
  const put = (row: number, col: number, value: Cell, format: FormatName | null): void => {
    while (grid.length <= row) { grid.push([]); formats.push([]); }
    const cells = grid[row] as Cell[];
    const fmts = formats[row] as (FormatName | null)[];
    while (cells.length <= col) { cells.push(''); fmts.push(null); }
    cells[col] = value;
    fmts[col] = format;
  };
  for (const block of tab.blocks) {
    if (block.title !== undefined) put(Math.max(block.row - 1, 0), block.col, block.title, 'text');
    let r = 0;
    // The big tabs' rows are read a block at a time, as every writer reads them.
    for (const row of eachBlockRow(block)) {
      row.forEach((value, c) => put(block.row + r, block.col + c, value, r < block.headerRows ? 'text' : block.formats[c] ?? 'general'));
      r++;
    }
  }
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  grid.forEach((row, r) => {
    const fmts = formats[r] as (FormatName | null)[];
    while (row.length < width) { row.push(''); fmts.push(null); }
  });
  return { grid, formats };
}

/** Writes (or replaces) the summary tabs where the core's plan says; returns the plan. */
export function writeSummaryTabs(workbook: DemoWorkbook, tabs: readonly ReportTab[]): TabPlan {
  const plan = planTabTargets(tabs.map((t) => t.name),
    workbook.tabs.map((t) => ({ name: t.name, ownedReport: t.ownedByAddOn ? t.ownedReport ?? t.name : null })),
    { sheetNames: tabs.map((t) => t.sheetName), maxLength: SHEET_NAME_MAX_LENGTH });
  plan.targets.forEach((target, i) => {
    const { grid, formats } = reportTabToGrid(tabs[i]!);
    const next: DemoTab = { name: target.sheetName, grid, formats, ownedByAddOn: true, ownedReport: target.report };
    const index = workbook.tabs.findIndex((t) => sameName(t.name, target.sheetName));
    if (index >= 0) workbook.tabs[index] = next;
    else workbook.tabs.push(next);
  });
  workbook.tabs = workbook.tabs.filter((t) => !plan.stale.includes(t.name));
  return plan;
}

/**
 * Writes the classification columns at `column` (0-based) on every row of the tab, replacing the
 * add-on's earlier columns there. The tab grows to fit.
 */
export function writeColumns(tab: DemoTab, column: number, columns: readonly Cell[][]): void {
  const width = column + (columns[0]?.length ?? 0);
  tab.grid = tab.grid.map((row, r) => {
    const out = row.slice(0, column);
    while (out.length < column) out.push('');
    out.push(...(columns[r] ?? []));
    while (out.length < width) out.push('');
    return out;
  });
  tab.classificationColumn = column;
}

/**
 * Writes one planned override row (core planOverrideAppend) into the overrides tab `tab`, or into a
 * new "Attribution Overrides" tab with the plan's header row when `tab` is undefined. Only the
 * plan's cells change; the tab grows to fit.
 */
export function appendOverrideRow(workbook: DemoWorkbook, tab: DemoTab | undefined, plan: OverrideAppend): DemoTab {
  const target = tab ?? { name: OVERRIDES_TAB, grid: [] };
  if (!tab) workbook.tabs.push(target);
  const put = (row: number, column: number, text: string): void => {
    while (target.grid.length <= row) target.grid.push([]);
    const cells = target.grid[row]!;
    while (cells.length <= column) cells.push('');
    cells[column] = text;
  };
  plan.header?.forEach((text, column) => put(0, column, text));
  for (const cell of plan.cells) put(plan.rowIndex, cell.column, cell.text);
  return target;
}
