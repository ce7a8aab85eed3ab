/** Credit for one deal (SPEC 4): its amount allocated once, in cents, among the partners that led it. */
import type { Policy } from '../policy';
import type { Classification } from '../classify/Classification';
import type { Deal } from '../deals/readDeals';
import { allocateCents } from './allocateCents';
import { influenceShares } from './influenceShares';

export type CreditKind = 'sourced' | 'influenced' | 'resold';

/** One partner's credit on one deal. */
export interface CreditLine { partner: number; cents: number; kind: CreditKind }

/** A deal with its classification, amount in reporting-currency cents, and credit. */
export interface AttributedDeal {
  deal: Deal;
  cls: Classification;
  /** Amount in cents of the reporting currency; null when missing or not convertible. */
  cents: number | null;
  credits: CreditLine[];
}

/** Shared by every deal without credit; never mutated. */
const NO_CREDITS: CreditLine[] = Object.freeze([]) as unknown as CreditLine[];

/** Allocates a partner-led deal's cents; nothing for direct deals or deals without an amount. */
export function creditDeal(cls: Classification, cents: number | null, policy: Policy): CreditLine[] {
  if (cents === null || cls.motion === 'direct') return NO_CREDITS;
  // One partner takes it all (most partner-led deals): no shares to compute.
  if (cls.motion === 'sourced' && cls.sourcers.length === 1 && (cls.influencers.length === 0 || policy.sourcedShare >= 1)) {
    return [{ partner: cls.sourcers[0]!, cents, kind: 'sourced' }];
  }
  if (cls.motion === 'resold' && cls.resellers.length === 1) return [{ partner: cls.resellers[0]!, cents, kind: 'resold' }];
  if (cls.motion === 'influenced' && cls.influencers.length === 1) return [{ partner: cls.influencers[0]!.partner, cents, kind: 'influenced' }];
  const weights: number[] = [];
  const lines: { partner: number; kind: CreditKind }[] = [];
  const shares = influenceShares(cls.influencers, policy.influenceModel, policy.timeDecayHalfLifeDays);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  if (cls.motion === 'sourced') {
    const n = cls.sourcers.length;
    const sourcedShare = cls.influencers.length > 0 ? policy.sourcedShare : 1;
    for (const partner of cls.sourcers) { lines.push({ partner, kind: 'sourced' }); weights.push(sourcedShare / n); }
    if (sourcedShare < 1 && shareTotal > 0) {
      cls.influencers.forEach((inf, i) => { lines.push({ partner: inf.partner, kind: 'influenced' }); weights.push((1 - sourcedShare) * (shares[i]! / shareTotal)); });
    }
  } else if (cls.motion === 'influenced') {
    cls.influencers.forEach((inf, i) => { lines.push({ partner: inf.partner, kind: 'influenced' }); weights.push(shareTotal > 0 ? shares[i]! / shareTotal : 1); });
  } else {
    for (const partner of cls.resellers) { lines.push({ partner, kind: 'resold' }); weights.push(1); }
  }
  const parts = allocateCents(cents, weights);
  const out: CreditLine[] = [];
  lines.forEach((line, i) => {
    const existing = out.find((o) => o.partner === line.partner && o.kind === line.kind);
    if (existing) existing.cents += parts[i]!; else out.push({ ...line, cents: parts[i]! });
  });
  return out;
}

export const isPartnerLed = (d: AttributedDeal): boolean => d.cls.motion !== 'direct';
