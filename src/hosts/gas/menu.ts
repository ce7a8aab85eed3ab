/** The add-on menu (onOpen/onInstall) and what its items do: open the sidebar, classify, write the summary tabs, help. */
import type { PreviewRequest, SidebarServerApi, WriteResult } from '../../core/index';
import { SettingsStore } from './settingsStore';

const TITLE = 'Partner Attribution';

/** The file name (without .html) of the sidebar in the Apps Script project. */
export const SIDEBAR_FILE = 'Sidebar';

/** The menu items and the top-level functions they call (generated into Code.js). */
export const MENU_ITEMS: readonly { label: string; functionName: string }[] = [
  { label: 'Open sidebar', functionName: 'paOpenSidebar' },
  { label: 'Classify deals', functionName: 'paMenuClassify' },
  { label: 'Write summary tabs', functionName: 'paMenuWriteSummary' },
  { label: 'Help', functionName: 'paShowHelp' },
];

/** The help text shown by Help. */
export const HELP_TEXT = [
  'Partner Attribution labels each deal as partner Sourced, Influenced, Resold or Direct, splits revenue credit between partners (no dollar counted twice) and writes summary tabs.',
  '',
  'Open sidebar: check the detected data tab, columns and policy, and see a live preview.',
  'Classify deals: adds Partner Motion, Partner(s) and Partner Reason columns right of your data (never over your own columns).',
  'Write summary tabs: writes Partner Summary, Partner Trend, Partner Segments, Deal Attribution and Data Issues. A re-run replaces only the tabs the add-on wrote; if you have a tab with the same name, the add-on writes "Partner Summary (2)" instead.',
  '',
  'Formulas: =PARTNER_SOURCED(A1:K500), =PARTNER_LED(A1:K500, "Acme"), =PARTNER_ROLLUP(A1:K500) and more; type =PARTNER_ to see them all. They use the settings saved in the sidebar.',
].join('\n');

/** Adds the add-on menu. Runs in any authorization mode, so it only builds the menu. */
export function onOpen(_event?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.label, item.functionName);
  });
  menu.addToUi();
}

/** Called once when the add-on is installed: show the menu right away. */
export function onInstall(event?: unknown): void {
  onOpen(event);
}

/** Opens the sidebar. */
export function paOpenSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows the help text. */
export function paShowHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, HELP_TEXT, ui.ButtonSet.OK);
}

/** Runs one menu action with the saved settings, showing progress as toasts and any problem in a dialog. */
export function runMenuAction(server: SidebarServerApi, action: 'paClassify' | 'paWriteSummary'): WriteResult | null {
  const spreadsheet = SpreadsheetApp.getActive();
  try {
    const settings = SettingsStore.forDocument().load().settings;
    const request: PreviewRequest = { tab: null, settings }; // the saved tab if it still exists, else auto-detected
    const result = server[action](request);
    spreadsheet.toast(result.message, TITLE, 10);
    return result;
  } catch (error) {
    spreadsheet.toast('Stopped: see the message.', TITLE, 3);
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, error instanceof Error ? error.message : String(error), ui.ButtonSet.OK);
    return null;
  }
}
