/** The Sheets custom functions (SPEC 6.3): Sheets-shaped arguments in, the engine's numbers or spilled arrays out. */
import type { Cell, FunctionDef, ParamDef, Settings } from '../../core/index';
import { CUSTOM_FUNCTIONS, isAttributionError, runFunction } from '../../core/index';
import { SettingsStore } from './settingsStore';
import type { DayOfDate } from './toCalendarCells';
import { spreadsheetDays, toCalendarCell, toCalendarCells } from './toCalendarCells';

const byId = new Map<string, FunctionDef>(CUSTOM_FUNCTIONS.map((def) => [def.id, def]));

/**
 * One argument as the engine expects it. Sheets passes a multi-cell range as a 2D array, a single cell
 * as a bare value, an omitted argument as undefined and an empty cell as "".
 */
const toEngineArg = (param: ParamDef | undefined, value: unknown, day: DayOfDate): unknown => {
  if (value === undefined || value === null || value === '') return value;
  if (Array.isArray(value)) {
    return toCalendarCells(value as unknown[], day);
  }
  const cell = toCalendarCell(value, day);
  return param?.kind === 'range' ? [[cell]] : cell;
};

/** A result Sheets can show: numbers as they are, arrays with every empty value as "". */
const toSheetsResult = (result: number | Cell[][]): number | (string | number | boolean | Date)[][] =>
  typeof result === 'number'
    ? result
    : result.map((row) => row.map((value) => (value === null || value === undefined ? '' : value)));

/** Where settings and dates come from; the add-on reads the document, tests may pass their own. */
export interface CustomFunctionContext {
  settings(): Settings;
  /** The calendar day each Sheets date shows. */
  day: DayOfDate;
}

const documentContext = (): CustomFunctionContext => {
  let timeZone: string | null;
  try {
    timeZone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  } catch {
    timeZone = null; // outside a spreadsheet the script's own zone is the best there is
  }
  return { settings: () => SettingsStore.forDocument().load().settings, day: spreadsheetDays(timeZone) };
};

/**
 * Runs a custom function by its id (e.g. "SOURCED") with the arguments exactly as Sheets passed them,
 * using the settings saved by the sidebar. Unusable input throws an Error whose message Sheets shows in
 * the cell's error tooltip.
 */
export function runCustom(id: string, args: readonly unknown[], context: CustomFunctionContext = documentContext()): number | (string | number | boolean | Date)[][] {
  const def = byId.get(id);
  if (!def) throw new Error(`Partner Attribution has no function "${id}".`);
  try {
    const engineArgs = def.params.map((param, i) => toEngineArg(param, args[i], context.day));
    return toSheetsResult(runFunction(id, engineArgs, context.settings()));
  } catch (error) {
    if (isAttributionError(error)) throw new Error(`${def.sheetsName}: ${error.message}`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${def.sheetsName} could not finish: ${detail}`, { cause: error });
  }
}
