/**
 * Gathers the engine's input from files: the deals table (a CSV, or a tab of an .xlsx picked by --sheet
 * or by detection) and the optional Touches, Partners, FX Rates and Attribution Overrides tables, from
 * flags or from same-named tabs of the deals workbook.
 */
import { closeSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisInput, MappingInput, TabData } from '../core';
import { DEFAULT_SETTINGS, SIDE_TAB_NAMES, pickDataTab } from '../core';
import { CliError } from './CliError';
import { cleanGrid } from './cleanGrid';
import { openForReading, readAt } from './fileProblem';
import { readCsv } from './readCsv';
import type { CsvDecoding } from './readCsv';
import type { TableReading } from './readingIssues';
import { OTHER_FORMATS, looksLikeXlsx, readWorkbook } from './readWorkbook';
import type { WorkbookTab } from './readWorkbook';

/** Which files the user named. */
export interface InputFiles {
  deals: string;
  sheet?: string;
  touches?: string;
  partners?: string;
  fx?: string;
  /** The user's hand-set attributions (Deal ID, Motion, Partner, Note). */
  overrides?: string;
  /** The settings file's explicit column mapping, so the deals tab is found with it. */
  mapping?: MappingInput;
}

/** The engine input plus, per table, where it came from (for the console and for messages). */
export interface LoadedInput {
  input: AnalysisInput;
  /** e.g. { deals: 'examples/deals.xlsx, tab "Deals"', touches: 'examples/deals.xlsx, tab "Touches"' } */
  sources: { deals: string; touches?: string; partners?: string; fx?: string; overrides?: string };
  /** Per table, how its file was read and what the reading cleaned (for the data issues). */
  readings: { deals: TableReading; touches?: TableReading; partners?: TableReading; fx?: TableReading; overrides?: TableReading };
}

type Optional = 'touches' | 'partners' | 'fx' | 'overrides';

/** Tab names that hold each optional table (compared case-insensitively): the hosts' list. */
const OPTIONAL_TABS: Record<Optional, readonly string[]> = SIDE_TAB_NAMES;
const isOptionalTab = (name: string): boolean =>
  Object.values(OPTIONAL_TABS).some((names) => names.includes(name.trim().toLowerCase()));
const findTab = <T extends TabData>(tabs: readonly T[], names: readonly string[]): T | undefined =>
  tabs.find((tab) => names.includes(tab.name.trim().toLowerCase()));

/** Decides by extension, then by content, whether a file is a workbook. */
function isWorkbookFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls') {
    throw new CliError(`"${file}" is an old-format .xls workbook. Save it as .xlsx or CSV and try again.`);
  }
  if (ext === '.ods' || ext === '.fods') throw new CliError(OTHER_FORMATS.ods(file));
  if (ext === '.numbers') throw new CliError(OTHER_FORMATS.numbers(file)); // often a folder, so before opening it
  if (['.xlsx', '.xlsm', '.xltx', '.xltm'].includes(ext)) return true;
  if (['.csv', '.tsv', '.txt'].includes(ext)) return false;
  const head = Buffer.alloc(4);
  const fd = openForReading(file);
  try {
    readAt(fd, head, 0, 4, 0, file);
  } finally {
    closeSync(fd);
  }
  return looksLikeXlsx(head);
}

/** A CSV file read (decoded as it is parsed) and cleaned of control characters. */
function readCsvTable(file: string): TableReading {
  const seen: { decoded?: CsvDecoding; delimiter?: string } = {};
  const grid = readCsv(file, (decoded) => { seen.decoded = decoded; }, (delimiter) => { seen.delimiter = delimiter; });
  const delimiter = seen.delimiter !== undefined ? { delimiter: seen.delimiter } : {};
  if (!seen.decoded) return { source: file, grid, firstRow: 1, notes: [], ...delimiter };
  const { controlChars, replacementChars, ...decoded } = seen.decoded;
  // The chunks were looked at as they were decoded: a clean file's grid is not walked again.
  const clean = !controlChars && !(decoded.invalidBytes && replacementChars);
  return { source: file, grid, firstRow: 1, decoded, notes: cleanGrid(grid, decoded.invalidBytes, clean), ...delimiter };
}

/** A workbook tab, cleaned of control characters (an .xlsx string may hold them as _x001B_ escapes). */
const tabReading = (tab: WorkbookTab, source: string): TableReading =>
  ({ source, grid: tab.grid, firstRow: tab.firstRow, notes: cleanGrid(tab.grid, false), sheet: { hiddenRows: tab.hiddenRows, leftOut: tab.leftOut } });

/** An optional table from its own file: a CSV, or the matching (else first) tab of a workbook. */
async function readOptional(file: string, kind: Optional): Promise<TableReading> {
  if (!isWorkbookFile(file)) return readCsvTable(file);
  const tabs = await readWorkbook(file);
  const tab = findTab(tabs, OPTIONAL_TABS[kind]) ?? tabs[0];
  if (!tab) throw new CliError(`"${file}" has no worksheets.`);
  return tabReading(tab, `${file}, tab "${tab.name}"`);
}

/** Reads every input table the flags name (or the deals workbook provides). */
export async function loadInput(files: InputFiles): Promise<LoadedInput> {
  let deals: TabData;
  let dealsReading: TableReading;
  let workbookTabs: WorkbookTab[] = [];
  if (isWorkbookFile(files.deals)) {
    workbookTabs = await readWorkbook(files.deals);
    if (files.sheet !== undefined) {
      const wanted = files.sheet.trim().toLowerCase();
      const tab = workbookTabs.find((t) => t.name === files.sheet) ?? workbookTabs.find((t) => t.name.trim().toLowerCase() === wanted);
      if (!tab) {
        throw new CliError(`"${files.deals}" has no tab named "${files.sheet}". Its tabs are: ${workbookTabs.map((t) => `"${t.name}"`).join(', ')}.`);
      }
      deals = tab;
    } else {
      const candidates = workbookTabs.filter((t) => !isOptionalTab(t.name));
      const picked = pickDataTab(candidates.length > 0 ? candidates : workbookTabs, { ...DEFAULT_SETTINGS, mapping: files.mapping ?? {} });
      if (!picked) throw new CliError(`"${files.deals}" has no worksheets.`);
      deals = picked;
    }
    const dealsTab = workbookTabs.find((t) => t === deals)!;
    dealsReading = tabReading(dealsTab, `${files.deals}, tab "${deals.name}"`);
  } else {
    if (files.sheet !== undefined) {
      throw new CliError(`--sheet picks a tab of an .xlsx workbook, but "${files.deals}" is a CSV file. Leave --sheet out.`);
    }
    dealsReading = readCsvTable(files.deals);
    deals = { name: path.basename(files.deals), grid: dealsReading.grid, firstRow: 1 };
  }

  const input: AnalysisInput = { deals: deals.grid, firstRow: deals.firstRow ?? 1,
    ...(dealsReading.delimiter !== undefined ? { delimiter: dealsReading.delimiter } : {}) };
  if (deals.numberFormats) input.numberFormats = deals.numberFormats;
  // Plain serials count from the deals workbook's date system (a 1904 workbook from older Mac Excel).
  if (workbookTabs[0]?.dateSystem === 1904) input.dateSystem = 1904;
  const sources: LoadedInput['sources'] = { deals: dealsReading.source };
  const readings: LoadedInput['readings'] = { deals: dealsReading };
  for (const kind of ['touches', 'partners', 'fx', 'overrides'] as const) {
    const file = files[kind];
    const tab = file === undefined ? findTab(workbookTabs.filter((t) => t !== deals), OPTIONAL_TABS[kind]) : undefined;
    const reading = file !== undefined ? await readOptional(file, kind)
      : tab ? tabReading(tab, `${files.deals}, tab "${tab.name}"`) : undefined;
    if (reading) {
      input[kind] = reading.grid;
      sources[kind] = reading.source;
      readings[kind] = reading;
      // A ';' CSV is European Excel's, with comma decimals: evidence for the table's own numbers.
      if ((kind === 'touches' || kind === 'fx') && reading.delimiter !== undefined) input.delimiters = { ...input.delimiters, [kind]: reading.delimiter };
    }
  }
  return { input, sources, readings };
}
