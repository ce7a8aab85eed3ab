/**
 * The default policy of SPEC 3 for one deal: sourcing evidence (strongest first) and conflicts,
 * significant influence, resale, deployment, the motion, and a plain-words reason.
 */
import type { Motion } from '../types';
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import { describeTouch } from '../touches/readTouches';
import type { ClassifyContext } from './ClassifyContext';
import { describeDeal, DIRECT_REASON } from './describeDeal';
import { sourcingClaims, claimOf } from './sourcingClaims';
import { IdScratch } from '../partners/IdScratch';
import type { Claim } from './sourcingClaims';
import { REVIEW_CONFLICT, REVIEW_NEAR_THRESHOLD, REVIEW_REGISTRATION_WINDOW, REVIEW_ROLE_ONLY, REVIEW_UNKNOWN_PARTNER } from '../review/reviewFlags';

/** A significant influencer with what the influence models need. */
export interface Influencer {
  partner: number;
  /** Day its influence starts (column influencers stand at the created date); null when unknown. */
  firstDay: number | null;
  lastDay: number | null;
  /** 0 for column evidence, 1 for touches: columns go ahead of touches on the same day. */
  kind: 0 | 1;
  /** Listing order, for ties. */
  seq: number;
  /** Summed activity weight (1 per column mention). */
  weight: number;
  /** Days before the reference date of each piece of evidence (time-decay). */
  ages: number[];
  evidence: string[];
}

export interface Classification {
  motion: Motion;
  sourcers: number[];
  /** Significant influencers in credit order (first influence first). */
  influencers: Influencer[];
  resellers: number[];
  touched: number[];
  deployers: number[];
  reason: string;
  /** Why the deal needs a human decision: REVIEW_* bits of review/reviewFlags.ts (0 when none). */
  review: number;
}

const NONE: number[] = Object.freeze([]) as unknown as number[];
const NO_INFLUENCERS: Influencer[] = Object.freeze([]) as unknown as Influencer[];
const NO_CLAIMS: readonly Claim[] = Object.freeze([]);
const NO_TEXT: string[] = Object.freeze([]) as unknown as string[];

const MAX_EVIDENCE_SHOWN = 2;
const listEvidence = (items: string[]): string =>
  items.length <= MAX_EVIDENCE_SHOWN ? items.join(', ') : `${items.slice(0, MAX_EVIDENCE_SHOWN).join(', ')} +${items.length - MAX_EVIDENCE_SHOWN} more`;
/** listEvidence of the first `n` touches of a list, describing only the touches it shows. */
const listTouches = (touches: readonly Touch[], n: number): string => {
  const shown = n === 1 ? describeTouch(touches[0]!) : `${describeTouch(touches[0]!)}, ${describeTouch(touches[1]!)}`;
  return n <= MAX_EVIDENCE_SHOWN ? shown : `${shown} +${n - MAX_EVIDENCE_SHOWN} more`;
};

// Scratch space for one deal at a time (classification never runs re-entrantly). A deal names a
// handful of partners; growing fresh arrays for them (16 slots at the first push) was most of what
// classification allocated, so lists are gathered here and copied out at their exact size.
/** Partners that only touched the deal, in first-seen order. */
const touchedOnly = new IdScratch();
/** Per partner with touches in the influence window: its summed weight, in order of first touch. */
const sumPartners: number[] = [];
const sumWeights: number[] = [];
let sumCount = 0;
/** One partner's touches in the window (see touchesOf). */
const touchScratch: Touch[] = [];
/** Notes on partners whose touches stayed below the threshold. */
const noteScratch: string[] = [];
let noteCount = 0;

/** Gathers a partner's touches that count towards its influence sum (date order) into touchScratch; returns how many. */
const touchesOf = (touches: readonly Touch[], partner: number, windowStart: number, windowEnd: number): number => {
  let n = 0;
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    if (t.partner === partner && t.day >= windowStart && t.day <= windowEnd) touchScratch[n++] = t;
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


/** Classifies one deal. `touches` are the deal's touches, sorted by day. */
export function classifyDeal(deal: Deal, touches: readonly Touch[], ctx: ClassifyContext): Classification {
  const { policy, sets, registry, issues } = ctx;
  const isPartnerLeadSource = deal.leadSource !== '' && (sets.leadSources.has(deal.leadSource) || deal.leadSource.startsWith('partner'));
  // Most deals in a real export name no partner at all: answer those without building anything.
  if (touches.length === 0 && !isPartnerLeadSource && deal.registrants.length === 0 && deal.sourcingPartners.length === 0
    && deal.partners.length === 0 && deal.influencers.length === 0 && deal.resellers.length === 0 && deal.deployers.length === 0) {
    return { motion: 'direct', sourcers: NONE, influencers: NO_INFLUENCERS, resellers: NONE, touched: NONE, deployers: NONE, reason: DIRECT_REASON, review: 0 };
  }
  const explain = ctx.explain !== false;
  const created = deal.created;
  const reference = deal.closeDate ?? ctx.asOf;
  const partnerRoleIsSourcing = deal.role !== '' && sets.sourcingRoles.has(deal.role);

  // Sourcing evidence, and conflicts between claims.
  const evidence = sourcingClaims(deal, touches, ctx, isPartnerLeadSource, partnerRoleIsSourcing);
  const claimants = evidence.claimants;
  touchedOnly.clear();
  for (let k = 0; k < evidence.rejected.length; k++) touchedOnly.add(evidence.rejected[k]!);
  let sourcers: number[] = NONE;
  let flaggedClaimants: readonly Claim[] = NO_CLAIMS;
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
      flaggedClaimants = claimants;
      effect = 'No one is credited as sourcer: the claimants count as influencers.';
      conflictNote = '; sourcing claims conflict, so no one is the sourcer';
    }
    if (deal.counted) issues.add('SOURCING_CONFLICT', deal.row, '', '', { claims: described, effect });
  }
  const sourcerIds: readonly number[] = sourcers;

  // Resale and deployment.
  // The deal's own lists are used as they are (never mutated) and copied only when a partner is added.
  let resellers = deal.resellers;
  let deployers = deal.deployers;
  const roleIsResale = deal.role !== '' && sets.resaleRoles.has(deal.role);
  const roleIsDeployment = deal.role !== '' && sets.deploymentRoles.has(deal.role);
  const partners = deal.partners;
  if (roleIsResale) {
    for (let k = 0; k < partners.length; k++) {
      if (!resellers.includes(partners[k]!)) { if (resellers === deal.resellers) resellers = [...resellers]; resellers.push(partners[k]!); }
    }
  }
  if (roleIsDeployment) {
    for (let k = 0; k < partners.length; k++) {
      if (!deployers.includes(partners[k]!)) { if (deployers === deal.deployers) deployers = [...deployers]; deployers.push(partners[k]!); }
    }
  }
  if (deal.closeDate !== null) {
    for (let i = 0; i < touches.length; i++) {
      const t = touches[i]!;
      if (t.day > deal.closeDate && sets.deploymentActivities.has(t.activity) && !deployers.includes(t.partner)) {
        if (deployers === deal.deployers) deployers = [...deployers];
        deployers.push(t.partner);
      }
    }
  }

  // Influence from the columns.
  let influence: Influencer[] | null = null;
  for (let k = 0; k < flaggedClaimants.length; k++) {
    const claim = flaggedClaimants[k]!;
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
  if (!roleIsResale && !roleIsDeployment && !partnerRoleIsSourcing) {
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
  sumCount = 0;
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
  noteCount = 0;
  for (let k = 0; k < sumCount; k++) {
    const partner = sumPartners[k]!;
    const weight = sumWeights[k]!;
    const existing = influencerOf(influence, partner);
    if (existing) {
      const n = touchesOf(touches, partner, windowStart, windowEnd);
      for (let j = 0; j < n; j++) {
        const t = touchScratch[j]!;
        existing.weight += t.weight;
        existing.ages.push(Math.max(0, reference - t.day));
        if (explain) existing.evidence.push(describeTouch(t));
        if (existing.lastDay === null || t.day > existing.lastDay) existing.lastDay = t.day;
      }
      continue;
    }
    const rounded = Math.round(weight * 1000) / 1000;
    if (weight + 1e-9 >= policy.influenceThreshold) {
      const n = touchesOf(touches, partner, windowStart, windowEnd);
      const ages = new Array<number>(n);
      for (let j = 0; j < n; j++) ages[j] = Math.max(0, reference - touchScratch[j]!.day);
      influence ??= [];
      influence.push({
        partner, firstDay: touchScratch[0]!.day, lastDay: touchScratch[n - 1]!.day, kind: 1, seq: influence.length, weight, ages,
        evidence: explain ? [`${listTouches(touchScratch, n)}${n > 1 ? `: weight ${rounded}` : ''}`] : [],
      });
      touchedOnly.remove(partner);
    } else {
      touchedOnly.add(partner);
      if (weight + 1e-9 >= policy.reviewNearThreshold * policy.influenceThreshold) review |= REVIEW_NEAR_THRESHOLD;
      if (explain) {
        const n = touchesOf(touches, partner, windowStart, windowEnd);
        noteScratch[noteCount++] = `${registry.name(partner)} (${listTouches(touchScratch, n)}: weight ${rounded} < ${ctx.thresholdText ?? policy.influenceThreshold})`;
      }
    }
  }
  for (let k = 0; k < sourcerIds.length; k++) touchedOnly.remove(sourcerIds[k]!);
  if (influence !== null) for (let k = 0; k < influence.length; k++) touchedOnly.remove(influence[k]!.partner);
  const influencers = influence === null ? NO_INFLUENCERS : influence.length === 1 ? influence : influence.sort(byFirstInfluence);

  // Motion.
  let motion: Motion;
  let resoldAsSourced = false;
  if (sourcers.length > 0) motion = 'sourced';
  else if (influencers.length > 0) motion = 'influenced';
  else if (resellers.length > 0) {
    if (policy.resoldCountsAs === 'sourced') { motion = 'sourced'; sourcers = [...resellers]; resoldAsSourced = true; }
    else motion = 'resold';
  } else motion = 'direct';

  if (deal.roleText !== '' && roleTextIsOnlyEvidence(deal, motion, sourcers, claimants, influencers, evidence.lateRegistrations, flaggedClaimants)) review |= REVIEW_ROLE_ONLY;
  const touched = touchedOnly.length === 0 ? NONE : touchedOnly.copy();
  if (!explain) return { motion, sourcers, influencers, resellers, touched, deployers, reason: '', review };

  const name = (id: number): string => registry.name(id);
  const touchedText = noteCount > 0 ? noteScratch.slice(0, noteCount) : touched.length > 0 ? touched.map(name) : NO_TEXT;
  // The commonest partner-touched deal is direct with a few light touches: its reason needs no story object.
  const reason = motion === 'direct' && deployers.length === 0
    ? (touchedText.length === 0 ? DIRECT_REASON : `${DIRECT_REASON}; only touched by ${touchedText.join(', ')}`)
    : describeDeal({
      sourcers: sourcers.map((p) => ({ name: name(p), how: claimOf(claimants, p)?.label ?? 'resold, counted as sourced' })),
      conflictNote,
      influencers: influencers.map((i) => ({ name: name(i.partner), how: listEvidence(i.evidence) })),
      resellers: resoldAsSourced ? [] : resellers.map(name),
      touchedNotes: touchedText,
      deployers: deployers.map(name),
    });
  return { motion, sourcers, influencers, resellers, touched, deployers, reason, review };
}

/**
 * True when the motion rests on the Partner Role text alone: a sourcing role ("Referral") or an
 * influence role ("Advisor") with no other evidence. A resale role is left out: it records who
 * billed the deal, a fact of the order rather than a claim about who brought it.
 */
function roleTextIsOnlyEvidence(deal: Deal, motion: Motion, sourcers: readonly number[], claimants: readonly Claim[],
  influencers: readonly Influencer[], late: readonly { partner: number }[], flagged: readonly Claim[]): boolean {
  if (motion === 'sourced') return sourcers.length > 0 && sourcers.every((p) => claimOf(claimants, p)?.rank === 5);
  if (motion !== 'influenced') return false;
  return influencers.every((inf) => inf.kind === 0 && inf.ages.length === 1 && deal.partners.includes(inf.partner)
    && !deal.influencers.includes(inf.partner) && !late.some((l) => l.partner === inf.partner) && !flagged.some((c) => c.partner === inf.partner));
}
