/**
 * Writes the core's report tabs into Excel: owned sheets replaced, users' sheets never touched,
 * values in request-sized batches, formats after values, then charts. The number of
 * context.sync() calls is 2 + one per ~4 MB of values + 1, whatever the number of rows.
 */
import type { ReportTab, ChartSpec } from '../../core/report/ReportTab';
import { FORMATS } from '../../core/report/ReportTab';
import type { Progress, WriteResult } from '../../core/hostApi';
import type { ExcelRun } from './excelRun';
import { defaultExcelRun } from './excelRun';
import { excelRows } from './excelCell';
import { DEFAULT_BATCH_BYTES, planValueBatches } from './payloadBatches';
import type { ValueWrite } from './payloadBatches';
import { MARKER_KEY, markerValue, parseMarker } from './sheetMarker';
import { describeWrittenTabs, planTabTargets } from '../../core/report/planTabTargets';

export interface WriterOptions {
  run?: ExcelRun;
  onProgress?: (progress: Progress) => void;
  /** Estimated bytes per request (default 4 MB, under Excel on the web's 5 MB). */
  batchBytes?: number;
}

const HEADER_FILL = '#DDE4EE';
/** Points per character of a column width (Excel's default font). */
const POINTS_PER_CHAR = 6;
const CHART_ROWS = 16;
const CHART_COLS = 8;

const blockWidth = (values: readonly (readonly unknown[])[]): number => values.reduce((max, row) => Math.max(max, row.length), 0);

/** The value writes of a tab: each block (and its title one row above), as rectangles. */
const tabWrites = (tab: ReportTab, index: number): ValueWrite<number>[] => tab.blocks.flatMap((block) => {
  const width = Math.max(blockWidth(block.values), 1);
  const writes: ValueWrite<number>[] = [];
  if (block.title && block.row > 0) writes.push({ target: index, row: block.row - 1, col: block.col, values: excelRows([[block.title]], 1) });
  if (block.values.length) writes.push({ target: index, row: block.row, col: block.col, values: excelRows(block.values, width) });
  return writes;
});

const addChart = (sheet: Excel.Worksheet, tab: ReportTab, spec: ChartSpec): boolean => {
  const block = tab.blocks[spec.block];
  if (!block || !spec.seriesCols.length) return false;
  const dataRows = Math.min(spec.maxRows, block.values.length - block.headerRows);
  if (dataRows <= 0) return false;
  const top = block.row + block.headerRows;
  const column = (c: number) => sheet.getRangeByIndexes(top, block.col + c, dataRows, 1);
  const seriesName = (c: number) => String(block.values[0]?.[c] ?? '');
  const categories = column(spec.categoryCol);
  const [first, ...rest] = spec.seriesCols as [number, ...number[]];
  const chart = sheet.charts.add(spec.kind === 'bar' ? 'BarClustered' : 'ColumnStacked', column(first), 'Columns');
  chart.title.text = spec.title;
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = seriesName(first);
  firstSeries.setXAxisValues(categories);
  for (const c of rest) {
    const series = chart.series.add(seriesName(c));
    series.setValues(column(c));
    series.setXAxisValues(categories);
  }
  // A bar chart lists the first category at the bottom; reverse so the biggest partner is on top.
  if (spec.kind === 'bar') chart.axes.categoryAxis.reversePlotOrder = true;
  chart.setPosition(sheet.getCell(spec.anchorRow, spec.anchorCol), sheet.getCell(spec.anchorRow + CHART_ROWS, spec.anchorCol + CHART_COLS));
  return true;
};

const applyFormats = (sheet: Excel.Worksheet, tab: ReportTab): void => {
  for (const block of tab.blocks) {
    const width = Math.max(blockWidth(block.values), 1);
    const dataRows = block.values.length - block.headerRows;
    if (dataRows > 0) {
      block.formats.forEach((format, c) => {
        if (c >= width) return;
        // A single value applies to every cell of the range (Office.js "single input copy"), so the
        // request stays small however many rows there are.
        sheet.getRangeByIndexes(block.row + block.headerRows, block.col + c, dataRows, 1).numberFormat = FORMATS[format] as unknown as string[][];
      });
    }
    if (block.headerRows > 0) {
      const header = sheet.getRangeByIndexes(block.row, block.col, block.headerRows, width);
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
    }
    if (block.title && block.row > 0) sheet.getRangeByIndexes(block.row - 1, block.col, 1, 1).format.font.bold = true;
  }
  tab.columnWidths.forEach((chars, c) => {
    if (chars > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  if (tab.frozenRows > 0) sheet.freezePanes.freezeRows(tab.frozenRows);
};

/**
 * Writes (or replaces) the report tabs. A sheet is replaced only when its marker says the add-in
 * wrote it; a user's sheet with the same name stays as it is and the tab goes to "Name (2)".
 */
export async function writeReportTabs(tabs: readonly ReportTab[], options: WriterOptions = {}): Promise<WriteResult> {
  const run = options.run ?? defaultExcelRun;
  const progress = options.onProgress ?? (() => undefined);
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();

    const found = worksheets.items.map((sheet) => {
      const marker = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
      marker.load('value');
      sheet.charts.load('items/name');
      return { sheet, marker };
    });
    await context.sync();

    const existing = found.map(({ sheet, marker }) => ({ name: sheet.name, ownedReport: marker.isNullObject ? null : parseMarker(marker.value)?.tab ?? null }));
    const plan = planTabTargets(tabs.map((t) => t.name), existing);
    const byName = new Map(found.map((f) => [f.sheet.name.toLowerCase(), f.sheet] as const));

    const targetSheets = plan.targets.map((target, i) => {
      const old = target.reuse ? byName.get(target.sheetName.toLowerCase()) : undefined;
      if (old) {
        old.charts.items.forEach((chart) => chart.delete());
        old.freezePanes.unfreeze();
        old.getRange().clear();
        return old;
      }
      const sheet = worksheets.add(target.sheetName);
      sheet.customProperties.add(MARKER_KEY, markerValue(tabs[i]!.name));
      return sheet;
    });
    // Stale copies go last, after the new sheets exist (a workbook must keep one visible sheet).
    for (const name of plan.stale) byName.get(name.toLowerCase())?.delete();

    const batches = planValueBatches(tabs.flatMap(tabWrites), options.batchBytes ?? DEFAULT_BATCH_BYTES);
    const total = batches.length + 1;
    for (const [b, batch] of batches.entries()) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const chunk of batch) {
        const width = chunk.values[0]?.length ?? 1;
        targetSheets[chunk.target]!.getRangeByIndexes(chunk.row, chunk.col, chunk.values.length, width).values = chunk.values;
      }
      await context.sync();
      progress({ step: 'Writing values', done: b + 1, total });
    }

    let charts = 0;
    tabs.forEach((tab, i) => {
      const sheet = targetSheets[i]!;
      applyFormats(sheet, tab);
      for (const spec of tab.charts) if (addChart(sheet, tab, spec)) charts += 1;
    });
    targetSheets[0]?.activate();
    await context.sync();
    progress({ step: 'Formats and charts', done: total, total });

    const written = plan.targets.map((t) => t.sheetName);
    return { written, message: `${describeWrittenTabs(plan)}${charts ? ` Added ${charts} chart${charts === 1 ? '' : 's'}.` : ''}` };
  });
}
