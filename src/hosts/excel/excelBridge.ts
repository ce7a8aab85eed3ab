/**
 * The task pane's HostBridge for Excel: reads the workbook once (the preview re-reads only after the
 * workbook changes or on "Detect again"), hands the cells to the
 * core (detect, preview, analyze, report tabs, classification columns) and writes the results back.
 */
import type { HostBridge } from '../../../sidebar/HostBridge';
import type { DetectResult, PreviewRequest, PreviewResult, Progress, Settings, WriteResult } from '../../core/hostApi';
import { analyze } from '../../core/analyze';
import type { Analysis } from '../../core/analyze';
import { workbookTabs } from '../../core/report/workbookTabs';
import { classificationColumns, detect, isSideTableName, pickDataTab, pickSideTables, preview, tabInput } from '../../core/service/sidebarService';
import type { AppendOverrideRequest, CompareRequest, CompareResult, StatementRequest } from '../../core/hostApi';
import { planOverrideAppend } from '../../core/overrides/overrideRow';
import { SIDE_TAB_NAMES } from '../../core/service/sidebarService';
import { writeOverrideRow } from './overrideWriter';
import { compareOnInput, compareResult } from '../../core/service/compareService';
import { statementReportTab } from '../../core/service/statementService';
import type { ExcelRun } from './excelRun';
import { defaultExcelRun } from './excelRun';
import { readWorkbook } from './workbookReader';
import { shiftTo1900, uses1904DateSystem } from './dateSystem';
import type { IsSetSupported } from './dateSystem';
import type { SheetData } from './workbookReader';
import { prepareDataSheet } from './dataSheet';
import type { PreparedSheet } from './dataSheet';
import { writeReportTabs } from './worksheetWriter';
import { writeClassificationColumns } from './classificationWriter';
import { readWorkbookSettings, saveWorkbookSettings } from './workbookSettings';
import type { SettingsStore } from './workbookSettings';

type Notify = (progress: Progress) => void;
const quiet: Notify = () => undefined;

export interface ExcelBridgeOptions {
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported (tests pass their own). */
  supports?: IsSetSupported;
  settingsStore?: SettingsStore | null;
}

/** Creates the Excel bridge. In the add-in both options default to the real Excel and workbook settings. */
export function createExcelBridge(options: ExcelBridgeOptions = {}): HostBridge {
  const run = options.run ?? defaultExcelRun;
  // undefined = the workbook's own settings (the readers' default).
  const store = () => options.settingsStore;

  // The preview reuses the last read: edits in the task pane change settings, not cells. The cache
  // is dropped when the workbook reports a change (worksheets.onChanged), on "Detect again", and
  // after the add-in writes. If the event cannot be registered, nothing is cached.
  // What is cached is the workbook as read, with its date system: a 1904 workbook's date columns are
  // moved to the 1900 system on every load, under the mapping of that moment (a user who maps Close Date
  // to another column in the task pane gets that column moved, not the one detection picked first).
  let cache: { sheets: SheetData[]; date1904: boolean } | null = null;
  let watching: Promise<boolean> | null = null;
  const watch = (): Promise<boolean> => (watching ??= run(async (context) => {
    const drop = async (): Promise<void> => { cache = null; };
    const worksheets = context.workbook.worksheets;
    worksheets.onChanged.add(drop);
    await context.sync();
    // A sheet added, deleted or renamed changes which tabs hold the deals, touches and partners, and
    // fires no onChanged (WorksheetCollection.onAdded/onDeleted, ExcelApi 1.7; onNameChanged, 1.17).
    // Where an event is missing, such a change shows after "Detect again".
    const events = worksheets as unknown as Partial<Record<'onAdded' | 'onDeleted' | 'onNameChanged', { add(handler: () => Promise<void>): unknown }>>;
    for (const event of ['onAdded', 'onDeleted', 'onNameChanged'] as const) {
      try {
        events[event]?.add(drop);
        await context.sync();
      } catch { /* an older Excel without the event */ }
    }
    return true;
  }).catch(() => false));

  const load = async (tab: string | null, settings: Settings, notify: Notify, reuse = false): Promise<{ sheets: SheetData[]; data: PreparedSheet; date1904: boolean }> => {
    notify({ step: 'Reading the workbook', done: 0, total: 1 });
    let read = reuse ? cache : null;
    if (!read) read = { sheets: await readWorkbook(run), date1904: await uses1904DateSystem(run, options.supports) };
    cache = (await watch()) ? read : null;
    const { date1904 } = read;
    const sheets = date1904 ? read.sheets.map((s) => ({ ...s, grid: shiftTo1900(s.grid, settings.mapping) })) : read.sheets;
    notify({ step: 'Reading the workbook', done: 1, total: 1 });
    // An explicit pick must exist; a saved one that was renamed or deleted falls back to detection.
    const chosen = tab ? sheets.find((s) => s.name === tab) : pickDataTab(sheets.filter((s) => !isSideTableName(s.name)), settings);
    if (!chosen) {
      throw new Error(tab ? `There is no worksheet named "${tab}". Pick the deals worksheet again.` : 'This workbook has no worksheet with data.');
    }
    return { sheets, data: prepareDataSheet(chosen as SheetData), date1904 };
  };

  const analyzeAll = (sheets: readonly SheetData[], data: PreparedSheet, settings: Settings, notify: Notify): Analysis => {
    notify({ step: 'Analyzing deals', done: 0, total: 1 });
    const analysis = analyze(tabInput({ ...data.sheet, grid: data.grid }, pickSideTables(sheets)),
      { mapping: settings.mapping, policy: settings.policy, onProgress: notify });
    notify({ step: 'Analyzing deals', done: 1, total: 1 });
    return analysis;
  };

  const asTab = (data: PreparedSheet) => ({ ...data.sheet, grid: data.grid });

  return {
    host: 'excel',
    async detect(tab: string | null): Promise<DetectResult> {
      const { settings, warning } = readWorkbookSettings(store());
      const { sheets, data } = await load(tab, settings, quiet);
      return { ...detect(sheets, asTab(data), settings, pickSideTables(sheets)), settingsWarning: warning };
    },
    async preview(request: PreviewRequest): Promise<PreviewResult> {
      const { sheets, data } = await load(request.tab, request.settings, quiet, true);
      return preview(asTab(data), request.settings, 5, pickSideTables(sheets));
    },
    async classify(request: PreviewRequest, onProgress: Notify = quiet): Promise<WriteResult> {
      const { sheets, data } = await load(request.tab, request.settings, onProgress);
      const analysis = analyzeAll(sheets, data, request.settings, onProgress);
      const columns = classificationColumns(analysis, data.grid.length);
      cache = null;
      return writeClassificationColumns(run, {
        sheetName: data.sheet.name, firstRow: data.sheet.firstRow ?? 1, column: data.column, headerIndex: analysis.table.headerIndex,
      }, columns, onProgress);
    },
    async writeSummary(request: PreviewRequest, onProgress: Notify = quiet): Promise<WriteResult> {
      const { sheets, data, date1904 } = await load(request.tab, request.settings, onProgress);
      const analysis = analyzeAll(sheets, data, request.settings, onProgress);
      onProgress({ step: 'Building the summary tabs', done: 0, total: 1 });
      const tabs = workbookTabs(analysis);
      cache = null;
      return writeReportTabs(tabs, { run, onProgress, supports: options.supports, date1904 });
    },
    async compareDefinitions(request: CompareRequest, onProgress: Notify = quiet): Promise<CompareResult> {
      const { sheets, data, date1904 } = await load(request.tab, request.settings, onProgress);
      onProgress({ step: 'Running the definitions', done: 0, total: 1 });
      const { comparison, tab } = compareOnInput(tabInput(asTab(data), pickSideTables(sheets)), request.settings, request.definitions);
      cache = null;
      return compareResult(comparison, await writeReportTabs([tab], { run, onProgress, supports: options.supports, date1904 }));
    },
    async writeStatement(request: StatementRequest, onProgress: Notify = quiet): Promise<WriteResult> {
      const { sheets, data, date1904 } = await load(request.tab, request.settings, onProgress);
      const tab = statementReportTab(analyzeAll(sheets, data, request.settings, onProgress), request.partner);
      cache = null;
      return writeReportTabs([tab], { run, onProgress, supports: options.supports, date1904 });
    },
    async appendOverride(request: AppendOverrideRequest): Promise<WriteResult> {
      // Read afresh (never the preview's cache): the row goes after what the tab holds now.
      const { sheets } = await load(request.tab, request.settings, quiet);
      const key = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');
      const found = sheets.find((s) => SIDE_TAB_NAMES.overrides.includes(key(s.name)));
      const plan = planOverrideAppend(found?.grid ?? null, request.override, found?.firstRow ?? 1);
      cache = null;
      await writeOverrideRow(run, found ? { name: found.name, firstRow: found.firstRow ?? 1, firstCol: found.firstCol ?? 0 } : null, plan);
      return { written: [found?.name ?? 'Attribution Overrides'], message: plan.message };
    },
    async loadSettings(): Promise<Settings> {
      return readWorkbookSettings(store()).settings;
    },
    async saveSettings(settings: Settings): Promise<void> {
      await saveWorkbookSettings(settings, store());
      // PARTNER formulas do not depend on the settings as far as Excel knows: recalculate them all.
      await run(async (context) => {
        context.workbook.application.calculate('Full');
        await context.sync();
      });
    },
  };
}
