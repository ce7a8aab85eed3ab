/**
 * Sourcing evidence of SPEC 3, strongest first: deal registration, the Sourcing Partner column,
 * sourcing touches around creation, a partner lead source, a sourcing partner role. Late and
 * expired registrations are kept aside (they count as influence); rejected ones as touches.
 */
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import { describeTouch } from '../touches/readTouches';
import { formatDay } from '../values/parseDate';
import type { ClassifyContext } from './ClassifyContext';

export interface Claim { partner: number; rank: number; label: string; day: number | null }
export interface LateRegistration { partner: number; label: string; day: number | null }

export interface SourcingEvidence {
  /** One claim per partner (its strongest), in order of strength. */
  claimants: readonly Claim[];
  lateRegistrations: readonly LateRegistration[];
  /** Registrants whose registration was rejected: they only touched the deal. */
  rejected: readonly number[];
  /** Claims of a kind the policy's `sourcingEvidence` does not count as sourcing: they count as influence. */
  demoted: readonly Claim[];
}

/** Shared by every deal without sourcing evidence (most of them); never mutated. */
const NO_EVIDENCE: SourcingEvidence = Object.freeze({ claimants: Object.freeze([]), lateRegistrations: Object.freeze([]), rejected: Object.freeze([]),
  demoted: Object.freeze([]) });

const relationToCreated = (day: number, created: number | null): string => {
  if (created === null) return '';
  const diff = day - created;
  if (diff < 0) return `, before creation ${formatDay(created)}`;
  if (diff === 0) return ', on the day of creation';
  return `, ${diff} day${diff === 1 ? '' : 's'} after creation ${formatDay(created)}`;
};

/** The deal's claim to have been sourced by a partner, with the issues such claims raise. */
export function sourcingClaims(deal: Deal, touches: readonly Touch[], ctx: ClassifyContext, isPartnerLeadSource: boolean,
  partnerRoleIsSourcing: boolean): SourcingEvidence {
  const { policy, sets, registry, issues } = ctx;
  const accepts = sets.sourcingEvidence;
  const created = deal.created;
  let claims: Claim[] | null = null;
  let demoted: Claim[] | null = null;
  /** A claim of the given kind: sourcing evidence when the definition counts it, influence otherwise. */
  const claim = (kind: string, c: Claim): void => {
    if (accepts.has(kind)) (claims ??= []).push(c); else (demoted ??= []).push(c);
  };
  let late: LateRegistration[] | null = null;
  let rejectedList: number[] | null = null;
  if (deal.registrants.length > 0) {
    const regDay = deal.registrationDate;
    const rejected = deal.registrationStatus !== '' && sets.rejectedStatuses.has(deal.registrationStatus);
    for (const partner of deal.registrants) {
      if (rejected) {
        rejectedList ??= [];
        if (!rejectedList.includes(partner)) rejectedList.push(partner);
        if (deal.counted) issues.add('REGISTRATION_NOT_APPROVED', deal.row, 'Registration Status', deal.registrationStatusText, { partner: registry.name(partner) });
        continue;
      }
      const dated = regDay !== null ? ` ${formatDay(regDay)}` : '';
      if (regDay !== null && created !== null && regDay - created > policy.registrationGraceDays) {
        (late ??= []).push({ partner, day: regDay, label: `registered ${formatDay(regDay)}, ${regDay - created} days after creation` });
        if (deal.counted) issues.add('REGISTRATION_LATE', deal.row, 'Registration Date', formatDay(regDay), { partner: registry.name(partner), date: formatDay(regDay), days: String(regDay - created), created: formatDay(created) });
      } else if (regDay !== null && created !== null && created - regDay > policy.registrationExpiryDays) {
        (late ??= []).push({ partner, day: regDay, label: `registration ${formatDay(regDay)} expired before creation` });
        if (deal.counted) issues.add('REGISTRATION_EXPIRED', deal.row, 'Registration Date', formatDay(regDay), { partner: registry.name(partner), date: formatDay(regDay), days: String(created - regDay), created: formatDay(created) });
      } else {
        claim('registration', { partner, rank: 1, day: regDay, label: `deal registration${dated}${regDay !== null ? relationToCreated(regDay, created) : ''}` });
      }
    }
  }
  for (const partner of deal.sourcingPartners) claim('sourcing partner column', { partner, rank: 2, day: null, label: 'Sourcing Partner column' });
  // A sourcing touch the definition does not count stays a touch (weighed against the influence threshold).
  if (created !== null && accepts.has('sourcing touch')) {
    for (let i = 0; i < touches.length; i++) {
      const t = touches[i]!;
      if (!sets.sourcingActivities.has(t.activity)) continue;
      if (t.day >= created - policy.sourcingLookbackDays && t.day <= created + policy.registrationGraceDays) {
        (claims ??= []).push({ partner: t.partner, rank: 3, day: t.day, label: describeTouch(t) });
      }
    }
  }
  if (isPartnerLeadSource) {
    const named = deal.partners[0] ?? deal.resellers[0];
    if (named !== undefined) claim('partner lead source', { partner: named, rank: 4, day: null, label: `lead source "${deal.leadSourceText}"` });
    else if (claims === null && !partnerRoleIsSourcing && accepts.has('partner lead source')) {
      if (deal.counted) issues.add('PARTNER_UNKNOWN', deal.row, 'Lead Source', deal.leadSourceText);
      claims = [{ partner: ctx.unknownPartner(), rank: 4, day: null, label: `lead source "${deal.leadSourceText}", no partner named` }];
    }
  }
  if (partnerRoleIsSourcing) {
    for (const partner of deal.partners) claim('sourcing role', { partner, rank: 5, day: null, label: `partner role "${deal.roleText}"` });
  }
  // The wider definitions: any partner named in the Partner or Influencing Partners column, any touch in the influence window.
  if (accepts.has('partner column') && !partnerRoleIsSourcing && !(deal.role !== '' && (sets.resaleRoles.has(deal.role) || sets.deploymentRoles.has(deal.role)))) {
    for (const partner of deal.partners) (claims ??= []).push({ partner, rank: 6, day: null, label: deal.roleText ? `Partner column, role "${deal.roleText}"` : 'Partner column' });
  }
  if (accepts.has('influencing partners column')) {
    for (const partner of deal.influencers) (claims ??= []).push({ partner, rank: 7, day: null, label: 'Influencing Partners column' });
  }
  if (accepts.has('any touch')) {
    const from = created === null ? -Infinity : created - policy.influenceLookbackDays;
    const to = deal.closeDate ?? ctx.asOf;
    for (let i = 0; i < touches.length; i++) {
      const t = touches[i]!;
      if (t.day >= from && t.day <= to) (claims ??= []).push({ partner: t.partner, rank: 8, day: t.day, label: describeTouch(t) });
    }
  }
  if (claims === null && late === null && rejectedList === null && demoted === null) return NO_EVIDENCE;

  let claimants: Claim[] = NO_EVIDENCE.claimants as Claim[];
  if (claims !== null) {
    if (claims.length > 1) claims.sort((a, b) => a.rank - b.rank);
    claimants = [];
    for (const claim of claims) if (!claimants.some((c) => c.partner === claim.partner)) claimants.push(claim);
  }
  return { claimants, lateRegistrations: late ?? NO_EVIDENCE.lateRegistrations, rejected: rejectedList ?? NO_EVIDENCE.rejected,
    demoted: demoted ?? NO_EVIDENCE.demoted };
}

/** The claim a partner made, if any. */
export const claimOf = (claimants: readonly Claim[], partner: number): Claim | undefined => {
  for (let i = 0; i < claimants.length; i++) if (claimants[i]!.partner === partner) return claimants[i];
  return undefined;
};
