/**
 * Money that stays exact past 2^53 cents (issue 13): Korean won and Indonesian rupiah books. Every
 * rollup (partners, quarters, segments, payouts, the report tabs' sums) is the nearest number to
 * the exact sum, partners add up to the totals and motions to revenue, and a warning gives the
 * exact totals where spreadsheet cells and JSON numbers cannot show every cent.
 */
import fc from 'fast-check';
import { analyze, buildReportTabs } from '../../src/core';
import type { Analysis } from '../../src/core';
import { CentsSum, centsToMoney } from '../../src/core/rollup/centsSum';
import { dealGrid } from './dealGrid';

const big = (money: number): bigint => BigInt(Math.round(money * 100));
const sumBig = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, BigInt(0));
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const PARTNERS = ['Samsung SDS', 'LG CNS', 'SK C&C', 'Hyundai AutoEver'];
const TIERS = new Map([['Samsung SDS', 'Platinum'], ['LG CNS', 'Gold'], ['SK C&C', 'Gold'], ['Hyundai AutoEver', 'Silver']]);
const directory = [['Partner', 'Tier'], ...PARTNERS.map((p) => [p, TIERS.get(p)!])];

/** A won book in won: Opportunity rows as a Salesforce export has them, amounts as numbers. */
interface Row { amount: number; sourcer: number; influencers: number[]; quarter: number; won: boolean }
const toGrid = (rows: readonly Row[]): ReturnType<typeof dealGrid> => dealGrid(rows.map((r, i) => ({
  'Opportunity ID': `006KR${String(i).padStart(5, '0')}`, Stage: r.won ? 'Closed Won' : 'Negotiation/Review', Amount: r.amount, 'Amount Currency': 'KRW',
  'Close Date': `2025-${String(r.quarter * 3 + 1).padStart(2, '0')}-15`,
  'Sourcing Partner': r.sourcer < 0 ? '' : PARTNERS[r.sourcer]!, 'Influencing Partners': r.influencers.map((k) => PARTNERS[k]!).join('; '),
})));

/** Exact credited cents per partner and exact revenue per motion, from each deal's own lines (each line is far below 2^53 cents). */
function exactFromDeals(analysis: Analysis): { credited: Map<string, bigint>; motion: Map<string, bigint>; quarter: Map<string, bigint>; revenue: bigint } {
  const s = analysis.summary;
  const credited = new Map<string, bigint>();
  const motion = new Map<string, bigint>();
  const quarter = new Map<string, bigint>();
  let revenue = BigInt(0);
  for (let i = 0; i < analysis.deals.length; i++) {
    const d = analysis.deals.dealRow(i);
    if (d.status !== 'won' || d.amount === null || !d.counted) continue;
    revenue += big(d.amount);
    motion.set(d.motion, (motion.get(d.motion) ?? BigInt(0)) + big(d.amount));
    const q = s.periods.find((p) => p.period === d.quarter)!.period;
    quarter.set(q, (quarter.get(q) ?? BigInt(0)) + big(d.amount));
    for (const [partner, amount] of Object.entries(d.credits)) credited.set(partner, (credited.get(partner) ?? BigInt(0)) + big(amount));
  }
  return { credited, motion, quarter, revenue };
}

describe('CentsSum', () => {
  it('carries past 2^53 cents instead of rounding, and adds sums exactly', () => {
    const a = new CentsSum();
    a.add(Number.MAX_SAFE_INTEGER); a.add(3); a.add(-1);
    expect(a.exact()).toBe(SAFE + BigInt(2));
    const plain = Number.MAX_SAFE_INTEGER + 3 - 1; // what a double sum makes of it
    expect(BigInt(plain)).not.toBe(SAFE + BigInt(2));
    const b = CentsSum.of(a, a);
    expect(b.exact()).toBe((SAFE + BigInt(2)) * BigInt(2));
    b.addExact(-(SAFE + BigInt(2)) * BigInt(2) + BigInt(150));
    expect(b.money()).toBe(1.5);
  });
});

describe('a Korean won book past 2^53 cents', () => {
  // 20 won deals of 9,999,999,999,999.99 KRW (the largest amount read to the cent) and 10 open ones.
  const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ amount: 9999999999999.99, sourcer: i % 3, influencers: i % 2 === 0 ? [3] : [], quarter: i % 2, won: true }));
  rows.push({ amount: 12345.67, sourcer: -1, influencers: [], quarter: 0, won: true });
  for (let i = 0; i < 10; i++) rows.push({ amount: 9999999999999.99, sourcer: 0, influencers: [], quarter: 1, won: false });
  const analysis = analyze({ deals: toGrid(rows), partners: directory }, { policy: { reportingCurrency: 'KRW' } });
  const s = analysis.summary;
  const x = exactFromDeals(analysis);

  it('gives each partner, quarter and tier the nearest number to its exact sum', () => {
    expect(x.revenue).toBeGreaterThan(SAFE);
    for (const p of s.partners) expect(p.creditedRevenue).toBe(centsToMoney(x.credited.get(p.partner) ?? BigInt(0)));
    for (const p of s.periods) expect(p.revenue).toBe(centsToMoney(x.quarter.get(p.period) ?? BigInt(0)));
    const gold = sumBig(['LG CNS', 'SK C&C'].map((p) => x.credited.get(p) ?? BigInt(0)));
    expect(s.segments.tier.find((t) => t.key === 'Gold')!.creditedRevenue).toBe(centsToMoney(gold));
    expect(s.totals.revenue).toBe(centsToMoney(x.revenue));
    expect(s.totals.pipeline).toBe(centsToMoney(BigInt('9999999999999990')));
    expect(s.periods.reduce((a, p) => a + p.pipeline, 0)).toBe(s.totals.pipeline);
  });

  it('writes a warning with the exact totals, as text, where the numbers cannot hold every cent', () => {
    const note = s.issues.filter((i) => i.code === 'MONEY_LONG');
    expect(note).toHaveLength(1);
    expect(note[0]!.severity).toBe('warning');
    expect(note[0]!.message).toMatch(/^\d+ totals, \d+ partner figures, \d+ quarter figures, \d+ segment figures are 10 trillion KRW or more/);
    expect(note[0]!.effect).toContain('The exact totals: revenue 200,000,000,012,345.47 KRW; partner-led revenue 199,999,999,999,999.80 KRW;');
    expect(note[0]!.effect).toContain('pipeline 99,999,999,999,999.90 KRW');
    expect(note[0]!.value).toBe('revenue 200,000,000,012,345.47 KRW');
  });

  it('sums the Partner Trend quarter rows exactly to partner-led revenue', () => {
    const trend = buildReportTabs(analysis).find((t) => t.name === 'Partner Trend')!;
    const block = trend.blocks.find((b) => b.values[0]?.includes('Partner-led'))!;
    const ledCol = block.values[0]!.indexOf('Partner-led');
    const led = sumBig(block.values.slice(1).map((r) => big(r[ledCol] as number)));
    expect(centsToMoney(led)).toBe(s.totals.partnerLedRevenue);
  });

  it('does not warn on an ordinary book', () => {
    const small = analyze({ deals: toGrid(rows.map((r) => ({ ...r, amount: 1250000 }))) }, { policy: { reportingCurrency: 'KRW' } }).summary;
    expect(small.issues.map((i) => i.code)).not.toContain('MONEY_LONG');
  });
});

describe('payouts on a rupiah book', () => {
  it('sums the payout basis of a partner past 2^53 cents exactly', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ 'Deal ID': `INV/2025/${i}`, Stage: 'Closed Won', Amount: 9500000000000 + i / 100,
      Currency: 'IDR', 'Close Date': '2025-02-01', 'Sourcing Partner': 'PT Mitra Solusi' }));
    const s = analyze({ deals: dealGrid(rows) }, { policy: { reportingCurrency: 'IDR', incentives: { sourced: 0.01 } } }).summary;
    const exact = BigInt('11400000000000066'); // 12 x 9.5e14 cents + 0 + 1 + ... + 11
    expect(s.payouts!.partners[0]!.sourcedBasis).toBe(centsToMoney(exact));
    expect(s.payouts!.lifetime[0]!.creditedRevenue).toBe(centsToMoney(exact));
    expect(s.payouts!.total).toBe(1140000000000); // 1% of each line, to the cent
    expect(s.issues.find((i) => i.code === 'MONEY_LONG')!.message).toContain('payout figure');
  });
});

describe('property: partners add up to the totals and motions to revenue, exactly', () => {
  const row: fc.Arbitrary<Row> = fc.record({
    // Amounts up to 9,999,999,999,999.99 with cents (ten of them pass 2^53 cents), a few credit notes.
    amount: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 5e14, max: 999_999_999_999_999 }) },
      { weight: 1, arbitrary: fc.integer({ min: -1e12, max: 1e9 }) }).map((c) => c / 100),
    sourcer: fc.integer({ min: -1, max: 3 }),
    influencers: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
    quarter: fc.integer({ min: 0, max: 3 }),
    won: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });

  it('holds for won books of any size', () => {
    let past = 0;
    fc.assert(fc.property(fc.array(row, { minLength: 12, maxLength: 30 }), (rows) => {
      const analysis = analyze({ deals: toGrid(rows), partners: directory }, { policy: { reportingCurrency: 'KRW' } });
      const s = analysis.summary;
      const x = exactFromDeals(analysis);
      if (x.revenue > SAFE) past++;
      // Each partner row is the nearest number to its exact credit; together they are partner-led revenue exactly.
      for (const p of s.partners) expect(p.creditedRevenue).toBe(centsToMoney(x.credited.get(p.partner) ?? BigInt(0)));
      const led = sumBig([...x.credited.values()]);
      expect(s.totals.partnerLedRevenue).toBe(centsToMoney(led));
      // Motions add up to revenue exactly, and partner-led is sourced + influenced + resold.
      const m = (k: string): bigint => x.motion.get(k) ?? BigInt(0);
      expect(m('sourced') + m('influenced') + m('resold')).toBe(led);
      expect(s.totals.revenue).toBe(centsToMoney(x.revenue));
      expect(s.totals.sourcedRevenue).toBe(centsToMoney(m('sourced')));
      expect(s.totals.influencedRevenue).toBe(centsToMoney(m('influenced')));
      expect(s.totals.directRevenue).toBe(centsToMoney(m('direct')));
      for (const p of s.periods) expect(p.revenue).toBe(centsToMoney(x.quarter.get(p.period) ?? BigInt(0)));
      const tiers = new Map<string, bigint>();
      for (const [partner, cents] of x.credited) tiers.set(TIERS.get(partner)!, (tiers.get(TIERS.get(partner)!) ?? BigInt(0)) + cents);
      for (const t of s.segments.tier) expect(t.creditedRevenue).toBe(centsToMoney(tiers.get(t.key) ?? BigInt(0)));
      // Past 10 trillion the warning is there, with the exact revenue as text.
      const long = s.issues.some((i) => i.code === 'MONEY_LONG');
      expect(long).toBe([s.totals, ...s.partners, ...s.periods].some((r) => Object.values(r).some((v) => typeof v === 'number' && Math.abs(v) >= 1e13))
        || [...s.segments.region, ...s.segments.tier, ...s.segments.type].some((r) => Object.values(r).some((v) => typeof v === 'number' && Math.abs(v) >= 1e13)));
    }), { numRuns: 60 });
    expect(past).toBeGreaterThan(5); // the runs do reach past 2^53 cents
  });
});
