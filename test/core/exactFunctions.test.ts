/** Direct pipeline and the custom functions' sums are exact cents, equal to the summary's figures (issue 13). */
import fc from 'fast-check';
import { analyze } from '../../src/core';
import { runFunction } from '../../src/core/functions/functionList';

const HEADER = ['Opportunity ID', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner', 'Influencing Partners'];
const cents = (n: number): bigint => BigInt(Math.round(n * 100));

describe('exact sums', () => {
  it('the four motions\' pipelines add up to pipeline to the cent, on any open book', () => {
    const row = fc.tuple(fc.integer({ min: -10_000, max: 90_000_000_000 }), fc.constantFrom('', 'Acme', 'Globex'), fc.constantFrom('', 'Initech'));
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
      const grid = [HEADER, ...rows.map(([c, s, i], k) => [`006${k}`, 'Negotiation', c / 100, '2025-03-01', s, i])];
      const t = analyze({ deals: grid }).summary.totals;
      expect(cents(t.sourcedPipeline) + cents(t.influencedPipeline) + cents(t.resoldPipeline) + cents(t.directPipeline)).toBe(cents(t.pipeline));
      expect(cents(t.partnerLedPipeline) + cents(t.directPipeline)).toBe(cents(t.pipeline));
    }), { numRuns: 100 });
  });

  it('=PARTNER_SOURCED(…, "all") on a rupiah book equals the exact won + open sum, and 0.1 + 0.2 is 0.3', () => {
    const grid = [HEADER,
      ['006A', 'Closed Won', 9_876_543_210_987.07, '2025-01-10', 'Telkom Sigma', ''],
      ['006B', 'Negotiation', 8_765_432_109_876.05, '2025-02-10', 'Telkom Sigma', ''],
      ['006C', 'Closed Won', 0.1, '2025-01-11', 'Acme', ''], ['006D', 'Negotiation', 0.2, '2025-01-12', 'Acme', '']];
    const all = runFunction('SOURCED', [grid, 'Telkom Sigma', 'all']) as number;
    expect(all).toBe(Number('18641975320863.12'));
    expect(runFunction('SOURCED', [grid, 'Acme', 'all'])).toBe(0.3);
    const t = analyze({ deals: grid }).summary.totals;
    expect(runFunction('SOURCED', [grid])).toBe(t.sourcedRevenue);
    expect(runFunction('LED', [grid, '', 'open'])).toBe(t.partnerLedPipeline);
  });
});
