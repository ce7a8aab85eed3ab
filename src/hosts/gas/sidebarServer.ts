/** The sidebar's server API (SidebarServerApi): reads through the Workbook port, computes with the core, writes back. */
import type { Analysis, DetectResult, PreviewRequest, PreviewResult, Settings, SidebarServerApi, TabData, WriteResult } from '../../core/index';
import { analyze, workbookTabs, classificationColumns, describeWrittenTabs, detect, isAttributionError, isSideTableName, parseSettings, pickDataTab, pickSideTables, preview, resolvePolicy, tabInput } from '../../core/index';
import type { SideTables } from '../../core/index';
import type { CompareRequest, CompareResult, StatementRequest } from '../../core/index';
import { compareOnInput, compareResult, statementReportTab, planOverrideAppend, SIDE_TAB_NAMES, OVERRIDES_TAB } from '../../core/index';
import type { AppendOverrideRequest } from '../../core/index';
import type { Workbook } from './Workbook';
import type { SettingsStore } from './settingsStore';

/** Where the server gets its workbook and settings, and how it reports the steps of long runs. */
export interface SidebarServerPorts {
  workbook(): Workbook;
  settings(): SettingsStore;
  /** Called at each step of classify and write-summary (the menu shows these as toasts). */
  progress?: (step: string) => void;
}

/** Runs a server call, turning an engine error into a plain Error whose message the sidebar shows as is. */
const userFacing = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (isAttributionError(error)) throw new Error(error.message, { cause: error });
    throw error;
  }
};

/** The tab asked for by name (strict), else the saved tab if it still exists, else the first tab holding deals. */
const chooseTab = (tabs: readonly TabData[], requested: string | null, settings: Settings): TabData => {
  if (requested) {
    const tab = tabs.find((t) => t.name === requested);
    if (!tab) throw new Error(`There is no data tab named "${requested}". Pick one of: ${tabs.map((t) => t.name).join(', ')}.`);
    return tab;
  }
  const tab = pickDataTab(tabs.filter((t) => !isSideTableName(t.name)), settings);
  if (!tab) throw new Error('This spreadsheet has no tab with deals yet. Paste or import your deals export into a tab first.');
  return tab;
};

const analyzeTab = (tab: TabData, settings: Settings, side: SideTables): Analysis =>
  analyze(tabInput(tab, side), { mapping: settings.mapping, policy: settings.policy });

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Builds the server functions over the given ports. Each call opens the workbook afresh, as Apps Script does. */
export function createSidebarServer(ports: SidebarServerPorts): SidebarServerApi {
  const step = (text: string) => ports.progress?.(text);
  const loadSettingsWithWarning = (workbook: Workbook | null): { settings: Settings; warning: string | null } => {
    const loaded = ports.settings().load();
    if (loaded.warning) (workbook ?? ports.workbook()).notify(loaded.warning);
    return loaded;
  };
  const loadSettings = (workbook: Workbook | null): Settings => loadSettingsWithWarning(workbook).settings;
  return {
    paDetect: (tab: string | null): DetectResult => userFacing(() => {
      const workbook = ports.workbook();
      const { settings, warning } = loadSettingsWithWarning(workbook);
      const tabs = workbook.dataTabs();
      return { ...detect(tabs, chooseTab(tabs, tab, settings), settings, pickSideTables(tabs)), settingsWarning: warning };
    }),

    paPreview: (request: PreviewRequest): PreviewResult => userFacing(() => {
      const tabs = ports.workbook().dataTabs();
      return preview(chooseTab(tabs, request.tab, request.settings), request.settings, 5, pickSideTables(tabs));
    }),

    paClassify: (request: PreviewRequest): WriteResult => userFacing(() => {
      const workbook = ports.workbook();
      const tabs = workbook.dataTabs();
      const tab = chooseTab(tabs, request.tab, request.settings);
      step(`Reading and classifying the deals on "${tab.name}"…`);
      const analysis = analyzeTab(tab, request.settings, pickSideTables(tabs));
      const columns = classificationColumns(analysis, tab.grid.length);
      step('Writing the Partner Motion, Partner(s) and Partner Reason columns…');
      const range = workbook.writeClassification(tab.name, analysis.table.headerIndex, columns);
      const deals = analysis.deals.length;
      return { written: [range], message: `Labelled ${plural(deals, 'deal')} in ${range}.` };
    }),

    paWriteSummary: (request: PreviewRequest): WriteResult => userFacing(() => {
      const workbook = ports.workbook();
      const tabs = workbook.dataTabs();
      const tab = chooseTab(tabs, request.tab, request.settings);
      step(`Reading and analysing the deals on "${tab.name}"…`);
      const analysis = analyzeTab(tab, request.settings, pickSideTables(tabs));
      const reportTabs = workbookTabs(analysis);
      const plan = workbook.writeReportTabs(reportTabs, (name, index) => step(`Writing "${name}" (${index + 1} of ${reportTabs.length})…`));
      const written = plan.targets.map((t) => t.sheetName);
      if (written[0]) workbook.activate(written[0]);
      const issues = analysis.summary.issues.length;
      return {
        written,
        message: `${describeWrittenTabs(plan)} They cover ${plural(analysis.summary.totals.deals, 'deal')} on "${tab.name}"`
          + (issues ? `; the Data Issues tab lists ${plural(issues, 'issue')}.` : '.')
          + plan.notes.map((note) => ` ${note}`).join(''),
      };
    }),

    paLoadSettings: (): Settings => userFacing(() => loadSettings(null)),

    paSaveSettings: (settings: Settings): void => userFacing(() => {
      if (!settings || typeof settings !== 'object' || settings.version !== 1) throw new Error('These settings cannot be saved: they are not Partner Attribution settings (version 1).');
      resolvePolicy(settings.policy); // names the first bad policy value, in words the sidebar shows
      const checked = parseSettings(JSON.stringify(settings));
      if (checked.warning) throw new Error(`These settings cannot be saved. ${checked.warning}`);
      ports.settings().save(checked.settings);
      // Formulas in cells do not rerun on their own: re-enter them so they show the new settings' numbers.
      ports.workbook().rerunPartnerFormulas();
    }),

    paCompareDefinitions: (request: CompareRequest): CompareResult => userFacing(() => {
      const workbook = ports.workbook();
      const tabs = workbook.dataTabs();
      const tab = chooseTab(tabs, request.tab, request.settings);
      step(`Running the definitions on "${tab.name}"…`);
      const { comparison, tab: report } = compareOnInput(tabInput(tab, pickSideTables(tabs)), request.settings, request.definitions);
      const plan = workbook.writeReportTabs([report]);
      const written = plan.targets.map((t) => t.sheetName);
      if (written[0]) workbook.activate(written[0]);
      return compareResult(comparison, { written, message: describeWrittenTabs(plan) });
    }),

    paWriteStatement: (request: StatementRequest): WriteResult => userFacing(() => {
      const workbook = ports.workbook();
      const tabs = workbook.dataTabs();
      const tab = chooseTab(tabs, request.tab, request.settings);
      const report = statementReportTab(analyzeTab(tab, request.settings, pickSideTables(tabs)), request.partner);
      const plan = workbook.writeReportTabs([report]);
      const written = plan.targets.map((t) => t.sheetName);
      if (written[0]) workbook.activate(written[0]);
      return { written, message: describeWrittenTabs(plan) };
    }),

    paAppendOverride: (request: AppendOverrideRequest): WriteResult => userFacing(() => {
      const workbook = ports.workbook();
      const tab = findOverridesTab(workbook.dataTabs());
      const plan = planOverrideAppend(tab?.grid ?? null, request.override, tab?.firstRow ?? 1);
      workbook.appendOverrideRow(tab?.name ?? null, plan);
      return { written: [tab?.name ?? OVERRIDES_TAB], message: plan.message };
    }),
  };
}

const tabKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The user's overrides tab, by the names the engine reads it under. */
const findOverridesTab = (tabs: readonly TabData[]): TabData | undefined => tabs.find((t) => SIDE_TAB_NAMES.overrides.includes(tabKey(t.name)));
