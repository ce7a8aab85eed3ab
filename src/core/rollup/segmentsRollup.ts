/** Segments (SPEC 6.1): credited revenue by partner tier and type; revenue by motion per deal region. */
import type { CreditSegment, PartnerRow, RegionSegment, Segments } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';

export const NONE_SEGMENT = '(none)';

const bySegment = (partners: readonly PartnerRow[], pick: (p: PartnerRow) => string | null): CreditSegment[] => {
  const map = new Map<string, { cents: number; partners: number }>();
  for (const p of partners) {
    const key = pick(p) ?? NONE_SEGMENT;
    const seg = map.get(key) ?? { cents: 0, partners: 0 };
    seg.cents += Math.round(p.creditedRevenue * 100);
    seg.partners++;
    map.set(key, seg);
  }
  return [...map.entries()].map(([key, s]) => ({ key, creditedRevenue: s.cents / 100, partners: s.partners }))
    .sort((a, b) => b.creditedRevenue - a.creditedRevenue || (a.key < b.key ? -1 : 1));
};

/** Region revenue from deals added one at a time; tier and type from the finished partner rows. */
export function segmentsRollup(): { add(d: AttributedDeal): void; result(partners: readonly PartnerRow[]): Segments } {
  const regions = new Map<string, Record<'sourced' | 'influenced' | 'resold' | 'direct', number>>();
  const add = (d: AttributedDeal): void => {
    if (!d.deal.counted || d.deal.status !== 'won' || d.cents === null) return;
    const key = d.deal.region || NONE_SEGMENT;
    let r = regions.get(key);
    if (!r) { r = { sourced: 0, influenced: 0, resold: 0, direct: 0 }; regions.set(key, r); }
    r[d.cls.motion] += d.cents;
  };
  const result = (partners: readonly PartnerRow[]): Segments => {
    const region: RegionSegment[] = [...regions.entries()].map(([key, c]) => ({
      key, revenue: (c.sourced + c.influenced + c.resold + c.direct) / 100,
      partnerLedRevenue: (c.sourced + c.influenced + c.resold) / 100,
      sourcedRevenue: c.sourced / 100, influencedRevenue: c.influenced / 100, resoldRevenue: c.resold / 100, directRevenue: c.direct / 100,
    })).sort((a, b) => b.revenue - a.revenue || (a.key < b.key ? -1 : 1));
    return { tier: bySegment(partners, (p) => p.tier), type: bySegment(partners, (p) => p.type), region };
  };
  return { add, result };
}
