/** The Apps Script entry: registers everything on the PartnerAttribution namespace (Code.js's generated globals delegate to it). */
import type { SidebarServerApi } from '../../core/index';
import { CUSTOM_FUNCTIONS } from '../../core/index';
import { runCustom } from './customFunctions';
import { GLOBAL_FUNCTIONS } from './globalFunctions';
import { onInstall, onOpen, paOpenSidebar, paShowHelp, runMenuAction } from './menu';
import { createSidebarServer } from './sidebarServer';
import { SettingsStore } from './settingsStore';
import { SheetsWorkbook } from './SheetsWorkbook';

const server: SidebarServerApi = createSidebarServer({ workbook: () => SheetsWorkbook.active(), settings: () => SettingsStore.forDocument() });

const menuServer: SidebarServerApi = createSidebarServer({
  workbook: () => SheetsWorkbook.active(),
  settings: () => SettingsStore.forDocument(),
  progress: (step) => SpreadsheetApp.getActive().toast(step, 'Partner Attribution', -1),
});

export { CUSTOM_FUNCTIONS, GLOBAL_FUNCTIONS, runCustom, onOpen, onInstall, paOpenSidebar, paShowHelp };
export const paMenuClassify = (): void => { runMenuAction(menuServer, 'paClassify'); };
export const paMenuWriteSummary = (): void => { runMenuAction(menuServer, 'paWriteSummary'); };
export const { paDetect, paPreview, paClassify, paWriteSummary, paLoadSettings, paSaveSettings } = server;
export const { paCompareDefinitions, paWriteStatement, paAppendOverride } = server;
