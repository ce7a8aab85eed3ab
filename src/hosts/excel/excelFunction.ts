/** Wraps the core's runFunction as an Excel custom function: Excel-shaped arguments in, CustomFunctions.Error out. */
import type { Cell } from '../../core/types';
import type { Settings } from '../../core/hostApi';
import { runFunction } from '../../core/functions/functionList';
import { isAttributionError } from '../../core/AttributionError';
import type { CustomFunctionsApi } from './customFunctionsApi';

/**
 * The function Excel calls for `=PARTNER.<id>(...)`. Excel passes ranges as 2D arrays, dates as
 * serial numbers (the engine reads them) and omitted arguments as null (runFunction treats null as
 * omitted). A bad call becomes `#VALUE!` with the engine's message, never a wrong number.
 */
export function excelFunction(id: string, api: CustomFunctionsApi, readSettings: () => Settings | null): (...args: unknown[]) => number | Cell[][] {
  return (...args: unknown[]) => {
    try {
      return runFunction(id, args, readSettings());
    } catch (error) {
      const message = isAttributionError(error)
        ? error.message
        : `Partner Attribution could not compute this: ${error instanceof Error ? error.message : String(error)}`;
      throw new api.Error(api.ErrorCode.invalidValue, message);
    }
  };
}
