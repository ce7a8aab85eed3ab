/** Test helper: an in-memory stand-in for Office's workbook settings, so tests can read what was saved. */
import type { SettingsStore } from '../../../src/hosts/excel/workbookSettings';

export const memoryStore = (): SettingsStore & { saved: Map<string, unknown> } => {
  const saved = new Map<string, unknown>();
  return {
    saved,
    get: (key: string) => saved.get(key) ?? null,
    set: (key: string, value: unknown) => { saved.set(key, value); },
    saveAsync: ((callback?: (result: Office.AsyncResult<void>) => void) => {
      callback?.({ status: 'succeeded' } as unknown as Office.AsyncResult<void>);
    }) as SettingsStore['saveAsync'],
  };
};
