/**
 * Who sources a deal (SPEC 3): the one claimant, or, when claims conflict, the strongest
 * (precedence), all of them (split) or no one (flag); with the review bits the claims raise.
 */
import type { Deal } from '../deals/readDeals';
import type { ClassifyContext } from './ClassifyContext';
import type { Claim, SourcingEvidence } from './sourcingClaims';
import { REVIEW_CONFLICT, REVIEW_REGISTRATION_WINDOW, REVIEW_UNKNOWN_PARTNER } from '../review/reviewFlags';

/** The sourcing decision for one deal. */
export interface SourcingDecision {
  sourcers: number[];
  /** Claimants left without credit by the "flag" policy: they count as influencers. */
  flagged: readonly Claim[];
  /** "; overruled claim: Acme (Sourcing Partner column)" for the reason, or "". */
  conflictNote: string;
  /** REVIEW_* bits the sourcing evidence raises (review/reviewFlags.ts). */
  review: number;
}

const NONE: number[] = Object.freeze([]) as unknown as number[];
const NO_CLAIMS: readonly Claim[] = Object.freeze([]);

/** Decides the sourcers from the claims, logging a SOURCING_CONFLICT issue for a counted deal with several. */
export function resolveSourcingConflict(deal: Deal, evidence: SourcingEvidence, isPartnerLeadSource: boolean, ctx: ClassifyContext): SourcingDecision {
  const { policy, registry, issues } = ctx;
  const claimants = evidence.claimants;
  let sourcers: number[] = NONE;
  let flagged: readonly Claim[] = NO_CLAIMS;
  let conflictNote = '';
  let review = evidence.lateRegistrations.length > 0 ? REVIEW_REGISTRATION_WINDOW : 0;
  if (claimants.length > 1) review |= REVIEW_CONFLICT;
  else if (isPartnerLeadSource && claimants.length === 1 && claimants[0]!.rank === 4 && deal.partners.length === 0 && deal.resellers.length === 0) {
    review |= REVIEW_UNKNOWN_PARTNER; // the lead source's claim on behalf of "(Unknown partner)"
  }
  if (claimants.length === 1) sourcers = [claimants[0]!.partner];
  else if (claimants.length > 1) {
    const name = (id: number): string => registry.name(id);
    const described = claimants.map((c) => `${name(c.partner)} (${c.label})`).join('; ');
    const others = claimants.slice(1).map((c) => name(c.partner)).join(', ');
    let effect: string;
    if (policy.conflictPolicy === 'precedence') {
      sourcers = [claimants[0]!.partner];
      effect = `${name(claimants[0]!.partner)} gets the sourced credit (strongest evidence); ${others} get${claimants.length > 2 ? '' : 's'} none.`;
      conflictNote = `; overruled claim${claimants.length > 2 ? 's' : ''}: ${claimants.slice(1).map((c) => `${name(c.partner)} (${c.label})`).join(', ')}`;
    } else if (policy.conflictPolicy === 'split') {
      sourcers = claimants.map((c) => c.partner);
      effect = `Sourced credit is shared evenly by ${claimants.map((c) => name(c.partner)).join(', ')}.`;
    } else {
      flagged = claimants;
      effect = 'No one is credited as sourcer: the claimants count as influencers.';
      conflictNote = '; sourcing claims conflict, so no one is the sourcer';
    }
    if (deal.counted) issues.add('SOURCING_CONFLICT', deal.row, '', '', { claims: described, effect });
  }
  return { sourcers, flagged, conflictNote, review };
}
