/**
 * Writes the three classification columns (Partner Motion, Partner(s), Partner Reason) next to the
 * data, in columns the add-in owns: where its marker says it wrote them before, else right of the
 * used range. Syncs: one per ~4 MB of values, plus one for formats.
 */
import type { Cell } from '../../core/types';
import type { WriteResult, Progress } from '../../core/hostApi';
import { a1Range } from '../../core/service/sidebarService';
import type { ExcelRun } from './excelRun';
import { excelRows } from './excelCell';
import { DEFAULT_BATCH_BYTES, planValueBatches } from './payloadBatches';
import { COLUMNS_MARKER_KEY, columnsMarkerValue } from './sheetMarker';

export interface ClassificationTarget {
  sheetName: string;
  /** Sheet row number of values[0]. */
  firstRow: number;
  /** 0-based sheet column of the first classification column. */
  column: number;
  /** Row 0-based index of the header row within values. */
  headerIndex: number;
}

/** Writes the columns at `target`; returns the A1 range written. */
export async function writeClassificationColumns(run: ExcelRun, target: ClassificationTarget, values: readonly (readonly Cell[])[],
  onProgress: (progress: Progress) => void = () => undefined, budget = DEFAULT_BATCH_BYTES): Promise<WriteResult> {
  const width = 3;
  const rows = excelRows(values, width);
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(target.sheetName);
    sheet.customProperties.add(COLUMNS_MARKER_KEY, columnsMarkerValue(target.column));
    const batches = planValueBatches([{ target: 0, row: target.firstRow - 1, col: target.column, values: rows }], budget);
    for (const [b, batch] of batches.entries()) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const chunk of batch) sheet.getRangeByIndexes(chunk.row, chunk.col, chunk.values.length, width).values = chunk.values;
      await context.sync();
      onProgress({ step: 'Writing classification columns', done: b + 1, total: batches.length + 1 });
    }
    if (rows.length > target.headerIndex) {
      sheet.getRangeByIndexes(target.firstRow - 1 + target.headerIndex, target.column, 1, width).format.font.bold = true;
    }
    sheet.getRangeByIndexes(0, target.column, 1, width).format.columnWidth = 110;
    await context.sync();
    onProgress({ step: 'Writing classification columns', done: batches.length + 1, total: batches.length + 1 });
    const address = `${target.sheetName}!${a1Range(target.firstRow, target.column, rows.length, width)}`;
    return { written: [address], message: `Wrote the Partner Motion, Partner(s) and Partner Reason columns in ${address}.` };
  });
}
