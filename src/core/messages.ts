/**
 * The one catalogue of messages: the data issues and the log that collects them during a run, and
 * the errors a custom function gives for an argument it cannot use.
 */
import type { DataIssue, Severity } from './types';
import { NOT_CALCULATED } from './values/spreadsheetErrors';
import { AttributionError } from './AttributionError';

interface Entry { severity: Severity; message: (v: Record<string, string>) => string; effect: (v: Record<string, string>) => string }

const CATALOGUE = {
  HEADER_DUPLICATE: { severity: 'warning', message: (v) => `Two columns are named "${v.header}".`, effect: () => 'The first one is used.' },
  COLUMN_MISSING_STAGE: { severity: 'warning', message: () => 'There is no Stage, Won or Closed column.', effect: () => 'Every deal is treated as open (pipeline).' },
  COLUMN_MISSING_CURRENCY_DATE: { severity: 'info', message: (v) => `There is no ${v.what} column.`, effect: (v) => v.effect ?? '' },
  TOTAL_ROW: { severity: 'info', message: (v) => `This looks like a totals row ("${v.label}"), not a deal.`, effect: () => 'Skipped, so nothing is counted twice.' },
  REVENUE_INCOMPLETE: { severity: 'error', message: (v) => (v.line ?? '').replace(/ See Data Issues\.$/, ''), effect: () => 'Revenue and credit are short by these deals: fix the rows listed below and run again.' },
  PIPELINE_INCOMPLETE: { severity: 'warning', message: (v) => (v.line ?? '').replace(/ See Data Issues\.$/, ''), effect: () => 'Pipeline is short by these deals: fix the rows listed below and run again.' },
  HEADER_CHOSEN: { severity: 'info', message: (v) => `Two rows could be the header: ${v.other} and ${v.chosen}.`, effect: (v) => `The header is ${v.chosen}, the row with more column names; the rows above it are skipped. If that is wrong, select the table from its header row or map the columns yourself.` },
  HEADER_BELOW_PREAMBLE: { severity: 'info', message: (v) => `${v.above === '1' ? 'One row' : `${v.above} rows`} above the header read as a report title or filter block.`, effect: (v) => `Skipped; the header is ${v.chosen}.` },
  HEADER_REPEATED: { severity: 'info', message: (v) => `This row repeats the header ("${v.label}", ...): two exports pasted together?`, effect: () => 'Skipped; the rows below it are read as deals.' },
  REPORT_FOOTER: { severity: 'info', message: (v) => `This looks like a report footer ("${v.label}"), not a deal.`, effect: () => 'Skipped.' },
  LOCALE_DECIMAL_COMMA: { severity: 'info', message: (v) => `${v.what ?? 'Amounts'} in "${v.column}"${v.where ?? ''} are read with comma decimals ("1.234,56" is 1234.56), because ${v.because}.`, effect: () => 'To read them with decimal points instead, set decimalSeparator to "." in the settings.' },
  LOCALE_DECIMAL_MIXED: { severity: 'warning', message: (v) => `${v.what ?? 'Amounts'} in "${v.column}"${v.where ?? ''} mix decimal separators: most use "${v.separator}", ${v.against} use the other.`, effect: (v) => `Read with "${v.separator}" decimals; the others are not read (see their rows). Set decimalSeparator in the settings to choose.` },
  AMOUNT_AMBIGUOUS: { severity: 'warning', message: (v) => `"${v.value}" could be read with a decimal point or a thousands separator, and nothing else in the column says which.`, effect: (v) => `${v.effect ?? 'Left out of money totals.'} Set decimalSeparator to "," or "." in the settings to read such ${v.what ?? 'amounts'}.` },
  LOCALE_DATE_PROVEN: { severity: 'info', message: (v) => `Dates in "${v.column}"${v.where ?? ''} are read ${v.order}: "${v.value}" can only be read that way.`, effect: (v) => `The dateOrder setting (${v.setting}) is not used for this column.` },
  LOCALE_DATE_ASSUMED: { severity: 'info', message: (v) => `Dates in "${v.column}"${v.where ?? ''} such as "${v.value}" could be day or month first, and no date in the column proves which.`, effect: (v) => `Read ${v.order}, as the dateOrder setting says (${v.setting}); set dateOrder to "${v.other}" if that is wrong.` },
  LOCALE_DATE_CONFLICT: { severity: 'warning', message: (v) => `Dates in "${v.column}"${v.where ?? ''} disagree: some can only be day first, others only month first (e.g. "${v.value}").`, effect: (v) => `Read ${v.order}, as the dateOrder setting says (${v.setting}); dates that cannot be read that way are reported.` },
  CELL_ERROR: { severity: 'warning', message: (v) => (v.value === NOT_CALCULATED ? 'Formula not calculated: open and save the file in Excel.' : `The cell holds the error ${v.value}.`), effect: (v) => v.effect ?? 'Treated as empty.' },
  AMOUNT_INVALID: { severity: 'warning', message: (v) => `"${v.value}" is not ${v.what ?? 'an amount'}${v.hint ?? ''}.`, effect: (v) => v.effect ?? 'Left out of money totals; the deal still counts.' },
  AMOUNT_MISSING_WON: { severity: 'warning', message: () => 'This won deal has no amount.', effect: () => 'Left out of revenue; the deal still counts.' },
  AMOUNT_MISSING_OPEN: { severity: 'info', message: () => 'This deal has no amount.', effect: () => 'Left out of money totals; the deal still counts.' },
  AMOUNT_NEGATIVE: { severity: 'info', message: (v) => `The amount ${v.value} is negative.`, effect: () => 'Kept as it is (a refund or credit note reduces totals).' },
  DATE_INVALID: { severity: 'warning', message: (v) => `"${v.value}" is not a date${v.hint ?? ''}.`, effect: (v) => v.effect ?? 'Treated as missing.' },
  DATE_CLOSE_BEFORE_CREATED: { severity: 'warning', message: (v) => `The close date ${v.value} is before the created date ${v.created}.`, effect: () => 'Left out of the average sales cycle; the deal still counts.' },
  BOOLEAN_INVALID: { severity: 'warning', message: (v) => `"${v.value}" is not yes/no.`, effect: () => 'Ignored; the stage decides.' },
  STAGE_MISSING: { severity: 'warning', message: () => 'This deal has no stage.', effect: () => 'Treated as open (pipeline).' },
  STATUS_CONFLICT: { severity: 'info', message: (v) => `The stage "${v.value}" disagrees with the ${v.column} column.`, effect: (v) => `The ${v.column} column decides: ${v.status}.` },
  DUPLICATE_ID: { severity: 'warning', message: (v) => `Deal ID "${v.value}" already appeared on row ${v.first}.`, effect: () => 'Left out: only the first occurrence counts.' },
  CURRENCY_NO_RATE: { severity: 'warning', message: (v) => `No FX rate for ${v.currency} (reporting currency ${v.reporting})${v.hint ?? ''}.`, effect: () => 'Left out of money totals; the deal still counts.' },
  CURRENCY_CONFLICT: { severity: 'warning', message: (v) => `The ${v.source ?? 'amount'} says ${v.textCurrency} but the currency column says ${v.currency}.`, effect: () => 'The currency column is used.' },
  CURRENCY_ASSUMED: { severity: 'info', message: (v) => `${v.count === '1' ? '1 amount is' : `${v.count} amounts are`} marked only "${v.mark}", which can mean ${v.candidates}; read as ${v.code}.`, effect: () => 'Nothing else says which. If that is wrong, add a Currency column or set the reporting currency.' },
  CURRENCY_UNMARKED: { severity: 'info', message: (v) => `${v.count === '1' ? '1 amount names' : `${v.count} amounts name`} no currency, while others do.`, effect: (v) => `Read as the reporting currency, ${v.code}.` },
  AMOUNT_CONVERTED: { severity: 'info', message: (v) => `Amounts are read from "${v.value}", in ${v.where}.`, effect: (v) => v.effect ?? '' },
  FX_CONFLICT: { severity: 'warning', message: (v) => `The FX table gives ${v.currency} two rates: ${v.first} (row ${v.firstRow}) and ${v.second}.`, effect: (v) => `Neither is used: amounts in ${v.currency} are left out of money totals until the table has one rate.` },
  MONEY_LONG: { severity: 'warning', message: (v) => `${v.where} ${v.be} 10 trillion ${v.currency} or more: more digits than a spreadsheet cell shows (15), and past about 70 trillion more than a JSON number holds to the cent.`, effect: (v) => `Summed exactly, but those cells (and JSON numbers past 70 trillion) show the nearest number they can hold, which can be off by a few cents.${v.exact}` },
  SHARE_UNDEFINED: { severity: 'info', message: (v) => v.why ?? '', effect: (v) => `${v.what} left empty (null): a share outside 0 to 100% would mislead.` },
  PARTNER_UNKNOWN: { severity: 'warning', message: (v) => `Lead source "${v.value}" says a partner brought this deal, but no partner is named.`, effect: () => 'Credited to "(Unknown partner)".' },
  PARTNER_LIST_COMMAS: { severity: 'info', message: (v) => `Commas in this list were read as separators between partners: "${v.value}" is ${v.names}.`, effect: () => 'A name with a comma stays whole when the Partners directory lists it or a single-partner column (Partner, Reseller ...) writes it; list it there if it is one partner.' },
  PARTNER_MERGED: { severity: 'info', message: (v) => `${v.variants} are treated as one partner.`, effect: (v) => `Shown as "${v.name}".` },
  SOURCING_CONFLICT: { severity: 'warning', message: (v) => `Sourcing claims disagree: ${v.claims}.`, effect: (v) => v.effect ?? '' },
  REGISTRATION_LATE: { severity: 'info', message: (v) => `${v.partner} registered the deal on ${v.date}, ${v.days} days after it was created (${v.created}).`, effect: () => 'Counted as influence, not sourcing (the grace period had passed).' },
  REGISTRATION_EXPIRED: { severity: 'info', message: (v) => `${v.partner}'s registration of ${v.date} is ${v.days} days older than the deal (${v.created}).`, effect: () => 'Counted as influence, not sourcing (the registration had expired).' },
  REGISTRATION_NOT_APPROVED: { severity: 'info', message: (v) => `${v.partner}'s registration is "${v.value}".`, effect: () => 'Counted as a touch only.' },
  TOUCH_UNKNOWN_DEAL: { severity: 'info', message: (v) => `Touch for deal "${v.value}", which is not in the deals table.`, effect: () => 'Ignored.' },
  TOUCH_INCOMPLETE: { severity: 'warning', message: (v) => `Touch without ${v.what}.`, effect: () => 'Ignored.' },
  TABLE_NO_HEADER: { severity: 'warning', message: (v) => `The ${v.table} table has no recognisable header row.`, effect: () => 'The table is ignored.' },
  FX_INVALID: { severity: 'warning', message: (v) => `"${v.value}" is not a usable FX rate.`, effect: () => 'Ignored.' },
  DIRECTORY_DUPLICATE: { severity: 'info', message: (v) => `"${v.value}" is listed more than once in the Partners directory.`, effect: () => 'The first entry is used.' },
  OVERRIDE_NO_DEAL_ID: { severity: 'warning', message: (v) => `An override without a Deal ID (${v.where}).`, effect: () => 'Ignored: it changes nothing.' },
  OVERRIDE_BAD_MOTION: { severity: 'warning', message: (v) => `"${v.value}" is not a motion (${v.where}); write Sourced, Influenced, Resold or Direct.`, effect: () => 'Ignored: it changes nothing.' },
  OVERRIDE_BAD_PARTNERS: { severity: 'warning', message: (v) => `The override of deal "${v.id}" cannot be used: ${v.problem} (${v.where}).`, effect: () => 'Ignored: it changes nothing.' },
  OVERRIDE_UNKNOWN_DEAL: { severity: 'warning', message: (v) => `The override names Deal ID "${v.value}", which is not in the deals table (${v.where}).`, effect: () => 'Ignored: it changes nothing.' },
  OVERRIDE_REPEATED: { severity: 'info', message: (v) => `Deal "${v.value}" is set by hand twice (${v.earlier}, then ${v.where}).`, effect: () => 'The later override is used.' },
  OVERRIDE_NEW_PARTNER: { severity: 'info', message: (v) => `The override of deal "${v.id}" names "${v.value}", a partner that appears nowhere else (${v.where}).`, effect: () => 'Used as written; check the spelling if it should be an existing partner.' },
  FILE_ENCODING_GUESSED: { severity: 'info', message: (v) => `"${v.value}" does not say which encoding it uses${v.why ?? ''}.`, effect: (v) => `Read as ${v.encoding} (detected from its bytes). If names look wrong, save it as "CSV UTF-8" and run again.` },
  TEXT_INVALID_BYTES: { severity: 'warning', message: (v) => `Some bytes here are not valid ${v.encoding}: "${v.value}".`, effect: () => 'Shown as \uFFFD; the rest of the file is read normally. Fix the text where it was exported from.' },
  TEXT_CONTROL_CHARS: { severity: 'warning', message: (v) => `The text held control characters (${v.names}).`, effect: () => 'Removed (a vertical tab or form feed became a space).' },
  XLSX_HIDDEN_ROWS: { severity: 'info', message: (v) => `${v.count === '1' ? 'One row' : `${v.count} rows`} of ${v.value} ${v.count === '1' ? 'is' : 'are'} hidden in the workbook.`, effect: () => 'Read and counted like every other row; unhide them in Excel to see them.' },
  XLSX_CELLS_LEFT_OUT: { severity: 'info', message: (v) => `${v.count === '1' ? 'A cell' : `${v.count} cells`} far from the table in ${v.value} ${v.count === '1' ? 'was' : 'were'} left out: ${v.examples}.`, effect: () => 'Not read as part of the table; move them next to it if they belong to it.' },
  TEXT_MORE_CELLS: { severity: 'info', message: (v) => `${v.count} more cells in "${v.value}" held control characters or unreadable bytes.`, effect: (v) => `Cleaned the same way; the first ${v.shown} are listed.` },
} satisfies Record<string, Entry>;

export type IssueCode = keyof typeof CATALOGUE;

/** Collects data issues in sheet-row order of discovery. */
export class IssueLog {
  readonly issues: DataIssue[] = [];

  add(code: IssueCode, row: number | null, column: string, value: string, vars: Record<string, string> = {}): void {
    const entry: Entry = CATALOGUE[code];
    const all = { value, column, ...vars };
    this.issues.push({ severity: entry.severity, row, column, value, code, message: entry.message(all), effect: entry.effect(all) });
  }
}

/**
 * What a custom function says when it cannot compute (src/core/functions/functionList.ts): the
 * error code hosts may branch on, and the words the cell shows (Sheets prefixes the function's name).
 */
const FUNCTION_ERRORS = {
  UNKNOWN_FUNCTION: { code: 'BAD_ARGUMENT', message: (v) => `Unknown function "${v.fn}".` },
  NOT_A_RANGE: { code: 'BAD_ARGUMENT', message: (v) => `${v.name} must be a range with a header row, such as A1:K500.` },
  NOT_TEXT: { code: 'BAD_ARGUMENT', message: (v) => `${v.name} must be text.` },
  NOT_A_CHOICE: { code: 'BAD_ARGUMENT', message: (v) => `${v.name} must be ${v.choices}; got "${v.value}".` },
  NOT_A_PERIOD: { code: 'BAD_ARGUMENT', message: (v) => `${v.name} must be a close quarter such as "2024 Q1" or "FY2025 Q1"; got "${v.value}".` },
  NEEDS_PARTNER: { code: 'BAD_ARGUMENT', message: (v) => `${v.fn} needs a partner name (the ${v.position} argument).` },
  NO_REVENUE: { code: 'NO_REVENUE', message: () => 'There is no revenue to take a share of (no won deals with an amount).' },
  NO_INCENTIVES: { code: 'NO_INCENTIVES', message: (v) => `${v.fn} needs an incentive plan: add "incentives" (rates per motion) to the saved settings first.` },
} satisfies Record<string, { code: string; message: (v: Record<string, string>) => string }>;

export type FunctionProblem = keyof typeof FUNCTION_ERRORS;

/** The words of a custom function's error, as the catalogue has them. */
export function functionMessage(problem: FunctionProblem, vars: Record<string, string> = {}): string {
  const entry: { message: (v: Record<string, string>) => string } = FUNCTION_ERRORS[problem];
  return entry.message(vars);
}

/** A custom function's error: an AttributionError with the catalogue's code and words. */
export function functionError(problem: FunctionProblem, vars: Record<string, string> = {}): AttributionError {
  return new AttributionError(FUNCTION_ERRORS[problem].code, functionMessage(problem, vars));
}
