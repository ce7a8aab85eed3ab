/** The deal's motion (SPEC 3): sourced over influenced over resold over direct; resale counts as sourcing when the policy says so. */
import type { Motion } from '../types';
import type { Policy } from '../policy';

/**
 * The motion from who sourced, influenced and resold the deal. 'sourced' with no sourcers means
 * the resellers stand as sourcers (policy.resoldCountsAs 'sourced').
 */
export function chooseMotion(sourcers: readonly number[], influencers: readonly unknown[], resellers: readonly number[], policy: Policy): Motion {
  if (sourcers.length > 0) return 'sourced';
  if (influencers.length > 0) return 'influenced';
  if (resellers.length > 0) return policy.resoldCountsAs === 'sourced' ? 'sourced' : 'resold';
  return 'direct';
}
