/**
 * Lays the core's report tabs out in an .xlsx: values at block positions, number formats, bold shaded
 * headers that wrap in a row tall enough for them, bold total rows, block titles, frozen header rows and
 * columns, an autofilter over each tab's main table, a landscape print setup one page wide that repeats
 * the table's header rows on every page, and the charts.
 *
 * ExcelJS's streaming writer writes the workbook around the cells (styles, sheet views, filters, print
 * setup, the workbook part), with every sheet's rows left out, into memory; the file is then written as
 * one stream: those parts copied through, each sheet's rows laid out straight from the blocks into its
 * part (src/cli/xlsx/sheetRows.ts) and deflated as they go, and the chart parts added. Nothing grows with
 * the deal count but the file on disk.
 */
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ReportTab } from '../core';
import { blockLength, widestRow } from '../core';
import { chartEdits } from './xlsx/addCharts';
import type { PackageParts } from './xlsx/addCharts';
import { CellStyleIds, styleTableOf } from './xlsx/cellStyles';
import { chartPlan } from './xlsx/chartPlan';
import { columnName, writeSheetData } from './xlsx/sheetRows';
import { ZipArchive } from './xlsx/zipArchive';
import { ZipWriter } from './xlsx/zipWriter';

export { headerRowHeight } from './xlsx/sheetRows';

/**
 * Deflate level 1: a million-deal Deal Attribution sheet is about 630 MB of XML, which level 6 takes about
 * 17 s of CPU to compress and level 1 about 6 s, for a file about a quarter bigger.
 */
const SHEET_COMPRESSION = 1;
/** Where ExcelJS leaves a sheet's rows when it was given none. */
const EMPTY_SHEET_DATA = '<sheetData></sheetData>';

/** The tab's filter range (its filter block's header and data rows, not its total rows), or null. */
function filterRange(tab: ReportTab): { from: { row: number; column: number }; to: { row: number; column: number } } | null {
  const block = tab.filterBlock === undefined ? undefined : tab.blocks[tab.filterBlock];
  if (!block || blockLength(block) === 0) return null;
  const width = widestRow(block);
  const last = block.row + blockLength(block) - (block.totalRows ?? 0);
  return { from: { row: block.row + 1, column: block.col + 1 }, to: { row: last, column: block.col + width } };
}

/** Adds the tab's sheet to the workbook with its views, filter and print setup, and no rows (they are written later). */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, tab: ReportTab): void {
  const frozenColumns = tab.frozenColumns ?? 0;
  const filter = filterRange(tab);
  const titleRows = filter ? `${filter.from.row}:${filter.from.row}` : tab.frozenRows > 0 ? `1:${tab.frozenRows}` : undefined;
  const sheet = workbook.addWorksheet(tab.name.slice(0, 31), {
    views: tab.frozenRows > 0 || frozenColumns > 0 ? [{ state: 'frozen', ySplit: tab.frozenRows, xSplit: frozenColumns }] : [],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(titleRows ? { printTitlesRow: titleRows } : {}) },
    ...(filter ? { autoFilter: `${columnName(filter.from.column - 1)}${filter.from.row}:${columnName(filter.to.column - 1)}${filter.to.row}` } : {}),
  });
  sheet.commit();
}

/** The workbook without its rows, as ExcelJS writes it (a few kilobytes), and the style ids its cells will use. */
async function workbookFrame(tabs: readonly ReportTab[]): Promise<{ frame: Buffer; styles: CellStyleIds }> {
  // Loaded when a workbook is written: requiring ExcelJS takes about half a second, which a --json run need not pay.
  const excel = (await import('exceljs')).default;
  const chunks: Buffer[] = [];
  const stream = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); } });
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Partner Attribution';
  // A workbook view: without one LibreOffice ignores every sheet's frozen panes.
  workbook.views = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const filters: { name: string; localSheetId: number; ranges: string[] }[] = [];
  for (const [index, tab] of tabs.entries()) {
    addSheet(workbook, tab);
    const range = filterRange(tab);
    if (range) {
      const sheet = `'${tab.name.slice(0, 31).replace(/'/g, "''")}'`;
      const ref = `$${columnName(range.from.column - 1)}$${range.from.row}:$${columnName(range.to.column - 1)}$${range.to.row}`;
      filters.push({ name: '_xlnm._FilterDatabase', localSheetId: index, ranges: [`${sheet}!${ref}`] });
    }
  }
  // Excel and LibreOffice find a sheet's autofilter range by its _FilterDatabase name (LibreOffice drops
  // the filter without it); ExcelJS's stream writer has no way to add a sheet-scoped name, so the names
  // it would write (none) are replaced by these.
  Object.defineProperty(workbook.definedNames, 'model', { get: () => filters });
  const styles = new CellStyleIds(styleTableOf(workbook));
  // Every style a cell of these tabs can have is registered before commit writes the style part.
  for (const tab of tabs) for (const block of tab.blocks) styles.registerBlock(block);
  await workbook.commit();
  styles.sealed = true;
  return { frame: Buffer.concat(chunks), styles };
}

/** The sheet part of each tab, in tab order, from the frame's workbook part and relationships. */
function sheetPartsOf(frame: ZipArchive, tabs: readonly ReportTab[]): Map<string, ReportTab> {
  const workbook = frame.text('xl/workbook.xml') ?? '';
  const rels = frame.text('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const ids = [...workbook.matchAll(/<sheet\b[^>]*\br:id="([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length !== tabs.length) throw new Error(`the workbook frame has ${ids.length} sheets for ${tabs.length} tabs`);
  const parts = new Map<string, ReportTab>();
  ids.forEach((id, i) => {
    const target = targets.get(id);
    if (target === undefined) throw new Error(`the workbook frame has no part for sheet ${i + 1}`);
    parts.set(target.startsWith('/') ? target.slice(1) : `xl/${target}`, tabs[i]!);
  });
  return parts;
}

/** Writes the workbook for `tabs` to `file` (the caller passes a temp path and renames it when done). */
export async function xlsxWriter(tabs: readonly ReportTab[], file: string): Promise<void> {
  const { frame: bytes, styles } = await workbookFrame(tabs);
  const frame = new ZipArchive(bytes);
  const pkg: PackageParts = { has: (name) => frame.has(name), text: async (name) => frame.text(name) };
  // ExcelJS cannot write charts: their parts are added, and the charted sheets get their <drawing>.
  const edits = await chartEdits(pkg, chartPlan(tabs));
  const sheets = sheetPartsOf(frame, tabs);
  const zip = new ZipWriter(file, SHEET_COMPRESSION);
  try {
    for (const name of frame.names()) {
      const tab = sheets.get(name);
      const replaced = edits.get(name);
      edits.delete(name);
      if (tab !== undefined) {
        const xml = replaced ?? frame.text(name) ?? '';
        const at = xml.indexOf(EMPTY_SHEET_DATA);
        if (at < 0) throw new Error(`the workbook frame's ${name} has no empty <sheetData>`);
        const entry = await zip.addStream(name);
        await entry.write(xml.slice(0, at));
        await writeSheetData(tab, styles, (piece) => entry.write(piece));
        await entry.write(xml.slice(at + EMPTY_SHEET_DATA.length));
        await entry.end();
      } else if (replaced !== undefined) await zip.addText(name, replaced);
      else await zip.addRaw(name, frame.entry(name)!);
    }
    for (const [name, xml] of edits) await zip.addText(name, xml);
    await zip.close();
  } catch (error) {
    await zip.abort();
    throw error;
  }
}
