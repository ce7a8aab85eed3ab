/**
 * Appends one planned override row (core planOverrideAppend) to the user's Attribution Overrides
 * worksheet, or to a new one with its header row. Only the plan's cells are written, formatted as
 * Text first so a Deal ID "00123" stays "00123" and "=x" stays text. One sync.
 */
import type { OverrideAppend } from '../../core/overrides/overrideRow';
import { OVERRIDES_TAB } from '../../core/overrides/readOverrides';
import { FORMATS } from '../../core/report/ReportTab';
import type { ExcelRun } from './excelRun';

/** Where the user's overrides sheet is: its name and where its used range (the plan's grid) starts. */
export interface OverridesSheet { name: string; firstRow: number; firstCol: number }

/** Writes the plan into `sheet` (null: a new "Attribution Overrides" sheet). */
export async function writeOverrideRow(run: ExcelRun, sheet: OverridesSheet | null, plan: OverrideAppend): Promise<void> {
  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const target = sheet === null ? worksheets.add(OVERRIDES_TAB) : worksheets.getItem(sheet.name);
    const top = sheet === null ? 0 : sheet.firstRow - 1;
    const left = sheet === null ? 0 : sheet.firstCol;
    const put = (row: number, column: number, texts: string[]): Excel.Range => {
      const range = target.getRangeByIndexes(top + row, left + column, 1, texts.length);
      range.numberFormat = [texts.map(() => FORMATS.text)];
      range.values = [texts];
      return range;
    };
    if (plan.header) {
      put(0, 0, plan.header).format.font.bold = true;
      target.freezePanes.freezeRows(1);
    }
    for (const cell of plan.cells) put(plan.rowIndex, cell.column, [cell.text]);
    await context.sync();
  });
}
