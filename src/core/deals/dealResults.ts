/**
 * Every deal's result, held column-wise: typed arrays of rows, statuses, cents, motions and partner
 * ids, plus the id, name and reason texts. A million DealRow objects (each with its credits object
 * keyed by partner name) cost seconds and gigabytes; the tabs and the functions read these columns
 * directly, and DealRow objects are made only by toSummaryJson (a JSON export, a test).
 */
import type { AnalysisSummary, DealRow, Motion, Status, Summary } from '../types';
import type { Classification } from '../classify/Classification';
import type { CreditKind, CreditLine } from '../credit/creditDeal';
import { formatDay, parseDateText, partsOfDay } from '../values/parseDate';
import { MOTIONS, STATUSES } from '../vocabulary';

/** Each name's place in its list: the code the typed columns hold. */
const codesOf = <T extends string>(list: readonly T[]): Readonly<Record<T, number>> =>
  Object.fromEntries(list.map((name, i) => [name, i])) as Record<T, number>;
const STATUS_CODE = codesOf(STATUSES);
const MOTION_CODE = codesOf(MOTIONS);
const KINDS: readonly CreditKind[] = ['sourced', 'influenced', 'resold'];
const KIND_CODE: Record<CreditKind, number> = { sourced: 0, influenced: 1, resold: 2 };

/** A day as a Date at local midnight: every host writes it as that calendar day. */
export const dateOfDay = (day: number): Date => {
  const { year, month, day: dd } = partsOfDay(day);
  return new Date(year, month - 1, dd);
};

/** One partner's credit on one deal, by display name, with the role it was credited for. */
export interface DealCredit { partner: string; role: CreditKind; amount: number }

/** The partner lists of a deal, in the order they are stored. */
const SOURCERS = 0, INFLUENCERS = 1, RESELLERS = 2, TOUCHED = 3, DEPLOYERS = 4, LISTS = 5;

const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];
const NO_CREDITS: Record<string, number> = Object.freeze({}) as Record<string, number>;

/** A growable Int32Array / Float64Array pair for the flat partner ids and credit lines. */
const grown = <T extends Int32Array | Float64Array | Uint8Array>(array: T, needed: number): T => {
  if (needed <= array.length) return array;
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
};

/**
 * What the Deal Attribution tab, the aligned custom functions and the classification columns read of
 * each deal: the engine's columns (DealResults), or a summary's deals[] when that is all there is.
 */
export interface DealsView {
  readonly length: number;
  /** Deal i as the JSON contract's DealRow. */
  dealRow(i: number): DealRow;
  row(i: number): number;
  id(i: number): string;
  name(i: number): string;
  status(i: number): Status;
  motion(i: number): Motion;
  amount(i: number): number | null;
  reason(i: number): string;
  sourcingPartner(i: number): string | null;
  reseller(i: number): string | null;
  influencers(i: number): string[];
  /** Influencers as one text ("" when none). */
  influencersText(i: number): string;
  /** "Acme Inc.: 5,000.00; Globex: 2,500.00" */
  creditsText(i: number, formatMoney: (n: number) => string): string;
  /** False for a repeated Deal ID (shown, never credited). */
  counted(i: number): boolean;
  /** The close date as a day number, or null. */
  closeDay(i: number): number | null;
  /** The close date's quarter ("2024 Q1", "FY2025 Q1"), or "" without a close date. */
  quarter(i: number): string;
  /** The deal's own Partner Tier and Region cells ("" when blank). */
  tier(i: number): string;
  region(i: number): string;
  /** The deal's credit lines, one per partner and role, in credit order (zero lines left out). */
  creditLines(i: number): DealCredit[];
}

export class DealResults implements DealsView {
  private n = 0;
  /** Scratch space for one deal's merged credits, reused by each call (see mergeCredits). */
  private readonly mergedNames: string[] = [];
  private readonly mergedAmounts: number[] = [];
  private readonly rowOf: Int32Array;
  private readonly statusOf: Uint8Array;
  private readonly motionOf: Uint8Array;
  private readonly countedOf: Uint8Array;
  /** REVIEW_* bits of review/reviewFlags.ts. */
  private readonly reviewOf: Uint8Array;
  /** Reporting-currency cents; NaN when the amount is missing or not convertible. */
  private readonly centsOf: Float64Array;
  private readonly ids: string[];
  private readonly names: string[];
  private readonly reasons: string[];
  /** Close day, NaN when none. */
  private readonly closeOf: Float64Array;
  private readonly quarters: string[];
  private readonly tiers: string[];
  private readonly regions: string[];
  /** Deal i's list j is partnerIds[listStart[i*5+j] .. listStart[i*5+j+1]). */
  private readonly listStart: Int32Array;
  private partnerIds = new Int32Array(1024);
  /** Deal i's credit lines are creditStart[i] .. creditStart[i+1]. */
  private readonly creditStart: Int32Array;
  private creditPartner = new Int32Array(1024);
  private creditCents = new Float64Array(1024);
  private creditKind = new Uint8Array(1024);

  constructor(capacity: number, private readonly nameOf: (partner: number) => string) {
    this.rowOf = new Int32Array(capacity);
    this.statusOf = new Uint8Array(capacity);
    this.motionOf = new Uint8Array(capacity);
    this.countedOf = new Uint8Array(capacity);
    this.reviewOf = new Uint8Array(capacity);
    this.centsOf = new Float64Array(capacity);
    this.ids = new Array<string>(capacity);
    this.names = new Array<string>(capacity);
    this.reasons = new Array<string>(capacity);
    this.closeOf = new Float64Array(capacity);
    this.quarters = new Array<string>(capacity);
    this.tiers = new Array<string>(capacity);
    this.regions = new Array<string>(capacity);
    this.listStart = new Int32Array(capacity * LISTS + 1);
    this.creditStart = new Int32Array(capacity + 1);
  }

  get length(): number { return this.n; }

  /** Records the next deal. */
  push(deal: { row: number; id: string; name: string; status: Status; counted: boolean; closeDate: number | null; tier: string; region: string },
    cls: Classification, cents: number | null, credits: readonly CreditLine[], reason: string, quarter = ''): void {
    const i = this.n++;
    this.closeOf[i] = deal.closeDate === null ? NaN : deal.closeDate;
    this.quarters[i] = quarter;
    this.tiers[i] = deal.tier;
    this.regions[i] = deal.region;
    this.rowOf[i] = deal.row;
    this.ids[i] = deal.id;
    this.names[i] = deal.name;
    this.statusOf[i] = STATUS_CODE[deal.status];
    this.motionOf[i] = MOTION_CODE[cls.motion];
    this.countedOf[i] = deal.counted ? 1 : 0;
    this.reviewOf[i] = deal.counted ? cls.review : 0;
    this.centsOf[i] = cents === null ? NaN : cents;
    this.reasons[i] = reason;
    let at = this.listStart[i * LISTS]!;
    const needed = at + cls.sourcers.length + cls.influencers.length + cls.resellers.length + cls.touched.length + cls.deployers.length;
    this.partnerIds = grown(this.partnerIds, needed);
    const ids = this.partnerIds;
    // Indexed loops: the lists mix shared frozen empties with ordinary arrays, and for-of over both allocates.
    for (let k = 0; k < cls.sourcers.length; k++) ids[at++] = cls.sourcers[k]!;
    this.listStart[i * LISTS + 1] = at;
    for (let k = 0; k < cls.influencers.length; k++) ids[at++] = cls.influencers[k]!.partner;
    this.listStart[i * LISTS + 2] = at;
    for (let k = 0; k < cls.resellers.length; k++) ids[at++] = cls.resellers[k]!;
    this.listStart[i * LISTS + 3] = at;
    for (let k = 0; k < cls.touched.length; k++) ids[at++] = cls.touched[k]!;
    this.listStart[i * LISTS + 4] = at;
    for (let k = 0; k < cls.deployers.length; k++) ids[at++] = cls.deployers[k]!;
    this.listStart[i * LISTS + 5] = at;
    let c = this.creditStart[i]!;
    if (credits.length > 0) {
      this.creditPartner = grown(this.creditPartner, c + credits.length);
      this.creditCents = grown(this.creditCents, c + credits.length);
      this.creditKind = grown(this.creditKind, c + credits.length);
      for (let k = 0; k < credits.length; k++) {
        this.creditPartner[c] = credits[k]!.partner; this.creditCents[c] = credits[k]!.cents; this.creditKind[c] = KIND_CODE[credits[k]!.kind]; c++;
      }
    }
    this.creditStart[i + 1] = c;
  }

  row(i: number): number { return this.rowOf[i]!; }
  id(i: number): string { return this.ids[i]!; }
  name(i: number): string { return this.names[i]!; }
  status(i: number): Status { return STATUSES[this.statusOf[i]!]!; }
  motion(i: number): Motion { return MOTIONS[this.motionOf[i]!]!; }
  counted(i: number): boolean { return this.countedOf[i] === 1; }
  reason(i: number): string { return this.reasons[i]!; }
  /** Why deal i needs a human decision (REVIEW_* bits; REVIEW_SET_BY_HAND when it was set by hand). */
  review(i: number): number { return this.reviewOf[i]!; }
  closeDay(i: number): number | null { const d = this.closeOf[i]!; return Number.isNaN(d) ? null : d; }
  quarter(i: number): string { return this.quarters[i]!; }
  tier(i: number): string { return this.tiers[i]!; }
  region(i: number): string { return this.regions[i]!; }

  /** The deal's credit lines, lines of one partner and role added up, zero lines left out. */
  creditLines(i: number): DealCredit[] {
    const from = this.creditStart[i]!;
    const to = this.creditStart[i + 1]!;
    if (from === to) return [];
    const out: DealCredit[] = [];
    for (let k = from; k < to; k++) {
      const cents = this.creditCents[k]!;
      if (cents === 0) continue;
      const partner = this.nameOf(this.creditPartner[k]!);
      const role = KINDS[this.creditKind[k]!]!;
      const same = out.find((o) => o.partner === partner && o.role === role);
      if (same) same.amount = Math.round(same.amount * 100 + cents) / 100; else out.push({ partner, role, amount: cents / 100 });
    }
    return out;
  }
  /** The amount in the reporting currency, or null. */
  amount(i: number): number | null {
    const cents = this.centsOf[i]!;
    return Number.isNaN(cents) ? null : cents / 100;
  }

  /** Display names of one of the deal's partner lists. */
  private list(i: number, which: number): string[] {
    const from = this.listStart[i * LISTS + which]!;
    const to = this.listStart[i * LISTS + which + 1]!;
    if (from === to) return NO_NAMES;
    const out = new Array<string>(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.nameOf(this.partnerIds[k]!);
    return out;
  }

  /** "Acme; Globex", or null when the list is empty. */
  private joined(i: number, which: number): string | null {
    const from = this.listStart[i * LISTS + which]!;
    const to = this.listStart[i * LISTS + which + 1]!;
    if (from === to) return null;
    if (to - from === 1) return this.nameOf(this.partnerIds[from]!);
    return this.list(i, which).join('; ');
  }

  sourcingPartner(i: number): string | null { return this.joined(i, SOURCERS); }
  reseller(i: number): string | null { return this.joined(i, RESELLERS); }
  influencers(i: number): string[] { return this.list(i, INFLUENCERS); }
  /** Influencers as one text ("" when none). */
  influencersText(i: number): string { return this.joined(i, INFLUENCERS) ?? ''; }

  /**
   * The deal's credit lines added up per partner display name, zero lines left out, in credit order,
   * into the scratch lists below; returns how many. Both `credits` and `creditsText` read it.
   */
  private mergeCredits(i: number): number {
    const from = this.creditStart[i]!;
    const to = this.creditStart[i + 1]!;
    let n = 0;
    for (let k = from; k < to; k++) {
      const cents = this.creditCents[k]!;
      if (cents === 0) continue;
      const name = this.nameOf(this.creditPartner[k]!);
      let m = 0;
      while (m < n && this.mergedNames[m] !== name) m++;
      if (m === n) { this.mergedNames[n] = name; this.mergedAmounts[n] = 0; n++; }
      this.mergedAmounts[m] = Math.round(this.mergedAmounts[m]! * 100 + cents) / 100;
    }
    return n;
  }

  /** Credit per partner display name (lines of one partner added up; zero lines left out). */
  credits(i: number): Record<string, number> {
    const n = this.mergeCredits(i);
    if (n === 0) return NO_CREDITS;
    // Null prototype: a partner called "__proto__" is an own key like any other, and JSON.stringify writes it.
    const out = Object.create(null) as Record<string, number>;
    for (let m = 0; m < n; m++) out[this.mergedNames[m]!] = this.mergedAmounts[m]!;
    return out;
  }

  /** The credits as "Acme Inc.: 5,000.00; Globex: 2,500.00": the sums of `credits`, in credit order. */
  creditsText(i: number, formatMoney: (n: number) => string): string {
    const n = this.mergeCredits(i);
    let text = '';
    for (let m = 0; m < n; m++) text = `${text}${m === 0 ? '' : '; '}${this.mergedNames[m]!}: ${formatMoney(this.mergedAmounts[m]!)}`;
    return text;
  }

  /** Deal i as the JSON contract's DealRow. */
  dealRow(i: number): DealRow {
    const motion = this.motion(i);
    return {
      row: this.row(i), id: this.id(i), name: this.name(i), status: this.status(i), amount: this.amount(i),
      motion, partnerLed: motion !== 'direct',
      sourcingPartner: this.sourcingPartner(i), influencers: this.influencers(i), reseller: this.reseller(i),
      touched: this.list(i, TOUCHED), deployedBy: this.list(i, DEPLOYERS),
      credits: this.credits(i), reason: this.reason(i), counted: this.counted(i),
      closeDate: this.closeDay(i) === null ? null : formatDay(this.closeDay(i)!), quarter: this.quarter(i),
      tier: this.tier(i), region: this.region(i), creditLines: this.creditLines(i),
    };
  }
}

/** A summary's deals[] seen as a DealsView (a summary read back from JSON, or one whose deals[] was replaced). */
class RowsView implements DealsView {
  constructor(private readonly rows: readonly DealRow[]) {}
  get length(): number { return this.rows.length; }
  dealRow(i: number): DealRow { return this.rows[i]!; }
  row(i: number): number { return this.rows[i]!.row; }
  id(i: number): string { return this.rows[i]!.id; }
  name(i: number): string { return this.rows[i]!.name; }
  status(i: number): Status { return this.rows[i]!.status; }
  motion(i: number): Motion { return this.rows[i]!.motion; }
  amount(i: number): number | null { return this.rows[i]!.amount; }
  reason(i: number): string { return this.rows[i]!.reason; }
  sourcingPartner(i: number): string | null { return this.rows[i]!.sourcingPartner; }
  reseller(i: number): string | null { return this.rows[i]!.reseller; }
  influencers(i: number): string[] { return this.rows[i]!.influencers; }
  influencersText(i: number): string { return this.rows[i]!.influencers.join('; '); }
  creditsText(i: number, formatMoney: (n: number) => string): string {
    return Object.entries(this.rows[i]!.credits).map(([partner, amount]) => `${partner}: ${formatMoney(amount)}`).join('; ');
  }
  counted(i: number): boolean { return this.rows[i]!.counted !== false; }
  closeDay(i: number): number | null { const text = this.rows[i]!.closeDate; return text ? parseDateText(text, 'MDY') : null; }
  quarter(i: number): string { return this.rows[i]!.quarter ?? ''; }
  tier(i: number): string { return this.rows[i]!.tier ?? ''; }
  region(i: number): string { return this.rows[i]!.region ?? ''; }
  /** The JSON's creditLines, or (an older summary without them) each credit with the role the deal's motion gives it. */
  creditLines(i: number): DealCredit[] {
    const r = this.rows[i]!;
    if (r.creditLines) return r.creditLines;
    const sourcers = new Set((r.sourcingPartner ?? '').split('; '));
    return Object.entries(r.credits).map(([partner, amount]) => ({ partner, amount,
      role: r.motion === 'resold' ? 'resold' : r.motion === 'sourced' && sourcers.has(partner) ? 'sourced' : 'influenced' }));
  }
}

/**
 * What the tabs and functions read deals from: an analysis (its summary and its column-wise
 * DealResults), or a summary read back from JSON (its deals[]).
 */
export type DealSource =
  | { readonly summary: AnalysisSummary; readonly deals: DealsView }
  | { readonly summary: Summary; readonly deals?: undefined };

/** A source's deals to read one by one: the analysis's own columns, else the summary's deals[] as they are. */
export const dealsView = (source: DealSource): DealsView => (source.deals !== undefined ? source.deals : new RowsView(source.summary.deals));
