/**
 * Test helper: an in-memory Excel workbook behind proxy objects that behave like Office.js. Nothing
 * happens until context.sync(): method calls and property sets are queued and run in order then.
 * Reading a property that was neither loaded (and synced) nor set throws PropertyNotLoaded, as in
 * Excel. Strings written through Range.values are converted the way Excel converts typed input
 * (excelInput.ts) unless the cell's number format is already "@". A request over 5 MB of values or
 * formats, or a response over 5 MB of loaded values, fails the sync (Excel on the web's limits).
 * Used ranges start where the data starts. PARTNER.* formulas are evaluated with the functions
 * registered through `customFunctions`, and again on application.calculate(). A worksheet name that
 * breaks Excel's rules (over 31 characters, one of []:*?/\) fails the sync, as in Excel.
 * A formula referring to a cell on another sheet (='Partner Summary'!B5) shows that cell's value;
 * deleting the sheet rewrites the reference to #REF! for good (=#REF!B5), and renaming a sheet
 * rewrites references to the new name, as Excel does. Range.copyFrom copies values, formats and
 * formulas ("All"), not tables. Worksheet.tables.add(range, hasHeaders) makes a table as Excel does:
 * it fails (InvalidArgument) over a range that overlaps another table, and a table's name must be
 * valid (a letter, _ or \ first, then letters, digits, _ and .; no spaces; not a cell reference like
 * A1 or R1C1; at most 255 characters) and unique in the workbook, case-insensitively. table.name
 * throws PropertyNotLoaded until loaded. Deleting a sheet deletes its tables. Worksheet.pageLayout
 * (orientation, zoom, setPrintTitleRows with an A1 row address like "$1:$2") is recorded on the sheet's
 * `print`; with `api19: false` (a host without ExcelApi 1.9) any use of it fails the sync with ApiNotFound.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the proxies' getters and setters have their own `this`; they reach the workbook as `fake` */
import { excelInput } from './excelInput';
import type { CustomFunctionErrorCode, CustomFunctionsApi } from '../../../src/hosts/excel/customFunctionsApi';

type Grid = unknown[][];

/** Excel on the web's request and response payload limit. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** An Office.js error: `code` as OfficeExtension.Error has it. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Excel's rules for a worksheet name: 1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either end. */
const checkSheetName = (name: string): void => {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (worksheet name "${name}").`);
  }
};

const notLoaded = (name: string): FakeOfficeError => new FakeOfficeError('PropertyNotLoaded',
  `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** A range the code asked for, with what it set on it (values as the code sent them). */
export interface FakeRange { sheet: string; row: number; col: number; rows: number; cols: number; mock: { values?: unknown; numberFormat?: unknown } }

export interface FakeSheet {
  name: string;
  /** Cell values as Excel holds them (after conversion; formulas as their computed values). */
  grid: Grid;
  /** Number format per cell ("General" when unset). */
  formats: string[][];
  /** Formula text per cell, keyed "row,col". */
  formulas: Map<string, string>;
  props: Map<string, string>;
  /** Write operations on this sheet (clear, delete, freeze, chart, activate, rename), in order. */
  ops: string[];
  ranges: FakeRange[];
  charts: { id: string; type: string; title: string; series: string[]; deleted: boolean }[];
  /** Page layout as set through Worksheet.pageLayout (title rows 1-based, inclusive). */
  print: { orientation?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }; titleRows?: [number, number] };
  deleted: boolean;
  /** Rows frozen through freezePanes.freezeRows (0 after unfreeze). */
  frozenRows: number;
  /** Column widths in points set through Range.format.columnWidth, by 0-based column (unset: Excel's default). */
  widths: Map<number, number>;
  visibility: 'Visible' | 'Hidden';
}

/** An Excel table (ListObject): its cells, header row first, on a sheet. */
export interface FakeTable { name: string; sheet: FakeSheet; row: number; col: number; rows: number; cols: number; hasHeaders: boolean; deleted: boolean }

/** Excel's rules for a table name (the Name Manager's): see the class comment. */
const checkTableName = (name: string, taken: readonly FakeTable[]): void => {
  const reference = /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R\d*C?\d*|C\d*)$/i.test(name);
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || reference) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (table name "${name}").`);
  }
  if (taken.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `A table named "${name}" already exists.`);
};

export interface FakeExcelOptions {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Whether Workbook.use1904DateSystem exists (ExcelApi 1.16); default true. */
  api116?: boolean;
  /** Whether Worksheet.pageLayout exists (ExcelApi 1.9); default true. */
  api19?: boolean;
}

type Op = () => void | Promise<void>;
type CustomFn = (...args: unknown[]) => unknown;

/** A1 column letters to a 0-based index. */
const colIndex = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export class FakeExcel {
  syncs = 0;
  /** Bytes of Range.values and numberFormat per request (per sync). */
  requestBytes: number[] = [];
  /** Bytes of loaded values per response (per sync). */
  responseBytes: number[] = [];
  suspended = 0;
  /** application.calculate() calls, by type. */
  readonly calculations: string[] = [];
  readonly sheets: FakeSheet[] = [];
  /** Every table ever added (deleted ones flagged). */
  readonly tables: FakeTable[] = [];
  /** Functions registered through `customFunctions.associate`, by id. */
  readonly functions = new Map<string, CustomFn>();
  /** A CustomFunctions namespace for registerFunctions(). */
  readonly customFunctions: CustomFunctionsApi = {
    associate: (id: string, fn: (...args: never[]) => unknown) => { this.functions.set(id.toUpperCase(), fn as unknown as CustomFn); },
    Error: class extends Error { constructor(readonly code: CustomFunctionErrorCode, message?: string) { super(message); } },
    ErrorCode: { invalidValue: '#VALUE!' },
  };
  readonly changeHandlers: ((event: unknown) => void)[] = [];
  /** Handlers of worksheets.onAdded, onDeleted and onNameChanged (ExcelApi 1.7; renaming 1.17). */
  readonly sheetEventHandlers: Record<'onAdded' | 'onDeleted' | 'onNameChanged', ((event: unknown) => void)[]> = { onAdded: [], onDeleted: [], onNameChanged: [] };
  private ops: Op[] = [];
  private pendingRequestBytes = 0;
  private pendingResponseBytes = 0;
  private added = 0;
  private failAt: number | null = null;
  private chartsMade = 0;
  /** Range.copyFrom into these sheets fails at sync (the count says how many more times). */
  private readonly copyFailures = new Map<string, number>();

  constructor(sheets: { name: string; grid?: Grid; props?: Record<string, string> }[], readonly options: FakeExcelOptions = {}) {
    for (const s of sheets) this.addSheet(s.name, s.grid ?? [], s.props ?? {});
  }

  /** `Excel.run` over this workbook: a fresh request context per batch. */
  readonly run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context() as unknown as Excel.RequestContext);

  sheet(name: string): FakeSheet | undefined {
    return this.live().find((s) => s.name === name);
  }

  /** The tables that exist now, on a sheet that exists. */
  liveTables(): FakeTable[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** Makes the n-th worksheets.add() from now (1-based) fail at sync, as a quota or a closed window would. */
  failOnSheetAdd(n: number): void {
    this.failAt = this.added + n;
  }

  /**
   * Makes the next `times` Range.copyFrom() calls into the sheet `name` fail at sync (GeneralException,
   * as a closed window or a failed request would): the refill of that sheet fails, and with 2 its restore too.
   * As in Excel, the operations of the batch before it stay done and the ones after it do not run.
   */
  failOnCopyInto(name: string, times = 1): void {
    this.copyFailures.set(name, times);
  }

  /** A user edits a cell: the grid changes and the worksheets' onChanged handlers fire. */
  userEdit(sheetName: string, row: number, col: number, value: unknown): void {
    const sheet = this.sheet(sheetName)!;
    (sheet.grid[row] ??= [])[col] = value;
    for (const handler of this.changeHandlers) handler({ worksheetId: sheetName, address: `R${row + 1}C${col + 1}`, changeType: 'RangeEdited' });
  }

  /** A user adds a worksheet with these cells: onAdded fires (onChanged does not, as in Excel). */
  userAddsSheet(name: string, grid: Grid): void {
    this.addSheet(name, grid, {});
    for (const handler of this.sheetEventHandlers.onAdded) handler({ worksheetId: name, type: 'WorksheetAdded' });
  }

  /** A user renames a worksheet: onNameChanged fires (onChanged does not, as in Excel). */
  userRenamesSheet(from: string, to: string): void {
    this.sheet(from)!.name = to;
    for (const handler of this.sheetEventHandlers.onNameChanged) handler({ worksheetId: to, nameBefore: from, nameAfter: to, type: 'WorksheetNameChanged' });
  }

  /** Value of a cell as Excel shows it. */
  cell(sheetName: string, a1: string): unknown {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return this.sheet(sheetName)!.grid[+m[2]! - 1]?.[colIndex(m[1]!)];
  }

  private queue(op: Op, requestBytes = 0): void {
    this.ops.push(op);
    this.pendingRequestBytes += requestBytes;
  }

  private async sync(): Promise<void> {
    this.syncs += 1;
    const ops = this.ops;
    const bytes = this.pendingRequestBytes;
    this.ops = [];
    this.pendingRequestBytes = 0;
    this.pendingResponseBytes = 0;
    this.requestBytes.push(bytes);
    await new Promise((resolve) => setImmediate(resolve));
    if (bytes > FAKE_PAYLOAD_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    for (const op of ops) await op();
    this.responseBytes.push(this.pendingResponseBytes);
    if (this.pendingResponseBytes > FAKE_PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }

  private context(): object {
    const fake = this;
    const worksheets = this.worksheetsProxy();
    const workbookLoaded = new Map<string, unknown>();
    const workbook = {
      worksheets,
      application: {
        suspendApiCalculationUntilNextSync: () => { fake.suspended += 1; },
        calculate: (type: string) => fake.queue(async () => { fake.calculations.push(type); await fake.recalculate(); }),
      },
      load(names: string) {
        fake.queue(() => {
          for (const name of names.split(',').map((n) => n.trim())) {
            if (name !== 'use1904DateSystem' || fake.options.api116 === false) throw new FakeOfficeError('InvalidArgument', `The property '${name}' does not exist.`);
            workbookLoaded.set(name, fake.options.date1904 ?? false);
          }
        });
        return workbook;
      },
      get use1904DateSystem(): boolean {
        if (!workbookLoaded.has('use1904DateSystem')) throw notLoaded('use1904DateSystem');
        return workbookLoaded.get('use1904DateSystem') as boolean;
      },
    };
    return { workbook, sync: () => fake.sync() };
  }

  private worksheetsProxy(): object {
    const fake = this;
    let items: object[] | null = null;
    const find = (name: string) => fake.live().find((s) => s.name.toLowerCase() === name.toLowerCase());
    const collection = {
      get items(): object[] {
        if (!items) throw notLoaded('items');
        return items;
      },
      load(_what?: string) {
        fake.queue(() => { items = fake.live().map((s) => fake.sheetProxy(() => s, true)); });
        return collection;
      },
      add(name: string) {
        const ref: { sheet?: FakeSheet } = {};
        fake.queue(() => {
          fake.added += 1;
          if (fake.failAt === fake.added) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
          checkSheetName(name);
          if (find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
          ref.sheet = fake.addSheet(name, [], {});
        });
        return fake.sheetProxy(() => ref.sheet ?? fail('InvalidReference', 'the worksheet was not added'), false);
      },
      getItem(name: string) {
        return fake.sheetProxy(() => find(name) ?? fail('ItemNotFound', `There is no worksheet named "${name}".`), false);
      },
      getItemOrNullObject(name: string) {
        const proxy = fake.sheetProxy(() => find(name) ?? fail('ItemNotFound', name), false) as { isNullObject?: boolean };
        let isNull: boolean | null = null;
        fake.queue(() => { isNull = !find(name); });
        Object.defineProperty(proxy, 'isNullObject', { get: () => { if (isNull === null) throw notLoaded('isNullObject'); return isNull; } });
        return proxy;
      },
      onChanged: {
        add: (handler: (event: unknown) => void) => {
          fake.changeHandlers.push(handler);
          return { remove: () => { const i = fake.changeHandlers.indexOf(handler); if (i >= 0) fake.changeHandlers.splice(i, 1); } };
        },
      },
      ...Object.fromEntries((['onAdded', 'onDeleted', 'onNameChanged'] as const).map((event) => [event, {
        add: (handler: (e: unknown) => void) => {
          fake.sheetEventHandlers[event].push(handler);
          return { remove: () => { const list = fake.sheetEventHandlers[event]; const i = list.indexOf(handler); if (i >= 0) list.splice(i, 1); } };
        },
      }])),
    };
    return collection;
  }

  private sheetProxy(resolve: () => FakeSheet, nameLoaded: boolean): object {
    const fake = this;
    let loadedName: string | null = nameLoaded ? resolve().name : null;
    let customProperties: object | null = null;
    let charts: object | null = null;
    let tables: object | null = null;
    const proxy = {
      get name(): string {
        if (loadedName === null) throw notLoaded('name');
        return loadedName;
      },
      set name(value: string) {
        loadedName = value;
        fake.queue(async () => {
          const sheet = resolve();
          checkSheetName(value);
          if (fake.live().some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `A worksheet named "${value}" already exists.`);
          sheet.ops.push(`rename ${sheet.name} -> ${value}`);
          fake.rewriteReferences(sheet.name, quoteSheet(value));
          sheet.name = value;
          await fake.recalculate();
        });
      },
      load(what: string) {
        fake.queue(() => { if (what.includes('name')) loadedName = resolve().name; });
        return proxy;
      },
      get customProperties() { return (customProperties ??= fake.customPropertiesProxy(resolve)); },
      get charts() { return (charts ??= fake.chartsProxy(resolve)); },
      get tables() { return (tables ??= fake.tablesProxy(resolve)); },
      get pageLayout() { return fake.pageLayoutProxy(resolve); },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => fake.rangeProxy(resolve, row, col, rows, cols),
      getRange: (address?: string) => {
        if (address) throw new Error(`the fake supports only getRange() for the whole sheet, not "${address}"`);
        return fake.rangeProxy(resolve, 0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      },
      getCell: (row: number, col: number) => fake.rangeProxy(resolve, row, col, 1, 1),
      getUsedRangeOrNullObject: (_valuesOnly?: boolean) => fake.usedRangeProxy(resolve),
      freezePanes: {
        freezeRows: (n: number) => fake.queue(() => { const sheet = resolve(); sheet.ops.push(`freeze ${n}`); sheet.frozenRows = n; }),
        unfreeze: () => fake.queue(() => { const sheet = resolve(); sheet.ops.push('unfreeze'); sheet.frozenRows = 0; }),
        /** The frozen cells as a range (rows 1..n across the sheet), or a null object when nothing is frozen. */
        getLocationOrNullObject: () => {
          let frozen: number | null = null;
          let loaded = false;
          fake.queue(() => { frozen = resolve().frozenRows; });
          const location = {
            get isNullObject(): boolean { if (frozen === null) throw notLoaded('isNullObject'); return frozen === 0; },
            get rowCount(): number { if (frozen === null || !loaded || frozen === 0) throw notLoaded('rowCount'); return frozen; },
            load: (what: string) => { if (what !== 'rowCount') throw new Error(`the fake loads only rowCount of a freeze location, not "${what}"`); fake.queue(() => { loaded = true; }); return location; },
          };
          return location;
        },
      },
      set visibility(value: string) {
        fake.queue(() => {
          const sheet = resolve();
          if (value !== 'Visible' && value !== 'Hidden') throw new FakeOfficeError('InvalidArgument', `The argument is invalid (visibility "${value}").`);
          if (value === 'Hidden' && !fake.live().some((s) => s !== sheet && s.visibility === 'Visible')) {
            throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          }
          sheet.visibility = value;
        });
      },
      delete: () => fake.queue(async () => {
        const sheet = resolve();
        if (fake.live().length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        sheet.deleted = true;
        sheet.ops.push('delete');
        for (const t of fake.tables) if (t.sheet === sheet) t.deleted = true;
        // Excel rewrites every reference to a deleted sheet as #REF!; a sheet added later under the same name does not bring it back.
        fake.rewriteReferences(sheet.name, '#REF');
        await fake.recalculate();
      }),
      activate: () => fake.queue(() => { resolve().ops.push('activate'); }),
    };
    return proxy;
  }

  private customPropertiesProxy(resolve: () => FakeSheet): object {
    const fake = this;
    return {
      add: (key: string, value: string) => fake.queue(() => { resolve().props.set(key, value); }),
      getItemOrNullObject: (key: string) => {
        let state: { isNull: boolean; value: string } | null = null;
        let valueLoaded = false;
        const item = {
          get isNullObject(): boolean { if (!state) throw notLoaded('isNullObject'); return state.isNull; },
          get value(): string { if (!state || !valueLoaded || state.isNull) throw notLoaded('value'); return state.value; },
          load: (_what: string) => { fake.queue(() => { valueLoaded = true; }); return item; },
          delete: () => fake.queue(() => { resolve().props.delete(key); }),
        };
        fake.queue(() => { const sheet = resolve(); state = { isNull: !sheet.props.has(key), value: sheet.props.get(key) ?? '' }; });
        return item;
      },
    };
  }

  private chartsProxy(resolve: () => FakeSheet): object {
    const fake = this;
    let items: object[] | null = null;
    const collection = {
      get items(): object[] { if (!items) throw notLoaded('items'); return items; },
      load: (_what: string) => {
        fake.queue(() => {
          items = resolve().charts.filter((c) => !c.deleted).map((c) => ({
            name: c.title,
            id: c.id,
            delete: () => fake.queue(() => { c.deleted = true; resolve().ops.push('delete chart'); }),
          }));
        });
        return collection;
      },
      add: (type: string) => {
        fake.chartsMade += 1;
        const chart = { id: `{chart-${fake.chartsMade}}`, type, title: '', series: [''] as string[], deleted: false };
        fake.queue(() => { resolve().charts.push(chart); resolve().ops.push(`chart ${type}`); });
        const series = () => ({ setValues: () => undefined, setXAxisValues: () => undefined });
        return {
          title: { set text(value: string) { chart.title = value; } },
          series: {
            getItemAt: () => ({ set name(value: string) { chart.series[0] = value; }, setXAxisValues: () => undefined }),
            add: (name: string) => { chart.series.push(name); return series(); },
          },
          axes: { categoryAxis: {} },
          setPosition: () => undefined,
        };
      },
    };
    return collection;
  }

  private pageLayoutProxy(resolve: () => FakeSheet): object {
    const fake = this;
    const set = (what: string, apply: (sheet: FakeSheet) => void) => fake.queue(() => {
      if (fake.options.api19 === false) throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (Worksheet.pageLayout.${what}).`);
      apply(resolve());
    });
    return {
      set orientation(value: string) {
        if (value !== 'Landscape' && value !== 'Portrait') throw new FakeOfficeError('InvalidArgument', `The argument is invalid (orientation "${value}").`);
        set('orientation', (sheet) => { sheet.print.orientation = value; });
      },
      set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        if (value.scale !== undefined && (value.scale < 10 || value.scale > 400)) throw new FakeOfficeError('InvalidArgument', 'The print scale is between 10 and 400.');
        set('zoom', (sheet) => { sheet.print.zoom = { ...value }; });
      },
      setPrintTitleRows: (rows: unknown) => {
        const m = typeof rows === 'string' ? /^\$?(\d+):\$?(\d+)$/.exec(rows) : null;
        if (!m) throw new Error(`the fake takes print title rows as an A1 row address like "$1:$2", not ${JSON.stringify(rows)}`);
        set('setPrintTitleRows', (sheet) => { sheet.print.titleRows = [+m[1]!, +m[2]!]; });
      },
    };
  }

  private tableProxy(table: () => FakeTable): object {
    const fake = this;
    let loadedName: string | null = null;
    const proxy = {
      get name(): string { if (loadedName === null) throw notLoaded('name'); return loadedName; },
      set name(value: string) {
        fake.queue(() => {
          const t = table();
          checkTableName(value, fake.liveTables().filter((other) => other !== t));
          t.name = value;
        });
      },
      load: (_what?: string) => { fake.queue(() => { loadedName = table().name; }); return proxy; },
      delete: () => fake.queue(() => { const t = table(); t.deleted = true; t.sheet.ops.push(`delete table ${t.name}`); }),
      /** The table's cells, header row included, whose position and size load as Range.rowIndex, columnIndex, rowCount, columnCount. */
      getRange: () => {
        let dims: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null = null;
        const range = {
          load: (what: string) => {
            fake.queue(() => { const t = table(); dims = { rowIndex: t.row, columnIndex: t.col, rowCount: t.rows, columnCount: t.cols }; });
            void what;
            return range;
          },
          get rowIndex() { if (!dims) throw notLoaded('rowIndex'); return dims.rowIndex; },
          get columnIndex() { if (!dims) throw notLoaded('columnIndex'); return dims.columnIndex; },
          get rowCount() { if (!dims) throw notLoaded('rowCount'); return dims.rowCount; },
          get columnCount() { if (!dims) throw notLoaded('columnCount'); return dims.columnCount; },
        };
        return range;
      },
    };
    return proxy;
  }

  private tablesProxy(resolve: () => FakeSheet): object {
    const fake = this;
    let items: object[] | null = null;
    const collection = {
      get items(): object[] { if (!items) throw notLoaded('items'); return items; },
      load: (what?: string) => {
        fake.queue(() => {
          const sheet = resolve();
          items = fake.liveTables().filter((t) => t.sheet === sheet).map((t) => {
            const proxy = fake.tableProxy(() => t) as { load: (what?: string) => unknown };
            if (what?.includes('name')) proxy.load('name');
            return proxy;
          });
        });
        return collection;
      },
      add: (address: unknown, hasHeaders: boolean) => {
        const from = (address as { [SOURCE]?: { resolve: () => FakeSheet; row: number; col: number; rows: number; cols: number } } | null)?.[SOURCE];
        if (!from) throw new Error('the fake adds a table only over a range object');
        const ref: { table?: FakeTable } = {};
        fake.queue(() => {
          const sheet = resolve();
          if (from.resolve() !== sheet) throw new FakeOfficeError('InvalidArgument', 'The range is on another worksheet.');
          if (from.rows < 1 || from.cols < 1 || from.rows === Number.MAX_SAFE_INTEGER) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
          const overlaps = fake.liveTables().some((t) => t.sheet === sheet
            && t.row < from.row + from.rows && from.row < t.row + t.rows && t.col < from.col + from.cols && from.col < t.col + t.cols);
          if (overlaps) throw new FakeOfficeError('InvalidArgument', 'A table can\'t overlap another table.');
          let n = 1;
          while (fake.liveTables().some((t) => t.name.toLowerCase() === `table${n}`)) n += 1;
          ref.table = { name: `Table${n}`, sheet, row: from.row, col: from.col, rows: from.rows, cols: from.cols, hasHeaders, deleted: false };
          fake.tables.push(ref.table);
          sheet.ops.push('add table');
        });
        return fake.tableProxy(() => ref.table ?? fail('InvalidReference', 'the table was not added'));
      },
    };
    return collection;
  }

  private usedRangeProxy(resolve: () => FakeSheet): object {
    const fake = this;
    let dims: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null | undefined;
    const loaded = new Set<string>();
    const read = (name: keyof NonNullable<typeof dims>) => () => {
      if (dims === undefined || !loaded.has(name) || dims === null) throw notLoaded(name);
      return dims[name];
    };
    fake.queue(() => {
      const grid = resolve().grid;
      let top = -1; let bottom = -1; let left = Infinity; let right = -1;
      grid.forEach((row, r) => (row ?? []).forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      }));
      dims = top < 0 ? null : { rowIndex: top, columnIndex: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
    });
    const proxy = {
      get isNullObject(): boolean { if (dims === undefined) throw notLoaded('isNullObject'); return dims === null; },
      get rowIndex() { return read('rowIndex')(); },
      get columnIndex() { return read('columnIndex')(); },
      get rowCount() { return read('rowCount')(); },
      get columnCount() { return read('columnCount')(); },
      load: (what: string) => { fake.queue(() => { for (const n of what.split(',')) loaded.add(n.trim()); }); return proxy; },
    };
    return proxy;
  }

  private rangeProxy(resolve: () => FakeSheet, row: number, col: number, rows: number, cols: number): object {
    const fake = this;
    const record: FakeRange = { sheet: '', row, col, rows, cols, mock: {} };
    let loadedValues: unknown[][] | null = null;
    let recorded = false;
    const track = () => {
      if (recorded) return;
      recorded = true;
      fake.queue(() => { const sheet = resolve(); record.sheet = sheet.name; sheet.ranges.push(record); });
    };
    let loadedWidth: number | null = null;
    const format = {
      font: {} as Record<string, unknown>,
      fill: {} as Record<string, unknown>,
      /** Column width in points: set on every column of the range; read back after load (Excel's default 48 when never set). */
      get columnWidth(): number { if (loadedWidth === null) throw notLoaded('columnWidth'); return loadedWidth; },
      set columnWidth(value: number) {
        fake.queue(() => { const sheet = resolve(); for (let c = col; c < col + Math.min(cols, 16_384); c += 1) sheet.widths.set(c, value); });
      },
      load: (what: string) => {
        if (what !== 'columnWidth') throw new Error(`the fake loads only columnWidth of a range format, not "${what}"`);
        fake.queue(() => { loadedWidth = resolve().widths.get(col) ?? 48; });
        return format;
      },
    };
    const proxy = {
      get values(): unknown {
        if (record.mock.values !== undefined) return record.mock.values;
        if (!loadedValues) throw notLoaded('values');
        return loadedValues;
      },
      set values(values: unknown) {
        const rowsIn = values as unknown[][];
        if (!Array.isArray(rowsIn) || rowsIn.length !== rows || rowsIn.some((r) => !Array.isArray(r) || r.length !== cols)) {
          throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
        }
        track();
        record.mock.values = values;
        const copy = rowsIn.map((r) => [...r]);
        fake.queue(() => fake.writeValues(resolve(), row, col, copy), Buffer.byteLength(JSON.stringify(values)));
      },
      get numberFormat(): unknown { if (record.mock.numberFormat === undefined) throw notLoaded('numberFormat'); return record.mock.numberFormat; },
      set numberFormat(value: unknown) {
        track();
        record.mock.numberFormat = value;
        fake.queue(() => {
          const sheet = resolve();
          for (let r = 0; r < rows; r += 1) {
            const target = (sheet.formats[row + r] ??= []);
            for (let c = 0; c < cols; c += 1) {
              target[col + c] = String(Array.isArray(value) ? (value as unknown[][])[r]?.[c] : value);
            }
          }
        }, Buffer.byteLength(JSON.stringify(value)));
      },
      format,
      clear: () => {
        track();
        fake.queue(() => {
          const sheet = resolve();
          sheet.ops.push('clear');
          const whole = rows === Number.MAX_SAFE_INTEGER;
          if (whole) { sheet.grid.length = 0; sheet.formats.length = 0; sheet.formulas.clear(); return; }
          for (let r = row; r < row + rows; r += 1) for (let c = col; c < col + cols; c += 1) {
            if (sheet.grid[r]) sheet.grid[r]![c] = '';
            if (sheet.formats[r]) sheet.formats[r]![c] = 'General';
            sheet.formulas.delete(`${r},${c}`);
          }
        });
      },
      /** Range.copyFrom(source, "All"): the source's values, formats and formulas, from this range's top-left cell. */
      copyFrom: (source: unknown, copyType = 'All') => {
        if (copyType !== 'All') throw new Error(`the fake copies only "All", not "${String(copyType)}"`);
        const from = (source as { [SOURCE]?: { resolve: () => FakeSheet; row: number; col: number; rows: number; cols: number } })[SOURCE];
        if (!from) throw new Error('the fake copies only from a range object');
        track();
        fake.queue(async () => {
          const src = from.resolve();
          const dst = resolve();
          const failures = fake.copyFailures.get(dst.name) ?? 0;
          if (failures > 0) {
            fake.copyFailures.set(dst.name, failures - 1);
            throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
          }
          dst.ops.push(`copy from ${src.name}`);
          const rowsToCopy = Math.min(from.rows, Math.max(src.grid.length, src.formats.length) - from.row);
          for (let r = 0; r < rowsToCopy; r += 1) {
            const width = Math.min(from.cols, Math.max(src.grid[from.row + r]?.length ?? 0, src.formats[from.row + r]?.length ?? 0) - from.col);
            for (let c = 0; c < width; c += 1) {
              const value = src.grid[from.row + r]?.[from.col + c];
              const format = src.formats[from.row + r]?.[from.col + c];
              const formula = src.formulas.get(`${from.row + r},${from.col + c}`);
              const target = (dst.grid[row + r] ??= []);
              for (let k = target.length; k < col + c; k += 1) target[k] = '';
              target[col + c] = value ?? '';
              if (format !== undefined) (dst.formats[row + r] ??= [])[col + c] = format;
              if (formula !== undefined) dst.formulas.set(`${row + r},${col + c}`, formula);
              else dst.formulas.delete(`${row + r},${col + c}`);
            }
          }
          await fake.recalculate();
        });
      },
      [SOURCE]: { resolve, row, col, rows, cols },
      load: (what: string) => {
        if (what !== 'values') throw new Error(`the fake loads only values from a range, not "${what}"`);
        fake.queue(() => {
          const grid = resolve().grid;
          loadedValues = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => grid[row + r]?.[col + c] ?? ''));
          fake.pendingResponseBytes += Buffer.byteLength(JSON.stringify(loadedValues));
        });
        return proxy;
      },
    };
    return proxy;
  }

  private async writeValues(sheet: FakeSheet, row: number, col: number, values: unknown[][]): Promise<void> {
    for (const [i, rowValues] of values.entries()) {
      const target = (sheet.grid[row + i] ??= []);
      for (let k = target.length; k < col; k += 1) target[k] = '';
      for (const [c, v] of rowValues.entries()) {
        const key = `${row + i},${col + c}`;
        sheet.formulas.delete(key);
        if (typeof v !== 'string') { target[col + c] = v; continue; }
        const input = excelInput(v, sheet.formats[row + i]?.[col + c] ?? 'General', this.options.date1904);
        if (input.kind === 'value') { target[col + c] = input.value; continue; }
        sheet.formulas.set(key, input.formula);
        target[col + c] = '';
      }
    }
    await this.recalculate();
  }

  /** Evaluates every formula: PARTNER.<ID>(args) with the registered functions, anything else #NAME?. */
  async recalculate(): Promise<void> {
    for (const sheet of this.live()) {
      for (const [key, formula] of sheet.formulas) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        const result = await this.evaluate(sheet, formula);
        const cells = Array.isArray(result) ? result as unknown[][] : [[result]];
        cells.forEach((values, i) => values.forEach((v, k) => {
          const target = (sheet.grid[r + i] ??= []);
          target[c + k] = v;
        }));
      }
    }
  }

  /** References to sheet `name` in every live sheet's formulas now point to `to` (a quoted name, or "#REF"). */
  rewriteReferences(name: string, to: string): void {
    const pattern = new RegExp(`(?<![A-Za-z0-9_.'])(?:'${escapeRegExp(name.replace(/'/g, "''"))}'|${escapeRegExp(name)})!`, 'gi');
    for (const sheet of this.live()) {
      for (const [key, formula] of sheet.formulas) sheet.formulas.set(key, formula.replace(pattern, `${to}!`));
    }
  }

  private async evaluate(sheet: FakeSheet, formula: string): Promise<unknown> {
    if (/#REF!/.test(formula)) return '#REF!';
    const reference = /^=(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!\$?([A-Z]+)\$?(\d+)$/i.exec(formula.trim());
    if (reference) {
      const target = this.sheet((reference[1]?.replace(/''/g, "'") ?? reference[2])!);
      if (!target) return '#REF!';
      const value = target.grid[+reference[4]! - 1]?.[colIndex(reference[3]!)];
      return value === undefined || value === '' ? 0 : value;
    }
    const m = /^=PARTNER\.([A-Z]+)\((.*)\)$/i.exec(formula.trim());
    const fn = m ? this.functions.get(m[1]!.toUpperCase()) : undefined;
    if (!m || !fn) return '#NAME?';
    const args = (m[2]!.match(/"[^"]*"|[^,]+/g) ?? []).map((raw) => this.argument(sheet, raw.trim()));
    try {
      return await fn(...args);
    } catch (error) {
      return (error as { code?: string }).code ?? '#VALUE!';
    }
  }

  private argument(sheet: FakeSheet, raw: string): unknown {
    if (raw.startsWith('"')) return raw.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    const ref = /^(?:'?([^'!]+)'?!)?([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(raw);
    if (!ref) return raw;
    const target = ref[1] ? this.sheet(ref[1])! : sheet;
    const top = ref[3] ? +ref[3] - 1 : 0;
    const left = colIndex(ref[2]!);
    const bottom = ref[5] ? +ref[5] - 1 : ref[4] ? Math.max(target.grid.length - 1, 0) : top;
    const right = ref[4] ? colIndex(ref[4]) : left;
    return Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => target.grid[top + r]?.[left + c] ?? ''));
  }

  private addSheet(name: string, grid: Grid, props: Record<string, string>): FakeSheet {
    const sheet: FakeSheet = { name, grid, formats: [], formulas: new Map(), props: new Map(Object.entries(props)), ops: [], ranges: [], charts: [], print: {}, deleted: false,
      frozenRows: 0, widths: new Map(), visibility: 'Visible' };
    this.sheets.push(sheet);
    return sheet;
  }
}

/** Where a fake range reads from, for Range.copyFrom. */
const SOURCE = Symbol('fake range source');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A sheet name as a formula writes it: quoted unless it is letters, digits and underscores. */
const quoteSheet = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}
