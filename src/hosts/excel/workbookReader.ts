/**
 * Reads the workbook once for the task pane: every worksheet's used range (values only), skipping
 * the add-in's own report sheets, with the classification-columns marker of each sheet. Large
 * ranges are read in row chunks so no response passes Excel on the web's 5 MB limit.
 */
import type { Cell } from '../../core/types';
import type { TabData } from '../../core/service/sidebarService';
import type { ExcelRun } from './excelRun';
import { DEFAULT_BATCH_BYTES } from './payloadBatches';
import { COLUMNS_MARKER_KEY, MARKER_KEY, parseColumnsMarker, parseMarker } from './sheetMarker';

/** A worksheet as read: its values and, when present, where the add-in's classification columns start. */
export interface SheetData extends TabData {
  /** 0-based sheet column of the add-in's classification columns, from the sheet's marker. */
  ownedColumn: number | null;
  /** 0-based sheet column just right of the used range. */
  nextFreeColumn: number;
}

/** Assumed bytes per cell when sizing read chunks (before the values are known). */
const BYTES_PER_CELL = 48;

interface Dims { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }

/** Reads all user worksheets; syncs: 2 + one per ~4 MB of cells. */
export async function readWorkbook(run: ExcelRun, budget = DEFAULT_BATCH_BYTES): Promise<SheetData[]> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();

    const found = worksheets.items.map((sheet) => {
      const marker = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
      const columns = sheet.customProperties.getItemOrNullObject(COLUMNS_MARKER_KEY);
      const used = sheet.getUsedRangeOrNullObject(true);
      marker.load('value');
      columns.load('value');
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { sheet, marker, columns, used };
    });
    await context.sync();

    const sheets = found
      .filter((f) => f.marker.isNullObject || parseMarker(f.marker.value) === null)
      .map((f) => {
        const dims: Dims | null = f.used.isNullObject ? null
          : { rowIndex: f.used.rowIndex, columnIndex: f.used.columnIndex, rowCount: f.used.rowCount, columnCount: f.used.columnCount };
        return { sheet: f.sheet, dims, ownedColumn: f.columns.isNullObject ? null : parseColumnsMarker(f.columns.value), grid: [] as Cell[][] };
      });

    // Row chunks, packed into syncs of at most `budget` estimated bytes.
    const chunks = sheets.flatMap((s, index) => {
      if (!s.dims) return [];
      const { rowIndex, columnIndex, rowCount, columnCount } = s.dims;
      const rowBytes = Math.max(columnCount, 1) * BYTES_PER_CELL;
      const perChunk = Math.max(1, Math.floor(budget / rowBytes));
      const out: { index: number; row: number; rows: number; bytes: number; col: number; cols: number }[] = [];
      for (let r = 0; r < rowCount; r += perChunk) {
        const rows = Math.min(perChunk, rowCount - r);
        out.push({ index, row: rowIndex + r, rows, bytes: rows * rowBytes, col: columnIndex, cols: columnCount });
      }
      return out;
    });
    let pending: { index: number; range: Excel.Range }[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pending.length) return;
      await context.sync();
      for (const { index, range } of pending) sheets[index]!.grid.push(...(range.values as Cell[][]));
      pending = [];
      pendingBytes = 0;
    };
    for (const chunk of chunks) {
      if (pendingBytes + chunk.bytes > budget) await flush();
      const range = sheets[chunk.index]!.sheet.getRangeByIndexes(chunk.row, chunk.col, chunk.rows, chunk.cols);
      range.load('values');
      pending.push({ index: chunk.index, range });
      pendingBytes += chunk.bytes;
    }
    await flush();

    return sheets.map((s) => ({
      name: s.sheet.name,
      grid: s.grid,
      firstRow: (s.dims?.rowIndex ?? 0) + 1,
      firstCol: s.dims?.columnIndex ?? 0,
      ownedColumn: s.ownedColumn,
      nextFreeColumn: s.dims ? s.dims.columnIndex + s.dims.columnCount : 0,
    }));
  });
}
