/**
 * The first thing the user reads: when data issues change money (amounts not read, currencies not
 * converted), how many won deals and open deals are not in the totals, how much money that is where
 * it is known, and why. Built once, by the run (which knows the amounts it could not convert), and
 * kept in the summary's REVENUE_INCOMPLETE / PIPELINE_INCOMPLETE issues; the console, the Partner
 * Summary tab and the sidebar preview all show that same text.
 */
import type { DataIssue } from '../types';
import { dealsView } from '../deals/dealResults';
import type { DealSource } from '../deals/dealResults';
import { CentsSum } from '../rollup/centsSum';
import { toCents } from '../credit/allocateCents';

/** A left-out deal's amount in its own currency (one with no FX rate), by sheet row. */
export type LeftOutAmounts = ReadonlyMap<number, { amount: number; currency: string }>;

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
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const HEADLINE_CODES = new Set(['REVENUE_INCOMPLETE', 'PIPELINE_INCOMPLETE']);

/**
 * How much the left-out deals hold: "500.00 EUR", "500.00 EUR and 2 amounts unknown", "amounts
 * unknown". Amounts in a currency with no FX rate are known only in that currency, so they are
 * given in it, never as a share of the reporting currency's total; unread or missing amounts are unknown.
 */
function leftOutWords(byCurrency: ReadonlyMap<string, CentsSum>, unknown: number, left: number): string {
  const known = [...byCurrency.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, sum]) => `${MONEY.format(sum.money())} ${code}`);
  if (unknown > 0) known.push(known.length === 0 ? (left === 1 ? 'amount unknown' : 'amounts unknown') : `${count(unknown)} ${unknown === 1 ? 'amount' : 'amounts'} unknown`);
  return known.length <= 1 ? known.join('') : `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]!}`;
}

/** Why a row's amount is not in the totals, from the issues on that row. */
function causeOf(issues: readonly DataIssue[] | undefined): Cause {
  for (const issue of issues ?? []) {
    if (UNREAD_CODES.has(issue.code)) return 'unread';
    if (MISSING_CODES.has(issue.code)) return 'missing';
    if (issue.code.startsWith('CURRENCY') || issue.code.startsWith('FX')) return 'currency';
  }
  return 'other';
}

/**
 * The headline for a summary (see MoneyHeadline). The run passes `leftOut` (the amounts it could
 * not convert) and files the lines as issues; everyone else gets those filed lines back, word for
 * word, or (for a summary written without them) lines built from the deals alone.
 */
export function moneyHeadline(source: DealSource, leftOut?: LeftOutAmounts): MoneyHeadline {
  const { summary } = source;
  const byRow = new Map<number, DataIssue[]>();
  for (const issue of summary.issues) {
    if (issue.row === null) continue;
    const list = byRow.get(issue.row);
    if (list) list.push(issue); else byRow.set(issue.row, [issue]);
  }
  const deals = dealsView(source);
  const newTally = (): { all: number; out: Map<Cause, number>; byCurrency: Map<string, CentsSum>; unknown: number } =>
    ({ all: 0, out: new Map(), byCurrency: new Map(), unknown: 0 });
  const tally = { won: newTally(), open: newTally() };
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
    if (cause === null) continue;
    t.out.set(cause, (t.out.get(cause) ?? 0) + 1);
    const own = cause === 'currency' ? leftOut?.get(deals.row(i)) : undefined;
    if (own === undefined) { t.unknown++; continue; }
    let sum = t.byCurrency.get(own.currency);
    if (!sum) { sum = new CentsSum(); t.byCurrency.set(own.currency, sum); }
    sum.add(toCents(own.amount));
  }
  const everyAmountUnread = read === 0 && unread > 0;
  const filed = summary.issues.filter((issue) => HEADLINE_CODES.has(issue.code));
  if (leftOut === undefined && filed.length > 0) return { lines: filed.map((issue) => `${issue.message} See Data Issues.`), everyAmountUnread };
  const lines: string[] = [];
  for (const [status, where] of [['won', 'these totals'], ['open', 'the pipeline']] as const) {
    const { all, out, byCurrency, unknown } = tally[status];
    const left = [...out.values()].reduce((a, b) => a + b, 0);
    if (left === 0) continue;
    const causes = (['unread', 'currency', 'missing', 'other'] as const).filter((c) => out.has(c));
    const why = causes.length === 1 ? CAUSE_WORDS[causes[0]!].all(left === 1) : causes.map((c) => CAUSE_WORDS[c].some(out.get(c)!)).join(', ');
    lines.push(`${count(left)} of ${count(all)} ${status} deal${all === 1 ? '' : 's'}, ${leftOutWords(byCurrency, unknown, left)}, ${left === 1 ? 'is' : 'are'} not in ${where}: ${why}. See Data Issues.`);
  }
  return { lines, everyAmountUnread };
}
