/** The engine's entry point: a deals grid (and optional tables) in, the summary and detected table out. */
import type { AnalysisInput, AnalysisSummary, MappingInput } from './types';
import type { DetectedTable } from './table/DetectedTable';
import type { Policy } from './policy';
import { resolvePolicy } from './policy';
import type { Progress } from './hostApi';
import { IssueLog } from './messages';
import { PartnerRegistry, UNKNOWN_PARTNER } from './partners/PartnerRegistry';
import { readDirectory } from './partners/readDirectory';
import { detectTable } from './table/detectTable';
import { readDeals } from './deals/readDeals';
import { decideTableLocale } from './table/tableLocale';
import { moneyHeadline } from './report/moneyHeadline';
import { readTouches } from './touches/readTouches';
import type { Touch, TouchTable } from './touches/readTouches';
import { readFxRates } from './fx/readFxRates';
import { classifyDeal } from './classify/classifyDeal';
import { policySets } from './classify/ClassifyContext';
import { ClassifyScratch } from './classify/ClassifyScratch';
import type { ClassifyContext } from './classify/ClassifyContext';
import { creditDeal } from './credit/creditDeal';
import type { AttributedDeal, CreditLine } from './credit/creditDeal';
import { DealResults } from './deals/dealResults';
import { toCents } from './credit/allocateCents';
import { totalsRollup } from './rollup/totalsRollup';
import type { ExactTotals } from './rollup/totalsRollup';
import type { CentsSum } from './rollup/centsSum';
import { noteUndefinedShares } from './rollup/noteUndefinedShares';
import { noteLongMoney } from './rollup/noteLongMoney';
import { partnersRollup } from './rollup/partnersRollup';
import type { PartnerMoneyKey } from './rollup/partnersRollup';
import { periodLabel, periodsRollup } from './rollup/periodsRollup';
import { segmentsRollup } from './rollup/segmentsRollup';
import { pipelineCreatedRollup } from './rollup/pipelineCreatedRollup';
import { parseDateText, today } from './values/parseDate';
import { computePayouts } from './payouts/computePayouts';
import { OverrideBook, readOverrideColumns, readOverridesTab } from './overrides/readOverrides';
import { applyOverride } from './overrides/applyOverride';

export interface AnalyzeOptions {
  /** Policy overrides (validated; see resolvePolicy). */
  policy?: unknown;
  /** Explicit column mapping; wins over detection. */
  mapping?: MappingInput;
  /** Called between steps of long runs. */
  onProgress?: (progress: Progress) => void;
  /**
   * Build each deal's plain-words reason (default true). Callers that only need numbers (the
   * numeric custom functions, PARTNER_ROLLUP) turn it off: the text is about a sixth of a run.
   */
  explain?: boolean;
  /**
   * Totals, partners and payouts only (default false): no per-deal results are kept and the periods,
   * segments and pipeline-created rollups are not made, so `deals`, `summary.periods`, `segments`
   * and `pipelineCreated` come back empty, and the issues lack the money headline. For the numeric custom functions, which read nothing
   * else; payouts still get the per-deal results they are computed from.
   */
  numbersOnly?: boolean;
}

export interface Analysis {
  /** Totals, partners, periods, segments, issues (and payouts): the JSON summary but its deals[] (see toSummaryJson). */
  summary: AnalysisSummary;
  /** Every deal's result, column-wise, in table order (empty in a numbers-only run without payouts). */
  deals: DealResults;
  table: DetectedTable;
  policy: Policy;
  /** Distinct stage texts, in first-seen order. */
  stages: string[];
  /** Distinct currency codes, most common first. */
  currencies: string[];
  /**
   * The money sums behind `summary.totals` and `summary.partners` as exact cents, for callers that add
   * figures up (the custom functions' won + open): the sum of two exact sums, not of two rounded numbers.
   */
  exact: AnalysisExact;
}

/** Exact cents of the totals, and of each partner row of the summary. */
export interface AnalysisExact {
  totals: ExactTotals;
  /** The sums of `summary.partners[index]`; null past its end. */
  partner(index: number): Readonly<Record<PartnerMoneyKey, CentsSum>> | null;
}

const STEPS = 5;

/**
 * A partner id's display name. Made outside analyze so that what keeps it (the deals' results, for as
 * long as the Analysis lives) keeps only the registry, not analyze's scope: its options and, through
 * the caller's progress callback, the input grids.
 */
const namesIn = (registry: PartnerRegistry) => (partner: number): string => registry.name(partner);
const NO_TOUCHES: readonly Touch[] = Object.freeze([]);
const NO_CREDIT_LINES: CreditLine[] = Object.freeze([]) as unknown as CreditLine[];

/**
 * Runs the whole engine: detect the table, read and classify every deal, allocate credit, roll up.
 * Throws AttributionError for an unusable table or policy; bad cells become data issues.
 */
export function analyze(input: AnalysisInput, options: AnalyzeOptions = {}): Analysis {
  const progress = (step: string, done: number): void => options.onProgress?.({ step, done, total: STEPS });
  const policy = resolvePolicy(options.policy);
  const issues = new IssueLog();
  const registry = new PartnerRegistry();
  const firstRow = input.firstRow ?? 1;

  progress('Reading deals', 0);
  if (input.partners) readDirectory(input.partners, 1, registry, issues);
  const table = detectTable(input.deals, options.mapping ?? {}, firstRow, issues);
  const explicitDecimal = typeof options.policy === 'object' && options.policy !== null && 'decimalSeparator' in options.policy;
  const locale = decideTableLocale(input.deals, table, policy, explicitDecimal, input.delimiter === ';', issues);
  const reader = readDeals(input.deals, table, policy, registry, issues, input.dateSystem, input.numberFormats ?? null, locale);
  const { currencies, firstRowById } = reader;
  // Each deal's own issues are found in the second pass, as it is classified; they keep their place
  // ahead of the Touches table's issues in the final (row-sorted) list.
  const dealIssues = new IssueLog();
  const touchIssues = new IssueLog();
  const touchTable: TouchTable | null = input.touches ? readTouches(input.touches, 1, policy, registry, touchIssues, firstRowById, input.dateSystem,
    { explicitDecimal, semicolonFile: input.delimiters?.touches === ';' }) : null;
  // Hand-set attributions: the deals table's Override columns, then the Attribution Overrides tab (the later word wins).
  const overrideIssues = new IssueLog();
  const overrides = new OverrideBook();
  readOverrideColumns(input.deals, table.headerIndex, table.headers, table.columns.id, firstRow, registry, dealIssues, overrides);
  if (input.overrides) readOverridesTab(input.overrides, 1, registry, overrideIssues, overrides);
  const loopIssues = new IssueLog();
  registry.finishNames(loopIssues);
  const nameOf = namesIn(registry);

  progress('Converting currencies', 1);
  const reportingCurrency = reader.reportingCurrency;
  const { rates, conflicted } = input.fx ? readFxRates(input.fx, 1, policy, explicitDecimal, input.delimiters?.fx === ';', loopIssues) : { rates: new Map<string, number>(), conflicted: new Set<string>() };
  // Two rates for the reporting currency leave every cross rate unknown.
  const reportingRate = conflicted.has(reportingCurrency) ? undefined : rates.get(reportingCurrency) ?? 1;
  // Amounts left out for want of an FX rate, in their own currency: the headline says how much they are.
  const leftOut = new Map<number, { amount: number; currency: string }>();
  const centsOf = (amount: number | null, currency: string | null, row: number, counted: boolean): number | null => {
    if (amount === null) return null;
    if (currency === null || currency === reportingCurrency) return toCents(amount);
    const rate = rates.get(currency);
    if (rate === undefined || reportingRate === undefined) {
      const hint = conflicted.has(currency) ? ' (the FX table gives it two different rates)'
        : reportingRate === undefined ? ` (the FX table gives ${reportingCurrency} two different rates)` : '';
      if (counted) { loopIssues.add('CURRENCY_NO_RATE', row, 'Currency', currency, { currency, reporting: reportingCurrency, hint }); leftOut.set(row, { amount, currency }); }
      return null;
    }
    return toCents((amount * rate) / reportingRate);
  };

  progress('Classifying deals', 2);
  const asOfText = policy.asOfDate;
  const asOf = (asOfText ? parseDateText(asOfText, 'MDY') : null) ?? today();
  let unknownId = -1;
  const ctx: ClassifyContext = {
    policy, sets: policySets(policy), registry, issues: loopIssues, asOf, explain: options.explain !== false,
    thresholdText: String(policy.influenceThreshold), scratch: new ClassifyScratch(),
    unknownPartner: () => (unknownId >= 0 ? unknownId : (unknownId = registry.special(UNKNOWN_PARTNER))),
  };
  // One pass: read, classify, credit, roll up and record each deal in turn, so nothing per deal outlives
  // its turn but its entry in the column-wise results (a million deals keep no million records alive).
  const totalsAcc = totalsRollup();
  const partnersAcc = partnersRollup(registry);
  const periodsAcc = periodsRollup(policy.fiscalYearStartMonth);
  const segmentsAcc = segmentsRollup();
  const createdAcc = pipelineCreatedRollup(policy.fiscalYearStartMonth);
  const numbersOnly = options.numbersOnly === true;
  const keepResults = !numbersOnly || policy.incentives !== null;
  const results = new DealResults(keepResults ? reader.count : 0, nameOf);
  const quarterOfDay = new Map<number, string>();
  const quarterOf = (day: number | null): string => {
    if (day === null) return '';
    let label = quarterOfDay.get(day);
    if (label === undefined) { label = periodLabel(day, policy.fiscalYearStartMonth).label; quarterOfDay.set(day, label); }
    return label;
  };
  for (let k = 0; k < reader.rows; k++) {
    const deal = reader.read(k, dealIssues);
    if (deal === null) continue;
    const touches = touchTable !== null && deal.id !== '' && deal.counted ? touchTable.forDeal(deal.row, nameOf) : NO_TOUCHES;
    let cls = classifyDeal(deal, touches, ctx);
    const cents = centsOf(deal.amount, deal.currency, deal.row, deal.counted);
    const override = deal.counted ? overrides.take(deal.id) : undefined;
    const primary = cls.sourcers[0] ?? deal.partners[0] ?? cls.resellers[0] ?? cls.influencers[0]?.partner;
    if (primary !== undefined && deal.counted) registry.noteAttributes(primary, deal.tier, deal.type, deal.region);
    // A repeated Deal ID is shown but never credited: its money would otherwise count twice.
    let credits = deal.counted ? creditDeal(cls, cents, policy) : NO_CREDIT_LINES;
    if (override !== undefined) ({ cls, credits } = applyOverride(override, cls, cents, policy, nameOf, ctx.explain !== false));
    const attributed: AttributedDeal = { deal, cls, cents, credits };
    totalsAcc.add(attributed);
    partnersAcc.add(attributed, touches);
    if (!numbersOnly) {
      periodsAcc.add(attributed);
      segmentsAcc.add(attributed);
      createdAcc.add(attributed);
    }
    if (keepResults) results.push(deal, cls, cents, credits, deal.counted ? cls.reason : `Not counted: Deal ID "${deal.id}" appears earlier in the table`,
      quarterOf(deal.closeDate));
  }
  for (const [dealId, row] of touchTable?.unknownDeals ?? []) loopIssues.add('TOUCH_UNKNOWN_DEAL', row, 'Deal ID', dealId);
  for (const unused of overrides.unused()) overrideIssues.add('OVERRIDE_UNKNOWN_DEAL', unused.row, 'Deal ID', unused.dealId, { where: unused.where });

  progress('Rolling up', 3);
  const totals = totalsAcc.result();
  const partners = partnersAcc.result(totalsAcc.exact().partnerLedRevenue.approx());
  noteUndefinedShares(totals, partners, reportingCurrency, loopIssues);
  const periods = periodsAcc.result();
  const pipelineCreated = createdAcc.result();
  const segments = segmentsAcc.result(partners, partnersAcc.creditedCents);
  const attributes = new Map(partners.map((p) => [p.partner, { tier: p.tier, type: p.type }]));
  const payouts = policy.incentives === null ? undefined : computePayouts(results, {
    plan: policy.incentives, currency: reportingCurrency, fiscalYearStartMonth: policy.fiscalYearStartMonth,
    attributesOf: (partner) => attributes.get(partner) ?? { tier: null, type: null },
  });
  noteLongMoney({ version: 1, reportingCurrency, totals, partners, periods, pipelineCreated, segments, ...(payouts ? { payouts } : {}) }, totalsAcc.exact(), loopIssues);
  const allIssues = [...issues.issues, ...dealIssues.issues, ...touchIssues.issues, ...overrideIssues.issues, ...loopIssues.issues];
  allIssues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  progress('Done', STEPS);
  // The keys in the JSON contract's order; toSummaryJson puts deals[] between segments and issues.
  const summary: AnalysisSummary = { version: 1, reportingCurrency, totals, partners, periods, pipelineCreated, segments, issues: allIssues,
    ...(payouts ? { payouts } : {}) };
  // Money the totals leave out heads the Data Issues: an error for revenue (so --strict fails), a warning for pipeline.
  // It counts the deals left out from the per-deal results, so a numbers-only run has none.
  const headlineLines = keepResults ? moneyHeadline({ summary, deals: results }, leftOut).lines : [];
  const incomplete = new IssueLog();
  for (const line of headlineLines) incomplete.add(line.includes(' won deal') ? 'REVENUE_INCOMPLETE' : 'PIPELINE_INCOMPLETE', null, '', '', { line });
  summary.issues.unshift(...incomplete.issues);
  return { summary, deals: results, table, policy, stages: reader.stages, currencies, exact: { totals: totalsAcc.exact(), partner: partnersAcc.exactOf } };
}
