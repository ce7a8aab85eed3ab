/**
 * "Create a statement for…" in the add-ins: one partner's statement as a report tab of its own,
 * named "Statement – <partner>" within the sheet-name rules, and the partners that have one.
 */
import type { DealSource } from '../deals/dealResults';
import type { ReportTab } from '../report/ReportTab';
import { statementPartners, statementTab } from '../report/statementTab';
import { safeSheetName } from '../report/sheetName';
import { AttributionError } from '../AttributionError';

/** What comes before the partner's name in a statement tab's name. */
export const STATEMENT_TAB_PREFIX = 'Statement – ';

/** The longest partner name a statement's marker keeps (Excel keeps a sheet's custom property short). */
const MARKER_NAME_LIMIT = 150;

/** The sheet name of a partner's statement: "Statement – Acme", made a valid sheet name (31 characters, none of []:*?/\). */
export const statementSheetName = (partner: string): string => safeSheetName(`${STATEMENT_TAB_PREFIX}${partner}`, 'Statement');

/**
 * A partner's statement as a report tab: `name` is the report the sheet's marker records (the
 * partner's full name, so two partners whose names cut to the same sheet name keep separate tabs),
 * `sheetName` the name it is written under. Throws a clear message for a partner without a statement.
 */
export function statementReportTab(source: DealSource, partner: string): ReportTab {
  if (!statementPartners(source).includes(partner)) {
    throw new AttributionError('NO_STATEMENT', `"${partner}" has no credit on a won or open deal under the current rules, so there is no statement to write. Pick a partner from the list again: it follows the preview.`);
  }
  return { ...statementTab(source, partner), name: `${STATEMENT_TAB_PREFIX}${Array.from(partner).slice(0, MARKER_NAME_LIMIT).join('')}`, sheetName: statementSheetName(partner) };
}
