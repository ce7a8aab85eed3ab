/**
 * The XLSX's charts, worked out from the report tabs' layout: each ChartSpec the core puts on a tab (top
 * partners, revenue by quarter and motion, credited revenue by quarter and partner, pipeline created),
 * plus the motion split (a pie of sourced, influenced, resold and direct revenue) on Partner Summary.
 * Series are references to the cells the writer puts the blocks in, so a chart follows edits to its cells.
 */
import type { Cell, ChartSpec, ReportBlock, ReportTab } from '../../core';
import { MOTION_LABEL, MOTIONS } from '../../core';
import type { CellRange, XlsxChart } from './XlsxChart';

/** Rows a chart covers (the core leaves about 20 free beside each charted block). */
const CHART_ROWS = 20;
/** Widths of a bar or column chart and of the motion pie, in characters of column width (about 800 and 650 pixels). */
const CHART_CHARS = 112;
const PIE_CHARS = 90;
/** A column's width in characters when the tab does not set it (Excel's default). */
const DEFAULT_WIDTH = 8.43;

/** The column after the last one a chart `chars` wide starting at `col` covers, by the tab's column widths. */
const endColumn = (tab: ReportTab, col: number, chars: number): number => {
  let c = col;
  for (let used = 0; used < chars; c++) used += tab.columnWidths[c] || DEFAULT_WIDTH;
  return c;
};
/** Money on an axis and in labels: whole units with thousands separators. */
const MONEY_AXIS = '#,##0';
/** The motions as the Motion block labels its rows. */
const MOTION_ROWS = MOTIONS.map((m) => MOTION_LABEL[m]);

/** Excel column letters for a 0-based column. */
export const columnLetters = (col: number): string => {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
};

/** The sheet's name as the writer names it, quoted for a reference. */
const sheetRef = (tab: ReportTab): string => `'${tab.name.slice(0, 31).replace(/'/g, "''")}'`;

/** The 1-based sheet row of a block's value row `index` (the writer puts values[0] one row below block.row). */
const sheetRow = (block: ReportBlock, index: number): number => block.row + 1 + index;

/**
 * A reference to column `col` of `block`, value rows `rows` (ascending): one range per run of adjacent
 * rows, joined as a union in parentheses when there is more than one run.
 */
function columnRef(tab: ReportTab, block: ReportBlock, col: number, rows: readonly number[]): string {
  const letter = columnLetters(block.col + col);
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const refs = runs.map(([a, b]) => `${sheetRef(tab)}!$${letter}$${sheetRow(block, a)}${b > a ? `:$${letter}$${sheetRow(block, b)}` : ''}`);
  return refs.length === 1 ? refs[0]! : `(${refs.join(',')})`;
}

const label = (value: Cell | undefined): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const amount = (value: Cell | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function range<T>(tab: ReportTab, block: ReportBlock, col: number, rows: readonly number[], read: (v: Cell | undefined) => T): CellRange<T> {
  return { ref: columnRef(tab, block, col, rows), values: rows.map((r) => read(block.values[r]?.[col])) };
}

/** The reporting currency, as the core writes it at the end of block titles ("... (USD)"); '' when none says. */
export function reportCurrency(tabs: readonly ReportTab[]): string {
  for (const tab of tabs) {
    for (const block of tab.blocks) {
      const m = block.title ? /\(([A-Z]{3})\)$/.exec(block.title) : null;
      if (m) return m[1]!;
    }
  }
  return '';
}

/** The chart for one of the core's specs, or null when its block has no rows to chart. */
function specChart(tab: ReportTab, spec: ChartSpec, currency: string): XlsxChart | null {
  const block = tab.blocks[spec.block];
  if (!block || spec.seriesCols.length === 0) return null;
  const count = Math.min(spec.maxRows, block.values.length - block.headerRows);
  if (count <= 0) return null;
  const rows = Array.from({ length: count }, (_, i) => block.headerRows + i);
  return {
    sheet: tab.name.slice(0, 31),
    kind: spec.kind,
    title: spec.title,
    valueTitle: currency,
    categories: range(tab, block, spec.categoryCol, rows, label),
    series: spec.seriesCols.map((col) => ({ name: range(tab, block, col, [0], label), values: range(tab, block, col, rows, amount) })),
    numberFormat: MONEY_AXIS,
    from: { row: spec.anchorRow, col: spec.anchorCol },
    to: { row: spec.anchorRow + CHART_ROWS, col: endColumn(tab, spec.anchorCol, CHART_CHARS) },
  };
}

/**
 * The motion split on Partner Summary: revenue of the four motions (partner-led is their partial sum and
 * is left out), from the motion block's Revenue column. A pie when every slice is zero or more; with a
 * negative motion (credit notes) a pie would hide the sign, so bars.
 */
function motionSplitChart(tab: ReportTab, col: number, currency: string): XlsxChart | null {
  const block = tab.blocks.find((b) => b.values[0]?.[0] === 'Motion');
  if (!block) return null;
  const rows = MOTION_ROWS.map((m) => block.values.findIndex((row, i) => i >= block.headerRows && row[0] === m));
  if (rows.some((r) => r < 0)) return null;
  const values = range(tab, block, 1, rows, amount);
  const total = values.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  if (total === 0) return null;
  const pie = values.values.every((v) => v === null || v >= 0);
  return {
    sheet: tab.name.slice(0, 31),
    kind: pie ? 'pie' : 'bar',
    title: `Revenue by motion${currency ? ` (${currency})` : ''}`,
    valueTitle: pie ? '' : currency,
    categories: range(tab, block, 0, rows, label),
    series: [{ name: range(tab, block, 1, [0], label), values }],
    numberFormat: MONEY_AXIS,
    from: { row: 1, col },
    to: { row: 1 + CHART_ROWS, col: endColumn(tab, col, pie ? PIE_CHARS : CHART_CHARS) },
  };
}

/** Every chart of the workbook for `tabs`, each pointing at the cells its tab's blocks are written to. */
export function chartPlan(tabs: readonly ReportTab[]): XlsxChart[] {
  const currency = reportCurrency(tabs);
  const charts: XlsxChart[] = [];
  for (const tab of tabs) {
    const mine = tab.charts.map((spec) => specChart(tab, spec, currency)).filter((c): c is XlsxChart => c !== null);
    if (tab.name === 'Partner Summary') {
      // Beside the core's top-partners chart, on the rows above the partner table.
      const col = Math.max(6, ...mine.filter((c) => c.from.row < CHART_ROWS).map((c) => c.to.col + 1));
      const split = motionSplitChart(tab, col, currency);
      if (split) mine.unshift(split);
    }
    charts.push(...mine);
  }
  return charts;
}
