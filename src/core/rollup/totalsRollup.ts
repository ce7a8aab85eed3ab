/** The totals of SPEC 6.1: counts, revenue and pipeline by motion, shares, win rates, deal sizes, cycles. */
import type { Totals } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';

const money = (cents: number): number => cents / 100;
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
      if (d.cents !== null) { revenue[motion] += d.cents; bucket.wonWithAmount++; bucket.wonCents += d.cents; }
      if (d.deal.created !== null && d.deal.closeDate !== null && d.deal.closeDate >= d.deal.created) {
        bucket.cycleDays += d.deal.closeDate - d.deal.created; bucket.cycleCount++;
      }
    } else if (d.deal.status === 'lost') { lost++; bucket.lost++; }
    else { open++; if (d.cents !== null) pipeline[motion] += d.cents; }
  };
  const result = (): Totals => {
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
