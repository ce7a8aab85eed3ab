/**
 * A hand-set attribution applied to one deal: it wins over every rule. The motion and partners are
 * the override's, credit follows it (in cents, summing to the amount), and the reason says
 * "Set by hand: <note>" while keeping what the rules would have said.
 */
import type { Motion } from '../types';
import type { Policy } from '../policy';
import type { Classification } from '../classify/Classification';
import type { Influencer } from '../classify/Influencer';
import { REVIEW_SET_BY_HAND } from '../review/reviewFlags';
import type { CreditKind, CreditLine } from '../credit/creditDeal';
import { allocateCents } from '../credit/allocateCents';
import type { Override } from './readOverrides';
import { MOTION_LABEL } from '../vocabulary';

const NONE: number[] = Object.freeze([]) as unknown as number[];
const NO_CREDITS: CreditLine[] = Object.freeze([]) as unknown as CreditLine[];

/** The override's classification and credit lines; `rules` is what the rules decided (kept in the reason). */
export function applyOverride(override: Override, rules: Classification, cents: number | null, policy: Policy,
  nameOf: (partner: number) => string, explain: boolean): { cls: Classification; credits: CreditLine[] } {
  const partners = override.partners;
  let motion: Motion = override.motion;
  let sourcers = NONE;
  let influencers: Influencer[] = [];
  let resellers = NONE;
  if (motion === 'sourced') sourcers = partners;
  else if (motion === 'influenced') {
    influencers = partners.map((partner, seq) => ({ partner, firstDay: null, lastDay: null, kind: 0, seq,
      weight: override.shares?.[seq] ?? 1, ages: [], evidence: ['set by hand'] }));
  } else if (motion === 'resold') {
    resellers = partners;
    // The policy's reading of resale applies to hand-set resale too, so totals stay comparable.
    if (policy.resoldCountsAs === 'sourced') { motion = 'sourced'; sourcers = partners; }
  }
  const touched = rules.touched.filter((p) => !partners.includes(p));
  let reason = '';
  if (explain) {
    const who = override.partnerText === '' ? '' : ` ${override.motion === 'influenced' ? 'with' : 'by'} ${partners.map(nameOf).join(', ')}${override.shares ? ` (${override.shares.map((s) => `${s}%`).join(', ')})` : ''}`;
    reason = `Set by hand: ${override.note === '' ? '(no note)' : override.note}. ${MOTION_LABEL[override.motion]}${who} (${override.where}); the rules said: ${rules.reason}`;
  }
  const cls: Classification = { motion, sourcers, influencers, resellers, touched, deployers: rules.deployers, reason, review: REVIEW_SET_BY_HAND };
  if (cents === null || motion === 'direct' || partners.length === 0) return { cls, credits: NO_CREDITS };
  const kind: CreditKind = motion === 'sourced' ? 'sourced' : motion === 'influenced' ? 'influenced' : 'resold';
  const parts = allocateCents(cents, override.shares ?? partners.map(() => 1));
  return { cls, credits: partners.map((partner, i) => ({ partner, cents: parts[i]!, kind })) };
}
