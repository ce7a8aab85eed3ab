/**
 * The tabs every host writes on "Write summary": the summary tabs and, after them, the Review tab
 * (the deals that need a human decision). One list, so the add-ins and the CLI write the same set.
 */
import type { DealSource } from '../deals/dealResults';
import type { ReportTab } from './ReportTab';
import { buildReportTabs } from './buildReportTabs';
import { reviewTab } from './reviewTab';
import { reviewQueue } from '../review/reviewQueue';
import type { ReviewQueue } from '../review/reviewQueue';

/**
 * The summary tabs of an analysis made by analyze (the review queue needs its deal results) and the
 * Review tab; pass `review` when it is already computed.
 */
export function workbookTabs(analysis: DealSource, review: ReviewQueue = reviewQueue(analysis)): ReportTab[] {
  return [...buildReportTabs(analysis), reviewTab(review)];
}
