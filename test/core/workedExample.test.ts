/** SPEC section 7, the worked example, end to end through the default policy. */
import { analyze, toSummaryJson } from '../../src/core';

const header = ['Deal ID', 'Stage', 'Amount', 'Lead Source', 'Partner', 'Partner Role', 'Influencing Partners',
  'Registered By', 'Registration Date', 'Created Date', 'Sourcing Partner', 'Reseller'];
const grid = [
  header,
  ['D2', 'Closed Won', 10000, 'Partner Referral', 'Acme Inc.', '', '', '', '', '2024-02-01', '', ''],
  ['D3', 'Closed Won', 9000.01, 'Web', '', '', 'Globex; Initech', '', '', '2024-02-01', '', ''],
  ['D4', 'Closed Won', 5000, '', '', '', '', 'Umbrella', '2024-03-01', '2024-03-04', 'Acme', ''],
  ['D5', 'Closed Won', 2000, 'Web', '', '', '', '', '', '2024-02-01', '', 'Hooli Distribution'],
  ['D6', 'Closed Lost', 7000, 'Trade Show', 'Globex', 'VAR/Reseller', '', '', '', '2024-02-01', '', ''],
  ['D7', 'Closed Won', 3000, '', '', '', '', '', '', '2024-02-01', '', ''],
  ['D8', 'Negotiation', 8000, 'Web', 'Initech', '', '', '', '', '2024-02-01', '', ''],
];

describe('the worked example of SPEC 7', () => {
  const summary = toSummaryJson(analyze({ deals: grid }));
  const byRow = (row: number) => summary.deals.find((d) => d.row === row)!;

  it('labels each deal as the spec says', () => {
    expect(summary.deals.map((d) => d.motion)).toEqual(['sourced', 'influenced', 'sourced', 'resold', 'resold', 'direct', 'influenced']);
    expect(byRow(2).sourcingPartner).toBe('Acme Inc.');
    expect(byRow(4).sourcingPartner).toBe('Umbrella');
    expect(byRow(6).status).toBe('lost');
    expect(byRow(8).status).toBe('open');
  });

  it('gives the odd cent to the first influencer in order', () => {
    expect(byRow(3).credits).toEqual({ Globex: 4500.01, Initech: 4500 });
  });

  it('credits the registration over the Sourcing Partner column and reports the conflict naming Acme', () => {
    expect(byRow(4).credits).toEqual({ Umbrella: 5000 });
    const conflict = summary.issues.find((i) => i.code === 'SOURCING_CONFLICT');
    expect(conflict?.row).toBe(4);
    expect(conflict?.message).toContain('Acme');
  });

  it('adds up the totals by motion to revenue', () => {
    const t = summary.totals;
    expect(t.revenue).toBe(29000.01);
    expect(t.sourcedRevenue).toBe(15000);
    expect(t.influencedRevenue).toBe(9000.01);
    expect(t.resoldRevenue).toBe(2000);
    expect(t.directRevenue).toBe(3000);
    expect(t.partnerLedRevenue).toBe(26000.01);
    expect(t.partnerLedShare).toBe(0.8966);
    expect(t.pipeline).toBe(8000);
  });

  it('merges "Acme Inc." and "Acme" into one partner shown as "Acme Inc."', () => {
    const acme = summary.partners.find((p) => p.partner === 'Acme Inc.')!;
    expect(acme.creditedRevenue).toBe(10000);
    expect(summary.partners.some((p) => p.partner === 'Acme')).toBe(false);
  });

  it('counts the lost resold deal in Globex\'s lost deals and the open one in Initech\'s pipeline', () => {
    expect(summary.partners.find((p) => p.partner === 'Globex')!.lostDeals).toBe(1);
    expect(summary.partners.find((p) => p.partner === 'Initech')!.creditedPipeline).toBe(8000);
  });

  it('keeps partners\' credited revenue equal to partner-led revenue to the cent', () => {
    const sum = summary.partners.reduce((s, p) => s + Math.round(p.creditedRevenue * 100), 0);
    expect(sum).toBe(Math.round(summary.totals.partnerLedRevenue * 100));
  });
});
