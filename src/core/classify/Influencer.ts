/** A partner whose influence on a deal is significant, with what the influence models need (SPEC 3). */

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
