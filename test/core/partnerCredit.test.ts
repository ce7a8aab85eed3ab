/**
 * Credit that reconciles on the page: per partner Sourced + Influenced + Resold Credit = Credited
 * Revenue (and pipeline likewise), the Partner Summary's Total row equals partner-led revenue, the
 * Partner Credits tab adds up to partner-led revenue plus pipeline; touched and deployed figures on a
 * hand-made example. On the example workbook and on random workbooks.
 */
import fc from 'fast-check';
import path from 'node:path';
import { analyze, buildReportTabs, PARTNER_COLUMNS, toSummaryJson } from '../../src/core';
import type { Analysis, Cell, ReportTab, Summary } from '../../src/core';
import { loadInput } from '../../src/cli/loadInput';
import { dealGrid } from './dealGrid';

const cents = (n: unknown): number => Math.round(Number(n) * 100);
const tab = (tabs: ReportTab[], name: string): ReportTab => tabs.find((t) => t.name === name)!;

/** Everything this issue promises about credit columns, checked on one run's JSON summary and its tabs (built from the engine's columns). */
function expectReconciles(analysis: Analysis): void {
  const s = toSummaryJson(analysis);
  for (const p of s.partners) {
    expect(cents(p.sourcedRevenue) + cents(p.influencedCredit) + cents(p.resoldCredit)).toBe(cents(p.creditedRevenue));
    expect(cents(p.sourcedPipeline) + cents(p.influencedCreditPipeline) + cents(p.resoldCreditPipeline)).toBe(cents(p.creditedPipeline));
  }
  const tabs = buildReportTabs(analysis);
  const table = tab(tabs, 'Partner Summary').blocks[3]!;
  const col = (key: string) => PARTNER_COLUMNS.findIndex((c) => c.key === key);
  const [sourced, influenced, resold, credited] = ['sourcedRevenue', 'influencedCredit', 'resoldCredit', 'creditedRevenue'].map(col);
  // The columns sit side by side, in that order, and add up on every row including Total.
  expect([influenced! - sourced!, resold! - influenced!, credited! - resold!]).toEqual([1, 1, 1]);
  for (const row of table.values.slice(1)) {
    expect(cents(row[sourced!]) + cents(row[influenced!]) + cents(row[resold!])).toBe(cents(row[credited!]));
  }
  if (s.partners.length > 0) {
    const total = table.values.at(-1)!;
    expect(total[0]).toBe('Total');
    expect(cents(total[credited!])).toBe(cents(s.totals.partnerLedRevenue));
    expect(cents(total[col('creditedPipeline')])).toBe(cents(s.totals.partnerLedPipeline));
  }
  const credits = tab(tabs, 'Partner Credits').blocks[0]!;
  const creditAt = credits.values[0]!.indexOf('Credit');
  const sum = credits.values.slice(1).reduce((a, row) => a + cents(row[creditAt]), 0);
  expect(sum).toBe(cents(s.totals.partnerLedRevenue) + cents(s.totals.partnerLedPipeline));
}

describe('credit columns', () => {
  it('reconcile for every partner of the example workbook, on the page and in the JSON', async () => {
    const { input } = await loadInput({ deals: path.join(__dirname, '../../examples/deals.xlsx') });
    const analysis = analyze(input, { policy: { asOfDate: '2025-01-01' } });
    expect(analysis.summary.partners.some((p) => p.resoldCredit > 0)).toBe(true); // the resold part of credit has its own column now
    expectReconciles(analysis);
  });

  const PARTNERS = ['Acme', 'Globex', 'Initech', 'Umbrella'];
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: '' as const, freq: 2 });
  const partnerCell = maybe(fc.subarray(PARTNERS, { minLength: 1, maxLength: 2 }).map((ps) => ps.join('; ')));
  const day = fc.integer({ min: 0, max: 500 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
  const row = fc.tuple(fc.constantFrom('Closed Won', 'Closed Lost', 'Negotiation'), fc.integer({ min: 0, max: 900_000 }).map((c) => c / 100),
    maybe(day), maybe(day), fc.constantFrom('', 'Web', 'Partner Referral'), partnerCell, partnerCell,
    fc.constantFrom('', 'Reseller', 'Referral', 'Influencer', 'Implementation'), partnerCell, partnerCell);
  const workbook = fc.array(row, { maxLength: 20 }).map((rows): Cell[][] => [
    ['Opportunity ID', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Sourcing Partner', 'Partner', 'Partner Role',
      'Influencing Partners', 'Reseller'], ...rows.map((r, i): Cell[] => [`OPP-${i}`, ...r])]);
  const policy = fc.record({ influenceModel: fc.constantFrom('even', 'position', 'weighted'), sourcedShare: fc.constantFrom(1, 0.6),
    conflictPolicy: fc.constantFrom('precedence', 'split', 'flag'), asOfDate: fc.constant('2025-06-01') });

  it('reconcile for every partner of random workbooks', () => {
    fc.assert(fc.property(workbook, policy, (deals, p) => expectReconciles(analyze({ deals }, { policy: p }))), { numRuns: 120 });
  });
});

describe('the Partner Credits tab', () => {
  const grid = dealGrid([
    { 'Deal ID': 'D-1', 'Deal Name': 'Acme renewal', Stage: 'Closed Won', Amount: 10000, 'Close Date': '2024-02-10', 'Sourcing Partner': 'Acme',
      'Influencing Partners': 'Globex', Region: 'EMEA' },
    { 'Deal ID': 'D-2', 'Deal Name': 'Hooli resale', Stage: 'Negotiation', Amount: 3000, 'Close Date': '2024-05-01', Reseller: 'Hooli' },
    { 'Deal ID': 'D-3', 'Deal Name': 'Lost one', Stage: 'Closed Lost', Amount: 7000, 'Close Date': '2024-03-01', 'Sourcing Partner': 'Acme' },
  ]);
  const summary = toSummaryJson(analyze({ deals: grid }, { policy: { sourcedShare: 0.7 } }));
  const values = tab(buildReportTabs({ summary }), 'Partner Credits').blocks[0]!.values;

  it('has one row per deal and credited partner, with its role, share of the deal and the quarter; lost deals carry none', () => {
    expect(values[0]).toEqual(['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', 'Partner', 'Role', 'Credit', 'Share of Deal',
      'Partner Tier', 'Partner Type', 'Partner Region', 'Currency']);
    expect(values.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['D-1', '2024 Q1', 'Won', 'Acme', 'Sourced', 7000, 0.7],
      ['D-1', '2024 Q1', 'Won', 'Globex', 'Influenced', 3000, 0.3],
      ['D-2', '2024 Q2', 'Open', 'Hooli', 'Resold', 3000, 1],
    ]);
    const close = values[1]![2] as Date;
    expect([close.getFullYear(), close.getMonth() + 1, close.getDate()]).toEqual([2024, 2, 10]);
  });

  it('is what Deal Attribution credits, and Deal Attribution shows close date, quarter, tier and region', () => {
    const deals = tab(buildReportTabs({ summary }), 'Deal Attribution').blocks[0]!.values;
    expect(deals[0]!.slice(3, 5)).toEqual(['Close Date', 'Quarter']);
    expect(deals[0]).toEqual(expect.arrayContaining(['Partner Tier', 'Region']));
    expect(deals[1]![deals[0]!.indexOf('Region')]).toBe('EMEA');
    expect(deals[1]![4]).toBe('2024 Q1');
  });

  it('is the same when the summary is read back from its JSON', () => {
    const back = JSON.parse(JSON.stringify(summary)) as Summary;
    expect(tab(buildReportTabs({ summary: back }), 'Partner Credits').blocks[0]!.values.map((r) => r.map((c) => (c instanceof Date ? c.getTime() : c))))
      .toEqual(values.map((r) => r.map((c) => (c instanceof Date ? c.getTime() : c))));
  });
});

describe('touched and deployed, on a hand-made example', () => {
  // D-1: Globex only emails (0.1 + 0.1 < 0.5), so it touched; Stark onboards after close, so it deployed.
  // D-2: Globex runs a demo (1.0): it influenced, so it did not merely touch. Stark is the Implementation Partner.
  // D-3: open; Globex sends one email: touched, but an open deal adds no touched revenue.
  const deals = dealGrid([
    { 'Deal ID': 'D-1', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-01-05', 'Close Date': '2024-02-01', 'Sourcing Partner': 'Acme' },
    { 'Deal ID': 'D-2', Stage: 'Closed Won', Amount: 400, 'Created Date': '2024-01-05', 'Close Date': '2024-03-01', 'Implementation Partner': 'Stark' },
    { 'Deal ID': 'D-3', Stage: 'Negotiation', Amount: 900, 'Created Date': '2024-01-05', 'Close Date': '2024-12-01' },
  ]);
  const touches = [['Deal ID', 'Partner', 'Activity', 'Date'],
    ['D-1', 'Globex', 'Email', '2024-01-10'], ['D-1', 'Globex', 'Email', '2024-01-12'], ['D-1', 'Stark', 'Onboarding', '2024-02-15'],
    ['D-2', 'Globex', 'Demo', '2024-02-01'], ['D-3', 'Globex', 'Email', '2024-03-01']];
  const summary = toSummaryJson(analyze({ deals, touches }, { policy: { asOfDate: '2024-06-01' } }));
  const partner = (name: string) => summary.partners.find((p) => p.partner === name)!;

  it('counts deals touched below the threshold and deals deployed, with their won revenue in full and the touches', () => {
    expect(partner('Globex')).toMatchObject({ dealsTouched: 2, touchedRevenue: 1000, dealsInfluenced: 1, influencedRevenue: 400, touches: 4 });
    expect(partner('Stark')).toMatchObject({ dealsDeployed: 2, deployedRevenue: 1400, touches: 1, creditedRevenue: 0 });
    expect(summary.totals).toMatchObject({ touchedDeals: 2, touchedRevenue: 1000, deployedDeals: 2, deployedRevenue: 1400 });
  });

  it('never turns touched or deployed into credit', () => {
    expect(partner('Acme').creditedRevenue).toBe(1000);
    expect(partner('Globex').creditedRevenue).toBe(400);
    expect(summary.partners.reduce((a, p) => a + cents(p.creditedRevenue), 0)).toBe(cents(summary.totals.partnerLedRevenue));
  });
});

describe('the trend per partner', () => {
  const rows = [
    { 'Deal ID': 'T-1', Stage: 'Closed Won', Amount: 500, 'Created Date': '2023-12-01', 'Close Date': '2024-01-20', 'Sourcing Partner': 'Acme' },
    { 'Deal ID': 'T-2', Stage: 'Closed Won', Amount: 300, 'Created Date': '2024-01-03', 'Close Date': '2024-02-20', 'Sourcing Partner': 'Globex' },
    { 'Deal ID': 'T-3', Stage: 'Closed Won', Amount: 100, 'Created Date': '2024-01-04', 'Close Date': '2024-04-02', Reseller: 'Hooli' },
    { 'Deal ID': 'T-4', Stage: 'Closed Lost', Amount: 900, 'Created Date': '2024-01-05', 'Close Date': '2024-05-02', 'Sourcing Partner': 'Acme' },
    { 'Deal ID': 'T-5', Stage: 'Closed Won', Amount: 50, 'Created Date': '2024-04-05', 'Close Date': '2024-05-02' },
  ];
  const summary = toSummaryJson(analyze({ deals: dealGrid(rows) }));
  const trend = tab(buildReportTabs({ summary }, { topPartners: 2 }), 'Partner Trend');

  it('credits each quarter to the top partners and All others, adding up to the quarter\'s partner-led revenue', () => {
    const values = trend.blocks[1]!.values;
    expect(values[0]).toEqual(['Quarter', 'Acme', 'Globex', 'All others', 'Partner-led']);
    expect(values.slice(1)).toEqual([['2024 Q1', 500, 300, 0, 800], ['2024 Q2', 0, 0, 100, 100]]);
    for (const [i, p] of summary.periods.entries()) expect(values[i + 1]![4]).toBe(p.partnerLedRevenue);
    expect(trend.charts.map((c) => [c.kind, c.block, c.seriesCols])).toEqual([
      ['stackedColumn', 0, [1, 2, 3, 4]], ['stackedColumn', 1, [1, 2, 3]], ['stackedColumn', 2, [2]]]);
  });

  it('shows partner-sourced pipeline created per quarter by created date, lost deals included', () => {
    expect(trend.blocks[2]!.values.slice(1)).toEqual([
      ['2023 Q4', 1, 500, 500, 500], ['2024 Q1', 2, 1200, 1300, 1300], ['2024 Q2', 0, 0, 0, 50]]);
  });
});
