/** Reads and saves the add-in's settings in the workbook (Office.context.document.settings, key "partner-attribution"). */
import type { Settings } from '../../core/hostApi';
import { parseSettings } from '../../core/service/sidebarService';

/** The one settings key, shared by the task pane and the custom functions (shared runtime). */
export const SETTINGS_KEY = 'partner-attribution';

/** The part of `Office.Settings` used here, so tests can pass an in-memory store. */
export type SettingsStore = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

const defaultStore = (): SettingsStore | null => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.document?.settings ?? null;
};

/** The saved settings (defaults when none or unreadable), with the warning parseSettings gives for corrupt ones. */
export function readWorkbookSettings(store: SettingsStore | null = defaultStore()): { settings: Settings; warning: string | null } {
  const raw: unknown = store ? store.get(SETTINGS_KEY) : null;
  return parseSettings(typeof raw === 'string' ? raw : raw === null || raw === undefined ? null : JSON.stringify(raw));
}

/** Saves the settings into the workbook; resolves once Excel has persisted them. */
export function saveWorkbookSettings(settings: Settings, store: SettingsStore | null = defaultStore()): Promise<void> {
  if (!store) return Promise.reject(new Error('Workbook settings are only available inside Excel.'));
  store.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      // Office.js sets the string "failed" (the typings declare a numeric enum).
      if (String(result.status) === 'failed') reject(new Error(`Excel could not save the settings: ${result.error?.message ?? 'unknown error'}.`));
      else resolve();
    });
  });
}
