/**
 * The HTML report's charts as Vega-Lite specifications (plain JSON with the data inline): the motion
 * split, the top partners, revenue by quarter and motion, credited revenue by quarter and partner
 * (top partners and "All others", stacked) and partner-sourced pipeline created per quarter. The core
 * only describes them; a host compiles and renders them (the CLI to inline SVG).
 */
import type { DealSource } from '../deals/dealResults';
import { formatMoney } from './buildReportTabs';
import { partnerQuarterBlock } from './partnerTrendBlocks';
import type { Motion } from '../vocabulary';
import { MOTION_LABEL, MOTIONS } from '../vocabulary';

/** A Vega-Lite specification as plain JSON. */
export type VegaLiteSpec = { readonly [key: string]: unknown };

/** Which chart: each has its own place on the page. */
export type ReportChartId = 'motionSplit' | 'topPartners' | 'trendByMotion' | 'trendByPartner' | 'pipelineCreated';

/** One chart: a title and a sentence saying what it shows, and its specification. */
export interface ReportChart {
  id: ReportChartId;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
  /** How many data points it draws (bars or points), so a renderer or a test can tell an empty chart. */
  points: number;
}

/** The motions' colours, the same on every chart (sourced is the strong one; direct is grey). */
const MOTION_COLOR: Readonly<Record<Motion, string>> = { sourced: '#2b6cb0', influenced: '#4fa3a5', resold: '#d69e2e', direct: '#a0aec0' };
/** The motions as the charts name them (the report labels), and their colours, in the motions' order. */
const MOTION_NAMES = MOTIONS.map((m) => MOTION_LABEL[m]);
const MOTION_HUES = MOTIONS.map((m) => MOTION_COLOR[m]);
/** Colours of the named partners, then "All others" in light grey. */
const PARTNER_COLORS = ['#2b6cb0', '#dd6b20', '#38a169', '#c53030', '#805ad5', '#8c5e3c', '#d53f8c', '#4a5568', '#b7791f', '#319795'];
const OTHERS_COLOR = '#cbd5e0';

const FONT = 'Segoe UI, Helvetica, Arial, sans-serif';
const CONFIG = {
  font: FONT,
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelColor: '#2d3748', titleColor: '#2d3748', gridColor: '#e2e8f0', domainColor: '#a0aec0', tickColor: '#a0aec0' },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220, orient: 'bottom', direction: 'horizontal', columns: 4, symbolType: 'square', title: null },
} as const;

/** Axis labels in money: 1.2M, 350k (the tables carry the exact cents). */
const MONEY_AXIS = '~s';
/** Zero as "0", not "0M" (the axis gives every tick the largest tick's unit). */
const ZERO_AS_ZERO = "datum.value === 0 ? '0' : datum.label";
const moneyAxis = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ format: MONEY_AXIS, labelExpr: ZERO_AS_ZERO, ...extra });
/** Quarter labels: slanted when more than a few would crowd a half-width chart. */
const quarterAxis = (quarters: readonly string[], size: keyof typeof SIZE): Record<string, unknown> => ({
  labelAngle: quarters.length > (size === 'half' ? 5 : 12) ? -40 : 0, labelLimit: 90, labelOverlap: false,
});

/** Width and height of a chart in CSS pixels; the page scales it to its box. */
const SIZE = { half: { width: 520, height: 260 }, full: { width: 1080, height: 320 } } as const;

const base = (size: keyof typeof SIZE, values: readonly object[]): Record<string, unknown> => ({
  ...SIZE[size],
  autosize: { type: 'fit', contains: 'padding' },
  config: CONFIG,
  data: { values },
});

/** Horizontal bars with the amount written after each bar. */
function horizontalBars(category: string, categories: readonly string[], colors: readonly string[], rows: readonly { category: string; value: number; label: string }[], xTitle: string): Record<string, unknown> {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const min = Math.min(0, ...rows.map((r) => r.value));
  const y = { field: 'category', type: 'nominal', sort: categories, title: null, axis: { labelLimit: 220, labelFontSize: 12 } };
  // Room right of the longest bar for its label.
  const x = { field: 'value', type: 'quantitative', title: xTitle, axis: moneyAxis({ tickCount: 5 }), scale: { domain: [min, max === 0 ? 1 : max * 1.45], nice: false } };
  return {
    ...base('half', rows),
    height: Math.max(120, 34 * rows.length + 40),
    encoding: { y, x },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { color: { field: 'category', type: 'nominal', scale: { domain: categories, range: colors }, legend: null, title: category } } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11, color: '#1a202c' }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/** Columns per quarter, stacked by series in `series` order (bottom first). */
function stackedColumns(quarters: readonly string[], series: readonly string[], colors: readonly string[], rows: readonly { quarter: string; series: string; order: number; value: number }[], yTitle: string, size: keyof typeof SIZE): Record<string, unknown> {
  return {
    ...base(size, rows),
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'quarter', type: 'ordinal', sort: quarters, title: null, axis: quarterAxis(quarters, size) },
      y: { field: 'value', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: yTitle, axis: moneyAxis() },
      color: { field: 'series', type: 'nominal', scale: { domain: series, range: colors }, sort: series },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

/** The charts of a summary; a chart with nothing to draw is left out (the page says so where it would be). */
export function reportCharts(source: DealSource, topN: number): ReportChart[] {
  const s = source.summary;
  const cur = s.reportingCurrency;
  const t = s.totals;
  const charts: ReportChart[] = [];
  const share = (v: number | null): string => (v === null ? '' : ` (${(v * 100).toFixed(1)}%)`);

  if (t.revenue !== 0) {
    const rows = MOTIONS.map((m) => ({ category: MOTION_LABEL[m], value: t[`${m}Revenue`], label: `${formatMoney(t[`${m}Revenue`])}${share(t[`${m}Share`])}` }));
    charts.push({ id: 'motionSplit', title: 'Revenue by motion', points: rows.length,
      caption: `Won revenue by how each deal was labelled, with its share of revenue (${cur}). Sourced, influenced and resold together are partner-led.`,
      spec: horizontalBars('Motion', MOTION_NAMES, MOTION_HUES, rows, `Revenue (${cur})`) });
  }

  const top = s.partners.filter((p) => p.creditedRevenue > 0).slice(0, topN);
  if (top.length > 0) {
    const names = top.map((p) => p.partner);
    const rows = top.map((p) => ({ category: p.partner, value: p.creditedRevenue, label: `${formatMoney(p.creditedRevenue)}${share(p.shareOfPartnerLed)}` }));
    charts.push({ id: 'topPartners', title: `Top ${top.length} partners by credited revenue`, points: rows.length,
      caption: `Each partner's credit on won deals (${cur}), with its share of partner-led revenue.`,
      spec: horizontalBars('Partner', names, names.map(() => PARTNER_COLORS[0]!), rows, `Credited revenue (${cur})`) });
  }

  const quarters = s.periods.map((p) => p.period);
  if (s.periods.some((p) => p.revenue !== 0)) {
    const rows = s.periods.flatMap((p) => MOTIONS.map((m, order) => ({ quarter: p.period, series: MOTION_LABEL[m], order, value: p[`${m}Revenue`] })));
    charts.push({ id: 'trendByMotion', title: 'Revenue by quarter and motion', points: rows.filter((r) => r.value !== 0).length,
      caption: `Won revenue by close quarter (${cur}), stacked by motion.`,
      spec: stackedColumns(quarters, MOTION_NAMES, MOTION_HUES, rows, `Revenue (${cur})`, 'half') });
  }

  const byPartner = partnerQuarterBlock(source, 0, topN);
  const header = byPartner.values[0] as string[];
  const series = header.slice(1, -1); // the named partners and All others, not the Partner-led total
  if (series.length > 1 && byPartner.values.length > 1) {
    const rows = byPartner.values.slice(1).flatMap((line) => series.map((name, order) => ({ quarter: String(line[0]), series: name, order, value: Number(line[order + 1]) })));
    charts.push({ id: 'trendByPartner', title: `Credited revenue by quarter: top ${series.length - 1} partners and all others`, points: rows.filter((r) => r.value !== 0).length,
      caption: `Each quarter's partner-led revenue (${cur}) split by partner credit; each column adds up to the quarter's partner-led revenue.`,
      spec: stackedColumns(quarters, series, [...series.slice(0, -1).map((_, i) => PARTNER_COLORS[i % PARTNER_COLORS.length]!), OTHERS_COLOR], rows, `Credited revenue (${cur})`, 'full') });
  }

  const created = s.pipelineCreated ?? [];
  if (created.some((p) => p.pipelineCreated !== 0)) {
    const sourced = 'Partner-sourced';
    const all = 'All pipeline (line)';
    const rows = created.flatMap((p) => [{ quarter: p.period, series: sourced, value: p.sourcedPipelineCreated }, { quarter: p.period, series: all, value: p.pipelineCreated }]);
    const color = { field: 'series', type: 'nominal', scale: { domain: [sourced, all], range: [MOTION_COLOR.sourced, '#4a5568'] } };
    const createdQuarters = created.map((p) => p.period);
    charts.push({ id: 'pipelineCreated', title: 'Partner-sourced pipeline created per quarter', points: rows.filter((r) => r.value !== 0).length,
      caption: `The leading indicator: the full amount of deals created in each quarter (${cur}), by created date, whatever their status now; the line is all pipeline created.`,
      spec: {
        ...base('half', rows),
        config: { ...CONFIG, legend: { ...CONFIG.legend, columns: 2 } },
        encoding: {
          x: { field: 'quarter', type: 'ordinal', sort: createdQuarters, title: null, axis: quarterAxis(createdQuarters, 'half') },
          y: { field: 'value', type: 'quantitative', title: `Pipeline created (${cur})`, axis: moneyAxis() },
          color,
        },
        layer: [
          { transform: [{ filter: { field: 'series', equal: sourced } }], mark: { type: 'bar' } },
          { transform: [{ filter: { field: 'series', equal: all } }], mark: { type: 'line', point: true, strokeWidth: 2 } },
        ],
      } });
  }
  return charts;
}
