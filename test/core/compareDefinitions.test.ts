/** Definitions side by side (issue 18): what each shipped definition counts, and that a comparison is exactly separate runs. */
import { readFileSync } from 'node:fs';
import { analyze, compareDefinitions, definitionsTab, resolvePolicy, SHIPPED_DEFINITIONS, toSummaryJson } from '../../src/core';
import type { Cell, Summary } from '../../src/core';
import { dealGrid } from './dealGrid';

// A Salesforce export where the definitions disagree: a registration, a Sourcing Partner column, a
// partner lead source, a referral role, an advisor in the Partner column, an influencer column and a touch.
const deals = dealGrid([
  { 'Opportunity ID': 'S1', Stage: 'Closed Won', Amount: 10000, 'Created Date': '2024-03-04', 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01' },
  { 'Opportunity ID': 'S2', Stage: 'Closed Won', Amount: 8000.01, 'Created Date': '2024-03-04', 'Sourcing Partner': 'Acme Inc.' },
  { 'Opportunity ID': 'S3', Stage: 'Closed Won', Amount: 6000, 'Created Date': '2024-03-04', 'Lead Source': 'Partner Referral', Partner: 'Globex' },
  { 'Opportunity ID': 'S4', Stage: 'Closed Won', Amount: 4000, 'Created Date': '2024-03-04', Partner: 'Initech', 'Partner Role': 'Referral' },
  { 'Opportunity ID': 'S5', Stage: 'Closed Won', Amount: 3000, 'Created Date': '2024-03-04', Partner: 'Globex', 'Partner Role': 'Advisor' },
  { 'Opportunity ID': 'S6', Stage: 'Closed Won', Amount: 2000.03, 'Created Date': '2024-03-04', 'Influencing Partners': 'Acme Inc.; Initech' },
  { 'Opportunity ID': 'S7', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-03-04', 'Close Date': '2024-05-01' },
  { 'Opportunity ID': 'S8', Stage: 'Negotiation', Amount: 50000, 'Created Date': '2024-03-04', 'Sourcing Partner': 'Initech' },
  { 'Opportunity ID': 'S9', Stage: 'Closed Won', Amount: 700, 'Created Date': '2024-03-04' },
]);
const touches: Cell[][] = [['Deal ID', 'Partner', 'Activity', 'Date'], ['S7', 'Umbrella', 'Webinar', '2024-03-20']];
const input = { deals, touches };
const asOf = { asOfDate: '2024-06-30' };
const definitions = SHIPPED_DEFINITIONS.map((d) => ({ name: d.name, policy: { ...d.policy, ...asOf } }));
const motions = (s: Summary) => Object.fromEntries(s.deals.map((d) => [d.id, d.motion]));

describe('the shipped definitions', () => {
  const [registered, standard, any] = definitions.map((d) => toSummaryJson(analyze(input, { policy: d.policy }))) as [Summary, Summary, Summary];

  it('Registered only: only the registration sources; the other claims become influence', () => {
    expect(motions(registered)).toEqual({ S1: 'sourced', S2: 'influenced', S3: 'influenced', S4: 'influenced', S5: 'influenced', S6: 'influenced', S7: 'direct', S8: 'influenced', S9: 'direct' });
    expect(registered.deals.find((d) => d.id === 'S2')!.reason).toContain('Sourcing Partner column, not sourcing under this definition');
    expect(registered.totals.sourcedRevenue).toBe(10000);
  });

  it('Standard is the default policy', () => {
    expect(standard).toEqual(toSummaryJson(analyze(input, { policy: asOf })));
    expect(motions(standard)).toMatchObject({ S1: 'sourced', S2: 'sourced', S3: 'sourced', S4: 'sourced', S5: 'influenced', S6: 'influenced', S7: 'direct' });
  });

  it('Any partner involvement: a partner column or any touch is enough to source', () => {
    expect(motions(any)).toMatchObject({ S5: 'sourced', S6: 'sourced', S7: 'sourced', S9: 'direct' });
    expect(any.deals.find((d) => d.id === 'S7')!.sourcingPartner).toBe('Umbrella');
    expect(any.totals.directRevenue).toBe(700);
  });

  it('are the policy files shipped in examples/', () => {
    for (const d of SHIPPED_DEFINITIONS) {
      const file = JSON.parse(readFileSync(d.file, 'utf8')) as Record<string, unknown>;
      expect(resolvePolicy(file)).toEqual(resolvePolicy(d.policy));
    }
  });
});

describe('a comparison of definitions', () => {
  const comparison = compareDefinitions(input, definitions);
  const runs = definitions.map((d) => analyze(input, { policy: d.policy }).summary);

  it('has, in each column, exactly the numbers of a separate run under that definition, to the cent', () => {
    for (const key of Object.keys(comparison.totals) as (keyof typeof comparison.totals)[]) {
      expect(comparison.totals[key].values).toEqual(runs.map((s) => s.totals[key]));
    }
    for (const p of comparison.partners) {
      runs.forEach((s, i) => {
        const row = s.partners.find((x) => x.partner === p.partner);
        expect([p.sourcedRevenue.values[i], p.influencedCredit.values[i], p.creditedRevenue.values[i]])
          .toEqual([row?.sourcedRevenue ?? 0, row?.influencedCredit ?? 0, row?.creditedRevenue ?? 0]);
      });
    }
  });

  it('takes the differences from the first definition in cents', () => {
    expect(comparison.totals.sourcedRevenue.values).toEqual([10000, 28000.01, 34000.04]);
    expect(comparison.totals.sourcedRevenue.differences).toEqual([18000.01, 24000.04]);
    expect(comparison.totals.partnerLedRevenue.differences).toEqual([0, 1000]);
    const acme = comparison.partners.find((p) => p.partner === 'Acme Inc.')!;
    expect(acme.sourcedRevenue.values).toEqual([0, 8000.01, 10000.04]);
    expect(acme.influencedCredit.differences).toEqual([-8000.01, -9000.03]);
  });

  it('lists the deals that change motion, most money first, with each definition\'s partners', () => {
    expect(comparison.changedDeals.map((d) => d.id)).toEqual(['S8', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(comparison.changedDeals.find((d) => d.id === 'S7')).toMatchObject({ motions: ['direct', 'direct', 'sourced'], partners: ['', '', 'Umbrella'] });
  });

  it('becomes a Definitions Compared tab with a column per definition and one per difference', () => {
    const tab = definitionsTab(comparison);
    expect(tab.name).toBe('Definitions Compared');
    expect(tab.blocks[0]!.values[0]).toEqual(['Measure', 'Registered only', 'Standard', 'Any partner involvement',
      'Standard − Registered only', 'Any partner involvement − Registered only']);
    expect(tab.blocks[0]!.values.find((r) => r[0] === 'Sourced revenue')).toEqual(['Sourced revenue', 10000, 28000.01, 34000.04, 18000.01, 24000.04]);
    expect(tab.blocks[1]!.formats.slice(1)).toEqual(['percent', 'percent', 'percent', 'percent', 'percent']);
    expect(tab.blocks[3]!.values[1]).toEqual(['S8', '', 'Open', 50000, 'Influenced', 'Sourced', 'Sourced', 'Initech', 'Initech', 'Initech']);
  });
});
