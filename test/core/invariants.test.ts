/** Invariants over random workbooks (fast-check): conservation, totals by motion, determinism, row-order independence. */
import fc from 'fast-check';
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell, Summary } from '../../src/core';

const PARTNERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'];
const STAGES = ['Closed Won', 'Closed Lost', 'Negotiation', 'Won', ''];
const HEADER = ['Deal ID', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Sourcing Partner', 'Partner', 'Partner Role',
  'Influencing Partners', 'Reseller', 'Registered By', 'Registration Date', 'Registration Status'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: '' as const, freq: 2 });
const partnerCell = maybe(fc.subarray(PARTNERS, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('; ')));
const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d)));

const dealRow = (id: number) => fc.tuple(
  fc.constantFrom(...STAGES),
  fc.oneof(fc.integer({ min: -5000, max: 5_000_000 }).map((c) => c / 100), fc.constant(''), fc.constant('#N/A'), fc.constant('$1,234.57')),
  maybe(day), maybe(day), fc.constantFrom('', 'Web', 'Partner Referral', 'Channel'),
  partnerCell, partnerCell, fc.constantFrom('', 'Reseller', 'Referral', 'Influencer', 'Implementation'),
  partnerCell, partnerCell, partnerCell, maybe(day), fc.constantFrom('', 'Approved', 'Rejected'),
).map((cells): Cell[] => [`D${id}`, ...cells]);

const workbook = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dealRow(i))))
  .chain((rows) => fc.tuple(fc.constant(rows), fc.array(fc.tuple(fc.integer({ min: 0, max: Math.max(0, rows.length - 1) }),
    fc.constantFrom(...PARTNERS), fc.constantFrom('Demo', 'Webinar', 'Referral', 'Email', 'Meeting', 'Onboarding'), day), { maxLength: 30 })));

const policy = fc.record({
  influenceModel: fc.constantFrom('even', 'first', 'last', 'position', 'time-decay', 'weighted'),
  conflictPolicy: fc.constantFrom('precedence', 'split', 'flag'),
  sourcedShare: fc.constantFrom(1, 0.7, 0.5, 0),
  resoldCountsAs: fc.constantFrom('resold', 'sourced'),
  asOfDate: fc.constant('2025-01-01'),
});

const run = (rows: Cell[][], touches: [number, string, string, Date][], p: object): Summary => toSummaryJson(analyze({
  deals: [HEADER, ...rows],
  touches: [['Deal ID', 'Partner', 'Activity', 'Date'], ...touches.map(([i, partner, activity, date]) => [`D${i}`, partner, activity, date])],
}, { policy: p }));

const cents = (n: number) => Math.round(n * 100);
const params = { numRuns: 150 };

describe('for any workbook and policy', () => {
  it('credits on each deal sum to its amount to the cent, and partners sum to partner-led revenue', () => {
    fc.assert(fc.property(workbook, policy, ([rows, touches], p) => {
      const s = run(rows, touches, p);
      for (const d of s.deals) {
        const sum = Object.values(d.credits).reduce((a, b) => a + cents(b), 0);
        if (d.partnerLed && d.amount !== null) expect(sum).toBe(cents(d.amount));
        else expect(sum).toBe(0);
      }
      expect(s.partners.reduce((a, p2) => a + cents(p2.creditedRevenue), 0)).toBe(cents(s.totals.partnerLedRevenue));
      expect(s.partners.reduce((a, p2) => a + cents(p2.creditedPipeline), 0)).toBe(cents(s.totals.partnerLedPipeline));
    }), params);
  });

  it('revenue by motion sums to revenue, and periods sum to revenue', () => {
    fc.assert(fc.property(workbook, policy, ([rows, touches], p) => {
      const t = run(rows, touches, p).totals;
      expect(cents(t.sourcedRevenue) + cents(t.influencedRevenue) + cents(t.resoldRevenue) + cents(t.directRevenue)).toBe(cents(t.revenue));
      expect(cents(t.partnerLedRevenue) + cents(t.directRevenue)).toBe(cents(t.revenue));
      expect(t.wonDeals + t.lostDeals + t.openDeals).toBe(t.deals);
      const periods = run(rows, touches, p).periods.reduce((a, x) => a + cents(x.revenue), 0);
      expect(periods).toBe(cents(t.revenue));
    }), params);
  });

  it('gives the same output for the same input', () => {
    fc.assert(fc.property(workbook, policy, ([rows, touches], p) => {
      expect(run(rows, touches, p)).toEqual(run(rows, touches, p));
    }), { numRuns: 50 });
  });

  it('does not depend on the order of deal rows or touch rows', () => {
    fc.assert(fc.property(workbook, policy, fc.integer(), ([rows, touches], p, seed) => {
      const shuffle = <T>(xs: T[]): T[] => {
        const out = [...xs];
        let s = seed >>> 0;
        for (let i = out.length - 1; i > 0; i--) { s = (s * 1103515245 + 12345) >>> 0; const j = s % (i + 1); [out[i], out[j]] = [out[j]!, out[i]!]; }
        return out;
      };
      const a = run(rows, touches, p);
      const b = run(shuffle(rows), shuffle(touches), p);
      expect(b.totals).toEqual(a.totals);
      expect(b.partners).toEqual(a.partners);
      expect(b.periods).toEqual(a.periods);
      const byId = (s: Summary) => Object.fromEntries(s.deals.map((d) => [d.id, [d.motion, d.credits, d.reason]]));
      expect(byId(b)).toEqual(byId(a));
    }), params);
  });
});
