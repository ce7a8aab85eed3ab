/** Partner payouts from won credit: rates by motion and tier, a sourced-deal bonus, a cap per period, a minimum deal size, claw-backs. */
import { analyze, toSummaryJson } from '../../../src/core';
import type { Analysis } from '../../../src/core';
import { buildReportTabs, DEFAULT_SETTINGS, runFunction } from '../../../src/core';

const deals = [
  ['Opportunity ID', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner', 'Influencing Partners', 'Reseller'],
  ['D1', 'Closed Won', 10000, '2024-02-10', 'Acme', '', ''],
  ['D2', 'Closed Won', 9000.01, '2024-02-15', '', 'Globex; Initech', ''],
  ['D3', 'Closed Won', 2000, '2024-02-20', '', '', 'Hooli'],
  ['D4', 'Closed Won', 40000, '2024-03-20', 'Acme', '', ''],
  ['D5', 'Closed Won', 500, '2024-03-25', 'Acme', '', ''],
  ['D6', 'Closed Won', 3333.33, '2024-04-05', 'Globex', '', ''],
  ['D7', 'Negotiation', 8000, '2024-05-01', 'Acme', '', ''],
  ['D8', 'Closed Lost', 6000, '2024-05-02', 'Acme', '', ''],
  ['D9', 'Closed Won', -1000, '2024-05-03', 'Globex', '', ''],
];
const partners = [['Partner', 'Tier', 'Type'], ['Acme', 'Gold', 'Referral'], ['Globex', 'Silver', 'Reseller'], ['Initech', 'Silver', 'SI']];
const incentives = {
  sourced: 0.1, influenced: 0.03, resold: 0.02, sourcedDealBonus: 100,
  tiers: { Gold: { sourced: 0.12, sourcedDealBonus: 250 } },
  capPerPartnerPerPeriod: 5000, minimumDealSize: 1000,
};

const run = (policy: unknown): Analysis => analyze({ deals, partners }, { policy });

describe('payouts on a hand-made plan', () => {
  const analysis = run({ incentives });
  const payouts = analysis.summary.payouts!;
  const row = (partner: string, period: string) => payouts.partners.find((p) => p.partner === partner && p.period === period)!;

  it('pays the tier rate, the tier bonus, and cuts a period at the cap (Acme, Gold, 2024 Q1)', () => {
    // 10,000 x 12% + 40,000 x 12% + two bonuses of 250 = 6,500, capped at 5,000; D5 is under the 1,000 minimum.
    expect(row('Acme', '2024 Q1')).toMatchObject({ sourcedBasis: 50500, sourcedRate: 0.12, bonus: 500, beforeCap: 6500, capApplied: 1500, payout: 5000, deals: 3 });
  });

  it('rounds each deal line to the cent: 4,500.01 x 3% is 135.00', () => {
    expect(row('Globex', '2024 Q1')).toMatchObject({ influencedBasis: 4500.01, influencedRate: 0.03, payout: 135 });
    expect(row('Initech', '2024 Q1')).toMatchObject({ influencedBasis: 4500, payout: 135 });
  });

  it('uses the plan rate for a partner the tiers do not name, and claws back a credit note', () => {
    expect(row('Hooli', '2024 Q1')).toMatchObject({ resoldBasis: 2000, resoldRate: 0.02, payout: 40 });
    // Q2: 3,333.33 x 10% = 333.33 plus the plan bonus of 100; Q2 also holds D9's -1,000 x 10% = -100 (no bonus on a credit note).
    expect(row('Globex', '2024 Q2')).toMatchObject({ sourcedBasis: 2333.33, bonus: 100, payout: 333.33 });
  });

  it('pays nothing on open and lost deals, and totals the partner-periods to the cent', () => {
    expect(payouts.lines.some((l) => l.dealId === 'D7' || l.dealId === 'D8')).toBe(false);
    expect(payouts.total).toBe(5000 + 135 + 135 + 40 + 333.33);
    expect(payouts.total).toBe(payouts.partners.reduce((a, p) => Math.round(a * 100 + p.payout * 100) / 100, 0));
  });

  it('makes every payout the sum of its lines, cap line included', () => {
    for (const p of payouts.partners) {
      const lines = payouts.lines.filter((l) => l.partner === p.partner && l.period === p.period);
      expect(lines.reduce((a, l) => a + Math.round(l.payout * 100), 0) / 100).toBe(p.payout);
    }
    const cap = payouts.lines.find((l) => l.kind === 'cap')!;
    expect(cap).toMatchObject({ partner: 'Acme', period: '2024 Q1', payout: -1500 });
    expect(payouts.lines.find((l) => l.dealId === 'D5')).toMatchObject({ payout: 0, note: expect.stringContaining('minimum deal size') });
  });

  it('keeps a lifetime view per partner: credit, payouts, deals, first and latest deal', () => {
    expect(payouts.lifetime.find((l) => l.partner === 'Acme')).toEqual({
      partner: 'Acme', creditedRevenue: 50500, payout: 5000, deals: 3, firstDeal: '2024-02-10', latestDeal: '2024-03-25' });
  });

  it('writes a Partner Payouts tab whose total row equals the payouts total', () => {
    const tab = buildReportTabs(analysis).find((t) => t.name === 'Partner Payouts')!;
    const values = tab.blocks[0]!.values;
    const header = values[0] as string[];
    const total = values[values.length - 1]!;
    expect(total[0]).toBe('Total');
    expect(total[header.indexOf('Payout')]).toBe(payouts.total);
    expect(total[header.indexOf('Cap Applied')]).toBe(1500);
  });
});

describe('no rules, no payouts', () => {
  it('leaves the summary and the tabs as they were without an incentive plan', () => {
    const analysis = run({});
    const summary = toSummaryJson(analysis);
    expect(summary.payouts).toBeUndefined();
    expect(JSON.parse(JSON.stringify(summary))).not.toHaveProperty('payouts');
    expect(buildReportTabs(analysis).map((t) => t.name)).not.toContain('Partner Payouts');
  });
});

describe('invalid incentive rules', () => {
  it.each([
    [{ sourcd: 0.1 }, /Unknown key "sourcd" in policy setting "incentives"/],
    [{ sourced: 10 }, /"incentives\.sourced" must be a rate from 0 to 1/],
    [{ tiers: { Gold: { bonus: 5 } } }, /Unknown key "bonus" in policy setting "incentives\.tiers\.Gold"/],
    [{ capPerPartnerPerPeriod: -1 }, /"incentives\.capPerPartnerPerPeriod" must be an amount/],
    [{ minimumDealSize: '1000' }, /"incentives\.minimumDealSize" must be an amount/],
    [{ tiers: { Gold: { sourced: 0.1 }, gold: { sourced: 0.2 } } }, /names "gold" twice/],
    [[0.1], /"incentives" must be an object/],
  ])('refuses %j by name', (plan, message) => {
    expect(() => run({ incentives: plan })).toThrow(message);
  });
});

describe('PARTNER_PAYOUT / PARTNER.PAYOUT', () => {
  // The function reads one grid: the partners' tiers come from a Partner Tier column on their deals.
  const grid = deals.map((row, i) => [...row, i === 0 ? 'Partner Tier' : row[4] === 'Acme' ? 'Gold' : '']);
  const settings = { ...DEFAULT_SETTINGS, policy: { incentives } };

  it('returns a partner\'s payout over all periods, or in one close quarter', () => {
    expect(runFunction('PAYOUT', [grid, 'Acme'], settings)).toBe(5000);
    expect(runFunction('PAYOUT', [grid, 'globex', '2024 q2'], settings)).toBe(333.33);
    expect(runFunction('PAYOUT', [grid, 'Globex', null], settings)).toBe(135 + 333.33);
  });

  it('answers a column of names from one analysis, blank cells staying blank', () => {
    expect(runFunction('PAYOUT', [grid, [['Acme'], [''], ['Hooli'], ['Nobody']], '2024 Q1'], settings)).toEqual([[5000], [''], [40], [0]]);
  });

  it('says what is missing instead of returning 0: no plan, or a period that is not a quarter', () => {
    expect(() => runFunction('PAYOUT', [grid, 'Acme'], DEFAULT_SETTINGS)).toThrow(/needs an incentive plan/);
    expect(() => runFunction('PAYOUT', [grid, 'Acme', 'March'], settings)).toThrow(/period must be a close quarter/);
  });
});
