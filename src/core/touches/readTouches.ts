/** Reads the Touches table (SPEC 2.2): one row per partner interaction with a deal. */
import type { Grid } from '../types';
import type { Policy } from '../policy';
import { normalizeTerm } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseDate, formatDay } from '../values/parseDate';
import { parseAmount } from '../values/parseAmount';
import { FIELD_SYNONYMS } from '../table/fieldSynonyms';

/** One touch, with the partner resolved to a registry id. */
export interface Touch {
  dealId: string;
  partner: number;
  /** Normalized activity ("proof of concept"). */
  activity: string;
  /** The activity as written, for reasons. */
  activityText: string;
  /** The activity as written in lower case ("touch" when blank), computed once per distinct text for reasons. */
  label: string;
  day: number;
  weight: number;
  row: number;
}

const SYNONYMS = {
  dealId: FIELD_SYNONYMS.id,
  partner: ['Partner', 'Partner Name', 'Partner Account'],
  activity: ['Activity', 'Type', 'Activity Type', 'Touch', 'Touch Type'],
  date: ['Date', 'Activity Date', 'Touch Date'],
  weight: ['Weight'],
} as const;

/** Touches grouped by Deal ID, in row order (see sortTouches). Bad rows become issues; the table never throws. */
export function readTouches(grid: Grid, firstRow: number, policy: Policy, registry: PartnerRegistry, issues: IssueLog): Map<string, Touch[]> {
  const byDeal = new Map<string, Touch[]>();
  const located = locateColumns(grid, SYNONYMS, ['dealId', 'partner', 'activity', 'date']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'Touches' });
    return byDeal;
  }
  const { dealId: cId, partner: cPartner, activity: cActivity, date: cDate, weight: cWeight } = located.columns;
  const activityCache = new Map<string, { activity: string; label: string }>();
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    if (cells.every(isBlank)) continue;
    const row = firstRow + r;
    const dealId = cellText(cells[cId!]);
    const partnerText = cellText(cells[cPartner!]);
    const activityText = cellText(cells[cActivity!]);
    const dateCell = cells[cDate!];
    if (dealId === '' || partnerText === '' || isSpreadsheetError(partnerText)) {
      issues.add('TOUCH_INCOMPLETE', row, dealId === '' ? 'Deal ID' : 'Partner', '', { what: dealId === '' ? 'a Deal ID' : 'a partner' });
      continue;
    }
    const day = isSpreadsheetError(dateCell) ? undefined : parseDate(dateCell, policy.dateOrder);
    if (day === null || day === undefined) {
      issues.add('DATE_INVALID', row, 'Date', cellText(dateCell), { effect: 'The touch is ignored.' });
      continue;
    }
    let names = activityCache.get(activityText);
    if (names === undefined) {
      names = { activity: normalizeTerm(activityText), label: (activityText || 'touch').toLowerCase() };
      activityCache.set(activityText, names);
    }
    const { activity, label } = names;
    let weight = policy.activityWeights[activity] ?? policy.defaultActivityWeight;
    if (cWeight !== undefined && !isBlank(cells[cWeight])) {
      const parsed = parseAmount(cells[cWeight], policy.decimalSeparator);
      if (parsed.kind === 'ok' && parsed.value >= 0) weight = parsed.value;
      else issues.add('AMOUNT_INVALID', row, 'Weight', cellText(cells[cWeight]), { hint: ' (weight)' });
    }
    const partner = registry.ref(partnerText);
    if (partner < 0) { // a name of punctuation only, such as "..."
      issues.add('TOUCH_INCOMPLETE', row, 'Partner', partnerText, { what: 'a usable partner name' });
      continue;
    }
    const touch: Touch = { dealId, partner, activity, activityText: activityText || 'touch', label, day, weight, row };
    const list = byDeal.get(dealId);
    if (list) list.push(touch); else byDeal.set(dealId, [touch]);
  }
  return byDeal;
}

/** "demo 2024-03-20" */
export const describeTouch = (t: Touch): string => `${t.label} ${formatDay(t.day)}`;

/**
 * Orders each deal's touches by date, then partner name, activity and weight, so that results never
 * depend on the order of rows. Call once partner names are final.
 */
export function sortTouches(byDeal: Map<string, Touch[]>, nameOf: (partner: number) => string): void {
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  for (const list of byDeal.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.day - b.day || text(nameOf(a.partner), nameOf(b.partner)) || text(a.activity, b.activity) || a.weight - b.weight);
  }
}
