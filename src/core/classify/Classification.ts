/** What classifying one deal decides (SPEC 3): its motion, who sourced, influenced, resold, touched and deployed it, and why. */
import type { Motion } from '../types';
import type { Influencer } from './Influencer';

/** One deal's classification. */
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
