/** The totals of SPEC 6.1: counts, revenue and pipeline by motion, shares, win rates, deal sizes, cycles. */
import type { Totals } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';

const money = (cents: number): number => cents / 100;

type Motion4 = 'sourced' | 'influenced' | 'resold' | 'direct';
const ZERO = BigInt(0);
const SAFE = Number.MAX_SAFE_INTEGER;
/** Exact cents as money: the nearest double to the exact decimal (past 2^53 cents a double cannot hold every cent). */
const bigMoney = (cents: bigint): number => {
  const negative = cents < ZERO;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`) + 0;
};
/** Rates are fractions rounded to 4 decimals (0.8966 = 89.66%), null where undefined. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1e4) / 1e4);

/**
 * A share of money (0..1), or null where credit notes make it meaningless: a whole of zero or
 * less, or a part below zero or above the whole. The JSON contract keeps shares inside 0..1.
 */
export const moneyShare = (part: number, whole: number): number | null =>
  (whole <= 0 || part < 0 || part > whole ? null : ratio(part, whole));
const average = (sum: number, count: number, digits: number): number | null =>
  count === 0 ? null : Math.round((sum / count) * 10 ** digits) / 10 ** digits;

/** Adds deals one at a time (while they are classified) and gives the totals at the end. */
export function totalsRollup(): { add(d: AttributedDeal): void; result(): Totals } {
  let won = 0, lost = 0, open = 0;
  const revenue = { sourced: 0, influenced: 0, resold: 0, direct: 0 };
  const pipeline = { sourced: 0, influenced: 0, resold: 0, direct: 0 };
  const led = { won: 0, lost: 0, wonWithAmount: 0, wonCents: 0, cycleDays: 0, cycleCount: 0 };
  const direct = { won: 0, lost: 0, wonWithAmount: 0, wonCents: 0, cycleDays: 0, cycleCount: 0 };
  let count = 0;
  const overlap = { touchedDeals: 0, touchedCents: 0, deployedDeals: 0, deployedCents: 0 };
  // Split accumulators: plain numbers while a sum stays a safe integer; what would pass 2^53 cents
  // (rupiah or won books) is carried into a BigInt, so totals stay exact and motions add up to revenue.
  const revenueCarry = { sourced: ZERO, influenced: ZERO, resold: ZERO, direct: ZERO };
  const pipelineCarry = { sourced: ZERO, influenced: ZERO, resold: ZERO, direct: ZERO };
  let carried = false;
  const addTo = (sums: Record<Motion4, number>, carry: Record<Motion4, bigint>, motion: Motion4, cents: number): void => {
    const next = sums[motion] + cents;
    if (next <= SAFE && next >= -SAFE) { sums[motion] = next; return; }
    carry[motion] += BigInt(sums[motion]) + BigInt(cents);
    sums[motion] = 0;
    carried = true;
  };
  const add = (d: AttributedDeal): void => {
    if (!d.deal.counted) return;
    count++;
    const wonCents = d.deal.status === 'won' && d.cents !== null ? d.cents : 0;
    if (d.cls.touched.length > 0) { overlap.touchedDeals++; overlap.touchedCents += wonCents; }
    if (d.cls.deployers.length > 0) { overlap.deployedDeals++; overlap.deployedCents += wonCents; }
    const motion = d.cls.motion;
    const bucket = motion === 'direct' ? direct : led;
    if (d.deal.status === 'won') {
      won++; bucket.won++;
      if (d.cents !== null) { addTo(revenue, revenueCarry, motion, d.cents); bucket.wonWithAmount++; bucket.wonCents += d.cents; }
      if (d.deal.created !== null && d.deal.closeDate !== null && d.deal.closeDate >= d.deal.created) {
        bucket.cycleDays += d.deal.closeDate - d.deal.created; bucket.cycleCount++;
      }
    } else if (d.deal.status === 'lost') { lost++; bucket.lost++; }
    else { open++; if (d.cents !== null) addTo(pipeline, pipelineCarry, motion, d.cents); }
  };
  const result = (): Totals => (carried ? exactResult() : plainResult());
  /** Totals when some sum passed 2^53 cents: every money figure from exact BigInt cents; shares from their nearest doubles. */
  const exactResult = (): Totals => {
    const r = (m: Motion4): bigint => BigInt(revenue[m]) + revenueCarry[m];
    const p = (m: Motion4): bigint => BigInt(pipeline[m]) + pipelineCarry[m];
    const revenueCents = r('sourced') + r('influenced') + r('resold') + r('direct');
    const ledCents = r('sourced') + r('influenced') + r('resold');
    const share = (part: bigint): number | null => moneyShare(Number(part), Number(revenueCents));
    return {
      ...plainResult(),
      revenue: bigMoney(revenueCents),
      pipeline: bigMoney(p('sourced') + p('influenced') + p('resold') + p('direct')),
      partnerLedRevenue: bigMoney(ledCents),
      sourcedRevenue: bigMoney(r('sourced')), influencedRevenue: bigMoney(r('influenced')),
      resoldRevenue: bigMoney(r('resold')), directRevenue: bigMoney(r('direct')),
      partnerLedShare: share(ledCents), sourcedShare: share(r('sourced')), influencedShare: share(r('influenced')),
      resoldShare: share(r('resold')), directShare: share(r('direct')),
      sourcedPipeline: bigMoney(p('sourced')), influencedPipeline: bigMoney(p('influenced')),
      resoldPipeline: bigMoney(p('resold')), partnerLedPipeline: bigMoney(p('sourced') + p('influenced') + p('resold')),
    };
  };
  const plainResult = (): Totals => {
    const revenueCents = revenue.sourced + revenue.influenced + revenue.resold + revenue.direct;
    const ledCents = revenue.sourced + revenue.influenced + revenue.resold;
    return {
      deals: count, wonDeals: won, lostDeals: lost, openDeals: open,
      revenue: money(revenueCents),
      pipeline: money(pipeline.sourced + pipeline.influenced + pipeline.resold + pipeline.direct),
      partnerLedRevenue: money(ledCents),
      sourcedRevenue: money(revenue.sourced), influencedRevenue: money(revenue.influenced),
      resoldRevenue: money(revenue.resold), directRevenue: money(revenue.direct),
      partnerLedShare: moneyShare(ledCents, revenueCents), sourcedShare: moneyShare(revenue.sourced, revenueCents),
      influencedShare: moneyShare(revenue.influenced, revenueCents), resoldShare: moneyShare(revenue.resold, revenueCents),
      directShare: moneyShare(revenue.direct, revenueCents),
      sourcedPipeline: money(pipeline.sourced), influencedPipeline: money(pipeline.influenced),
      resoldPipeline: money(pipeline.resold), partnerLedPipeline: money(pipeline.sourced + pipeline.influenced + pipeline.resold),
      partnerWinRate: ratio(led.won, led.won + led.lost), directWinRate: ratio(direct.won, direct.won + direct.lost),
      partnerAvgDealSize: average(led.wonCents / 100, led.wonWithAmount, 2), directAvgDealSize: average(direct.wonCents / 100, direct.wonWithAmount, 2),
      partnerAvgCycleDays: average(led.cycleDays, led.cycleCount, 1), directAvgCycleDays: average(direct.cycleDays, direct.cycleCount, 1),
      touchedDeals: overlap.touchedDeals, touchedRevenue: money(overlap.touchedCents),
      deployedDeals: overlap.deployedDeals, deployedRevenue: money(overlap.deployedCents),
    };
  };
  return { add, result };
}
