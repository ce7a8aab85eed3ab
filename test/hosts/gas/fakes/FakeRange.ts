/** An in-memory Range (the subset the add-on uses), typed against @types/google-apps-script. */
import { counted } from './CallCounter';
import type { FakeSheet } from './FakeSheet';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Used = 'getValues' | 'getValue' | 'setValues' | 'setValue' | 'setFontWeight' | 'setBackground' | 'setNumberFormats' | 'setNumberFormat'
  | 'clearContent' | 'addDeveloperMetadata' | 'getColumn' | 'getRow' | 'getNumRows' | 'getNumColumns' | 'getSheet' | 'getA1Notation'
  | 'getFormulas' | 'getNumberFormats' | 'setFormulas' | 'createFilter' | 'copyTo';

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

export class FakeRange implements Pick<Range, Used> {
  readonly api: Range;

  /** 1-based row and column, as Apps Script counts. `wholeColumn` marks an "L:L" range. */
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly column: number, readonly rows: number, readonly columns: number,
    readonly wholeColumn = false) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1 || row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    this.api = counted(this, 'Range', sheet.spreadsheet.counter) as unknown as Range;
  }

  private each<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.columns }, (_, j) => fn(this.row - 1 + i, this.column - 1 + j)));
  }

  private checkShape(values: readonly (readonly unknown[])[], what: string): void {
    if (values.length !== this.rows) {
      throw new Error(`The number of rows in the ${what} does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`);
    }
    for (const row of values) {
      if (row.length !== this.columns) {
        throw new Error(`The number of columns in the ${what} does not match the number of columns in the range. The data has ${row.length} but the range has ${this.columns}.`);
      }
    }
  }

  /** Like Sheets: one filter per sheet; a second one is an error until the first is removed. */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    if (this.sheet.filterRange !== null) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filterRange = this.getA1Notation();
    return this.sheet.getFilter()!;
  }

  /**
   * Like Range.copyTo(destination): copies values, formulas and formats to the same-sized area starting at
   * the destination's top-left cell, within one spreadsheet. Strict: the area must fit the destination sheet,
   * and formulas may only be copied to the same position (the fake does not shift relative references).
   */
  copyTo(destination: Range, _options?: unknown, _transposed?: unknown): void {
    const target = destination as unknown as FakeRange;
    if (target.sheet.spreadsheet !== this.sheet.spreadsheet) throw new Error('Target range and source range must be on the same spreadsheet.');
    target.sheet.spreadsheet.checkCopyInto(target.sheet);
    if (target.row + this.rows - 1 > target.sheet.maxRows || target.column + this.columns - 1 > target.sheet.maxColumns) {
      throw new Error('The coordinates of the target range are outside the dimensions of the sheet.');
    }
    const cells = this.each((r, c) => this.sheet.cellAt(r, c));
    const moved = target.row !== this.row || target.column !== this.column;
    if (moved && cells.some((row) => row.some((cell) => cell.formula !== undefined))) throw new Error('test fake: copyTo does not shift formulas to another position');
    cells.forEach((row, i) => row.forEach((cell, j) => target.sheet.putCell(target.row - 1 + i, target.column - 1 + j, cell)));
  }

  getValues(): unknown[][] { return this.each((r, c) => this.sheet.valueAt(r, c)); }
  getValue(): unknown { return this.sheet.valueAt(this.row - 1, this.column - 1); }
  getFormulas(): string[][] { return this.each((r, c) => this.sheet.formulaAt(r, c)); }
  getNumberFormats(): string[][] { return this.each((r, c) => this.sheet.formatAt(r, c)); }

  setValues(values: unknown[][]): Range {
    this.checkShape(values, 'data');
    values.forEach((row, i) => row.forEach((value, j) => this.sheet.enter(this.row - 1 + i, this.column - 1 + j, value)));
    return this.api;
  }

  /** Enters formulas ("" clears a cell), as Sheets does: each one runs as it is entered. */
  setFormulas(formulas: string[][]): Range {
    this.checkShape(formulas, 'formulas');
    formulas.forEach((row, i) => row.forEach((formula, j) => {
      if (formula !== '' && !formula.startsWith('=')) throw new Error(`"${formula}" is not a formula.`);
      this.sheet.enter(this.row - 1 + i, this.column - 1 + j, formula);
    }));
    return this.api;
  }

  setValue(value: unknown): Range {
    this.each((r, c) => this.sheet.enter(r, c, value));
    return this.api;
  }

  setNumberFormats(formats: string[][]): Range {
    this.checkShape(formats, 'number formats');
    formats.forEach((row, i) => row.forEach((format, j) => this.sheet.setFormat(this.row - 1 + i, this.column - 1 + j, format)));
    return this.api;
  }

  setNumberFormat(format: string): Range {
    this.each((r, c) => this.sheet.setFormat(r, c, format));
    return this.api;
  }

  setFontWeight(weight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    this.each((r, c) => this.sheet.setFontWeight(r, c, weight ?? 'normal'));
    return this.api;
  }

  setBackground(color: string | null): Range {
    this.each((r, c) => this.sheet.setBackground(r, c, color ?? ''));
    return this.api;
  }

  clearContent(): Range {
    this.each((r, c) => this.sheet.enter(r, c, ''));
    return this.api;
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown): Range {
    if (!this.wholeColumn) throw new Error('Developer metadata can only be added to whole rows or columns.');
    this.sheet.spreadsheet.addMetadata(key, typeof valueOrVisibility === 'string' ? valueOrVisibility : null, { sheet: this.sheet, column: this.column });
    return this.api;
  }

  getColumn(): number { return this.column; }
  getRow(): number { return this.row; }
  getNumRows(): number { return this.rows; }
  getNumColumns(): number { return this.columns; }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet { return this.sheet.api; }

  getA1Notation(): string {
    if (this.wholeColumn) return `${columnLetter(this.column - 1)}:${columnLetter(this.column + this.columns - 2)}`;
    return `${columnLetter(this.column - 1)}${this.row}:${columnLetter(this.column + this.columns - 2)}${this.row + this.rows - 1}`;
  }
}

export { columnLetter };
