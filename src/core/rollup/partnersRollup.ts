/** The per-partner rollup of SPEC 6.1, sorted by credited revenue. Sums are kept in cents until the end. */
import type { PartnerRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { moneyShare, ratio } from './totalsRollup';
import { IdScratch } from '../partners/IdScratch';
import type { Touch } from '../touches/readTouches';

interface Acc {
  sourced: number; influenced: number; resold: number;
  sourcedCents: number; sourcedPipeCents: number;
  influencedCents: number; influencedPipeCents: number; influencedCreditCents: number;
  resoldCents: number; resoldPipeCents: number; resoldCreditCents: number;
  influencedCreditPipeCents: number; resoldCreditPipeCents: number;
  creditedCents: number; creditedPipeCents: number;
  touchedDeals: number; touchedCents: number; deployedDeals: number; deployedCents: number; touches: number;
  won: number; lost: number; wonWithAmount: number; wonAmountCents: number; cycleDays: number; cycleCount: number;
}

const newAcc = (): Acc => ({ sourced: 0, influenced: 0, resold: 0, sourcedCents: 0, sourcedPipeCents: 0,
  influencedCents: 0, influencedPipeCents: 0, influencedCreditCents: 0, resoldCents: 0, resoldPipeCents: 0,
  resoldCreditCents: 0, influencedCreditPipeCents: 0, resoldCreditPipeCents: 0,
  touchedDeals: 0, touchedCents: 0, deployedDeals: 0, deployedCents: 0, touches: 0,
  creditedCents: 0, creditedPipeCents: 0, won: 0, lost: 0, wonWithAmount: 0, wonAmountCents: 0, cycleDays: 0, cycleCount: 0 });

/**
 * Per-partner rows for every partner that sourced, influenced, resold, touched or deployed a counted
 * deal. Deals are added one at a time (with the deal's touches) while they are classified; the rows
 * come at the end. Touched and deployed figures are overlapping views: never credit.
 */
export function partnersRollup(registry: PartnerRegistry): {
  add(d: AttributedDeal, touches?: readonly Touch[]): void; result(partnerLedRevenueCents: number): PartnerRow[];
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
      if (d.cents !== null) { if (status === 'won') a.influencedCents += d.cents; else if (status === 'open') a.influencedPipeCents += d.cents; }
    }
    for (let k = 0; k < resellers.length; k++) {
      const p = resellers[k]!;
      const a = acc(p);
      a.resold++; involved.add(p);
      if (d.cents !== null) { if (status === 'won') a.resoldCents += d.cents; else if (status === 'open') a.resoldPipeCents += d.cents; }
    }
    for (let k = 0; k < d.credits.length; k++) {
      const line = d.credits[k]!;
      const a = acc(line.partner);
      if (status === 'won') {
        a.creditedCents += line.cents;
        if (line.kind === 'sourced') a.sourcedCents += line.cents;
        else if (line.kind === 'influenced') a.influencedCreditCents += line.cents;
        else a.resoldCreditCents += line.cents;
      } else if (status === 'open') {
        a.creditedPipeCents += line.cents;
        if (line.kind === 'sourced') a.sourcedPipeCents += line.cents;
        else if (line.kind === 'influenced') a.influencedCreditPipeCents += line.cents;
        else a.resoldCreditPipeCents += line.cents;
      }
    }
    const { touched, deployers } = d.cls;
    const wonCents = status === 'won' && d.cents !== null ? d.cents : 0;
    for (let k = 0; k < touched.length; k++) { const a = acc(touched[k]!); a.touchedDeals++; a.touchedCents += wonCents; }
    for (let k = 0; k < deployers.length; k++) { const a = acc(deployers[k]!); a.deployedDeals++; a.deployedCents += wonCents; }
    for (let k = 0; k < touches.length; k++) acc(touches[k]!.partner).touches++;
    for (let k = 0; k < involved.length; k++) {
      const a = acc(involved.at(k));
      if (status === 'won') {
        a.won++;
        if (d.cents !== null) { a.wonWithAmount++; a.wonAmountCents += d.cents; }
        if (created !== null && closeDate !== null && closeDate >= created) { a.cycleDays += closeDate - created; a.cycleCount++; }
      } else if (status === 'lost') a.lost++;
    }
  };
  const result = (partnerLedRevenueCents: number): PartnerRow[] => {
    const rows: PartnerRow[] = [];
    for (const id of order) {
      const a = accs[id]!;
      const attrs = registry.attributes(id);
      rows.push({
        partner: registry.name(id), tier: attrs.tier, type: attrs.type, region: attrs.region,
        dealsSourced: a.sourced, dealsInfluenced: a.influenced, dealsResold: a.resold,
        sourcedRevenue: a.sourcedCents / 100, sourcedPipeline: a.sourcedPipeCents / 100,
        influencedRevenue: a.influencedCents / 100, influencedPipeline: a.influencedPipeCents / 100,
        influencedCredit: a.influencedCreditCents / 100,
        resoldRevenue: a.resoldCents / 100, resoldPipeline: a.resoldPipeCents / 100,
        resoldCredit: a.resoldCreditCents / 100,
        influencedCreditPipeline: a.influencedCreditPipeCents / 100, resoldCreditPipeline: a.resoldCreditPipeCents / 100,
        dealsTouched: a.touchedDeals, touchedRevenue: a.touchedCents / 100,
        dealsDeployed: a.deployedDeals, deployedRevenue: a.deployedCents / 100, touches: a.touches,
        creditedRevenue: a.creditedCents / 100, creditedPipeline: a.creditedPipeCents / 100,
        wonDeals: a.won, lostDeals: a.lost, winRate: ratio(a.won, a.won + a.lost),
        avgDealSize: a.wonWithAmount === 0 ? null : Math.round(a.wonAmountCents / a.wonWithAmount) / 100,
        avgCycleDays: a.cycleCount === 0 ? null : Math.round((a.cycleDays / a.cycleCount) * 10) / 10,
        shareOfPartnerLed: moneyShare(a.creditedCents, partnerLedRevenueCents),
      });
    }
    rows.sort((x, y) => y.creditedRevenue - x.creditedRevenue || y.creditedPipeline - x.creditedPipeline
      || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
    return rows;
  };
  return { add, result };
}
