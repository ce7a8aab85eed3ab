/**
 * The first thing the user reads: when data issues change money (amounts not read, currencies not
 * converted), how many won deals and open deals are not in the totals, and why, in numbers. Built
 * once here; the console, the Partner Summary tab and the sidebar preview all show this text.
 */
import type { DataIssue, Summary } from '../types';
import { dealsView } from '../deals/dealResults';

/** The headline of a run. */
export interface MoneyHeadline {
  /** One sentence per affected status (won, then open); empty when no money was left out. */
  lines: string[];
  /** True when deals have amounts but not one of them could be read: the totals mean nothing. */
  everyAmountUnread: boolean;
}

type Cause = 'unread' | 'missing' | 'currency' | 'other';
/** A cause as the whole reason ("amounts could not be read") and as one of several ("2 amounts could not be read"). */
const CAUSE_WORDS: Record<Cause, { all: (one: boolean) => string; some: (n: number) => string }> = {
  unread: { all: (one) => (one ? 'its amount could not be read' : 'amounts could not be read'), some: (n) => `${n} ${n === 1 ? 'amount' : 'amounts'} could not be read` },
  missing: { all: (one) => (one ? 'it has no amount' : 'they have no amount'), some: (n) => `${n} without an amount` },
  currency: { all: (one) => (one ? 'its currency has no FX rate' : 'their currencies have no FX rate'), some: (n) => `${n} in a currency with no FX rate` },
  other: { all: () => 'data issues', some: (n) => `${n} for other data issues` },
};
const UNREAD_CODES = new Set(['AMOUNT_INVALID', 'AMOUNT_AMBIGUOUS', 'CELL_ERROR']);
const MISSING_CODES = new Set(['AMOUNT_MISSING_WON', 'AMOUNT_MISSING_OPEN']);

const count = (n: number): string => n.toLocaleString('en-US');

/** Why a row's amount is not in the totals, from the issues on that row. */
function causeOf(issues: readonly DataIssue[] | undefined): Cause {
  for (const issue of issues ?? []) {
    if (UNREAD_CODES.has(issue.code)) return 'unread';
    if (MISSING_CODES.has(issue.code)) return 'missing';
    if (issue.code.startsWith('CURRENCY') || issue.code.startsWith('FX')) return 'currency';
  }
  return 'other';
}

/** The headline for a summary (see MoneyHeadline). */
export function moneyHeadline(summary: Summary): MoneyHeadline {
  const byRow = new Map<number, DataIssue[]>();
  for (const issue of summary.issues) {
    if (issue.row === null) continue;
    const list = byRow.get(issue.row);
    if (list) list.push(issue); else byRow.set(issue.row, [issue]);
  }
  const deals = dealsView(summary);
  const tally = { won: { all: 0, out: new Map<Cause, number>() }, open: { all: 0, out: new Map<Cause, number>() } };
  let read = 0;
  let unread = 0;
  for (let i = 0; i < deals.length; i++) {
    if (!deals.counted(i)) continue;
    const status = deals.status(i);
    const amount = deals.amount(i);
    const cause = amount === null ? causeOf(byRow.get(deals.row(i))) : null;
    if (amount !== null) read++; else if (cause === 'unread') unread++;
    if (status === 'lost') continue;
    const t = tally[status];
    t.all++;
    if (cause !== null) t.out.set(cause, (t.out.get(cause) ?? 0) + 1);
  }
  const lines: string[] = [];
  for (const [status, where] of [['won', 'these totals'], ['open', 'the pipeline']] as const) {
    const { all, out } = tally[status];
    const left = [...out.values()].reduce((a, b) => a + b, 0);
    if (left === 0) continue;
    const causes = (['unread', 'currency', 'missing', 'other'] as const).filter((c) => out.has(c));
    const why = causes.length === 1 ? CAUSE_WORDS[causes[0]!].all(left === 1) : causes.map((c) => CAUSE_WORDS[c].some(out.get(c)!)).join(', ');
    lines.push(`${count(left)} of ${count(all)} ${status} deal${all === 1 ? '' : 's'} ${left === 1 ? 'is' : 'are'} not in ${where}: ${why}. See Data Issues.`);
  }
  return { lines, everyAmountUnread: read === 0 && unread > 0 };
}
