/** Reads the Touches table (SPEC 2.2): one row per partner interaction with a deal. */
import type { DateSystem, Grid } from '../types';
import type { Policy } from '../policy';
import { normalizeTerm } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseDate, formatDay, serialDay, dateHint } from '../values/parseDate';
import { parseAmount } from '../values/parseAmount';
import { FIELD_SYNONYMS } from '../table/fieldSynonyms';
import type { IdIndex } from '../deals/idIndex';
import { isAmbiguousAmount } from '../values/columnLocale';
import { decideColumnDateOrder, decideColumnDecimal } from '../table/tableLocale';

/** How the file is read beyond the policy: whether the user set decimalSeparator, and whether the CSV was ';'-delimited. */
export interface TouchReading { explicitDecimal: boolean; semicolonFile: boolean }
const FROM_POLICY: TouchReading = { explicitDecimal: false, semicolonFile: false };
const WEIGHT_EFFECT = "The activity's weight from the settings is used instead.";

/** One touch, with the partner resolved to a registry id (made per deal from a TouchTable). */
export interface Touch {
  partner: number;
  /** Normalized activity ("proof of concept"). */
  activity: string;
  /** The activity as written in lower case ("touch" when blank), computed once per distinct text for reasons. */
  label: string;
  day: number;
  weight: number;
}

const SYNONYMS = {
  dealId: FIELD_SYNONYMS.id,
  partner: ['Partner', 'Partner Name', 'Partner Account'],
  activity: ['Activity', 'Type', 'Activity Type', 'Touch', 'Touch Type'],
  date: ['Date', 'Activity Date', 'Touch Date'],
  weight: ['Weight'],
} as const;

/** What a run keeps of one distinct activity text. */
interface Activity { activity: string; label: string; weight: number }

/**
 * The Touches table held column-wise (a million deals bring three million touches): arrays of
 * partner ids, days, weights and rows, grouped by the deal they belong to. Touch objects are made
 * only for the deal being classified, and die with its turn.
 */
export interface TouchTable {
  /**
   * The touches of the deal whose first row is `dealRow`, sorted (see sortTouches); [] when none.
   * The list and its touches are reused by the next call: read them before asking for another deal's.
   */
  forDeal(dealRow: number, nameOf: (partner: number) => string): Touch[];
  /** Deal IDs that touches name but the deals table lacks -> sheet row of their first touch, in order of appearance. */
  readonly unknownDeals: ReadonlyMap<string, number>;
  readonly size: number;
}

const NO_TOUCHES: Touch[] = Object.freeze([]) as unknown as Touch[];
const nameOfNobody = (): string => '';

/**
 * Reads the Touches table against the deals' Deal IDs (each with the sheet row of its first occurrence). Bad rows become issues; the table never throws.
 * The Weight column's decimal separator and the Date column's day/month order are decided from the
 * columns like the deals table's (see table/tableLocale); a weight such as "1.000" that nothing explains is flagged.
 */
export function readTouches(grid: Grid, firstRow: number, policy: Policy, registry: PartnerRegistry, issues: IssueLog,
  dealIds: IdIndex, dateSystem: DateSystem = 1900, reading: TouchReading = FROM_POLICY): TouchTable {
  const unknownDeals = new Map<string, number>();
  const located = locateColumns(grid, SYNONYMS, ['dealId', 'partner', 'activity', 'date']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'Touches' });
    return { forDeal: () => NO_TOUCHES, unknownDeals, size: 0 };
  }
  const { dealId: cId, partner: cPartner, activity: cActivity, date: cDate, weight: cWeight } = located.columns;
  const from = located.headerIndex + 1;
  const place = (c: number, fallback: string): { header: string; where: string } =>
    ({ header: cellText(grid[located.headerIndex]![c]) || fallback, where: ' of the Touches table' });
  const dateOrder = decideColumnDateOrder(grid, from, cDate!, place(cDate!, 'Date'), policy, issues);
  const weightPlace = cWeight === undefined ? null : place(cWeight, 'Weight');
  const decimal = cWeight === undefined ? null
    : decideColumnDecimal(grid, from, cWeight, weightPlace!, policy, reading.explicitDecimal, reading.semicolonFile, issues, 'Weights');
  // Plain arrays of small integers and doubles, on the JS heap: typed arrays of this size (external
  // memory) make V8 run extra full collections over the whole workbook, costing more than they save.
  const capacity = Math.max(0, grid.length - located.headerIndex - 1);
  const dealOf = new Array<number>(capacity).fill(0);
  const partnerOf = new Array<number>(capacity).fill(0);
  const activityOf = new Array<number>(capacity).fill(0);
  const dayOf = new Array<number>(capacity).fill(0);
  const weightOf = new Array<number>(capacity).fill(0.5); // a double from the start: no change of element kind later
  const activities: Activity[] = [];
  const activityIndex = new Map<string, number>();
  // A Map, not a property lookup: an activity called "constructor" or "toString" has the default weight, not NaN.
  const weights = new Map<string, number>(Object.entries(policy.activityWeights));
  let count = 0;
  let maxDealRow = 0;
  let lastId = '';
  let lastEntry = -1;
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const row = firstRow + r;
    const dealId = cellText(cells[cId!]);
    const partnerText = cellText(cells[cPartner!]);
    if (dealId === '' || partnerText === '' || isSpreadsheetError(partnerText)) {
      if (cells.every(isBlank)) continue;
      issues.add('TOUCH_INCOMPLETE', row, dealId === '' ? 'Deal ID' : 'Partner', '', { what: dealId === '' ? 'a Deal ID' : 'a partner' });
      continue;
    }
    const activityText = cellText(cells[cActivity!]);
    const dateCell = cells[cDate!];
    const day = typeof dateCell === 'number' ? serialDay(dateCell, dateSystem) : isSpreadsheetError(dateCell) ? undefined : parseDate(dateCell, dateOrder, dateSystem);
    if (day === null || day === undefined) {
      issues.add('DATE_INVALID', row, 'Date', cellText(dateCell), { effect: 'The touch is ignored.', hint: dateHint(dateCell) });
      continue;
    }
    let a = activityIndex.get(activityText);
    if (a === undefined) {
      const activity = normalizeTerm(activityText);
      a = activities.length;
      activities.push({ activity, label: (activityText || 'touch').toLowerCase(),
        weight: weights.get(activity) ?? policy.defaultActivityWeight });
      activityIndex.set(activityText, a);
    }
    let weight = activities[a]!.weight;
    const weightCell = cWeight === undefined ? undefined : cells[cWeight];
    if (typeof weightCell === 'number' && Number.isFinite(weightCell) && weightCell >= 0 && decimal !== null) {
      weight = weightCell; // a number cell, as most weights are: what parseAmount would read, without its result object
    } else if (cWeight !== undefined && decimal !== null && !isBlank(cells[cWeight])) {
      if (decimal.ambiguous && isAmbiguousAmount(cells[cWeight])) {
        issues.add('AMOUNT_AMBIGUOUS', row, weightPlace!.header, cellText(cells[cWeight]), { what: 'weights', effect: WEIGHT_EFFECT });
      } else {
        const parsed = parseAmount(cells[cWeight], decimal.separator);
        if (parsed.kind === 'ok' && parsed.value >= 0) weight = parsed.value;
        else issues.add('AMOUNT_INVALID', row, weightPlace!.header, cellText(cells[cWeight]), { what: 'a weight', effect: WEIGHT_EFFECT });
      }
    }
    const partner = registry.ref(partnerText);
    if (partner < 0) { // a name of punctuation only, such as "..."
      issues.add('TOUCH_INCOMPLETE', row, 'Partner', partnerText, { what: 'a usable partner name' });
      continue;
    }
    // Exports usually list a deal's touches together, and often in the deals' order: the previous
    // touch's deal, or the deal after it, spares a hash lookup among a million IDs.
    let entry = lastEntry;
    if (dealId !== lastId) {
      entry = lastEntry >= 0 && lastEntry + 1 < dealIds.size && dealIds.idAt(lastEntry + 1) === dealId ? lastEntry + 1 : dealIds.entryOf(dealId);
      lastId = dealId;
      lastEntry = entry;
    }
    const dealRow = entry < 0 ? -1 : dealIds.rowAt(entry);
    if (dealRow < 0) {
      if (!unknownDeals.has(dealId)) unknownDeals.set(dealId, row);
      continue;
    }
    dealOf[count] = dealRow;
    partnerOf[count] = partner;
    activityOf[count] = a;
    dayOf[count] = day;
    weightOf[count] = weight;
    if (dealRow > maxDealRow) maxDealRow = dealRow;
    count++;
  }
  // Group by deal (a counting sort keeps each deal's touches in row order).
  const start = new Array<number>(maxDealRow + 2).fill(0);
  for (let i = 0; i < count; i++) start[dealOf[i]! + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const order = new Array<number>(count).fill(0);
  const fill = start.slice(0, maxDealRow + 1);
  for (let i = 0; i < count; i++) order[fill[dealOf[i]!]!++] = i;

  // One list of touch objects per list length, refilled for each deal: three million touches pass
  // through a handful of objects instead of being allocated and collected one by one.
  const pool: Touch[][] = [];
  let orderNameOf: ((partner: number) => string) | null = null;
  let byDateAndName = touchOrder(nameOfNobody);
  const forDeal = (dealRow: number, nameOf: (partner: number) => string): Touch[] => {
    if (dealRow < 0 || dealRow > maxDealRow) return NO_TOUCHES;
    const from = start[dealRow]!;
    const to = start[dealRow + 1]!;
    if (from === to) return NO_TOUCHES;
    const n = to - from;
    let list = pool[n];
    if (list === undefined) {
      while (pool.length < n) pool.push(undefined as unknown as Touch[]);
      list = Array.from({ length: n }, (): Touch => ({ partner: 0, activity: '', label: '', day: 0, weight: 0 }));
      pool[n] = list;
    }
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      const act = activities[activityOf[i]!]!;
      const t = list[k - from]!;
      t.partner = partnerOf[i]!; t.activity = act.activity; t.label = act.label; t.day = dayOf[i]!; t.weight = weightOf[i]!;
    }
    if (list.length > 1) {
      if (nameOf !== orderNameOf) { orderNameOf = nameOf; byDateAndName = touchOrder(nameOf); } // once per run, not per deal
      sortTouches(list, byDateAndName);
    }
    return list;
  };
  return { forDeal, unknownDeals, size: count };
}

/** "demo 2024-03-20" */
export const describeTouch = (t: Touch): string => `${t.label} ${formatDay(t.day)}`;

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Date, then partner name, activity and weight. */
const touchOrder = (nameOf: (partner: number) => string) => (a: Touch, b: Touch): number =>
  a.day - b.day || text(nameOf(a.partner), nameOf(b.partner)) || text(a.activity, b.activity) || a.weight - b.weight;

/**
 * Orders a deal's touches by date, then partner name, activity and weight, so that results never
 * depend on the order of rows (`order` from touchOrder, once partner names are final).
 */
export function sortTouches(list: Touch[], order: (a: Touch, b: Touch) => number): void {
  if (list.length > 8) { list.sort(order); return; }
  // A deal has a handful of touches: a stable insertion sort, without the work space Array.prototype.sort allocates.
  for (let i = 1; i < list.length; i++) {
    const t = list[i]!;
    let j = i - 1;
    while (j >= 0 && order(list[j]!, t) > 0) { list[j + 1] = list[j]!; j--; }
    list[j + 1] = t;
  }
}
