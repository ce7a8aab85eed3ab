/**
 * Test helper: an in-memory Excel workbook made of office-addin-mock objects, so reading a property
 * that was not loaded and synced gives the mock's error text, as in Excel. It counts context.sync()
 * calls and measures each request's value payload (the JSON of every Range.values set since the
 * last sync).
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../../src/hosts/excel/excelRun';

type Grid = unknown[][];

/** The mock's own way to (re)set a property (what its constructor uses; typed private, hence the cast). */
const setMockValue = (mock: OfficeMockObject, name: string, value: unknown): void =>
  (mock as unknown as { setValue(n: string, v: unknown): void }).setValue(name, value);

/** A range the code asked for, with what it set on it. */
export interface FakeRange { sheet: string; row: number; col: number; rows: number; cols: number; mock: Record<string, unknown> & { values?: unknown; numberFormat?: unknown } }

export interface FakeSheet {
  name: string;
  grid: Grid;
  props: Map<string, string>;
  /** Write operations on this sheet (clear, delete, freeze, chart, activate), in order. */
  ops: string[];
  ranges: FakeRange[];
  charts: { type: string; title: string; series: string[]; deleted: boolean }[];
  deleted: boolean;
  mock: OfficeMockObject;
}

export class FakeExcel {
  syncs = 0;
  /** Estimated bytes of Range.values per request (per sync). */
  requestBytes: number[] = [];
  suspended = 0;
  readonly sheets: FakeSheet[] = [];
  private readonly mocks: OfficeMockObject[] = [];
  private pending: FakeRange[] = [];
  readonly context: OfficeMockObject;

  constructor(sheets: { name: string; grid?: Grid; props?: Record<string, string> }[]) {
    for (const s of sheets) this.addSheet(s.name, s.grid ?? [], s.props ?? {});
    const worksheets = this.mock({
      items: [] as unknown[],
      add: (name: string) => this.addSheet(name, [], {}).mock,
      getItem: (name: string) => {
        const sheet = this.live().find((s) => s.name.toLowerCase() === name.toLowerCase());
        if (!sheet) throw new Error(`ItemNotFound: ${name}`);
        return sheet.mock;
      },
    });
    // A collection's load('items/...') loads its items (the mock cannot navigate into arrays).
    (worksheets as unknown as { load: (arg: unknown) => unknown }).load = () => {
      setMockValue(worksheets, 'items', this.live().map((s) => s.mock));
      OfficeMockObject.prototype.load.call(worksheets, 'items');
      return worksheets;
    };
    this.context = this.mock({
      workbook: { application: { suspendApiCalculationUntilNextSync: () => { this.suspended += 1; } } },
    });
    (this.context as unknown as { workbook: Record<string, unknown> }).workbook.worksheets = worksheets;
    (this.context as unknown as { sync: () => Promise<void> }).sync = async () => {
      this.syncs += 1;
      this.requestBytes.push(this.pending.reduce((sum, r) => sum + (!Array.isArray(r.mock.values) ? 0 : Buffer.byteLength(JSON.stringify(r.mock.values))), 0));
      // Values the code set land in the sheet's grid, so later reads see them (as in Excel).
      for (const r of this.pending) {
        if (!Array.isArray(r.mock.values)) continue;
        const grid = this.live().find((sh) => sh.name === r.sheet)?.grid;
        (r.mock.values as unknown[][]).forEach((rowValues, i) => {
          const target = (grid![r.row + i] ??= []);
          for (let k = target.length; k < r.col; k += 1) target[k] = '';
          rowValues.forEach((v, c) => { target[r.col + c] = v; });
        });
      }
      this.pending = [];
      for (const m of this.mocks) void OfficeMockObject.prototype.sync.call(m);
      await new Promise((resolve) => setImmediate(resolve));
    };
  }

  /** `Excel.run` over this workbook. */
  readonly run: ExcelRun = (batch) => batch(this.context as unknown as Excel.RequestContext);

  sheet(name: string): FakeSheet | undefined {
    return this.live().find((s) => s.name === name);
  }

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  private mock(data: object): OfficeMockObject {
    const m = new OfficeMockObject(data, 'excel' as never);
    this.mocks.push(m);
    return m;
  }

  private range(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): OfficeMockObject {
    const values = sheet.grid.slice(row, row + rows).map((r) => Array.from({ length: cols }, (_, c) => r[col + c] ?? ''));
    const mock = this.mock({
      values, rowIndex: row, columnIndex: col, rowCount: rows, columnCount: cols,
      format: { font: {}, fill: {} },
      clear: () => { sheet.ops.push('clear'); },
    });
    // Values set by the code replace the loaded ones; keep only what the code sets.
    delete (mock as unknown as { values?: unknown }).values;
    const loadValues = () => { setMockValue(mock, 'values', values); OfficeMockObject.prototype.load.call(mock, 'values'); return mock; };
    (mock as unknown as { load: (arg: unknown) => unknown }).load = (arg: unknown) => (arg === 'values' ? loadValues() : OfficeMockObject.prototype.load.call(mock, arg as string));
    const record: FakeRange = { sheet: sheet.name, row, col, rows, cols, mock: mock as unknown as FakeRange['mock'] };
    sheet.ranges.push(record);
    this.pending.push(record);
    return mock;
  }

  private addSheet(name: string, grid: Grid, props: Record<string, string>): FakeSheet {
    const sheet = { name, grid, props: new Map(Object.entries(props)), ops: [], ranges: [], charts: [], deleted: false } as unknown as FakeSheet;
    const used = () => {
      const rows = grid.length;
      const cols = grid.reduce((m, r) => Math.max(m, r.length), 0);
      const m = this.mock({ isNullObject: rows === 0, rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: cols });
      m.load('isNullObject');
      return m;
    };
    const charts = this.mock({
      items: [] as unknown[],
      add: (type: string) => {
        const chart = { type, title: '', series: [] as string[], deleted: false };
        sheet.charts.push(chart);
        sheet.ops.push(`chart ${type}`);
        const series = (name: string) => ({ name, setValues: () => undefined, setXAxisValues: () => undefined });
        const first = series('');
        chart.series.push('');
        return {
          title: { set text(value: string) { chart.title = value; } },
          series: {
            getItemAt: () => ({ set name(value: string) { chart.series[0] = value; first.name = value; }, setXAxisValues: () => undefined }),
            add: (name: string) => { chart.series.push(name); return series(name); },
          },
          axes: { categoryAxis: {} },
          setPosition: () => undefined,
        };
      },
    });
    (charts as unknown as { load: (arg: unknown) => unknown }).load = () => {
      setMockValue(charts, 'items', sheet.charts.filter((c) => !c.deleted).map((c) => ({ name: c.title, delete: () => { c.deleted = true; sheet.ops.push('delete chart'); } })));
      OfficeMockObject.prototype.load.call(charts, 'items');
      return charts;
    };
    const customProperties = this.mock({
      add: (key: string, value: string) => { sheet.props.set(key, value); },
      getItemOrNullObject: (key: string) => {
        const m = this.mock({ isNullObject: !sheet.props.has(key), value: sheet.props.get(key) ?? '' });
        m.load('isNullObject');
        return m;
      },
    });
    sheet.mock = this.mock({
      name,
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => this.range(sheet, row, col, rows, cols),
      getRange: () => this.range(sheet, 0, 0, 0, 0),
      getCell: (row: number, col: number) => this.range(sheet, row, col, 1, 1),
      getUsedRangeOrNullObject: used,
      freezePanes: { freezeRows: (n: number) => { sheet.ops.push(`freeze ${n}`); }, unfreeze: () => { sheet.ops.push('unfreeze'); } },
      delete: () => { sheet.deleted = true; sheet.ops.push('delete'); },
      activate: () => { sheet.ops.push('activate'); },
    });
    // Plain properties: the mock's own sync would swap registered children for empty ones.
    Object.assign(sheet.mock, { charts, customProperties });
    // The name is readable after the next sync, as after worksheets.load('items/name').
    sheet.mock.load('name');
    this.sheets.push(sheet);
    return sheet;
  }
}
