/**
 * What both hosts' sidebar servers do once they have read the cells: detect, preview, and build the
 * classification columns. Hosts read and write; everything computed lives here.
 */
import type { AnalysisInput, Cell, Field, Grid, NumberFormats } from '../types';
import type { DealSource } from '../deals/dealResults';
import type { DetectResult, MappedField, PreviewResult, ReviewList, Settings } from '../hostApi';
import { DEFAULT_SETTINGS } from '../hostApi';
import { analyze } from '../analyze';
import { moneyHeadline } from '../report/moneyHeadline';
import { statementPartners } from '../report/statementTab';
import { reviewQueue } from '../review/reviewQueue';
import { resolvePolicy } from '../policy';
import { resolveMapping } from '../configFile';
import { checkSettingsDepth } from '../settingsShape';
import { isAttributionError } from '../AttributionError';
import type { Analysis } from '../analyze';
import { FIELD_LABELS, REQUIRED_FIELDS, FIELDS } from '../table/fieldSynonyms';
import { fitCell, literalText } from '../report/ReportTab';

/** A tab as a host read it: its name and the used range's values. */
export interface TabData {
  name: string; grid: Grid; firstRow?: number; firstCol?: number;
  /** Number formats that show a currency, aligned with `grid` (hosts that read them; see AnalysisInput.numberFormats). */
  numberFormats?: NumberFormats;
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** A1 notation of a rectangle, e.g. A1:K500. */
export const a1Range = (firstRow: number, firstCol: number, rows: number, cols: number): string =>
  `${columnLetter(firstCol)}${firstRow}:${columnLetter(firstCol + Math.max(cols, 1) - 1)}${firstRow + Math.max(rows, 1) - 1}`;

export { columnLetter };

/** Parses saved settings; anything corrupt falls back to the defaults with a warning, never an exception. */
export function parseSettings(json: string | null | undefined): { settings: Settings; warning: string | null } {
  const fresh = (): Settings => JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
  if (json === null || json === undefined || json === '') return { settings: fresh(), warning: null };
  try {
    const value = JSON.parse(json) as Partial<Settings> | null;
    checkSettingsDepth(value);
    if (!value || typeof value !== 'object' || value.version !== 1) throw new Error('unknown version');
    const settings: Settings = {
      version: 1,
      tab: typeof value.tab === 'string' ? value.tab : null,
      mapping: value.mapping && typeof value.mapping === 'object' ? value.mapping : {},
      policy: value.policy && typeof value.policy === 'object' ? value.policy : {},
    };
    // A mapping or policy the engine would refuse ("__proto__" as a setting, two fields in one column) counts as corrupt.
    resolveMapping(settings.mapping);
    resolvePolicy(settings.policy);
    return { settings, warning: null };
  } catch (error) {
    const why = isAttributionError(error) ? ` (${error.message})` : '';
    return { settings: fresh(), warning: `The saved Partner Attribution settings could not be read${why}, so the defaults are used. Review the settings and save them again.` };
  }
}

/** Picks the data tab: the saved one, else the first whose header detection succeeds, else the first tab. */
export function pickDataTab(tabs: readonly TabData[], settings: Settings): TabData | null {
  const saved = settings.tab ? tabs.find((t) => t.name === settings.tab) : undefined;
  if (saved) return saved;
  for (const tab of tabs) {
    try {
      analyze({ deals: tab.grid.slice(0, 30) }, { mapping: settings.mapping, policy: settings.policy });
      return tab;
    } catch { /* not a deals table: try the next tab */ }
  }
  return tabs[0] ?? null;
}

/** The optional tables of SPEC 2.2 and the user's Attribution Overrides, found by tab name in the same workbook. */
export interface SideTables { touches: Grid | null; partners: Grid | null; fx: Grid | null; overrides: Grid | null }

/** Tab names of each side table (compared with case and spacing ignored); the CLI reads an .xlsx's tabs by the same list. */
export const SIDE_TAB_NAMES: Readonly<Record<keyof SideTables, readonly string[]>> = {
  touches: ['touches', 'partner touches', 'activities'],
  partners: ['partners'],
  fx: ['fx rates'],
  overrides: ['attribution overrides', 'overrides'],
};

const tabKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** True for a tab named like a Touches, Partners, FX Rates or Attribution Overrides table (never the deals tab). */
export const isSideTableName = (name: string): boolean =>
  Object.values(SIDE_TAB_NAMES).some((names) => names.includes(tabKey(name)));

/** Finds the Touches, Partners, FX Rates and Attribution Overrides tabs by name (case and spacing ignored). */
export function pickSideTables(tabs: readonly TabData[]): SideTables {
  const find = (names: readonly string[]): Grid | null => tabs.find((t) => names.includes(tabKey(t.name)))?.grid ?? null;
  return { touches: find(SIDE_TAB_NAMES.touches), partners: find(SIDE_TAB_NAMES.partners), fx: find(SIDE_TAB_NAMES.fx),
    overrides: find(SIDE_TAB_NAMES.overrides) };
}

/**
 * The engine's input for a deals tab and the side tables found beside it: the one way every host
 * (Sheets, Excel, the CLI) hands the Touches, Partners, FX Rates and Attribution Overrides tables over.
 */
export const tabInput = (tab: TabData, extra?: Partial<SideTables>): AnalysisInput => ({
  deals: tab.grid, firstRow: tab.firstRow ?? 1, numberFormats: tab.numberFormats ?? null, touches: extra?.touches ?? null, partners: extra?.partners ?? null,
  fx: extra?.fx ?? null, overrides: extra?.overrides ?? null,
});

const runOn = (tab: TabData, settings: Settings, extra?: Partial<SideTables>): Analysis =>
  analyze(tabInput(tab, extra), { mapping: settings.mapping, policy: settings.policy });

/** Detects the data table and its mapping (throws AttributionError when the tab holds no deals table). */
export function detect(tabs: readonly TabData[], tab: TabData, settings: Settings, extra?: Partial<SideTables>): DetectResult {
  const analysis = runOn(tab, settings, extra);
  const { table } = analysis;
  const fields: MappedField[] = FIELDS.map((field: Field) => ({
    field,
    label: FIELD_LABELS[field],
    required: REQUIRED_FIELDS.includes(field),
    column: table.columns[field] ?? null,
    source: table.sources[field] === 'explicit' ? 'explicit' : table.columns[field] === undefined ? 'none' : 'detected',
  }));
  const width = tab.grid.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    tabs: tabs.map((t) => t.name),
    tab: tab.name,
    range: a1Range(tab.firstRow ?? 1, tab.firstCol ?? 0, tab.grid.length, width),
    headerRow: (tab.firstRow ?? 1) + table.headerIndex,
    headers: table.headers,
    fields,
    stages: analysis.stages,
    currencies: analysis.currencies,
    dealRows: analysis.summary.totals.deals,
    settings,
  };
}

/** The live preview: KPIs, the top partners and the issue count. */
export function preview(tab: TabData, settings: Settings, top = 5, extra?: Partial<SideTables>): PreviewResult {
  return previewFromSummary(runOn(tab, settings, extra), top);
}

/** How many deals of the review queue the preview carries (the sidebar shows them a page at a time). */
export const REVIEW_LIMIT = 200;

/** The preview's shape from an analysis already made (a host that has just analysed needs no second run). */
export function previewFromSummary(source: DealSource, top = 5): PreviewResult {
  const { summary } = source;
  const issueCount = { error: 0, warning: 0, info: 0 };
  for (const issue of summary.issues) issueCount[issue.severity] += 1;
  return {
    reportingCurrency: summary.reportingCurrency,
    totals: summary.totals,
    topPartners: summary.partners.slice(0, top).map((p) => ({ partner: p.partner, creditedRevenue: p.creditedRevenue, shareOfPartnerLed: p.shareOfPartnerLed })),
    issueCount,
    headline: moneyHeadline(source).lines,
    statementPartners: statementPartners(source),
    review: reviewList(source),
  };
}

export const CLASSIFICATION_HEADERS = ['Partner Motion', 'Partner(s)', 'Partner Reason'] as const;

/**
 * The three classification columns written next to the data, aligned with the tab's rows: the
 * headers on the header row, a motion, the partners and the reason on deal rows, "" elsewhere.
 * Text is guarded so a partner named "=cmd" stays text.
 */
export function classificationColumns(analysis: Analysis, rows: number): Cell[][] {
  const out: Cell[][] = Array.from({ length: rows }, () => ['', '', '']);
  const headerIndex = analysis.table.headerIndex;
  if (headerIndex < rows) out[headerIndex] = [...CLASSIFICATION_HEADERS];
  const deals = analysis.deals;
  for (let i = 0; i < deals.length; i++) {
    const index = deals.row(i) - analysis.table.firstRow;
    if (index < 0 || index >= rows) continue;
    const partners = [deals.sourcingPartner(i), ...deals.influencers(i), deals.reseller(i)].filter((p): p is string => !!p);
    const motion = deals.motion(i);
    out[index] = [motion.charAt(0).toUpperCase() + motion.slice(1), literalText(fitCell([...new Set(partners)].join('; '))), literalText(fitCell(deals.reason(i)))];
  }
  return out;
}

/** The review queue as the preview carries it: the first REVIEW_LIMIT deals, most money first, and the count and money of all. */
export function reviewList(source: DealSource): ReviewList {
  const queue = reviewQueue(source);
  return {
    deals: queue.items.slice(0, REVIEW_LIMIT).map((item) => ({ id: item.id, name: item.name, amount: item.amount, motion: item.motion,
      partners: item.motionPartners, named: item.partners, labels: item.labels, reason: item.reason })),
    count: queue.items.length,
    amount: queue.amount,
  };
}
