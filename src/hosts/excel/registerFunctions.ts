/** Registers every entry of the shared custom-function list with Excel (esbuild does not generate associate calls). */
import { CUSTOM_FUNCTIONS } from '../../core/functions/functionList';
import type { CustomFunctionsApi } from './customFunctionsApi';
import { excelFunction } from './excelFunction';
import type { FunctionHost } from './excelFunction';
import { readWorkbookSettings } from './workbookSettings';
import { officeReady } from './officeReady';
import { uses1904DateSystem } from './dateSystem';
import { defaultExcelRun } from './excelRun';

const savedSettings = () => {
  try {
    return readWorkbookSettings().settings;
  } catch {
    return null;
  }
};

let dateSystem: Promise<boolean> | null = null;
/** Asked once per session: a workbook's date system does not change while it is open. */
const workbookDate1904 = (): Promise<boolean> => (dateSystem ??= uses1904DateSystem(defaultExcelRun).catch(() => false));

/** The host as Excel's shared runtime provides it. */
export const excelFunctionHost: FunctionHost = { ready: officeReady, settings: savedSettings, date1904: workbookDate1904 };

/** One `CustomFunctions.associate(id, fn)` per function; returns the ids registered. */
export function registerFunctions(api: CustomFunctionsApi, host: FunctionHost = excelFunctionHost): string[] {
  return CUSTOM_FUNCTIONS.map((def) => {
    api.associate(def.id, excelFunction(def.id, api, host) as (...args: never[]) => unknown);
    return def.id;
  });
}
