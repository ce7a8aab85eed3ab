/** The numeric custom functions' analysis: the same totals and partners, without the per-deal results and tabs' rollups. */
import { analyze, runFunction, toSummaryJson } from '../../src/core';
import { generateWorkbook } from '../../bench/generateWorkbook';

describe('analyze({ numbersOnly }) for the numeric custom functions', () => {
  // A dirty CRM export: text amounts, #N/A, US-format dates, repeated Deal IDs, touches.
  const { deals, touches } = generateWorkbook({ deals: 3000, seed: 7 });

  it('gives the same totals, partners and row issues to the cent as the full run', () => {
    const full = toSummaryJson(analyze({ deals, touches }, { explain: false }));
    const numbers = toSummaryJson(analyze({ deals, touches }, { explain: false, numbersOnly: true }));
    expect(numbers.totals).toEqual(full.totals);
    expect(numbers.partners).toEqual(full.partners);
    // Every row's issue; only the headline counted from the per-deal results is left out.
    expect(numbers.issues).toEqual(full.issues.filter((i) => i.code !== 'REVENUE_INCOMPLETE' && i.code !== 'PIPELINE_INCOMPLETE'));
    expect(full.deals.length).toBeGreaterThan(2900);
    expect(numbers.deals).toEqual([]);
    expect(numbers.periods).toEqual([]);
  });

  it('still computes payouts from per-deal credit when an incentive plan is saved', () => {
    const policy = { incentives: { sourced: 0.1, influenced: 0.05, resold: 0.02, sourcedDealBonus: 100 } };
    const full = toSummaryJson(analyze({ deals, touches }, { policy }));
    const numbers = toSummaryJson(analyze({ deals, touches }, { policy, explain: false, numbersOnly: true }));
    expect(numbers.payouts).toEqual(full.payouts);
    const top = full.partners[0]!.partner;
    const expected = Math.round(full.payouts!.partners.filter((p) => p.partner === top).reduce((sum, p) => sum + Math.round(p.payout * 100), 0)) / 100;
    expect(runFunction('PAYOUT', [deals, top, '', touches], { version: 1, tab: null, mapping: {}, policy })).toBe(expected);
  });
});
