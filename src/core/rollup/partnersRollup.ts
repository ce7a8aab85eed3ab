/** The per-partner rollup of SPEC 6.1, sorted by credited revenue. Sums are kept in cents until the end. */
import type { PartnerRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { moneyShare, ratio } from './totalsRollup';
import { IdScratch } from '../partners/IdScratch';
import { CentsSum } from './centsSum';
import type { Touch } from '../touches/readTouches';

/** Money sums per partner, in cents (CentsSum: exact past 2^53 cents). */
export type PartnerMoneyKey = 'sourcedCents' | 'sourcedPipeCents' | 'influencedCents' | 'influencedPipeCents' | 'influencedCreditCents'
  | 'resoldCents' | 'resoldPipeCents' | 'resoldCreditCents' | 'influencedCreditPipeCents' | 'resoldCreditPipeCents'
  | 'creditedCents' | 'creditedPipeCents' | 'touchedCents' | 'deployedCents' | 'wonAmountCents';

type Acc = Record<PartnerMoneyKey, CentsSum> & {
  sourced: number; influenced: number; resold: number;
  touchedDeals: number; deployedDeals: number; touches: number;
  won: number; lost: number; wonWithAmount: number; cycleDays: number; cycleCount: number;
};

const newAcc = (): Acc => ({ sourced: 0, influenced: 0, resold: 0, touchedDeals: 0, deployedDeals: 0, touches: 0,
  won: 0, lost: 0, wonWithAmount: 0, cycleDays: 0, cycleCount: 0,
  sourcedCents: new CentsSum(), sourcedPipeCents: new CentsSum(), influencedCents: new CentsSum(), influencedPipeCents: new CentsSum(),
  influencedCreditCents: new CentsSum(), resoldCents: new CentsSum(), resoldPipeCents: new CentsSum(), resoldCreditCents: new CentsSum(),
  influencedCreditPipeCents: new CentsSum(), resoldCreditPipeCents: new CentsSum(), creditedCents: new CentsSum(), creditedPipeCents: new CentsSum(),
  touchedCents: new CentsSum(), deployedCents: new CentsSum(), wonAmountCents: new CentsSum() });

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
  // Indexed by partner id; `order` keeps first-seen order for ties in the final sort.
  const accs: (Acc | undefined)[] = [];
  const order: number[] = [];
  const acc = (id: number): Acc => {
    let a = accs[id];
    if (!a) {
      while (accs.length <= id) accs.push(undefined); // dense: a far-off index would turn the array into a dictionary
      a = newAcc(); accs[id] = a; order.push(id);
    }
    return a;
  };
  // The partners involved in the deal being added.
  const involved = new IdScratch();
  const add = (d: AttributedDeal, touches: readonly Touch[] = []): void => {
    if (!d.deal.counted) return;
    const { status, created, closeDate } = d.deal;
    involved.clear();
    const { sourcers, influencers, resellers } = d.cls;
    for (let k = 0; k < sourcers.length; k++) { acc(sourcers[k]!).sourced++; involved.add(sourcers[k]!); }
    for (let k = 0; k < influencers.length; k++) {
      const inf = influencers[k]!;
      const a = acc(inf.partner);
      a.influenced++; involved.add(inf.partner);
      if (d.cents !== null) { if (status === 'won') a.influencedCents.add(d.cents); else if (status === 'open') a.influencedPipeCents.add(d.cents); }
    }
    for (let k = 0; k < resellers.length; k++) {
      const p = resellers[k]!;
      const a = acc(p);
      a.resold++; involved.add(p);
      if (d.cents !== null) { if (status === 'won') a.resoldCents.add(d.cents); else if (status === 'open') a.resoldPipeCents.add(d.cents); }
    }
    for (let k = 0; k < d.credits.length; k++) {
      const line = d.credits[k]!;
      const a = acc(line.partner);
      if (status === 'won') {
        a.creditedCents.add(line.cents);
        if (line.kind === 'sourced') a.sourcedCents.add(line.cents);
        else if (line.kind === 'influenced') a.influencedCreditCents.add(line.cents);
        else a.resoldCreditCents.add(line.cents);
      } else if (status === 'open') {
        a.creditedPipeCents.add(line.cents);
        if (line.kind === 'sourced') a.sourcedPipeCents.add(line.cents);
        else if (line.kind === 'influenced') a.influencedCreditPipeCents.add(line.cents);
        else a.resoldCreditPipeCents.add(line.cents);
      }
    }
    const { touched, deployers } = d.cls;
    const wonCents = status === 'won' && d.cents !== null ? d.cents : 0;
    for (let k = 0; k < touched.length; k++) { const a = acc(touched[k]!); a.touchedDeals++; a.touchedCents.add(wonCents); }
    for (let k = 0; k < deployers.length; k++) { const a = acc(deployers[k]!); a.deployedDeals++; a.deployedCents.add(wonCents); }
    for (let k = 0; k < touches.length; k++) acc(touches[k]!.partner).touches++;
    for (let k = 0; k < involved.length; k++) {
      const a = acc(involved.at(k));
      if (status === 'won') {
        a.won++;
        if (d.cents !== null) { a.wonWithAmount++; a.wonAmountCents.add(d.cents); }
        if (created !== null && closeDate !== null && closeDate >= created) { a.cycleDays += closeDate - created; a.cycleCount++; }
      } else if (status === 'lost') a.lost++;
    }
  };
  // The sums of result()[i], by the row's index: a partner is its place in the finished rows.
  let exactRows: readonly Acc[] = [];
  const result = (partnerLedRevenueCents: number): PartnerRow[] => {
    const made: { row: PartnerRow; acc: Acc }[] = [];
    for (const id of order) {
      const a = accs[id]!;
      const attrs = registry.attributes(id);
      const row: PartnerRow = {
        partner: registry.name(id), tier: attrs.tier, type: attrs.type, region: attrs.region,
        dealsSourced: a.sourced, dealsInfluenced: a.influenced, dealsResold: a.resold,
        sourcedRevenue: a.sourcedCents.money(), sourcedPipeline: a.sourcedPipeCents.money(),
        influencedRevenue: a.influencedCents.money(), influencedPipeline: a.influencedPipeCents.money(),
        influencedCredit: a.influencedCreditCents.money(),
        resoldRevenue: a.resoldCents.money(), resoldPipeline: a.resoldPipeCents.money(),
        resoldCredit: a.resoldCreditCents.money(),
        influencedCreditPipeline: a.influencedCreditPipeCents.money(), resoldCreditPipeline: a.resoldCreditPipeCents.money(),
        dealsTouched: a.touchedDeals, touchedRevenue: a.touchedCents.money(),
        dealsDeployed: a.deployedDeals, deployedRevenue: a.deployedCents.money(), touches: a.touches,
        creditedRevenue: a.creditedCents.money(), creditedPipeline: a.creditedPipeCents.money(),
        wonDeals: a.won, lostDeals: a.lost, winRate: ratio(a.won, a.won + a.lost),
        avgDealSize: a.wonWithAmount === 0 ? null : Math.round(a.wonAmountCents.approx() / a.wonWithAmount) / 100,
        avgCycleDays: a.cycleCount === 0 ? null : Math.round((a.cycleDays / a.cycleCount) * 10) / 10,
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
  const exactOf = (index: number): Acc | null => exactRows[index] ?? null;
  return { add, result, creditedCents, exactOf };
}
