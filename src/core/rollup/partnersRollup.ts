/** The per-partner rollup of SPEC 6.1, sorted by credited revenue. Sums are kept in cents until the end. */
import type { PartnerRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { moneyShare, ratio } from './totalsRollup';
import { IdScratch } from '../partners/IdScratch';
import { CentsColumn, CentsSum } from './centsSum';
import type { Touch } from '../touches/readTouches';

const NO_TOUCHES: readonly Touch[] = Object.freeze([]);

/** Money sums per partner, in cents (CentsSum: exact past 2^53 cents). */
export type PartnerMoneyKey = 'sourcedCents' | 'sourcedPipeCents' | 'influencedCents' | 'influencedPipeCents' | 'influencedCreditCents'
  | 'resoldCents' | 'resoldPipeCents' | 'resoldCreditCents' | 'influencedCreditPipeCents' | 'resoldCreditPipeCents'
  | 'creditedCents' | 'creditedPipeCents' | 'touchedCents' | 'deployedCents' | 'wonAmountCents';

/** The per-partner counts. */
type CountKey = 'sourced' | 'influenced' | 'resold' | 'touchedDeals' | 'deployedDeals' | 'touches'
  | 'won' | 'lost' | 'wonWithAmount' | 'cycleDays' | 'cycleCount';

const MONEY_KEYS: readonly PartnerMoneyKey[] = ['sourcedCents', 'sourcedPipeCents', 'influencedCents', 'influencedPipeCents', 'influencedCreditCents',
  'resoldCents', 'resoldPipeCents', 'resoldCreditCents', 'influencedCreditPipeCents', 'resoldCreditPipeCents',
  'creditedCents', 'creditedPipeCents', 'touchedCents', 'deployedCents', 'wonAmountCents'];
const COUNT_KEYS: readonly CountKey[] = ['sourced', 'influenced', 'resold', 'touchedDeals', 'deployedDeals', 'touches',
  'won', 'lost', 'wonWithAmount', 'cycleDays', 'cycleCount'];

/**
 * Every partner's counts and sums held column-wise, one array per figure indexed by partner id: a
 * deal adds to a few partners' figures, and thousands of partners' figures in a few dozen arrays
 * stay in the processor's cache where one object per partner (with a CentsSum object per sum) did not.
 */
class PartnerTally {
  /** Partner ids in first-seen order (ties in the final sort keep it). */
  readonly order: number[] = [];
  private seen: Uint8Array;
  readonly count: Record<CountKey, Float64Array>;
  readonly money: Readonly<Record<PartnerMoneyKey, CentsColumn>>;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.seen = new Uint8Array(size);
    this.count = Object.fromEntries(COUNT_KEYS.map((k) => [k, new Float64Array(size)])) as Record<CountKey, Float64Array>;
    this.money = Object.fromEntries(MONEY_KEYS.map((k) => [k, new CentsColumn(size)])) as Record<PartnerMoneyKey, CentsColumn>;
  }

  /** Marks the partner as in the rollup (call before adding to its figures); grows the columns for a new id. */
  see(id: number): void {
    if (id >= this.seen.length) this.grow(id + 1);
    if (this.seen[id] === 1) return;
    this.seen[id] = 1;
    this.order.push(id);
  }

  private grow(needed: number): void {
    let size = this.seen.length * 2;
    while (size < needed) size *= 2;
    const seen = new Uint8Array(size);
    seen.set(this.seen);
    this.seen = seen;
    for (const k of COUNT_KEYS) { const next = new Float64Array(size); next.set(this.count[k]); this.count[k] = next; }
    for (const k of MONEY_KEYS) this.money[k].grow(size);
  }
}

/**
 * Per-partner rows for every partner that sourced, influenced, resold, touched or deployed a counted
 * deal. Deals are added one at a time (with the deal's touches) while they are classified; the rows
 * come at the end. Touched and deployed figures are overlapping views: never credit.
 */
export function partnersRollup(registry: PartnerRegistry): {
  add(d: AttributedDeal, touches?: readonly Touch[]): void; result(partnerLedRevenueCents: number): PartnerRow[];
  /** The credited revenue of the row at `index` of the result, as exact cents (for the tier and type segments). */
  creditedCents(index: number): CentsSum;
  /** The money sums of the row at `index` of the result, as exact cents (the custom functions' won + open sums); null past its end. */
  exactOf(index: number): Readonly<Record<PartnerMoneyKey, CentsSum>> | null;
} {
  const tally = new PartnerTally(registry.size + 1);
  const { count, money } = tally;
  // The partners involved in the deal being added.
  const involved = new IdScratch();
  const add = (d: AttributedDeal, touches: readonly Touch[] = NO_TOUCHES): void => {
    if (!d.deal.counted) return;
    const { status, created, closeDate } = d.deal;
    const cents = d.cents;
    involved.clear();
    const { sourcers, influencers, resellers } = d.cls;
    // Each partner is seen (its columns made room for) before its figures are read; see() may replace
    // the count arrays, so they are looked up on `count` each time rather than held in locals.
    for (let k = 0; k < sourcers.length; k++) { const p = sourcers[k]!; tally.see(p); count.sourced[p]!++; involved.add(p); }
    for (let k = 0; k < influencers.length; k++) {
      const p = influencers[k]!.partner;
      tally.see(p);
      count.influenced[p]!++; involved.add(p);
      if (cents !== null) { if (status === 'won') money.influencedCents.add(p, cents); else if (status === 'open') money.influencedPipeCents.add(p, cents); }
    }
    for (let k = 0; k < resellers.length; k++) {
      const p = resellers[k]!;
      tally.see(p);
      count.resold[p]!++; involved.add(p);
      if (cents !== null) { if (status === 'won') money.resoldCents.add(p, cents); else if (status === 'open') money.resoldPipeCents.add(p, cents); }
    }
    for (let k = 0; k < d.credits.length; k++) {
      const line = d.credits[k]!;
      const p = line.partner;
      tally.see(p);
      if (status === 'won') {
        money.creditedCents.add(p, line.cents);
        if (line.kind === 'sourced') money.sourcedCents.add(p, line.cents);
        else if (line.kind === 'influenced') money.influencedCreditCents.add(p, line.cents);
        else money.resoldCreditCents.add(p, line.cents);
      } else if (status === 'open') {
        money.creditedPipeCents.add(p, line.cents);
        if (line.kind === 'sourced') money.sourcedPipeCents.add(p, line.cents);
        else if (line.kind === 'influenced') money.influencedCreditPipeCents.add(p, line.cents);
        else money.resoldCreditPipeCents.add(p, line.cents);
      }
    }
    const { touched, deployers } = d.cls;
    const wonCents = status === 'won' && cents !== null ? cents : 0;
    for (let k = 0; k < touched.length; k++) { const p = touched[k]!; tally.see(p); count.touchedDeals[p]!++; money.touchedCents.add(p, wonCents); }
    for (let k = 0; k < deployers.length; k++) { const p = deployers[k]!; tally.see(p); count.deployedDeals[p]!++; money.deployedCents.add(p, wonCents); }
    for (let k = 0; k < touches.length; k++) { const p = touches[k]!.partner; tally.see(p); count.touches[p]!++; }
    for (let k = 0; k < involved.length; k++) {
      const p = involved.at(k);
      if (status === 'won') {
        count.won[p]!++;
        if (cents !== null) { count.wonWithAmount[p]!++; money.wonAmountCents.add(p, cents); }
        if (created !== null && closeDate !== null && closeDate >= created) { count.cycleDays[p]! += closeDate - created; count.cycleCount[p]!++; }
      } else if (status === 'lost') count.lost[p]!++;
    }
  };
  // The sums of result()[i], by the row's index: a partner is its place in the finished rows.
  let exactRows: readonly Readonly<Record<PartnerMoneyKey, CentsSum>>[] = [];
  const result = (partnerLedRevenueCents: number): PartnerRow[] => {
    const made: { row: PartnerRow; acc: Readonly<Record<PartnerMoneyKey, CentsSum>> }[] = [];
    for (const id of tally.order) {
      const n = (key: CountKey): number => count[key][id]!;
      const a = Object.fromEntries(MONEY_KEYS.map((k) => [k, money[k].sum(id)])) as Record<PartnerMoneyKey, CentsSum>;
      const attrs = registry.attributes(id);
      const won = n('won'), lost = n('lost'), wonWithAmount = n('wonWithAmount'), cycleCount = n('cycleCount');
      const row: PartnerRow = {
        partner: registry.name(id), tier: attrs.tier, type: attrs.type, region: attrs.region,
        dealsSourced: n('sourced'), dealsInfluenced: n('influenced'), dealsResold: n('resold'),
        sourcedRevenue: a.sourcedCents.money(), sourcedPipeline: a.sourcedPipeCents.money(),
        influencedRevenue: a.influencedCents.money(), influencedPipeline: a.influencedPipeCents.money(),
        influencedCredit: a.influencedCreditCents.money(),
        resoldRevenue: a.resoldCents.money(), resoldPipeline: a.resoldPipeCents.money(),
        resoldCredit: a.resoldCreditCents.money(),
        influencedCreditPipeline: a.influencedCreditPipeCents.money(), resoldCreditPipeline: a.resoldCreditPipeCents.money(),
        dealsTouched: n('touchedDeals'), touchedRevenue: a.touchedCents.money(),
        dealsDeployed: n('deployedDeals'), deployedRevenue: a.deployedCents.money(), touches: n('touches'),
        creditedRevenue: a.creditedCents.money(), creditedPipeline: a.creditedPipeCents.money(),
        wonDeals: won, lostDeals: lost, winRate: ratio(won, won + lost),
        avgDealSize: wonWithAmount === 0 ? null : Math.round(a.wonAmountCents.approx() / wonWithAmount) / 100,
        avgCycleDays: cycleCount === 0 ? null : Math.round((n('cycleDays') / cycleCount) * 10) / 10,
        shareOfPartnerLed: moneyShare(a.creditedCents.approx(), partnerLedRevenueCents),
      };
      made.push({ row, acc: a });
    }
    made.sort(({ row: x }, { row: y }) => y.creditedRevenue - x.creditedRevenue || y.creditedPipeline - x.creditedPipeline
      || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
    exactRows = made.map((m) => m.acc);
    return made.map((m) => m.row);
  };
  const creditedCents = (index: number): CentsSum => exactRows[index]?.creditedCents ?? new CentsSum();
  const exactOf = (index: number): Readonly<Record<PartnerMoneyKey, CentsSum>> | null => exactRows[index] ?? null;
  return { add, result, creditedCents, exactOf };
}
