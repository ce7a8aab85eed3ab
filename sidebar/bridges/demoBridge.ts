/**
 * The demo bridge: runs the real engine in the page on an in-memory workbook, so the preview page
 * and the browser tests exercise exactly what the hosts run, without Google or Microsoft.
 */
import type { HostBridge } from '../HostBridge';
import type { DetectResult, PreviewRequest, PreviewResult, Progress, Settings, WriteResult } from '../../src/core/hostApi';
import { DEFAULT_SETTINGS } from '../../src/core/hostApi';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/analyze';
import { workbookTabs } from '../../src/core/report/workbookTabs';
import { a1Range, classificationColumns, CLASSIFICATION_HEADERS, detect, pickDataTab, previewFromSummary } from '../../src/core/service/sidebarService';
import type { TabData } from '../../src/core/service/sidebarService';
import type { DemoTab, DemoWorkbook } from './demoWorkbook';
import { appendOverrideRow, findTab, userGrid, writeColumns, writeSummaryTabs } from './demoWorkbook';
import { planOverrideAppend } from '../../src/core/overrides/overrideRow';
import { describeWrittenTabs } from '../../src/core/report/planTabTargets';
import type { CompareResult } from '../../src/core/hostApi';
import type { AnalysisInput } from '../../src/core/types';
import type { ReportTab } from '../../src/core/report/ReportTab';
import { compareOnInput, compareResult } from '../../src/core/service/compareService';
import { statementReportTab } from '../../src/core/service/statementService';

/** Bridge methods that can be made to fail, to show how the sidebar handles a host error. */
export type DemoMethod = 'detect' | 'preview' | 'classify' | 'writeSummary' | 'loadSettings' | 'saveSettings' | 'compareDefinitions' | 'writeStatement' | 'appendOverride';

export interface DemoBridgeOptions {
  /** Make one method reject with this message (default message when empty). */
  fail?: { method: DemoMethod; message?: string };
  /** Pause between simulated progress steps, in ms (default 120). */
  stepDelayMs?: number;
  /** Called after classify or writeSummary changed the workbook, with the tab to show. */
  onChange?: (workbook: DemoWorkbook, focusTab: string) => void;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const joinNames = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Creates a HostBridge over `workbook`, which classify and writeSummary change in place. */
export function createDemoBridge(workbook: DemoWorkbook, options: DemoBridgeOptions = {}): HostBridge {
  let saved: Settings = copy(DEFAULT_SETTINGS) as Settings;
  const delay = options.stepDelayMs ?? 120;

  const failIf = (method: DemoMethod): void => {
    if (options.fail?.method === method) {
      throw new Error(options.fail.message || `The demo was asked to fail "${method}" (the ?fail=${method} option), to show how host errors look`);
    }
  };

  const dataTabs = (): DemoTab[] => workbook.tabs.filter((t) => !t.ownedByAddOn);
  const tabData = (tab: DemoTab): TabData => ({ name: tab.name, grid: userGrid(tab) });

  const chooseTab = (name: string | null, settings: Settings): DemoTab => {
    const tabs = dataTabs();
    if (name !== null) {
      const tab = tabs.find((t) => t.name === name);
      if (!tab) throw new Error(`There is no tab named "${name}" any more. Pick the deals tab again.`);
      return tab;
    }
    const picked = pickDataTab(tabs.map(tabData), settings);
    const tab = picked ? tabs.find((t) => t.name === picked.name) : undefined;
    if (!tab) throw new Error('This workbook has no tabs.');
    return tab;
  };

  const overridesTab = (): DemoTab | undefined => findTab(workbook, ['Attribution Overrides', 'Overrides']);
  // The engine's input, with the optional Touches, Partners and FX Rates tabs (SPEC 2.2) and the user's Attribution Overrides.
  const inputOf = (tab: DemoTab): AnalysisInput => ({
    deals: userGrid(tab),
    touches: findTab(workbook, ['Touches', 'Partner Touches', 'Activities'])?.grid ?? null,
    partners: findTab(workbook, ['Partners'])?.grid ?? null,
    fx: findTab(workbook, ['FX Rates'])?.grid ?? null,
    overrides: overridesTab()?.grid ?? null,
    firstRow: 1,
  });
  const run = (tab: DemoTab, settings: Settings): Analysis => analyze(inputOf(tab), { mapping: settings.mapping, policy: settings.policy });

  // Writes one report tab (a comparison, a statement) as the hosts do, and shows it.
  const writeOne = (tab: ReportTab): WriteResult => {
    const plan = writeSummaryTabs(workbook, [tab]);
    const written = plan.targets.map((t) => t.sheetName);
    options.onChange?.(workbook, written[0] ?? '');
    return { written, message: describeWrittenTabs(plan) };
  };

  const steps = async (onProgress: ((p: Progress) => void) | undefined, names: readonly string[], done: number, total: number): Promise<void> => {
    for (const [i, step] of names.entries()) {
      onProgress?.({ step, done: done + i, total });
      await sleep(delay);
    }
  };

  return {
    host: 'demo',

    async detect(tab: string | null): Promise<DetectResult> {
      await sleep(0);
      failIf('detect');
      const settings = copy(saved);
      const chosen = chooseTab(tab ?? settings.tab, settings);
      return detect(dataTabs().map(tabData), tabData(chosen), settings);
    },

    async preview(request: PreviewRequest): Promise<PreviewResult> {
      await sleep(0);
      failIf('preview');
      return previewFromSummary(run(chooseTab(request.tab, request.settings), request.settings));
    },

    async classify(request, onProgress): Promise<WriteResult> {
      await steps(onProgress, ['Reading the deals', 'Classifying the deals'], 0, 4);
      failIf('classify');
      const tab = chooseTab(request.tab, request.settings);
      const analysis = run(tab, request.settings);
      await steps(onProgress, ['Writing the columns'], 2, 4);
      const data = userGrid(tab);
      const column = tab.classificationColumn ?? data.reduce((max, row) => Math.max(max, row.length), 0);
      const replaced = tab.classificationColumn !== undefined;
      writeColumns(tab, column, classificationColumns(analysis, data.length));
      onProgress?.({ step: 'Done', done: 4, total: 4 });
      const where = `${tab.name}!${a1Range(1, column, data.length, CLASSIFICATION_HEADERS.length)}`;
      options.onChange?.(workbook, tab.name);
      const deals = analysis.deals.length;
      return {
        written: [where],
        message: `${replaced ? 'Updated' : 'Added'} ${joinNames([...CLASSIFICATION_HEADERS])} for ${deals} ${deals === 1 ? 'deal' : 'deals'} in ${where}. Run it again after editing the deals: it rewrites only these columns.`,
      };
    },

    async writeSummary(request, onProgress): Promise<WriteResult> {
      // The tabs are known before the simulated steps, so every step counts against the same total.
      const analysis = run(chooseTab(request.tab, request.settings), request.settings);
      const tabs = workbookTabs(analysis);
      await steps(onProgress, ['Reading the deals', 'Crediting partners'], 0, 2 + tabs.length);
      failIf('writeSummary');
      for (const [i, tab] of tabs.entries()) { // simulated steps; the writing itself is one call below
        onProgress?.({ step: `Writing ${tab.name}`, done: 2 + i, total: 2 + tabs.length });
        await sleep(delay);
      }
      const plan = writeSummaryTabs(workbook, tabs);
      const written = plan.targets.map((t) => t.sheetName);
      onProgress?.({ step: 'Done', done: 2 + tabs.length, total: 2 + tabs.length });
      options.onChange?.(workbook, written[0] ?? '');
      return { written, message: describeWrittenTabs(plan) };
    },

    async loadSettings(): Promise<Settings> {
      await sleep(0);
      failIf('loadSettings');
      return copy(saved);
    },

    async saveSettings(settings: Settings): Promise<void> {
      await sleep(0);
      failIf('saveSettings');
      saved = copy(settings);
    },

    async compareDefinitions(request, onProgress): Promise<CompareResult> {
      await steps(onProgress, ['Running the definitions'], 0, 2);
      failIf('compareDefinitions');
      const { comparison, tab } = compareOnInput(inputOf(chooseTab(request.tab, request.settings)), request.settings, request.definitions);
      onProgress?.({ step: 'Done', done: 2, total: 2 });
      return compareResult(comparison, writeOne(tab));
    },

    async appendOverride(request): Promise<WriteResult> {
      await sleep(0);
      failIf('appendOverride');
      const tab = overridesTab();
      const plan = planOverrideAppend(tab?.grid ?? null, request.override);
      const written = appendOverrideRow(workbook, tab, plan);
      options.onChange?.(workbook, written.name);
      return { written: [written.name], message: plan.message };
    },

    async writeStatement(request, onProgress): Promise<WriteResult> {
      await steps(onProgress, [`Writing the statement for ${request.partner}`], 0, 2);
      failIf('writeStatement');
      const tab = statementReportTab(run(chooseTab(request.tab, request.settings), request.settings), request.partner);
      onProgress?.({ step: 'Done', done: 2, total: 2 });
      return writeOne(tab);
    },
  };
}
