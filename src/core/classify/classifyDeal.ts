/**
 * The default policy of SPEC 3 for one deal: sourcing evidence (strongest first) and conflicts,
 * significant influence, resale, deployment, the motion, and a plain-words reason.
 */
import type { Motion } from '../types';
import type { Policy } from '../policy';
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import { describeTouch } from '../touches/readTouches';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { formatDay } from '../values/parseDate';
import { describeDeal, DIRECT_REASON } from './describeDeal';

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
}

/** The policy's lists as sets, built once per run. */
export interface PolicySets {
  leadSources: Set<string>;
  rejectedStatuses: Set<string>;
  sourcingActivities: Set<string>;
  deploymentActivities: Set<string>;
  sourcingRoles: Set<string>;
  resaleRoles: Set<string>;
  deploymentRoles: Set<string>;
}

export const policySets = (policy: Policy): PolicySets => ({
  leadSources: new Set(policy.partnerLeadSources),
  rejectedStatuses: new Set(policy.registrationRejectedStatuses),
  sourcingActivities: new Set(policy.sourcingActivities),
  deploymentActivities: new Set(policy.deploymentActivities),
  sourcingRoles: new Set(policy.sourcingRoles),
  resaleRoles: new Set(policy.resaleRoles),
  deploymentRoles: new Set(policy.deploymentRoles),
});

export interface ClassifyContext {
  policy: Policy;
  sets: PolicySets;
  registry: PartnerRegistry;
  issues: IssueLog;
  /** Today, for open deals' influence windows. */
  asOf: number;
  /** Registry id of "(Unknown partner)" (created on first use). */
  unknownPartner: () => number;
  /** Build the reason and evidence text (default true); false gives motions, credit and issues only, with reason "". */
  explain?: boolean;
}

interface Claim { partner: number; rank: number; label: string; day: number | null }

const relationToCreated = (day: number, created: number | null): string => {
  if (created === null) return '';
  const diff = day - created;
  if (diff < 0) return `, before creation ${formatDay(created)}`;
  if (diff === 0) return ', on the day of creation';
  return `, ${diff} day${diff === 1 ? '' : 's'} after creation ${formatDay(created)}`;
};

const NONE: number[] = Object.freeze([]) as unknown as number[];
const NO_INFLUENCERS: Influencer[] = Object.freeze([]) as unknown as Influencer[];

const MAX_EVIDENCE_SHOWN = 2;
const listEvidence = (items: string[]): string =>
  items.length <= MAX_EVIDENCE_SHOWN ? items.join(', ') : `${items.slice(0, MAX_EVIDENCE_SHOWN).join(', ')} +${items.length - MAX_EVIDENCE_SHOWN} more`;
/** listEvidence of touches, describing only the touches it shows. */
const listTouches = (touches: readonly Touch[]): string =>
  touches.length <= MAX_EVIDENCE_SHOWN ? touches.map(describeTouch).join(', ')
    : `${touches.slice(0, MAX_EVIDENCE_SHOWN).map(describeTouch).join(', ')} +${touches.length - MAX_EVIDENCE_SHOWN} more`;

/** Adds a partner to a small id list once (deals name a handful of partners: a list beats a Set). */
const addOnce = (list: number[], partner: number): void => { if (!list.includes(partner)) list.push(partner); };
const remove = (list: number[], partner: number): void => { const i = list.indexOf(partner); if (i >= 0) list.splice(i, 1); };
const influencerOf = (influence: readonly Influencer[], partner: number): Influencer | undefined => {
  for (const inf of influence) if (inf.partner === partner) return inf;
  return undefined;
};

/** Column evidence of influence (a mention, a late registration, an overruled claim) for a partner that is not a sourcer. */
function addColumnInfluence(influence: Influencer[], partner: number, label: string, at: number | null, reference: number): void {
  const age = Math.max(0, reference - (at ?? reference));
  const existing = influencerOf(influence, partner);
  if (existing) {
    existing.weight += 1;
    existing.ages.push(age);
    existing.evidence.push(label);
    if (at !== null && (existing.firstDay === null || at < existing.firstDay)) { existing.firstDay = at; existing.kind = 0; }
    if (at !== null && (existing.lastDay === null || at > existing.lastDay)) existing.lastDay = at;
    return;
  }
  influence.push({ partner, firstDay: at, lastDay: at, kind: 0, seq: influence.length, weight: 1, ages: [age], evidence: [label] });
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
    return { motion: 'direct', sourcers: NONE, influencers: NO_INFLUENCERS, resellers: NONE, touched: NONE, deployers: NONE, reason: DIRECT_REASON };
  }
  const explain = ctx.explain !== false;
  const created = deal.created;
  const reference = deal.closeDate ?? ctx.asOf;

  // Sourcing evidence, strongest first.
  const claims: Claim[] = [];
  const lateRegistrants: { partner: number; label: string; day: number | null }[] = [];
  const touchedOnly: number[] = [];
  if (deal.registrants.length > 0) {
    const regDay = deal.registrationDate;
    const rejected = deal.registrationStatus !== '' && sets.rejectedStatuses.has(deal.registrationStatus);
    for (const partner of deal.registrants) {
      if (rejected) {
        addOnce(touchedOnly, partner);
        if (deal.counted) issues.add('REGISTRATION_NOT_APPROVED', deal.row, 'Registration Status', deal.registrationStatusText, { partner: registry.name(partner) });
        continue;
      }
      const dated = regDay !== null ? ` ${formatDay(regDay)}` : '';
      if (regDay !== null && created !== null && regDay - created > policy.registrationGraceDays) {
        lateRegistrants.push({ partner, day: regDay, label: `registered ${formatDay(regDay)}, ${regDay - created} days after creation` });
        if (deal.counted) issues.add('REGISTRATION_LATE', deal.row, 'Registration Date', formatDay(regDay), { partner: registry.name(partner), date: formatDay(regDay), days: String(regDay - created), created: formatDay(created) });
      } else if (regDay !== null && created !== null && created - regDay > policy.registrationExpiryDays) {
        lateRegistrants.push({ partner, day: regDay, label: `registration ${formatDay(regDay)} expired before creation` });
        if (deal.counted) issues.add('REGISTRATION_EXPIRED', deal.row, 'Registration Date', formatDay(regDay), { partner: registry.name(partner), date: formatDay(regDay), days: String(created - regDay), created: formatDay(created) });
      } else {
        claims.push({ partner, rank: 1, day: regDay, label: `deal registration${dated}${regDay !== null ? relationToCreated(regDay, created) : ''}` });
      }
    }
  }
  for (const partner of deal.sourcingPartners) claims.push({ partner, rank: 2, day: null, label: 'Sourcing Partner column' });
  if (created !== null) {
    for (const t of touches) {
      if (!sets.sourcingActivities.has(t.activity)) continue;
      if (t.day >= created - policy.sourcingLookbackDays && t.day <= created + policy.registrationGraceDays) {
        claims.push({ partner: t.partner, rank: 3, day: t.day, label: describeTouch(t) });
      }
    }
  }
  const partnerRoleIsSourcing = deal.role !== '' && sets.sourcingRoles.has(deal.role);
  if (isPartnerLeadSource) {
    const named = deal.partners[0] ?? deal.resellers[0];
    if (named !== undefined) claims.push({ partner: named, rank: 4, day: null, label: `lead source "${deal.leadSourceText}"` });
    else if (claims.length === 0 && !partnerRoleIsSourcing) {
      if (deal.counted) issues.add('PARTNER_UNKNOWN', deal.row, 'Lead Source', deal.leadSourceText);
      claims.push({ partner: ctx.unknownPartner(), rank: 4, day: null, label: `lead source "${deal.leadSourceText}", no partner named` });
    }
  }
  if (partnerRoleIsSourcing) {
    for (const partner of deal.partners) claims.push({ partner, rank: 5, day: null, label: `partner role "${deal.roleText}"` });
  }

  // One claim per partner (its strongest), in order of strength.
  if (claims.length > 1) claims.sort((a, b) => a.rank - b.rank);
  const claimants: Claim[] = [];
  for (const claim of claims) if (!claimants.some((c) => c.partner === claim.partner)) claimants.push(claim);
  const claimOf = (partner: number): Claim | undefined => claimants.find((c) => c.partner === partner);
  let sourcers: number[] = NONE;
  let flaggedClaimants: Claim[] = [];
  let conflictNote = '';
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
  if (roleIsResale) {
    for (const p of deal.partners) if (!resellers.includes(p)) { if (resellers === deal.resellers) resellers = [...resellers]; resellers.push(p); }
  }
  const addDeployer = (p: number): void => {
    if (deployers.includes(p)) return;
    if (deployers === deal.deployers) deployers = [...deployers];
    deployers.push(p);
  };
  if (roleIsDeployment) for (const p of deal.partners) addDeployer(p);
  if (deal.closeDate !== null) {
    for (const t of touches) {
      if (t.day > deal.closeDate && sets.deploymentActivities.has(t.activity)) addDeployer(t.partner);
    }
  }

  // Influence.
  const influence: Influencer[] = [];
  for (const claim of flaggedClaimants) {
    if (!sourcerIds.includes(claim.partner)) addColumnInfluence(influence, claim.partner, `claimed sourcing: ${claim.label}`, claim.day ?? created, reference);
  }
  for (const partner of deal.influencers) {
    if (!sourcerIds.includes(partner)) addColumnInfluence(influence, partner, 'Influencing Partners column', created, reference);
  }
  for (const late of lateRegistrants) {
    if (!sourcerIds.includes(late.partner)) addColumnInfluence(influence, late.partner, late.label, late.day ?? created, reference);
  }
  if (!roleIsResale && !roleIsDeployment && !partnerRoleIsSourcing) {
    for (const partner of deal.partners) {
      if (!sourcerIds.includes(partner) && !(isPartnerLeadSource && claimOf(partner) !== undefined)) {
        addColumnInfluence(influence, partner, deal.roleText ? `Partner column, role "${deal.roleText}"` : 'Partner column', created, reference);
      }
    }
  }
  // Touches in the influence window sum to significance (per partner, in order of first touch).
  const windowStart = created === null ? -Infinity : created - policy.influenceLookbackDays;
  const windowEnd = deal.closeDate ?? ctx.asOf;
  const sumPartners: number[] = [];
  const sumWeights: number[] = [];
  const sumTouches: Touch[][] = [];
  for (const t of touches) {
    if (sourcerIds.includes(t.partner)) continue;
    if (t.day < windowStart || t.day > windowEnd) { if (influencerOf(influence, t.partner) === undefined) addOnce(touchedOnly, t.partner); continue; }
    const k = sumPartners.indexOf(t.partner);
    if (k >= 0) { sumWeights[k]! += t.weight; sumTouches[k]!.push(t); } else { sumPartners.push(t.partner); sumWeights.push(t.weight); sumTouches.push([t]); }
  }
  const touchedNotes: string[] = [];
  for (let k = 0; k < sumPartners.length; k++) {
    const partner = sumPartners[k]!;
    const weight = sumWeights[k]!;
    const list = sumTouches[k]!;
    const existing = influencerOf(influence, partner);
    if (existing) {
      for (const t of list) {
        existing.weight += t.weight;
        existing.ages.push(Math.max(0, reference - t.day));
        if (explain) existing.evidence.push(describeTouch(t));
        if (existing.lastDay === null || t.day > existing.lastDay) existing.lastDay = t.day;
      }
      continue;
    }
    const rounded = Math.round(weight * 1000) / 1000;
    if (weight + 1e-9 >= policy.influenceThreshold) {
      const first = list[0]!;
      const last = list[list.length - 1]!;
      influence.push({
        partner, firstDay: first.day, lastDay: last.day, kind: 1, seq: influence.length, weight,
        ages: list.map((t) => Math.max(0, reference - t.day)),
        evidence: explain ? [`${listTouches(list)}${list.length > 1 ? `: weight ${rounded}` : ''}`] : [],
      });
      remove(touchedOnly, partner);
    } else {
      addOnce(touchedOnly, partner);
      if (explain) touchedNotes.push(`${registry.name(partner)} (${listTouches(list)}: weight ${rounded} < ${policy.influenceThreshold})`);
    }
  }
  for (const p of sourcerIds) remove(touchedOnly, p);
  for (const inf of influence) remove(touchedOnly, inf.partner);
  const influencers = influence.length === 0 ? NO_INFLUENCERS : influence.length === 1 ? influence : influence.sort(byFirstInfluence);

  // Motion.
  let motion: Motion;
  let resoldAsSourced = false;
  if (sourcers.length > 0) motion = 'sourced';
  else if (influencers.length > 0) motion = 'influenced';
  else if (resellers.length > 0) {
    if (policy.resoldCountsAs === 'sourced') { motion = 'sourced'; sourcers = [...resellers]; resoldAsSourced = true; }
    else motion = 'resold';
  } else motion = 'direct';

  const touched = touchedOnly.length === 0 ? NONE : touchedOnly;
  if (!explain) return { motion, sourcers, influencers, resellers, touched, deployers, reason: '' };

  const name = (id: number): string => registry.name(id);
  const reason = describeDeal({
    sourcers: sourcers.map((p) => ({ name: name(p), how: claimOf(p)?.label ?? 'resold, counted as sourced' })),
    conflictNote,
    influencers: influencers.map((i) => ({ name: name(i.partner), how: listEvidence(i.evidence) })),
    resellers: resoldAsSourced ? [] : resellers.map(name),
    touchedNotes: touchedNotes.length > 0 ? touchedNotes : touched.map(name),
    deployers: deployers.map(name),
  });
  return { motion, sourcers, influencers, resellers, touched, deployers, reason };
}
