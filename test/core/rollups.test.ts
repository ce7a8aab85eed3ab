/** Rollups of SPEC 6.1: totals, partners, periods with a fiscal year, segments. */
import { analyze } from '../../src/core';
import { periodLabel } from '../../src/core/rollup/periodsRollup';
import { dayFromParts } from '../../src/core/values/parseDate';
import { dealGrid } from './dealGrid';

const grid = dealGrid([
  { 'Deal ID': '1', Stage: 'Won', Amount: 100, 'Created Date': '2024-01-01', 'Close Date': '2024-01-11', 'Sourcing Partner': 'A', Region: 'EMEA', 'Partner Tier': 'Gold', 'Partner Type': 'Referral' },
  { 'Deal ID': '2', Stage: 'Won', Amount: 300, 'Created Date': '2024-01-01', 'Close Date': '2024-04-21', 'Influencing Partners': 'A; B', Region: 'EMEA' },
  { 'Deal ID': '3', Stage: 'Lost', Amount: 50, 'Created Date': '2024-01-01', 'Close Date': '2024-02-01', 'Sourcing Partner': 'B' },
  { 'Deal ID': '4', Stage: 'Won', Amount: 200, 'Created Date': '2024-01-01', 'Close Date': '2024-07-01', Region: 'AMER' },
  { 'Deal ID': '5', Stage: 'Open', Amount: 70, 'Close Date': '2024-09-30', Reseller: 'C' },
]);
const { summary } = analyze({ deals: grid });

describe('totals', () => {
  it('splits revenue by motion and compares partner-led with direct', () => {
    expect(summary.totals).toMatchObject({
      deals: 5, wonDeals: 3, lostDeals: 1, openDeals: 1, revenue: 600, partnerLedRevenue: 400, sourcedRevenue: 100,
      influencedRevenue: 300, directRevenue: 200, directShare: 0.3333, pipeline: 70, resoldPipeline: 70,
      partnerWinRate: 0.6667, directWinRate: 1, partnerAvgDealSize: 200, directAvgDealSize: 200,
      partnerAvgCycleDays: 60.5, directAvgCycleDays: 182,
    });
  });
});

describe('partners', () => {
  it('separates credit from the overlapping influenced view', () => {
    const a = summary.partners.find((p) => p.partner === 'A')!;
    expect(a).toMatchObject({ dealsSourced: 1, dealsInfluenced: 1, sourcedRevenue: 100, influencedRevenue: 300, influencedCredit: 150,
      creditedRevenue: 250, wonDeals: 2, lostDeals: 0, winRate: 1, avgDealSize: 200, shareOfPartnerLed: 0.625, tier: 'Gold', type: 'Referral' });
  });

  it('counts lost deals and pipeline per partner, sorted by credited revenue', () => {
    expect(summary.partners.map((p) => p.partner)).toEqual(['A', 'B', 'C']);
    expect(summary.partners[1]).toMatchObject({ lostDeals: 1, winRate: 0.5, creditedRevenue: 150 });
    expect(summary.partners[2]).toMatchObject({ dealsResold: 1, creditedPipeline: 70, winRate: null, avgDealSize: null });
  });
});

describe('periods and segments', () => {
  it('buckets revenue and pipeline by close quarter', () => {
    expect(summary.periods.map((p) => [p.period, p.revenue, p.pipeline])).toEqual([
      ['2024 Q1', 100, 0], ['2024 Q2', 300, 0], ['2024 Q3', 200, 70]]);
  });

  it('labels fiscal quarters by the year the fiscal year ends in', () => {
    expect(periodLabel(dayFromParts(2024, 2, 1)!, 2).label).toBe('FY2025 Q1');
    expect(periodLabel(dayFromParts(2024, 1, 31)!, 2).label).toBe('FY2024 Q4');
    expect(periodLabel(dayFromParts(2024, 10, 1)!, 7).label).toBe('FY2025 Q2');
    expect(analyze({ deals: grid }, { policy: { fiscalYearStartMonth: 4 } }).summary.periods[0]!.period).toBe('FY2024 Q4');
  });

  it('rolls credited revenue up by tier and type, and revenue by deal region and motion', () => {
    expect(summary.segments.tier.find((s) => s.key === 'Gold')!.creditedRevenue).toBe(250);
    expect(summary.segments.region.find((s) => s.key === 'EMEA')).toMatchObject({ revenue: 400, sourcedRevenue: 100, influencedRevenue: 300 });
    expect(summary.segments.region.find((s) => s.key === 'AMER')).toMatchObject({ revenue: 200, directRevenue: 200 });
  });
});
