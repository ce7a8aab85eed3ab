/**
 * Reads the workbook once for the task pane: every worksheet's used range (values only), skipping
 * the add-in's own report sheets, with the classification-columns marker of each sheet. Large
 * ranges are read in row blocks sized from the data itself (a first block of each sheet is measured),
 * so no response passes Excel on the web's 5 MB limit even when rows hold long notes.
 */
import type { Cell } from '../../core/types';
import type { TabData } from '../../core/service/sidebarService';
import type { ExcelRun } from './excelRun';
import { DEFAULT_BATCH_BYTES, estimateRowBytes } from './payloadBatches';
import { COLUMNS_MARKER_KEY, MARKER_KEY, parseBackupMarker, parseColumnsMarker, parseMarker } from './sheetMarker';

/** A worksheet as read: its values and, when present, where the add-in's classification columns start. */
export interface SheetData extends TabData {
  /** 0-based sheet column of the add-in's classification columns, from the sheet's marker. */
  ownedColumn: number | null;
  /** 0-based sheet column just right of the used range. */
  nextFreeColumn: number;
}

/** Rows of each sheet read first, to measure how many bytes a row of that sheet takes. */
const FIRST_BLOCK_ROWS = 100;
/** Bytes per cell assumed for the first blocks only, before anything is measured. */
const FIRST_GUESS_BYTES_PER_CELL = 48;
/** Margin on the largest row measured so far: later rows may hold longer notes. */
const MARGIN = 1.5;

const PAYLOAD_ERRORS = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'PayloadTooLarge']);
const isPayloadError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_ERRORS.has(code);
};

/** A block of rows of one sheet still to read. */
interface Block { index: number; row: number; rows: number }

interface Dims { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }

/** Reads all user worksheets; syncs: 2 + one for the first blocks + one per ~4 MB of cells (more only when rows grow). */
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
      // Report sheets, and the add-in's backups of them, are never read as deals.
      .filter((f) => f.marker.isNullObject || (parseMarker(f.marker.value) === null && parseBackupMarker(f.marker.value) === null))
      .map((f) => {
        const dims: Dims | null = f.used.isNullObject ? null
          : { rowIndex: f.used.rowIndex, columnIndex: f.used.columnIndex, rowCount: f.used.rowCount, columnCount: f.used.columnCount };
        return { sheet: f.sheet, dims, ownedColumn: f.columns.isNullObject ? null : parseColumnsMarker(f.columns.value), grid: [] as Cell[][] };
      });

    // Each sheet's first block is read with a guess; its rows measure the sheet, and the rest is
    // read in blocks sized from the largest row seen so far. A response Excel refuses as too large
    // is retried in halves (a later row may hold far longer notes than the first ones).
    const rowBytes = sheets.map((s) => Math.max(s.dims?.columnCount ?? 1, 1) * FIRST_GUESS_BYTES_PER_CELL);
    const measured = sheets.map(() => false);
    const parts = sheets.map(() => new Map<number, Cell[][]>());
    let queue: Block[] = [];
    sheets.forEach((s, index) => {
      if (s.dims) queue.push({ index, row: s.dims.rowIndex, rows: Math.min(FIRST_BLOCK_ROWS, s.dims.rowCount) });
    });
    const rest = (index: number): Block[] => {
      const dims = sheets[index]!.dims!;
      const perBlock = Math.max(1, Math.floor(budget / rowBytes[index]!));
      const out: Block[] = [];
      const first = Math.min(FIRST_BLOCK_ROWS, dims.rowCount);
      for (let r = first; r < dims.rowCount; r += perBlock) out.push({ index, row: dims.rowIndex + r, rows: Math.min(perBlock, dims.rowCount - r) });
      return out;
    };
    while (queue.length) {
      const batch: { block: Block; range: Excel.Range }[] = [];
      let bytes = 0;
      while (queue.length) {
        const block = queue[0]!;
        const cost = block.rows * rowBytes[block.index]!;
        if (batch.length && bytes + cost > budget) break;
        queue.shift();
        const dims = sheets[block.index]!.dims!;
        const range = sheets[block.index]!.sheet.getRangeByIndexes(block.row, dims.columnIndex, block.rows, dims.columnCount);
        range.load('values');
        batch.push({ block, range });
        bytes += cost;
      }
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        const single = batch.find(({ block }) => block.rows === 1 && batch.length === 1);
        if (single) {
          throw new Error(`Row ${single.block.row + 1} of "${sheets[single.block.index]!.sheet.name}" holds more data than Excel can hand over in one response (5 MB).`, { cause: error });
        }
        // Retry in halves, and assume rows twice as big from now on.
        const halves = batch.flatMap(({ block }) => {
          rowBytes[block.index] = rowBytes[block.index]! * 2;
          const top = Math.ceil(block.rows / 2);
          return block.rows === 1 ? [block] : [{ ...block, rows: top }, { ...block, row: block.row + top, rows: block.rows - top }];
        });
        queue = [...halves, ...queue];
        continue;
      }
      const newlyMeasured: number[] = [];
      for (const { block, range } of batch) {
        const values = range.values as Cell[][];
        parts[block.index]!.set(block.row, values);
        const largest = values.reduce((max, row) => Math.max(max, estimateRowBytes(row)), 0);
        if (!measured[block.index]) {
          measured[block.index] = true;
          rowBytes[block.index] = Math.max(1, Math.ceil(largest * MARGIN));
          newlyMeasured.push(block.index);
        } else if (largest * MARGIN > rowBytes[block.index]!) {
          rowBytes[block.index] = Math.ceil(largest * MARGIN);
        }
      }
      for (const index of newlyMeasured) queue.push(...rest(index));
    }
    sheets.forEach((s, index) => {
      for (const row of [...parts[index]!.keys()].sort((a, b) => a - b)) s.grid.push(...parts[index]!.get(row)!);
    });

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
