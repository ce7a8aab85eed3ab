/** Properties over random multi-currency books (fast-check): no total mixes currencies, credits and motions still add up. */
import fc from 'fast-check';
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell } from '../../src/core';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];
/** Units of USD per unit; JPY has no rate, so its deals must stay out of every money total. */
const FX: Cell[][] = [['Currency', 'Rate'], ['USD', 1], ['EUR', 1.08], ['GBP', 1.27]];
const PARTNERS = ['Acme', 'Globex', 'Initech'];

const row = (i: number): fc.Arbitrary<Cell[]> => fc.tuple(
  fc.constantFrom('Closed Won', 'Closed Won', 'Negotiation', 'Closed Lost'),
  fc.integer({ min: -50_000, max: 5_000_000 }).map((c) => c / 100),
  fc.constantFrom(...CURRENCIES),
  fc.constantFrom('', 'Partner Referral', 'Web'),
  fc.option(fc.constantFrom(...PARTNERS), { nil: '' }),
  fc.option(fc.subarray(PARTNERS, { minLength: 1 }).map((ps) => ps.join('; ')), { nil: '' }),
).map((cells): Cell[] => [`D-${i}`, ...cells]);
const book = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => row(i))))
  .map((rows): Cell[][] => [['Opportunity ID', 'Stage', 'Amount', 'Currency', 'Lead Source', 'Partner', 'Influencing Partners'], ...rows]);

const cents = (n: number): number => Math.round(n * 100);
/**
 * A converted amount in cents, worked out exactly in integers (amounts are whole cents, rates whole
 * hundredths) and rounded half away from zero, as money is: 32,972.50 GBP at 1.27 is 41,875.075, so
 * 41,875.08 USD (floating point alone gives 41875.07499..., one cent short).
 */
const toUsdCents = (amount: number, currency: string): number | null => {
  const rate = FX.find((r) => r[0] === currency)?.[1];
  if (typeof rate !== 'number') return null;
  const exact = Math.round(amount * 100) * Math.round(rate * 100); // ten-thousandths of a dollar
  return Math.sign(exact) * Math.floor((Math.abs(exact) + 50) / 100) + 0;
};

describe('for any book in several currencies, reported in USD', () => {
  it('converts a half cent the way money is rounded, up and away from zero', () => {
    expect(toUsdCents(32_972.5, 'GBP')).toBe(4_187_508);
    const summary = toSummaryJson(analyze({ deals: [['Opportunity ID', 'Stage', 'Amount', 'Currency'], ['D-1', 'Closed Won', 32_972.5, 'GBP']], fx: FX },
      { policy: { reportingCurrency: 'USD' } }));
    expect(summary.totals.revenue).toBe(41_875.08);
  });

  it('revenue is the won deals converted at their own rate, and a currency without a rate is left out and reported', () => {
    fc.assert(fc.property(book, (deals) => {
      const summary = toSummaryJson(analyze({ deals, fx: FX }, { policy: { reportingCurrency: 'USD' } }));
      let expected = 0;
      for (const r of deals.slice(1)) {
        if (r[1] !== 'Closed Won') continue;
        const usd = toUsdCents(r[2] as number, r[3] as string);
        if (usd !== null) expected += usd;
      }
      expect(cents(summary.totals.revenue)).toBe(expected);
      const hasYen = deals.slice(1).some((r) => r[3] === 'JPY');
      expect(summary.issues.some((i) => i.value === 'JPY')).toBe(hasYen);
      for (const d of summary.deals) if (deals[d.row - 1]![3] === 'JPY') expect(d.amount).toBeNull();
    }), { numRuns: 150 });
  });

  it('motions add up to revenue and each deal\'s credits to its converted amount, to the cent', () => {
    fc.assert(fc.property(book, (deals) => {
      const summary = toSummaryJson(analyze({ deals, fx: FX }, { policy: { reportingCurrency: 'USD' } }));
      const t = summary.totals;
      expect(cents(t.sourcedRevenue) + cents(t.influencedRevenue) + cents(t.resoldRevenue) + cents(t.directRevenue)).toBe(cents(t.revenue));
      for (const d of summary.deals) {
        const credited = Object.values(d.credits).reduce((a, v) => a + cents(v), 0);
        if (d.motion !== 'direct' && d.amount !== null && d.counted) expect(credited).toBe(cents(d.amount));
        else expect(credited).toBe(0);
      }
      expect(summary.partners.reduce((a, p) => a + cents(p.creditedRevenue), 0)).toBe(cents(t.partnerLedRevenue));
    }), { numRuns: 150 });
  });
});
