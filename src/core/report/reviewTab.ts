/** The "Review" tab: the review queue as a table, most money first, for the channel manager to decide deal by deal. */
import type { Cell } from '../types';
import type { ReviewQueue } from '../review/reviewQueue';
import type { ReportTab } from './ReportTab';
import { fitCell } from './ReportTab';
import { MOTION_LABEL, STATUS_LABEL } from '../vocabulary';


/** The name of the tab. */
export const REVIEW_TAB = 'Review';

/** The Review tab of a queue. */
export function reviewTab(queue: ReviewQueue): ReportTab {
  const header = [`Amount (${queue.reportingCurrency})`, 'Deal ID', 'Deal Name', 'Status', 'Sheet Row', 'Needs a decision because',
    'The rules decided', 'Partner(s)', 'Why (the rules\' reason)'];
  const rows: Cell[][] = queue.items.length === 0
    ? [['', '', 'No deals need a decision.', '', '', '', '', '', '']]
    : queue.items.map((item) => [item.amount ?? '', item.id, item.name, STATUS_LABEL[item.status], item.row, item.labels.join('; '),
      MOTION_LABEL[item.motion], item.partners, fitCell(item.reason)]);
  const title = `${queue.items.length} deal${queue.items.length === 1 ? '' : 's'} need${queue.items.length === 1 ? 's' : ''} a decision (most money first). `
    + 'To settle one, add a row to the Attribution Overrides tab: Deal ID, Motion, Partner, Note.';
  return {
    name: REVIEW_TAB,
    blocks: [{ row: 1, col: 0, values: [header, ...rows], formats: ['money', 'text', 'text', 'text', 'integer', 'text', 'text', 'text', 'text'], headerRows: 1, title }],
    frozenRows: 2,
    filterBlock: 0,
    columnWidths: [14, 14, 28, 8, 10, 36, 14, 26, 80],
    charts: [],
  };
}
