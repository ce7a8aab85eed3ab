/**
 * Significant influence on a deal (SPEC 3): column evidence (overruled or demoted claims, the
 * Influencing Partners and Partner columns, late registrations) and touches in the influence
 * window, summed per partner against the threshold. Partners below it only touched the deal.
 */
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import { describeTouch } from '../touches/readTouches';
import type { ClassifyContext } from './ClassifyContext';
import type { ClassifyScratch } from './ClassifyScratch';
import type { Influencer } from './Influencer';
import type { SourcingEvidence } from './sourcingClaims';
import { claimOf } from './sourcingClaims';
import type { SourcingDecision } from './resolveSourcingConflict';
import { listTouches } from './explainDeal';
import { REVIEW_NEAR_THRESHOLD } from '../review/reviewFlags';

/** The deal's significant influencers, and the review bit for a partner just below the threshold. */
export interface InfluenceFound {
  /** In credit order (first influence first). */
  influencers: Influencer[];
  /** REVIEW_NEAR_THRESHOLD or 0. */
  review: number;
}

const NO_INFLUENCERS: Influencer[] = Object.freeze([]) as unknown as Influencer[];

/** Gathers a partner's touches that count towards its influence sum (date order) into scratch.touches; returns how many. */
const touchesOf = (scratch: ClassifyScratch, touches: readonly Touch[], partner: number, windowStart: number, windowEnd: number): number => {
  const into = scratch.touches;
  let n = 0;
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    if (t.partner === partner && t.day >= windowStart && t.day <= windowEnd) into[n++] = t;
  }
  return n;
};
const influencerOf = (influence: readonly Influencer[] | null, partner: number): Influencer | undefined => {
  if (influence !== null) for (let i = 0; i < influence.length; i++) if (influence[i]!.partner === partner) return influence[i];
  return undefined;
};

/** Column evidence of influence (a mention, a late registration, an overruled claim); returns the (possibly new) list. */
function addColumnInfluence(influence: Influencer[] | null, partner: number, label: string, at: number | null, reference: number): Influencer[] {
  const age = Math.max(0, reference - (at ?? reference));
  const existing = influencerOf(influence, partner);
  if (existing) {
    existing.weight += 1;
    existing.ages.push(age);
    existing.evidence.push(label);
    if (at !== null && (existing.firstDay === null || at < existing.firstDay)) { existing.firstDay = at; existing.kind = 0; }
    if (at !== null && (existing.lastDay === null || at > existing.lastDay)) existing.lastDay = at;
    return influence!;
  }
  const list = influence ?? [];
  list.push({ partner, firstDay: at, lastDay: at, kind: 0, seq: list.length, weight: 1, ages: [age], evidence: [label] });
  return list;
}

const byFirstInfluence = (a: Influencer, b: Influencer): number =>
  (a.firstDay ?? -Infinity) - (b.firstDay ?? -Infinity) || a.kind - b.kind || a.seq - b.seq;

/**
 * The deal's significant influencers. Leaves in scratch.touchedOnly the partners that only touched
 * it (rejected registrants, touches outside the window or below the threshold) and, when
 * explaining, in scratch.notes why each below-threshold partner fell short.
 * `partnerColumnIsInfluence` is false when the Partner Role makes the Partner column sourcing, resale or deployment.
 */
export function gatherInfluence(deal: Deal, touches: readonly Touch[], evidence: SourcingEvidence, decision: SourcingDecision,
  isPartnerLeadSource: boolean, partnerColumnIsInfluence: boolean, scratch: ClassifyScratch, ctx: ClassifyContext): InfluenceFound {
  const { policy, registry } = ctx;
  const explain = ctx.explain !== false;
  const created = deal.created;
  const reference = deal.closeDate ?? ctx.asOf;
  const sourcerIds: readonly number[] = decision.sourcers;
  const claimants = evidence.claimants;
  const touchedOnly = scratch.touchedOnly;
  touchedOnly.clear();
  for (let k = 0; k < evidence.rejected.length; k++) touchedOnly.add(evidence.rejected[k]!);
  let review = 0;

  // Influence from the columns.
  let influence: Influencer[] | null = null;
  const flagged = decision.flagged;
  for (let k = 0; k < flagged.length; k++) {
    const claim = flagged[k]!;
    if (!sourcerIds.includes(claim.partner)) influence = addColumnInfluence(influence, claim.partner, `claimed sourcing: ${claim.label}`, claim.day ?? created, reference);
  }
  const demoted = evidence.demoted;
  for (let k = 0; k < demoted.length; k++) {
    const claim = demoted[k]!;
    if (!sourcerIds.includes(claim.partner)) influence = addColumnInfluence(influence, claim.partner, `${claim.label}, not sourcing under this definition`, claim.day ?? created, reference);
  }
  for (let k = 0; k < deal.influencers.length; k++) {
    const partner = deal.influencers[k]!;
    if (!sourcerIds.includes(partner)) influence = addColumnInfluence(influence, partner, 'Influencing Partners column', created, reference);
  }
  for (let k = 0; k < evidence.lateRegistrations.length; k++) {
    const late = evidence.lateRegistrations[k]!;
    if (!sourcerIds.includes(late.partner)) influence = addColumnInfluence(influence, late.partner, late.label, late.day ?? created, reference);
  }
  if (partnerColumnIsInfluence) {
    const partners = deal.partners;
    for (let k = 0; k < partners.length; k++) {
      const partner = partners[k]!;
      if (!sourcerIds.includes(partner) && !(isPartnerLeadSource && claimOf(claimants, partner) !== undefined) && claimOf(demoted, partner) === undefined) {
        influence = addColumnInfluence(influence, partner, deal.roleText ? `Partner column, role "${deal.roleText}"` : 'Partner column', created, reference);
      }
    }
  }
  // Touches in the influence window sum to significance (per partner, in order of first touch).
  const windowStart = created === null ? -Infinity : created - policy.influenceLookbackDays;
  const windowEnd = deal.closeDate ?? ctx.asOf;
  const sumPartners = scratch.sumPartners;
  const sumWeights = scratch.sumWeights;
  let sumCount = 0;
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    if (sourcerIds.includes(t.partner)) continue;
    if (t.day < windowStart || t.day > windowEnd) {
      if (influencerOf(influence, t.partner) === undefined) touchedOnly.add(t.partner);
      continue;
    }
    let k = 0;
    while (k < sumCount && sumPartners[k] !== t.partner) k++;
    if (k < sumCount) sumWeights[k]! += t.weight; else { sumPartners[sumCount] = t.partner; sumWeights[sumCount] = t.weight; sumCount++; }
  }
  const inWindow = scratch.touches;
  const notes = scratch.notes;
  let noteCount = 0;
  for (let k = 0; k < sumCount; k++) {
    const partner = sumPartners[k]!;
    const weight = sumWeights[k]!;
    const existing = influencerOf(influence, partner);
    if (existing) {
      const n = touchesOf(scratch, touches, partner, windowStart, windowEnd);
      for (let j = 0; j < n; j++) {
        const t = inWindow[j]!;
        existing.weight += t.weight;
        existing.ages.push(Math.max(0, reference - t.day));
        if (explain) existing.evidence.push(describeTouch(t));
        if (existing.lastDay === null || t.day > existing.lastDay) existing.lastDay = t.day;
      }
      continue;
    }
    const rounded = Math.round(weight * 1000) / 1000;
    if (weight + 1e-9 >= policy.influenceThreshold) {
      const n = touchesOf(scratch, touches, partner, windowStart, windowEnd);
      const ages = new Array<number>(n);
      for (let j = 0; j < n; j++) ages[j] = Math.max(0, reference - inWindow[j]!.day);
      influence ??= [];
      influence.push({
        partner, firstDay: inWindow[0]!.day, lastDay: inWindow[n - 1]!.day, kind: 1, seq: influence.length, weight, ages,
        evidence: explain ? [`${listTouches(inWindow, n)}${n > 1 ? `: weight ${rounded}` : ''}`] : [],
      });
      touchedOnly.remove(partner);
    } else {
      touchedOnly.add(partner);
      if (weight + 1e-9 >= policy.reviewNearThreshold * policy.influenceThreshold) review |= REVIEW_NEAR_THRESHOLD;
      if (explain) {
        const n = touchesOf(scratch, touches, partner, windowStart, windowEnd);
        notes[noteCount++] = `${registry.name(partner)} (${listTouches(inWindow, n)}: weight ${rounded} < ${ctx.thresholdText ?? policy.influenceThreshold})`;
      }
    }
  }
  scratch.noteCount = noteCount;
  for (let k = 0; k < sourcerIds.length; k++) touchedOnly.remove(sourcerIds[k]!);
  if (influence !== null) for (let k = 0; k < influence.length; k++) touchedOnly.remove(influence[k]!.partner);
  const influencers = influence === null ? NO_INFLUENCERS : influence.length === 1 ? influence : influence.sort(byFirstInfluence);
  return { influencers, review };
}
