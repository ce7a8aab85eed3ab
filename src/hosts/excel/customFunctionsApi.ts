/** The slice of Excel's `CustomFunctions` global this add-in uses (no @types package declares it). */

/** Error codes Excel shows in the cell (CustomFunctionsRuntime 1.2 names). */
export type CustomFunctionErrorCode = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!' | '#NAME?' | '#REF!' | '#BUSY!' | '#CALC!';

/** `new CustomFunctions.Error(code, message)`: the value a function throws to show an error with a message. */
export interface CustomFunctionErrorConstructor {
  new (code: CustomFunctionErrorCode, message?: string): Error;
}

/** The `CustomFunctions` namespace of the custom functions runtime (shared runtime included). */
export interface CustomFunctionsApi {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: CustomFunctionErrorConstructor;
  ErrorCode: { invalidValue: CustomFunctionErrorCode };
}

/** The runtime's `CustomFunctions`, or a clear error when the page runs outside Excel. */
export function customFunctionsApi(): CustomFunctionsApi {
  const api = (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;
  if (!api) throw new Error('Partner Attribution: the Excel custom functions runtime is not available on this page.');
  return api;
}
