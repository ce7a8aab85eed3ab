/** An in-memory EmbeddedChartBuilder (bar and stacked column charts) and the chart it builds. */
import { counted } from './CallCounter';
import type { FakeSheet } from './FakeSheet';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Used = 'addRange' | 'asBarChart' | 'asColumnChart' | 'setNumHeaders' | 'setOption' | 'setPosition' | 'build';

/** What a built chart holds, for tests to inspect. */
export interface FakeChart {
  /** EmbeddedChart.getChartId(): stable and unique in the spreadsheet. */
  getChartId(): number;
  kind: 'bar' | 'column' | 'none';
  stacked: boolean;
  title: string;
  /** A1 notations of the ranges, in order (the first is the categories). */
  ranges: string[];
  numHeaders: number;
  options: Record<string, unknown>;
  position: { row: number; column: number };
}

export class FakeChartBuilder implements Pick<Builder, Used> {
  readonly api: Builder;
  private readonly chart: Omit<FakeChart, 'getChartId'> = { kind: 'none', stacked: false, title: '', ranges: [], numHeaders: -1, options: {}, position: { row: 1, column: 1 } };

  constructor(private readonly sheet: FakeSheet) {
    this.api = counted(this, 'EmbeddedChartBuilder', sheet.spreadsheet.counter) as unknown as Builder;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    this.chart.ranges.push(range.getA1Notation());
    return this.api;
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    this.chart.kind = 'bar';
    return this.api as unknown as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    this.chart.kind = 'column';
    return this.api as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  }

  /** Of the typed builders (bar/column). */
  setTitle(title: string): Builder {
    this.chart.title = title;
    return this.api;
  }

  /** Of the column builder. */
  setStacked(): Builder {
    this.chart.stacked = true;
    return this.api;
  }

  setNumHeaders(headers: number): Builder {
    this.chart.numHeaders = headers;
    return this.api;
  }

  setOption(option: string, value: unknown): Builder {
    this.chart.options[option] = value;
    return this.api;
  }

  setPosition(row: number, column: number, _offsetX: number, _offsetY: number): Builder {
    this.chart.position = { row, column };
    return this.api;
  }

  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    if (this.chart.kind === 'none') throw new Error('Pick a chart type (asBarChart, asColumnChart ...) before build().');
    if (this.chart.ranges.length < 2) throw new Error('A chart needs a category range and at least one series range.');
    const id = this.sheet.spreadsheet.nextChartId();
    return { ...this.chart, ranges: [...this.chart.ranges], getChartId: () => id } as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
}
