/**
 * An in-memory Sheet (the subset the add-on uses): cells, formats, formulas, frozen rows, widths and charts.
 * A formula that is just a reference to a cell of another tab (='Partner Summary'!B5) shows that cell's
 * value live; deleting the tab turns the reference into #REF! for good, renaming it updates the reference.
 */
import { counted } from './CallCounter';
import { FakeRange } from './FakeRange';
import { FakeChartBuilder } from './FakeChartBuilder';
import type { FakeChart } from './FakeChartBuilder';
import type { FakeSpreadsheet } from './FakeSpreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Used = 'getName' | 'setName' | 'getRange' | 'getDataRange' | 'getMaxRows' | 'getMaxColumns' | 'getLastRow' | 'getLastColumn'
  | 'insertRowsAfter' | 'deleteRows' | 'insertColumnsAfter' | 'deleteColumns' | 'clear' | 'setFrozenRows' | 'getFrozenRows'
  | 'getCharts' | 'removeChart' | 'insertChart' | 'newChart' | 'setColumnWidths' | 'getColumnWidth' | 'addDeveloperMetadata' | 'activate' | 'getFilter'
  | 'hideSheet' | 'showSheet' | 'isSheetHidden';

type Stored = string | number | boolean | Date;

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const DEFAULT_WIDTH = 100;

const fromLetters = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** A sheet name inside a formula: 'quoted' (with '' for a quote) or bare, followed by "!". */
const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/g;
/** A formula that is only a reference to one cell of another tab. */
const CELL_REFERENCE = /^=(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?([A-Z]+)\$?(\d+)$/i;
const quoteSheet = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Everything one cell holds, as Range.copyTo moves it. */
export interface CellContent { value: Stored | undefined; formula: string | undefined; computed: Stored | undefined; format: string | undefined; weight: string | undefined; background: string | undefined }

/**
 * Text written by setValues into a cell not formatted as plain text ("@") is read as typed input, as
 * Sheets does: "00123" and "+5" become numbers (the zeros are gone), "2024-03-01" a date. Only the
 * shapes the add-on could write are modelled; anything else stays text.
 */
function typedInput(text: string): Stored {
  const trimmed = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) {
    const date = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    if (date.getMonth() === Number(iso[2]) - 1) return date;
  }
  return text;
}

export class FakeSheet implements Pick<Sheet, Used> {
  readonly api: Sheet;
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  hidden = false;
  readonly charts: FakeChart[] = [];
  /** The A1 range of the sheet's filter (a sheet has at most one), or null. */
  filterRange: string | null = null;
  private values: (Stored | undefined)[][] = [];
  private formulas = new Map<string, string>();
  /** What a custom-function formula showed when it was last entered (Sheets does not rerun it on its own). */
  private computed = new Map<string, Stored>();
  private formats = new Map<string, string>();
  private weights = new Map<string, string>();
  private backgrounds = new Map<string, string>();
  private widths = new Map<number, number>();

  constructor(readonly spreadsheet: FakeSpreadsheet, public name: string) {
    this.api = counted(this, 'Sheet', spreadsheet.counter) as unknown as Sheet;
  }

  // ---- what the fake's ranges and tests use (not counted) ----

  /** Stores what a user or script entered, reading it the way Sheets does: a leading ' means text; =, +, - or @ start a formula. */
  /** A value entered through the API (`typed`: text read as typed input) or a cell of a tab the test sets up as the user has it (text stays text). */
  enter(r: number, c: number, value: unknown, typed = true): void {
    const key = `${r},${c}`;
    this.formulas.delete(key);
    this.computed.delete(key);
    let stored: Stored | undefined;
    if (value === null || value === undefined || value === '') stored = undefined;
    else if (typeof value === 'string' && value.startsWith("'")) stored = value.slice(1);
    else if (typeof value === 'string' && /^[=+\-@]/.test(value) && !/^[+-]\d+(\.\d+)?$/.test(value)) {
      this.formulas.set(key, value.startsWith('=') ? value : `=${value}`);
      const result = this.spreadsheet.evaluate?.(this.formulas.get(key)!, this);
      if (result !== undefined) this.computed.set(key, result);
      stored = undefined;
    } else if (typed && typeof value === 'string' && this.formatAt(r, c) !== '@') stored = typedInput(value);
    else stored = value as Stored;
    const row = this.values[r] ?? (this.values[r] = []);
    row[c] = stored;
  }

  valueAt(r: number, c: number): Stored {
    const formula = this.formulas.get(`${r},${c}`);
    if (formula !== undefined && formula.startsWith('=#REF!')) return '#REF!';
    const reference = formula === undefined ? null : CELL_REFERENCE.exec(formula);
    if (reference) {
      const name = reference[1] !== undefined ? reference[1].replace(/''/g, "'") : reference[2]!;
      const target = this.spreadsheet.sheets.find((s) => s.name === name);
      if (!target) return '#REF!';
      return target.valueAt(Number(reference[4]) - 1, fromLetters(reference[3]!) - 1);
    }
    return this.values[r]?.[c] ?? this.computed.get(`${r},${c}`) ?? '';
  }

  /** What Range.copyTo reads from a cell. */
  cellAt(r: number, c: number): CellContent {
    const key = `${r},${c}`;
    return { value: this.values[r]?.[c], formula: this.formulas.get(key), computed: this.computed.get(key), format: this.formats.get(key),
      weight: this.weights.get(key), background: this.backgrounds.get(key) };
  }

  /** What Range.copyTo writes into a cell: everything the source held, nothing the cell held before. */
  putCell(r: number, c: number, cell: CellContent): void {
    const key = `${r},${c}`;
    (this.values[r] ?? (this.values[r] = []))[c] = cell.value;
    const set = <T>(map: Map<string, T>, v: T | undefined): void => { if (v === undefined) map.delete(key); else map.set(key, v); };
    set(this.formulas, cell.formula);
    set(this.computed, cell.computed);
    set(this.formats, cell.format);
    set(this.weights, cell.weight);
    set(this.backgrounds, cell.background);
  }

  /**
   * Rewrites references to the tab `from` in this sheet's formulas: to `to` when it is renamed, or to
   * #REF! when it is deleted (as Sheets does: a tab of the same name made later does not bring them back).
   */
  renameReferences(from: string, to: string | null): void {
    for (const [key, formula] of this.formulas) {
      const next = formula.replace(SHEET_PREFIX, (whole, quoted: string | undefined, bare: string | undefined) => {
        const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
        if (name !== from) return whole;
        return to === null ? '#REF!' : `${quoteSheet(to)}!`;
      });
      this.formulas.set(key, next);
    }
  }
  formulaAt(r: number, c: number): string { return this.formulas.get(`${r},${c}`) ?? ''; }
  formatAt(r: number, c: number): string { return this.formats.get(`${r},${c}`) ?? 'General'; }
  fontWeightAt(r: number, c: number): string { return this.weights.get(`${r},${c}`) ?? 'normal'; }
  setFormat(r: number, c: number, format: string): void { this.formats.set(`${r},${c}`, format); }
  setFontWeight(r: number, c: number, weight: string): void { this.weights.set(`${r},${c}`, weight); }
  setBackground(r: number, c: number, color: string): void { this.backgrounds.set(`${r},${c}`, color); }

  /** Every formula on the sheet (tests: nothing the add-on writes may become one). */
  allFormulas(): string[] { return [...this.formulas.values()]; }

  /** The used area's values, as a user would copy them. */
  snapshot(): Stored[][] { return this.getDataRange().getValues() as Stored[][]; }

  private lastUsed(): { row: number; column: number } {
    let row = 0;
    let column = 0;
    this.values.forEach((cells, r) => cells?.forEach((v, c) => {
      if (v !== undefined) { row = Math.max(row, r + 1); column = Math.max(column, c + 1); }
    }));
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      row = Math.max(row, r + 1);
      column = Math.max(column, c + 1);
    }
    return { row, column };
  }

  private shiftKeys(map: Map<string, string>, move: (r: number, c: number) => [number, number] | null): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, v] of map) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const to = move(r, c);
      if (to) out.set(`${to[0]},${to[1]}`, v);
    }
    return out;
  }

  private moveCells(move: (r: number, c: number) => [number, number] | null): void {
    const values: (Stored | undefined)[][] = [];
    this.values.forEach((cells, r) => cells?.forEach((v, c) => {
      const to = move(r, c);
      if (to && v !== undefined) (values[to[0]] ?? (values[to[0]] = []))[to[1]] = v;
    }));
    this.values = values;
    this.formulas = this.shiftKeys(this.formulas, move);
    this.formats = this.shiftKeys(this.formats, move);
    this.weights = this.shiftKeys(this.weights, move);
    this.backgrounds = this.shiftKeys(this.backgrounds, move);
  }

  // ---- the Sheet API ----

  getName(): string { return this.name; }

  setName(name: string): Sheet {
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const from = this.name;
    this.name = name;
    if (from !== name) for (const sheet of this.spreadsheet.sheets) sheet.renameReferences(from, name);
    return this.api;
  }

  getRange(a: number | string, column?: number, rows?: number, columns?: number): Range {
    if (typeof a === 'string') {
      const whole = /^([A-Z]+):([A-Z]+)$/i.exec(a);
      if (whole) {
        const first = fromLetters(whole[1]!);
        return new FakeRange(this, 1, first, this.maxRows, fromLetters(whole[2]!) - first + 1, true).api;
      }
      const cell = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
      if (!cell) throw new Error(`Range not found: ${a}`);
      const c1 = fromLetters(cell[1]!);
      const r1 = Number(cell[2]);
      const c2 = cell[3] ? fromLetters(cell[3]) : c1;
      const r2 = cell[4] ? Number(cell[4]) : r1;
      return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1).api;
    }
    return new FakeRange(this, a, column ?? 1, rows ?? 1, columns ?? 1).api;
  }

  getDataRange(): Range {
    const { row, column } = this.lastUsed();
    return new FakeRange(this, 1, 1, Math.max(row, 1), Math.max(column, 1)).api;
  }

  getMaxRows(): number { return this.maxRows; }
  getMaxColumns(): number { return this.maxColumns; }
  getLastRow(): number { return this.lastUsed().row; }
  getLastColumn(): number { return this.lastUsed().column; }

  insertRowsAfter(after: number, howMany: number): Sheet {
    this.spreadsheet.checkCells(howMany * this.maxColumns);
    this.moveCells((r, c) => [r >= after ? r + howMany : r, c]);
    this.maxRows += howMany;
    return this.api;
  }

  deleteRows(position: number, howMany: number): void {
    if (this.maxRows - howMany <= this.frozenRows) throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    const first = position - 1;
    this.moveCells((r, c) => (r < first ? [r, c] : r < first + howMany ? null : [r - howMany, c]));
    this.maxRows -= howMany;
  }

  insertColumnsAfter(after: number, howMany: number): Sheet {
    this.spreadsheet.checkCells(howMany * this.maxRows);
    this.moveCells((r, c) => [r, c >= after ? c + howMany : c]);
    this.maxColumns += howMany;
    this.spreadsheet.moveColumnMetadata(this, (column) => (column > after ? column + howMany : column));
    return this.api;
  }

  deleteColumns(position: number, howMany: number): void {
    if (howMany >= this.maxColumns) throw new Error('Sorry, it is not possible to delete all columns.');
    const first = position - 1;
    this.moveCells((r, c) => (c < first ? [r, c] : c < first + howMany ? null : [r, c - howMany]));
    this.maxColumns -= howMany;
    this.spreadsheet.moveColumnMetadata(this, (column) => (column < position ? column : column < position + howMany ? null : column - howMany));
  }

  clear(): Sheet {
    this.values = [];
    this.formulas.clear();
    this.computed.clear();
    this.formats.clear();
    this.weights.clear();
    this.backgrounds.clear();
    return this.api;
  }

  setFrozenRows(rows: number): void {
    if (rows >= this.maxRows) throw new Error('You can\'t freeze all visible rows on the sheet.');
    this.frozenRows = rows;
  }

  getFrozenRows(): number { return this.frozenRows; }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    if (this.filterRange === null) return null;
    const filter = { remove: (): void => { this.filterRange = null; }, getRange: () => this.getRange(this.filterRange!) };
    return counted(filter, 'Filter', this.spreadsheet.counter) as unknown as GoogleAppsScript.Spreadsheet.Filter;
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((chart) => chart as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const at = this.charts.indexOf(chart as unknown as FakeChart);
    if (at < 0) throw new Error('The chart is not on this sheet.');
    this.charts.splice(at, 1);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeChart;
    if (fake.position.row > this.maxRows || fake.position.column > this.maxColumns) throw new Error('The chart position is outside the sheet.');
    this.charts.push(fake);
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder { return new FakeChartBuilder(this).api; }

  setColumnWidths(start: number, count: number, width: number): Sheet {
    if (start < 1 || start + count - 1 > this.maxColumns) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    for (let c = start; c < start + count; c += 1) this.widths.set(c, width);
    return this.api;
  }

  getColumnWidth(column: number): number { return this.widths.get(column) ?? DEFAULT_WIDTH; }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown): Sheet {
    this.spreadsheet.addMetadata(key, typeof valueOrVisibility === 'string' ? valueOrVisibility : null, { sheet: this, column: null });
    return this.api;
  }

  /** Like Sheets: the last visible tab cannot be hidden; hiding the active tab moves the focus to a visible one. */
  hideSheet(): Sheet {
    if (!this.spreadsheet.sheets.some((s) => s !== this && !s.hidden)) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.spreadsheet.active === this) this.spreadsheet.active = this.spreadsheet.sheets.find((s) => !s.hidden) ?? null;
    return this.api;
  }

  showSheet(): Sheet {
    this.hidden = false;
    return this.api;
  }

  isSheetHidden(): boolean { return this.hidden; }

  activate(): Sheet {
    this.spreadsheet.active = this;
    return this.api;
  }
}
