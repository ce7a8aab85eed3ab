/**
 * The review queue (issue 18): the won and open deals whose attribution needs a human decision,
 * most money first, each with what the rules decided and why. Built from the deal results'
 * review bits; a deal set by hand has had its decision and is not listed.
 */
import type { Motion, Status } from '../types';
import { DealResults } from '../deals/dealResults';
import type { DealSource } from '../deals/dealResults';
import { REVIEW_REASONS, REVIEW_SET_BY_HAND } from './reviewFlags';

/** One deal waiting for a decision. */
export interface ReviewItem {
  row: number;
  id: string;
  name: string;
  status: Status;
  /** In the reporting currency; null when missing or not convertible (listed last). */
  amount: number | null;
  /** What the rules decided. */
  motion: Motion;
  /** The partners the rules named (sourcer, influencers, reseller), as "Acme; Globex". */
  partners: string;
  /** The partners of the rules' motion (the sourcer, the influencers or the reseller), as "Keep" confirms them. */
  motionPartners: string[];
  /** Why it needs a decision, e.g. ["sourcing-conflict"], and the same in words. */
  codes: string[];
  labels: string[];
  /** The rules' reason. */
  reason: string;
}

/** The queue and its size in money. */
export interface ReviewQueue {
  items: ReviewItem[];
  /** Sum of the listed amounts, in the reporting currency (deals without an amount add nothing). */
  amount: number;
  reportingCurrency: string;
}

/** The review queue of an analysis (empty for a summary read back from JSON, which has no review flags). */
export function reviewQueue(source: DealSource): ReviewQueue {
  const results = source.deals instanceof DealResults ? source.deals : undefined;
  const items: ReviewItem[] = [];
  let cents = 0;
  if (results !== undefined) {
    for (let i = 0; i < results.length; i++) {
      const bits = results.review(i);
      if (bits === 0 || (bits & REVIEW_SET_BY_HAND) !== 0 || !results.counted(i)) continue;
      const status = results.status(i);
      if (status === 'lost') continue; // a lost deal's attribution moves no money
      const reasons = REVIEW_REASONS.filter((r) => (bits & r.flag) !== 0);
      const partners = [results.sourcingPartner(i), ...results.influencers(i), results.reseller(i)].filter((p): p is string => p !== null && p !== '');
      const amount = results.amount(i);
      const motion = results.motion(i);
      const split = (names: string | null): string[] => (names === null || names === '' ? [] : names.split('; '));
      const motionPartners = motion === 'sourced' ? (split(results.sourcingPartner(i)).length > 0 ? split(results.sourcingPartner(i)) : split(results.reseller(i)))
        : motion === 'influenced' ? results.influencers(i) : motion === 'resold' ? split(results.reseller(i)) : [];
      if (amount !== null) cents += Math.round(amount * 100);
      items.push({ row: results.row(i), id: results.id(i), name: results.name(i), status, amount, motion,
        partners: [...new Set(partners)].join('; '), motionPartners, codes: reasons.map((r) => r.code), labels: reasons.map((r) => r.label), reason: results.reason(i) });
    }
  }
  items.sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || a.row - b.row);
  return { items, amount: cents / 100, reportingCurrency: source.summary.reportingCurrency };
}
