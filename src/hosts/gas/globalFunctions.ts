/**
 * The top-level functions Code.js declares besides the custom functions: triggers, menu actions and
 * the sidebar's server API. Apps Script only sees top-level `function` declarations, so the build
 * generates one per entry, delegating to the PartnerAttribution namespace.
 */
import type { SidebarServerApi } from '../../core/index';

export interface GlobalFunction {
  name: string;
  params: string[];
  description: string;
}

const SERVER: Record<keyof SidebarServerApi, GlobalFunction> = {
  paDetect: { name: 'paDetect', params: ['tab'], description: 'Sidebar: finds the data tab, header row and column mapping.' },
  paPreview: { name: 'paPreview', params: ['request'], description: 'Sidebar: the live preview (KPIs, top partners, issue count).' },
  paClassify: { name: 'paClassify', params: ['request'], description: 'Sidebar: writes the classification columns next to the data.' },
  paWriteSummary: { name: 'paWriteSummary', params: ['request'], description: 'Sidebar: writes or replaces the summary tabs.' },
  paLoadSettings: { name: 'paLoadSettings', params: [], description: 'Sidebar: the saved settings.' },
  paSaveSettings: { name: 'paSaveSettings', params: ['settings'], description: 'Sidebar: saves the settings in the document.' },
  paCompareDefinitions: { name: 'paCompareDefinitions', params: ['request'], description: 'Sidebar: runs the chosen definitions and writes the Definitions Compared tab.' },
  paWriteStatement: { name: 'paWriteStatement', params: ['request'], description: 'Sidebar: writes one partner\'s statement tab.' },
  paAppendOverride: { name: 'paAppendOverride', params: ['request'], description: 'Sidebar: appends one row (Keep or Set…) to the Attribution Overrides tab.' },
};

/** Every generated top-level function other than the custom functions, in Code.js order. */
export const GLOBAL_FUNCTIONS: readonly GlobalFunction[] = Object.freeze([
  { name: 'onOpen', params: ['e'], description: 'Adds the Partner Attribution menu when the spreadsheet opens.' },
  { name: 'onInstall', params: ['e'], description: 'Adds the menu right after the add-on is installed.' },
  { name: 'paOpenSidebar', params: [], description: 'Menu: opens the sidebar.' },
  { name: 'paMenuClassify', params: [], description: 'Menu: classifies the deals with the saved settings.' },
  { name: 'paMenuWriteSummary', params: [], description: 'Menu: writes the summary tabs with the saved settings.' },
  { name: 'paShowHelp', params: [], description: 'Menu: shows help.' },
  ...Object.values(SERVER),
]);
