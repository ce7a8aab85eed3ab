/**
 * analysis.exact.partner(index): the exact cents of summary.partners[index], found by the row's place
 * in the summary, not by the row object (a copied or re-read row, as toSummaryJson or JSON gives, still finds them).
 */
import { analyze } from '../../src/core';
import { toSummaryJson } from '../../src/core/toSummaryJson';

const grid = [
  ['Opportunity ID', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner', 'Influencing Partners', 'Region', 'Partner Tier'],
  ['006A', 'Closed Won', 120_000.07, '2025-01-10', 'Acme Inc.', 'Globex', 'EMEA', ''],
  ['006B', 'Negotiation', 45_000.05, '2025-02-10', 'Acme Inc.', '', 'EMEA', ''],
  ['006C', 'Closed Won', 0.1, '2025-01-11', '', 'Initech; Globex', 'NA', ''],
  ['006D', 'Closed Won', 0.2, '2025-01-12', 'Initech', '', 'NA', ''],
  ['006E', 'Closed Lost', 9_000, '2025-01-12', 'Hooli', '', 'NA', ''],
];

describe('exact partner sums by index', () => {
  const analysis = analyze({ deals: grid });
  const { partners } = analysis.summary;

  it('gives each row of summary.partners its own exact sums, in the summary\'s order', () => {
    expect(partners.length).toBeGreaterThan(2);
    partners.forEach((row, i) => {
      const x = analysis.exact.partner(i)!;
      expect(x).not.toBeNull();
      expect(x.creditedCents.money()).toBe(row.creditedRevenue);
      expect(x.creditedPipeCents.money()).toBe(row.creditedPipeline);
      expect(x.sourcedCents.money()).toBe(row.sourcedRevenue);
      expect(x.influencedCents.money()).toBe(row.influencedRevenue);
    });
    expect(analysis.exact.partner(partners.length)).toBeNull();
    expect(analysis.exact.partner(-1)).toBeNull();
  });

  it('answers a row read back from the JSON summary by its place, as the row object no longer matches', () => {
    const json = JSON.parse(JSON.stringify(toSummaryJson(analysis))) as { partners: { partner: string; creditedRevenue: number }[] };
    json.partners.forEach((row, i) => {
      expect(row.partner).toBe(partners[i]!.partner);
      expect(analysis.exact.partner(i)!.creditedCents.money()).toBe(row.creditedRevenue);
    });
  });

  it('the segments add the same exact sums per region and tier', () => {
    const tiers = analysis.summary.segments.tier;
    const sum = tiers.reduce((s, t) => s + Math.round(t.creditedRevenue * 100), 0);
    expect(sum).toBe(partners.reduce((s, p) => s + Math.round(p.creditedRevenue * 100), 0));
  });
});
