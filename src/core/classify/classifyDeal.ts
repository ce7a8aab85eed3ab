/**
 * The default policy of SPEC 3 for one deal, in named steps: gather the sourcing evidence,
 * resolve conflicts between claims, find resale and deployment, gather significant influence,
 * choose the motion, and explain the deal in plain words.
 */
import type { Motion } from '../types';
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import type { ClassifyContext } from './ClassifyContext';
import type { Classification } from './Classification';
import type { Influencer } from './Influencer';
import { DIRECT_REASON } from './describeDeal';
import { sourcingClaims, claimOf } from './sourcingClaims';
import type { Claim } from './sourcingClaims';
import { resolveSourcingConflict } from './resolveSourcingConflict';
import { resellersAndDeployers } from './resellersAndDeployers';
import { gatherInfluence } from './gatherInfluence';
import { chooseMotion } from './chooseMotion';
import { explainDeal } from './explainDeal';
import { REVIEW_ROLE_ONLY } from '../review/reviewFlags';

const NONE: number[] = Object.freeze([]) as unknown as number[];
const NO_INFLUENCERS: Influencer[] = Object.freeze([]) as unknown as Influencer[];
const NO_TEXT: string[] = Object.freeze([]) as unknown as string[];

/** Classifies one deal. `touches` are the deal's touches, sorted by day. */
export function classifyDeal(deal: Deal, touches: readonly Touch[], ctx: ClassifyContext): Classification {
  const { policy, sets, scratch } = ctx;
  const isPartnerLeadSource = deal.leadSource !== '' && (sets.leadSources.has(deal.leadSource) || deal.leadSource.startsWith('partner'));
  // Most deals in a real export name no partner at all: answer those without building anything.
  if (touches.length === 0 && !isPartnerLeadSource && deal.registrants.length === 0 && deal.sourcingPartners.length === 0
    && deal.partners.length === 0 && deal.influencers.length === 0 && deal.resellers.length === 0 && deal.deployers.length === 0) {
    return { motion: 'direct', sourcers: NONE, influencers: NO_INFLUENCERS, resellers: NONE, touched: NONE, deployers: NONE, reason: DIRECT_REASON, review: 0 };
  }
  const partnerRoleIsSourcing = deal.role !== '' && sets.sourcingRoles.has(deal.role);
  const roleIsResale = deal.role !== '' && sets.resaleRoles.has(deal.role);
  const roleIsDeployment = deal.role !== '' && sets.deploymentRoles.has(deal.role);

  const evidence = sourcingClaims(deal, touches, ctx, isPartnerLeadSource, partnerRoleIsSourcing);
  const decision = resolveSourcingConflict(deal, evidence, isPartnerLeadSource, ctx);
  const { resellers, deployers } = resellersAndDeployers(deal, touches, sets, roleIsResale, roleIsDeployment);
  const found = gatherInfluence(deal, touches, evidence, decision, isPartnerLeadSource,
    !roleIsResale && !roleIsDeployment && !partnerRoleIsSourcing, scratch, ctx);
  const influencers = found.influencers;
  const motion = chooseMotion(decision.sourcers, influencers, resellers, policy);
  const resoldAsSourced = motion === 'sourced' && decision.sourcers.length === 0;
  const sourcers = resoldAsSourced ? [...resellers] : decision.sourcers;

  let review = decision.review | found.review;
  if (deal.roleText !== '' && roleTextIsOnlyEvidence(deal, motion, sourcers, evidence.claimants, influencers, evidence.lateRegistrations, decision.flagged)) review |= REVIEW_ROLE_ONLY;
  const touched = scratch.touchedOnly.length === 0 ? NONE : scratch.touchedOnly.copy();
  const result: Classification = { motion, sourcers, influencers, resellers, touched, deployers, reason: '', review };
  if (ctx.explain === false) return result;
  result.reason = explainDeal(result, {
    claimants: evidence.claimants, conflictNote: decision.conflictNote, resoldAsSourced,
    belowThreshold: scratch.noteCount > 0 ? scratch.notes.slice(0, scratch.noteCount) : NO_TEXT,
  }, ctx.registry);
  return result;
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
