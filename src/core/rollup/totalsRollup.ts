/** The totals of SPEC 6.1: counts, revenue and pipeline by motion, shares, win rates, deal sizes, cycles. */
import type { Totals } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import { CentsSum } from './centsSum';
import type { Motion } from '../vocabulary';
import { MOTIONS } from '../vocabulary';

const sums = (): Record<Motion, CentsSum> => ({ sourced: new CentsSum(), influenced: new CentsSum(), resold: new CentsSum(), direct: new CentsSum() });

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

/** The totals' money figures as exact cents, by the Totals field they are shown in. */
export type ExactTotals = Readonly<Record<'revenue' | 'pipeline' | 'partnerLedRevenue' | 'sourcedRevenue' | 'influencedRevenue' | 'resoldRevenue'
  | 'directRevenue' | 'sourcedPipeline' | 'influencedPipeline' | 'resoldPipeline' | 'partnerLedPipeline' | 'directPipeline', CentsSum>>;

/**
 * Adds deals one at a time (while they are classified) and gives the totals at the end. Money is
 * summed with CentsSum, so totals stay exact past 2^53 cents and the motions add up to revenue.
 */
export function totalsRollup(): { add(d: AttributedDeal): void; result(): Totals; exact(): ExactTotals } {
  let won = 0, lost = 0, open = 0;
  const revenue = sums();
  const pipeline = sums();
  const led = { won: 0, lost: 0, wonWithAmount: 0, wonCents: new CentsSum(), cycleDays: 0, cycleCount: 0 };
  const direct = { won: 0, lost: 0, wonWithAmount: 0, wonCents: new CentsSum(), cycleDays: 0, cycleCount: 0 };
  let count = 0;
  const overlap = { touchedDeals: 0, touchedCents: new CentsSum(), deployedDeals: 0, deployedCents: new CentsSum() };
  const add = (d: AttributedDeal): void => {
    if (!d.deal.counted) return;
    count++;
    const wonCents = d.deal.status === 'won' && d.cents !== null ? d.cents : 0;
    if (d.cls.touched.length > 0) { overlap.touchedDeals++; overlap.touchedCents.add(wonCents); }
    if (d.cls.deployers.length > 0) { overlap.deployedDeals++; overlap.deployedCents.add(wonCents); }
    const motion = d.cls.motion;
    const bucket = motion === 'direct' ? direct : led;
    if (d.deal.status === 'won') {
      won++; bucket.won++;
      if (d.cents !== null) { revenue[motion].add(d.cents); bucket.wonWithAmount++; bucket.wonCents.add(d.cents); }
      if (d.deal.created !== null && d.deal.closeDate !== null && d.deal.closeDate >= d.deal.created) {
        bucket.cycleDays += d.deal.closeDate - d.deal.created; bucket.cycleCount++;
      }
    } else if (d.deal.status === 'lost') { lost++; bucket.lost++; }
    else { open++; if (d.cents !== null) pipeline[motion].add(d.cents); }
  };
  const exact = (): ExactTotals => ({
    revenue: CentsSum.of(...MOTIONS.map((m) => revenue[m])),
    pipeline: CentsSum.of(...MOTIONS.map((m) => pipeline[m])),
    partnerLedRevenue: CentsSum.of(revenue.sourced, revenue.influenced, revenue.resold),
    sourcedRevenue: revenue.sourced, influencedRevenue: revenue.influenced, resoldRevenue: revenue.resold, directRevenue: revenue.direct,
    sourcedPipeline: pipeline.sourced, influencedPipeline: pipeline.influenced, resoldPipeline: pipeline.resold,
    partnerLedPipeline: CentsSum.of(pipeline.sourced, pipeline.influenced, pipeline.resold), directPipeline: pipeline.direct,
  });
  const result = (): Totals => {
    const x = exact();
    const whole = x.revenue.approx();
    const share = (part: CentsSum): number | null => moneyShare(part.approx(), whole);
    return {
      deals: count, wonDeals: won, lostDeals: lost, openDeals: open,
      revenue: x.revenue.money(), pipeline: x.pipeline.money(), partnerLedRevenue: x.partnerLedRevenue.money(),
      sourcedRevenue: x.sourcedRevenue.money(), influencedRevenue: x.influencedRevenue.money(),
      resoldRevenue: x.resoldRevenue.money(), directRevenue: x.directRevenue.money(),
      partnerLedShare: share(x.partnerLedRevenue), sourcedShare: share(x.sourcedRevenue), influencedShare: share(x.influencedRevenue),
      resoldShare: share(x.resoldRevenue), directShare: share(x.directRevenue),
      sourcedPipeline: x.sourcedPipeline.money(), influencedPipeline: x.influencedPipeline.money(),
      resoldPipeline: x.resoldPipeline.money(), partnerLedPipeline: x.partnerLedPipeline.money(), directPipeline: x.directPipeline.money(),
      partnerWinRate: ratio(led.won, led.won + led.lost), directWinRate: ratio(direct.won, direct.won + direct.lost),
      partnerAvgDealSize: average(led.wonCents.approx() / 100, led.wonWithAmount, 2), directAvgDealSize: average(direct.wonCents.approx() / 100, direct.wonWithAmount, 2),
      partnerAvgCycleDays: average(led.cycleDays, led.cycleCount, 1), directAvgCycleDays: average(direct.cycleDays, direct.cycleCount, 1),
      touchedDeals: overlap.touchedDeals, touchedRevenue: overlap.touchedCents.money(),
      deployedDeals: overlap.deployedDeals, deployedRevenue: overlap.deployedCents.money(),
    };
  };
  return { add, result, exact };
}
