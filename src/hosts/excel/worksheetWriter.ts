/**
 * Writes the core's report tabs into Excel: new sheets under temporary names, formats, then values
 * in request-sized batches (the first also backs up the old report sheets), then the swap: an
 * existing report sheet is cleared and receives the new content by Range.copyFrom (so users'
 * formulas pointing at it keep working), a new one is renamed into place; then charts, the Partner
 * Credits table and (ExcelApi 1.9) print setup; then, on a re-run, the old charts and the backups
 * are deleted. Users' sheets are never touched. The number of context.sync() calls is 2 + one per
 * ~4 MB of values + 1 (+ 1 on a re-run), whatever the number of rows.
 */
import type { ReportTab, ChartSpec } from '../../core/report/ReportTab';
import { FORMATS } from '../../core/report/ReportTab';
import { blockLength, blockRows, widestRow } from '../../core/report/blockRows';
import type { Progress, WriteResult } from '../../core/hostApi';
import type { ExcelRun } from './excelRun';
import { defaultExcelRun } from './excelRun';
import { excelRows } from './excelCell';
import { DEFAULT_BATCH_BYTES, rowsWrite, valueBatches } from './payloadBatches';
import type { RowsWrite } from './payloadBatches';
import { MARKER_KEY, backupMarkerValue, markerValue, parseBackupMarker, parseMarker } from './sheetMarker';
import { describeWrittenTabs, planTabTargets } from '../../core/report/planTabTargets';
import { SHEET_NAME_MAX_LENGTH } from '../../core/report/sheetName';
import { officeSupports } from './dateSystem';
import type { IsSetSupported } from './dateSystem';
import {
  BACKUP_TAB_PREFIX, TEMPORARY_TAB_PREFIX, backupTabNames, errorReason, keptBackupName, leftoverBackupNote, tabExtent, tabTooBigMessage, tabsKeptMessage,
  tabsNotRestoredMessage, temporaryTabNames, tidyFailedNote,
} from '../../core/report/tabSwap';

export interface WriterOptions {
  run?: ExcelRun;
  onProgress?: (progress: Progress) => void;
  /** Estimated bytes per request (default 4 MB, under Excel on the web's 5 MB). */
  batchBytes?: number;
  /** Office.context.requirements.isSetSupported (tests pass their own). */
  supports?: IsSetSupported;
  /** The workbook counts days in the 1904 system (dates are written as its serials). */
  date1904?: boolean;
}

/**
 * The tabs whose main table becomes an Excel table (ListObject), so it sorts, filters and feeds a
 * PivotTable as one object: the table's name, made unique with 2, 3, ... when the workbook has it.
 */
const EXCEL_TABLES: Readonly<Record<string, string>> = { 'Partner Credits': 'PartnerCredits' };

/** A table name not in `taken` (case-insensitive, as Excel compares them): base, base2, base3, ... */
export const uniqueTableName = (base: string, taken: Iterable<string>): string => {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
  return name;
};

/**
 * Adds the tab's Excel table over its filter block's header and data rows (totals stay outside).
 * TableCollection.add(address, hasHeaders) (ExcelApi 1.1, learn.microsoft.com/javascript/api/excel/
 * excel.tablecollection) "creates a new table ... If the table cannot be added (e.g., because the
 * address is invalid, or the table would overlap with another table), an error will be thrown", so
 * the old table of a refilled sheet is deleted first; Excel.Table.name must be unique in the workbook.
 */
const addTable = (sheet: Excel.Worksheet, tab: ReportTab, name: string): boolean => {
  const block = tab.filterBlock === undefined ? undefined : tab.blocks[tab.filterBlock];
  if (!block || block.headerRows < 1) return false;
  const rows = blockLength(block) - (block.totalRows ?? 0) - (block.headerRows - 1);
  if (rows < 2) return false;
  const table = sheet.tables.add(sheet.getRangeByIndexes(block.row + block.headerRows - 1, block.col, rows, Math.max(widestRow(block), 1)), true);
  table.name = name;
  return true;
};

const HEADER_FILL = '#DDE4EE';
/** Points per character of a column width (Excel's default font). */
const POINTS_PER_CHAR = 6;
const CHART_ROWS = 16;
const CHART_COLS = 8;

/** The value writes of a tab: each block (and its title one row above), as rectangles whose rows are made as they are sent. */
const tabWrites = (tab: ReportTab, index: number, date1904: boolean): RowsWrite<number>[] => tab.blocks.flatMap((block) => {
  const width = Math.max(widestRow(block), 1);
  const writes: RowsWrite<number>[] = [];
  if (block.title && block.row > 0) writes.push(rowsWrite({ target: index, row: block.row - 1, col: block.col, values: excelRows([[block.title]], 1) }));
  const length = blockLength(block);
  if (length) writes.push({ target: index, row: block.row, col: block.col, length, rows: (start, end) => excelRows(blockRows(block, start, end), width, date1904) });
  return writes;
});

const addChart = (sheet: Excel.Worksheet, tab: ReportTab, spec: ChartSpec): boolean => {
  const block = tab.blocks[spec.block];
  if (!block || !spec.seriesCols.length) return false;
  const dataRows = Math.min(spec.maxRows, blockLength(block) - block.headerRows);
  if (dataRows <= 0) return false;
  const top = block.row + block.headerRows;
  const column = (c: number) => sheet.getRangeByIndexes(top, block.col + c, dataRows, 1);
  const header = blockRows(block, 0, 1)[0];
  const seriesName = (c: number) => String(header?.[c] ?? '');
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

/** What a paste does not carry: column widths and frozen header rows. */
const applyLayout = (sheet: Excel.Worksheet, tab: ReportTab): void => {
  tab.columnWidths.forEach((chars, c) => {
    if (chars > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  if (tab.frozenRows > 0) sheet.freezePanes.freezeRows(tab.frozenRows);
};

/** The rows printed at the top of every page (1-based, inclusive): the main table's header, else the frozen rows. */
export const printTitleRows = (tab: ReportTab): [number, number] | null => {
  const block = tab.filterBlock === undefined ? undefined : tab.blocks[tab.filterBlock];
  if (block && block.headerRows > 0) return [block.row + 1, block.row + block.headerRows];
  return tab.frozenRows > 0 ? [1, tab.frozenRows] : null;
};

/**
 * Print setup, as the CLI's workbook has it: landscape, one page wide, the header rows on every page.
 * Worksheet.pageLayout is ExcelApi 1.9 (learn.microsoft.com/javascript/api/excel/excel.pagelayout);
 * PageLayoutZoomOptions (excel.pagelayoutzoomoptions) documents horizontalFitToPages and
 * verticalFitToPages as "number of pages to fit" and says nothing of 0 or a missing value. A missing
 * verticalFitToPages could keep the sheet's current value (a new sheet's is 1: the whole tab squeezed
 * onto one page), so 0 is sent: in the file it lands in, OOXML pageSetup fitToHeight="0" is Excel's
 * "Automatic" (as many pages tall as needed), the value Excel itself writes for "Fit all columns on
 * one page". The caller skips this on hosts without ExcelApi 1.9.
 */
const applyPrintSetup = (sheet: Excel.Worksheet, tab: ReportTab): void => {
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape' as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const titles = printTitleRows(tab);
  if (titles) layout.setPrintTitleRows(`$${titles[0]}:$${titles[1]}`);
};

const applyFormats = (sheet: Excel.Worksheet, tab: ReportTab): void => {
  for (const block of tab.blocks) {
    const width = Math.max(widestRow(block), 1);
    const dataRows = blockLength(block) - block.headerRows;
    if (dataRows > 0) {
      block.formats.forEach((format, c) => {
        if (c >= width) return;
        // A single value applies to every cell of the range (Office.js "single input copy"), so the
        // request stays small however many rows there are.
        sheet.getRangeByIndexes(block.row + block.headerRows, block.col + c, dataRows, 1).numberFormat = FORMATS[format] as unknown as string[][];
      });
    }
    // Headers and titles are text ("@" before the values, as for text columns): a partner called "2024"
    // heading a column, or a title that reads like a date, stays as written.
    if (block.headerRows > 0) {
      const header = sheet.getRangeByIndexes(block.row, block.col, block.headerRows, width);
      header.numberFormat = FORMATS.text as unknown as string[][];
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
    }
    if (block.title && block.row > 0) {
      const title = sheet.getRangeByIndexes(block.row - 1, block.col, 1, 1);
      title.numberFormat = FORMATS.text as unknown as string[][];
      title.format.font.bold = true;
    }
  }
  applyLayout(sheet, tab);
};


/** Excel's sheet size: 1,048,576 rows by 16,384 columns. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;

/** Deletes the temporary and backup sheets of a failed write (whichever exist), in a request of its own. */
const removeTemporaries = async (run: ExcelRun, names: readonly string[]): Promise<void> => {
  try {
    await run(async (context) => {
      const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
  } catch {
    // The workbook is closing or unreachable: the "PA new" sheets are dealt with on the next write.
  }
};

/** An old report sheet about to be refilled, as it was: what its backup sheet does not carry (a paste carries cells only). */
interface OldSheet {
  name: string;
  backupName: string;
  /** The part of the sheet its backup holds: rows and columns from A1 to the used range's far corner. */
  rows: number;
  cols: number;
  frozenRows: number;
  /** Column widths in points, from column A. */
  widths: number[];
  tables: { name: string; row: number; col: number; rows: number; cols: number }[];
  /** Its charts (Chart.id, ExcelApi 1.7): they are deleted only after the commit, so a restore keeps them and removes the rest. */
  chartIds: Set<string>;
}

/**
 * Puts every refilled sheet back from its backup, in a request of its own (the failed one may have
 * applied any prefix of its operations: Office.js runs a batch in order and stops at the failing one,
 * so each sheet is restored whatever it went through). Then deletes the temporaries and backups.
 * Returns null when every sheet is back, else the reason the restore failed.
 */
const putBack = async (run: ExcelRun, olds: readonly OldSheet[], others: readonly string[]): Promise<string | null> => {
  try {
    await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const entries = olds.map((old) => {
        const sheet = worksheets.getItem(old.name);
        const charts = sheet.charts;
        charts.load('items/id');
        const tables = sheet.tables;
        tables.load('items/name');
        return { old, sheet, charts, tables };
      });
      await context.sync();
      for (const { old, sheet, charts, tables } of entries) {
        for (const chart of charts.items) if (!old.chartIds.has(chart.id)) chart.delete();
        for (const table of tables.items) table.delete();
        sheet.freezePanes.unfreeze();
        sheet.getRange().clear();
        if (old.rows > 0 && old.cols > 0) {
          sheet.getRangeByIndexes(0, 0, old.rows, old.cols)
            .copyFrom(worksheets.getItem(old.backupName).getRangeByIndexes(0, 0, old.rows, old.cols), 'All' as Excel.RangeCopyType);
        }
        old.widths.forEach((width, c) => { sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width; });
        if (old.frozenRows > 0) sheet.freezePanes.freezeRows(old.frozenRows);
        for (const t of old.tables) sheet.tables.add(sheet.getRangeByIndexes(t.row, t.col, t.rows, t.cols), true).name = t.name;
      }
      await context.sync();
    });
  } catch (error) {
    return errorReason(error);
  }
  await removeTemporaries(run, [...others, ...olds.map((o) => o.backupName)]);
  return null;
};

/** Shows each backup under a clear name after a failed restore, and says where each old sheet's content is. */
const keepBackups = async (run: ExcelRun, olds: readonly OldSheet[]): Promise<{ tab: string; backup: string }[]> => {
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const taken = worksheets.items.map((sheet) => sheet.name);
      const kept = olds.map((old) => {
        const name = keptBackupName(old.name, taken, SHEET_NAME_MAX_LENGTH);
        taken.push(name);
        const backup = worksheets.getItem(old.backupName);
        backup.visibility = 'Visible' as Excel.SheetVisibility;
        backup.name = name;
        return { tab: old.name, backup: name };
      });
      await context.sync();
      return kept;
    });
  } catch {
    return olds.map((old) => ({ tab: old.name, backup: `${old.backupName} (hidden: right-click a sheet tab, Unhide)` }));
  }
};

/**
 * Writes (or replaces) the report tabs, all or nothing, in the order of the core's `swapTabs` (which
 * the Sheets host runs step by step; here the steps travel in batches). The new tabs are written in
 * full under temporary names (formats before values, so text formatted "@" stays text), and with the
 * first value request each old tab that will be refilled is copied into a hidden backup sheet
 * (Range.copyFrom "All": values, formulas and formats) and its charts, tables, frozen rows and column
 * widths are read. Then one request refills each old tab from its temporary (kept, so formulas
 * elsewhere that refer to it still work), renames the new ones and adds the charts and tables. If
 * anything fails up to there, the old tabs are put back from their backups (a backup that cannot be
 * put back is shown under a clear name, and the error says where) and the temporary and backup sheets
 * are removed. Only after that request succeeded are the old charts, the stale tabs and the backups
 * deleted. A sheet is replaced only when its marker says the add-in wrote it; a user's sheet with the
 * same name stays as it is and the tab goes to "Name (2)". A tab larger than an Excel sheet is left
 * out, and the message says so. A backup left by a write that was cut short (the workbook closed) is
 * shown and named, never deleted: it may hold the only copy of a tab's previous content.
 *
 * Relied on (learn.microsoft.com/javascript/api/excel): Worksheet.visibility (ExcelApi 1.1; a
 * workbook keeps at least one visible sheet), Chart.id (1.7), FreezePanes.getLocationOrNullObject
 * (1.7), Range.copyFrom (1.9), Worksheet.getUsedRangeOrNullObject(valuesOnly false: formatted cells
 * count as used), and a batch running its operations in order and stopping at the first that fails.
 */
export async function writeReportTabs(allTabs: readonly ReportTab[], options: WriterOptions = {}): Promise<WriteResult> {
  const run = options.run ?? defaultExcelRun;
  const canPrintSetup = (options.supports ?? officeSupports)('ExcelApi', '1.9');
  const progress = options.onProgress ?? (() => undefined);
  const skipped: string[] = [];
  const tabs = allTabs.filter((tab) => {
    const { rows, cols } = tabExtent(tab);
    if (rows <= EXCEL_MAX_ROWS && cols <= EXCEL_MAX_COLS) return true;
    skipped.push(tabTooBigMessage(tab.name, rows * cols, `an Excel worksheet holds ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows`));
    return false;
  });
  let temporaries: string[] = [];
  let backups: string[] = [];
  /** The names the new (not refilled) tabs take in the refill request: removed with the temporaries if it fails. */
  let newNames: string[] = [];
  /** Set when the refill request goes out: from then until it succeeded, a failure means putting the old sheets back. */
  let refilling: OldSheet[] | null = null;
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();

      const found = worksheets.items.map((sheet) => {
        const marker = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
        marker.load('value');
        const tables = sheet.tables;
        tables.load('items/name');
        const used = sheet.getUsedRangeOrNullObject(false);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        return { sheet, marker, tables, used };
      });
      await context.sync();

      const leftovers = found.filter((f) => f.sheet.name.startsWith(TEMPORARY_TAB_PREFIX) && !f.marker.isNullObject && parseMarker(f.marker.value) !== null);
      const existing = found.filter((f) => !leftovers.includes(f))
        .map(({ sheet, marker }) => ({ name: sheet.name, ownedReport: marker.isNullObject ? null : parseMarker(marker.value)?.tab ?? null }));
      const plan = planTabTargets(tabs.map((t) => t.name), existing, { sheetNames: tabs.map((t) => t.sheetName), maxLength: SHEET_NAME_MAX_LENGTH });
      const byName = new Map(found.map((f) => [f.sheet.name.toLowerCase(), f.sheet] as const));
      // An earlier write that died half-way left "PA new" sheets: they go first.
      for (const f of leftovers) f.sheet.delete();
      // Its backups may hold the only copy of a tab's previous content: shown and named, never deleted.
      const taken = existing.map((e) => e.name);
      const keptBackups: string[] = [];
      for (const f of found) {
        const tab = f.marker.isNullObject ? null : parseBackupMarker(f.marker.value);
        if (tab === null || !f.sheet.name.startsWith(BACKUP_TAB_PREFIX)) continue;
        const name = keptBackupName(tab, [...taken, ...keptBackups], SHEET_NAME_MAX_LENGTH);
        f.sheet.visibility = 'Visible' as Excel.SheetVisibility;
        f.sheet.name = name;
        keptBackups.push(name);
      }
      temporaries = temporaryTabNames(tabs.length, [...taken, ...keptBackups]);
      const olds = plan.targets.map((target) => (target.reuse ? byName.get(target.sheetName.toLowerCase()) : undefined));
      const reused = olds.flatMap((old, i) => (old ? [i] : []));
      backups = backupTabNames(reused.length, [...taken, ...keptBackups, ...temporaries]);

      const newSheets = tabs.map((tab, i) => {
        const sheet = worksheets.add(temporaries[i]!);
        sheet.customProperties.add(MARKER_KEY, markerValue(tab.name));
        // Formats before values: Excel reads a string as typed input unless the cell is already "@".
        applyFormats(sheet, tab);
        return sheet;
      });

      // With the first value request: each old sheet's backup, and what it holds besides cells.
      const reads = reused.map((i, k) => {
        const old = olds[i]!;
        const f = found.find((x) => x.sheet === old)!;
        const rows = f.used.isNullObject ? 0 : f.used.rowIndex + f.used.rowCount;
        const cols = f.used.isNullObject ? 0 : f.used.columnIndex + f.used.columnCount;
        const charts = old.charts;
        charts.load('items/id');
        const tables = f.tables.items.map((table) => {
          const range = table.getRange();
          range.load('rowIndex,columnIndex,rowCount,columnCount');
          return { table, range };
        });
        const frozen = old.freezePanes.getLocationOrNullObject();
        frozen.load('rowCount');
        // The columns the refill may widen: the old used ones and the new tab's.
        const widths = Array.from({ length: Math.max(cols, tabs[i]!.columnWidths.length) }, (_, c) => {
          const format = old.getRangeByIndexes(0, c, 1, 1).format;
          format.load('columnWidth');
          return format;
        });
        const backup = worksheets.add(backups[k]!);
        backup.customProperties.add(MARKER_KEY, backupMarkerValue(old.name));
        if (rows > 0 && cols > 0) backup.getRangeByIndexes(0, 0, rows, cols).copyFrom(old.getRangeByIndexes(0, 0, rows, cols), 'All' as Excel.RangeCopyType);
        backup.visibility = 'Hidden' as Excel.SheetVisibility;
        return { i, old, rows, cols, charts, tables, frozen, widths, backupName: backups[k]! };
      });

      // Batches are made as they are sent: only one request's rows are alive at a time. How many there
      // are is known only at the end; until then the total shown is projected from the rows sent so far.
      const writes = tabs.flatMap((tab, i) => tabWrites(tab, i, options.date1904 ?? false));
      const allRows = writes.reduce((n, w) => n + w.length, 0);
      let sentRows = 0;
      let batchCount = 0;
      for (const batch of valueBatches(writes, options.batchBytes ?? DEFAULT_BATCH_BYTES)) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        for (const chunk of batch) {
          const width = chunk.values[0]?.length ?? 1;
          newSheets[chunk.target]!.getRangeByIndexes(chunk.row, chunk.col, chunk.values.length, width).values = chunk.values;
          sentRows += chunk.values.length;
        }
        await context.sync();
        batchCount += 1;
        const projected = Math.ceil((batchCount * allRows) / Math.max(sentRows, 1));
        progress({ step: 'Writing values', done: batchCount, total: Math.max(batchCount, projected) + 1 });
      }
      const total = batchCount + 1;
      if (!batchCount && reads.length) await context.sync();
      const oldSheets: OldSheet[] = reads.map((r) => ({
        name: r.old.name, backupName: r.backupName, rows: r.rows, cols: r.cols,
        frozenRows: r.frozen.isNullObject ? 0 : r.frozen.rowCount,
        widths: r.widths.map((w) => w.columnWidth),
        tables: r.tables.map(({ table, range }) => ({ name: table.name, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount })),
        chartIds: new Set(r.charts.items.map((c) => c.id)),
      }));

      // The refill. Deleting a sheet turns every formula that refers to it into #REF! for good (Excel
      // rewrites the reference; a new sheet of the same name does not restore it), so an existing
      // report sheet is kept: cleared (Range.clear() with no argument clears contents and formats),
      // then filled from its temporary with Range.copyFrom(source, "All"), which, per "Cut, copy,
      // and paste ranges using the Excel JavaScript API" (learn.microsoft.com/office/dev/add-ins/
      // excel/excel-add-ins-ranges-cut-copy-paste), replicates the UI's copy and paste of values and
      // formatting (ExcelApi 1.9). Column widths, frozen rows and charts are not part of a paste:
      // they are set again on the kept sheet. Its old charts stay until the commit. Then the temporary is deleted.
      newNames = plan.targets.filter((_, i) => !olds[i]).map((t) => t.sheetName);
      refilling = oldSheets;
      const finalSheets = tabs.map((tab, i) => {
        const old = olds[i];
        const fresh = newSheets[i]!;
        if (!old) return fresh;
        // A paste does not carry a table, and a new one may not overlap the old: the old one goes first.
        for (const table of found.find((f) => f.sheet === old)?.tables.items ?? []) table.delete();
        old.freezePanes.unfreeze();
        old.getRange().clear();
        const { rows, cols } = tabExtent(tab);
        old.getRangeByIndexes(0, 0, rows, cols).copyFrom(fresh.getRangeByIndexes(0, 0, rows, cols), 'All' as Excel.RangeCopyType);
        applyLayout(old, tab);
        old.customProperties.add(MARKER_KEY, markerValue(tab.name));
        fresh.delete();
        return old;
      });
      // With nothing refilled there is nothing to put back: stale tabs go in this request, as before.
      const staleNow = reused.length === 0;
      if (staleNow) for (const name of plan.stale) byName.get(name.toLowerCase())?.delete();
      // Tables on sheets that are now refilled or deleted have gone; the others keep their names.
      const gone = new Set<Excel.Worksheet>([...finalSheets, ...leftovers.map((f) => f.sheet), ...(staleNow ? plan.stale.flatMap((n) => byName.get(n.toLowerCase()) ?? []) : [])]);
      const takenTables = found.filter((f) => !gone.has(f.sheet)).flatMap((f) => f.tables.items.map((t) => t.name));
      finalSheets.forEach((sheet, i) => { if (sheet === newSheets[i]) sheet.name = plan.targets[i]!.sheetName; });

      let charts = 0;
      tabs.forEach((tab, i) => {
        for (const spec of tab.charts) if (addChart(finalSheets[i]!, tab, spec)) charts += 1;
        if (canPrintSetup) applyPrintSetup(finalSheets[i]!, tab);
        const base = EXCEL_TABLES[tab.name];
        if (base) {
          const name = uniqueTableName(base, takenTables);
          if (addTable(finalSheets[i]!, tab, name)) takenTables.push(name);
        }
      });
      finalSheets[0]?.activate();
      await context.sync();
      refilling = null;
      temporaries = [];
      progress({ step: 'Formats and charts', done: total, total });

      // The commit is made: what cannot be undone, in a request of its own.
      const notes: string[] = [];
      if (!staleNow) {
        try {
          for (const r of reads) for (const chart of r.charts.items) chart.delete();
          for (const name of plan.stale) byName.get(name.toLowerCase())?.delete();
          for (const name of backups) worksheets.getItem(name).delete();
          await context.sync();
        } catch (error) {
          notes.push(tidyFailedNote(errorReason(error)));
        }
      }
      backups = [];

      const written = plan.targets.map((t) => t.sheetName);
      const message = [tabs.length ? describeWrittenTabs(plan) : '', charts ? `Added ${charts} chart${charts === 1 ? '' : 's'}.` : '', ...skipped,
        ...(keptBackups.length ? [leftoverBackupNote(keptBackups)] : []), ...notes]
        .filter(Boolean).join(' ');
      return { written, message };
    });
  } catch (error) {
    const reason = errorReason(error);
    const olds: OldSheet[] | null = refilling;
    if (olds) {
      const others = [...temporaries, ...newNames];
      const failed = await putBack(run, olds, others);
      if (failed !== null) {
        const kept = await keepBackups(run, olds);
        await removeTemporaries(run, others);
        throw new Error(tabsNotRestoredMessage(reason, failed, kept), { cause: error });
      }
    } else if (temporaries.length || backups.length) await removeTemporaries(run, [...temporaries, ...backups]);
    throw new Error(tabsKeptMessage(reason), { cause: error });
  }
}
