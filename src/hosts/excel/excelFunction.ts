/** Wraps the core's runFunction as an Excel custom function: Excel-shaped arguments in, CustomFunctions.Error out. */
import type { Cell } from '../../core/types';
import type { Settings } from '../../core/hostApi';
import { CUSTOM_FUNCTIONS, runFunction } from '../../core/functions/functionList';
import { isAttributionError } from '../../core/AttributionError';
import type { CustomFunctionsApi } from './customFunctionsApi';
import { shiftTo1900 } from './dateSystem';

/** What a custom function needs from its host, all awaited before it computes. */
export interface FunctionHost {
  /** Resolves once Office is ready (the saved settings are readable only then). */
  ready: () => Promise<void>;
  /** The saved settings, or null for the defaults. */
  settings: () => Settings | null;
  /** Whether the workbook counts dates in the 1904 system. */
  date1904: () => Promise<boolean>;
}

/** Moves 1904-system serials in the range arguments (deals, touches) to the 1900 system the engine reads. */
const to1900 = (id: string, args: readonly unknown[], settings: Settings | null): unknown[] => {
  const params = CUSTOM_FUNCTIONS.find((def) => def.id === id)?.params ?? [];
  return args.map((arg, i) => {
    const param = params[i];
    if (!param || param.kind !== 'range' || !Array.isArray(arg)) return arg;
    return shiftTo1900(arg as Cell[][], param.name === 'deals' ? settings?.mapping ?? {} : {});
  });
};

/** A number result as Excel expects it: functions whose metadata declares a matrix get [[n]]. */
const shaped = (id: string, value: number | Cell[][]): number | Cell[][] => {
  const def = CUSTOM_FUNCTIONS.find((d) => d.id === id);
  return typeof value === 'number' && def?.returns === 'numbers' ? [[value]] : value;
};

/**
 * The function Excel calls for `=PARTNER.<id>(...)`. It first waits for Office (a function that runs
 * while the workbook opens would otherwise compute with the default settings), then reads the
 * settings and the date system. Excel passes ranges as 2D arrays, dates as serial numbers and
 * omitted arguments as null. A bad call becomes `#VALUE!` with the engine's message, never a wrong
 * number.
 */
export function excelFunction(id: string, api: CustomFunctionsApi, host: FunctionHost): (...args: unknown[]) => Promise<number | Cell[][]> {
  return async (...args: unknown[]) => {
    try {
      await host.ready();
      const settings = host.settings();
      const input = (await host.date1904()) ? to1900(id, args, settings) : args;
      return shaped(id, runFunction(id, input, settings));
    } catch (error) {
      const message = isAttributionError(error)
        ? error.message
        : `Partner Attribution could not compute this: ${error instanceof Error ? error.message : String(error)}`;
      throw new api.Error(api.ErrorCode.invalidValue, message);
    }
  };
}
