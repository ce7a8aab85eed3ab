/** Segments (SPEC 6.1): credited revenue by partner tier and type; revenue by motion per deal region. */
import type { CreditSegment, PartnerRow, RegionSegment, Segments } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import { CentsSum } from './centsSum';
import type { Motion } from '../vocabulary';

export const NONE_SEGMENT = '(none)';

/** The credited revenue of the partner row at an index of the rows, as exact cents. */
type CreditedCents = (index: number) => CentsSum;

const bySegment = (partners: readonly PartnerRow[], pick: (p: PartnerRow) => string | null, creditedOf: CreditedCents): CreditSegment[] => {
  const map = new Map<string, { cents: CentsSum; partners: number }>();
  for (let i = 0; i < partners.length; i++) {
    const p = partners[i]!;
    const key = pick(p) ?? NONE_SEGMENT;
    let seg = map.get(key);
    if (!seg) { seg = { cents: new CentsSum(), partners: 0 }; map.set(key, seg); }
    seg.cents.addSum(creditedOf(i));
    seg.partners++;
  }
  return [...map.entries()].map(([key, s]) => ({ key, creditedRevenue: s.cents.money(), partners: s.partners }))
    .sort((a, b) => b.creditedRevenue - a.creditedRevenue || (a.key < b.key ? -1 : 1));
};

/** Region revenue from deals added one at a time; tier and type from the finished partner rows. */
export function segmentsRollup(): { add(d: AttributedDeal): void; result(partners: readonly PartnerRow[], creditedOf: CreditedCents): Segments } {
  const regions = new Map<string, Record<Motion, CentsSum>>();
  const add = (d: AttributedDeal): void => {
    if (!d.deal.counted || d.deal.status !== 'won' || d.cents === null) return;
    const key = d.deal.region || NONE_SEGMENT;
    let r = regions.get(key);
    if (!r) { r = { sourced: new CentsSum(), influenced: new CentsSum(), resold: new CentsSum(), direct: new CentsSum() }; regions.set(key, r); }
    r[d.cls.motion].add(d.cents);
  };
  const result = (partners: readonly PartnerRow[], creditedOf: CreditedCents): Segments => {
    const region: RegionSegment[] = [...regions.entries()].map(([key, c]) => ({
      key, revenue: CentsSum.of(c.sourced, c.influenced, c.resold, c.direct).money(),
      partnerLedRevenue: CentsSum.of(c.sourced, c.influenced, c.resold).money(),
      sourcedRevenue: c.sourced.money(), influencedRevenue: c.influenced.money(), resoldRevenue: c.resold.money(), directRevenue: c.direct.money(),
    })).sort((a, b) => b.revenue - a.revenue || (a.key < b.key ? -1 : 1));
    return { tier: bySegment(partners, (p) => p.tier, creditedOf), type: bySegment(partners, (p) => p.type, creditedOf), region };
  };
  return { add, result };
}
