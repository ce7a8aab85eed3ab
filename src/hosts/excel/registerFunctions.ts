/** Registers every entry of the shared custom-function list with Excel (esbuild does not generate associate calls). */
import { CUSTOM_FUNCTIONS } from '../../core/functions/functionList';
import type { CustomFunctionsApi } from './customFunctionsApi';
import { excelFunction } from './excelFunction';
import { readWorkbookSettings } from './workbookSettings';

const savedSettings = () => {
  try {
    return readWorkbookSettings().settings;
  } catch {
    return null;
  }
};

/** One `CustomFunctions.associate(id, fn)` per function; returns the ids registered. */
export function registerFunctions(api: CustomFunctionsApi): string[] {
  return CUSTOM_FUNCTIONS.map((def) => {
    api.associate(def.id, excelFunction(def.id, api, savedSettings) as (...args: never[]) => unknown);
    return def.id;
  });
}
