/**
 * The report's cell styles (block titles, bold shaded headers, bold total rows with a rule above, number
 * formats) and their style ids in the workbook. Each distinct (style, value type) pair is registered once
 * with ExcelJS's style table, which writes styles.xml; the sheet rows then carry the id, so no style is
 * worked out per cell.
 */
import type ExcelJS from 'exceljs';
import type { FormatName, ReportBlock } from '../../core';
import { FORMATS, blockWidth } from '../../core';

/** ExcelJS's cell value types, as its style table distinguishes them (a date with no number format gets mm-dd-yy). */
export const ValueType = { Null: 0, Number: 2, String: 3, Date: 4, Boolean: 9 } as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** What a cell is on its tab, which decides its style. */
export type CellKind = 'title' | 'header' | 'total' | 'data';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  alignment: { vertical: 'middle', wrapText: true },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
/** A cell with none of the report's styles (what ExcelJS gives a cell nobody styled). */
const PLAIN: Partial<ExcelJS.Style> = {};

/** A total row's cell: bold, a rule above, its number format kept. */
const totalStyle = (format: FormatName | undefined): Partial<ExcelJS.Style> =>
  ({ font: { bold: true }, border: { top: { style: 'thin' } }, ...(format && format !== 'general' ? { numFmt: FORMATS[format] } : {}) });

/**
 * The style a cell of `kind` in a column formatted `format` gets, or null for none: data cells show their
 * column's number format unless they hold text (a text cell in a money column stays plain).
 */
export function cellStyle(kind: CellKind, format: FormatName | undefined, isText: boolean): Partial<ExcelJS.Style> | null {
  if (kind === 'title') return TITLE_STYLE;
  if (kind === 'header') return HEADER_STYLE;
  if (kind === 'total') return totalStyle(format);
  return format && format !== 'general' && !isText ? { numFmt: FORMATS[format] } : null;
}

/** The part of ExcelJS's streaming workbook that numbers cell styles (`styles`, not in its typings). */
export interface StyleTable {
  addStyleModel(style: Partial<ExcelJS.Style>, type: ValueType): number;
}

/** The style table of an ExcelJS streaming workbook written with `useStyles: true`. */
export function styleTableOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter): StyleTable {
  const table = (workbook as unknown as { styles?: Partial<StyleTable> }).styles;
  if (typeof table?.addStyleModel !== 'function') throw new Error('this ExcelJS has no style table on its streaming workbook');
  return table as StyleTable;
}

/** Style ids by (kind, format, value type), each registered with the workbook's style table on first use. */
export class CellStyleIds {
  private readonly ids = new Map<string, number>();
  /** Set once the style part is written: a style first asked for after that would point at nothing. */
  sealed = false;

  constructor(private readonly table: StyleTable) {}

  /** Registers every style a cell of `block` can have (its title; per column, each kind of row it has and each value type). */
  registerBlock(block: ReportBlock): void {
    if (block.title) this.id('title', undefined, ValueType.String);
    const kinds: CellKind[] = ['data', ...(block.headerRows > 0 ? ['header' as const] : []), ...((block.totalRows ?? 0) > 0 ? ['total' as const] : [])];
    for (let j = 0, width = blockWidth(block); j < width; j++) {
      for (const kind of kinds) for (const type of Object.values(ValueType)) this.id(kind, block.formats[j], type);
    }
  }

  /** The id (the `s` attribute; 0 is the default style) of a cell of `kind` holding a `type` value in a `format` column. */
  id(kind: CellKind, format: FormatName | undefined, type: ValueType): number {
    const key = `${kind}|${format ?? ''}|${type}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      if (this.sealed) throw new Error(`a cell style (${key}) was not registered before the workbook's styles were written`);
      id = this.table.addStyleModel(cellStyle(kind, format, type === ValueType.String) ?? PLAIN, type);
      this.ids.set(key, id);
    }
    return id;
  }
}
