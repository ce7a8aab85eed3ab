/** Appending an override from the review list (issue 18): checked as the reader checks it, laid out in the tab's own columns. */
import { analyze, overrideProblem, planOverrideAppend, toSummaryJson } from '../../src/core';
import type { Cell, OverrideAppend, OverrideRequest } from '../../src/core';

const deals: Cell[][] = [
  ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Lead Source', 'Partner Account', 'Created Date', 'Close Date'],
  ['00123', 'Northwind renewal', 'Closed Won', 10000, 'Partner Referral', 'Acme Inc.', '2024-02-01', '2024-04-01'],
  ['006A3', 'Fabrikam new logo', 'Closed Won', 3000.01, 'Web', '', '2024-02-01', '2024-05-01'],
];
const set = (over: Partial<OverrideRequest>): OverrideRequest => ({ dealId: '006A3', motion: 'sourced', partners: [{ name: 'Globex', share: null }], note: 'Intro at the summit', ...over });

/** The grid after writing the plan, as a host would (only the plan's cells). */
const apply = (grid: Cell[][] | null, plan: OverrideAppend): Cell[][] => {
  const out = (grid ?? []).map((row) => [...row]);
  const put = (r: number, c: number, v: string) => { while (out.length <= r) out.push([]); const row = out[r]!; while (row.length <= c) row.push(''); row[c] = v; };
  plan.header?.forEach((h, c) => put(0, c, h));
  plan.cells.forEach((cell) => put(plan.rowIndex, cell.column, cell.text));
  return out;
};

describe('overrideProblem', () => {
  it('accepts a Keep of the rules decision and a Set with shares summing to 100%', () => {
    expect(overrideProblem(set({}))).toBeNull();
    expect(overrideProblem(set({ motion: 'influenced', partners: [{ name: 'Globex', share: 60 }, { name: 'Initech', share: 40 }] }))).toBeNull();
    expect(overrideProblem(set({ motion: 'direct', partners: [] }))).toBeNull();
  });

  it('refuses a partner on a direct deal, shares off 100%, a missing share, an empty deal ID, in plain words', () => {
    expect(overrideProblem(set({ motion: 'direct' }))).toMatch(/a direct deal has no partner; leave Partner empty\.$/);
    expect(overrideProblem(set({ partners: [{ name: 'Globex', share: 60 }, { name: 'Initech', share: 30 }] }))).toMatch(/the shares add up to 90%, not 100%/);
    expect(overrideProblem(set({ partners: [{ name: 'Globex', share: 60 }, { name: 'Initech', share: null }] }))).toMatch(/give every partner a share/);
    expect(overrideProblem(set({ partners: [] }))).toMatch(/needs a partner/);
    expect(overrideProblem(set({ dealId: '  ' }))).toMatch(/needs the Deal ID/);
    expect(overrideProblem(set({ partners: [{ name: 'Acme; Globex', share: null }] }))).toMatch(/holds ";"/);
    expect(overrideProblem(set({ partners: [{ name: 'Top 10%', share: null }] }))).toMatch(/cannot be written so that they read back/);
    expect(overrideProblem(set({ motion: 'partnered' as never }))).toMatch(/not a motion/);
  });

  it('throws the same words from planOverrideAppend, so no host writes a row the reader would ignore', () => {
    expect(() => planOverrideAppend(null, set({ motion: 'direct' }))).toThrow(/a direct deal has no partner/);
  });
});

describe('planOverrideAppend', () => {
  it('creates the header row and the override on a new tab', () => {
    const plan = planOverrideAppend(null, set({ partners: [{ name: 'Globex', share: 70 }, { name: 'Initech', share: 30 }] }));
    expect(apply(null, plan)).toEqual([['Deal ID', 'Motion', 'Partner', 'Note'], ['006A3', 'Sourced', 'Globex 70%; Initech 30%', 'Intro at the summit']]);
  });

  it('appends after the last non-empty row, in the user\'s column order, leaving extra columns and blank rows above alone', () => {
    const user: Cell[][] = [
      ['Overrides agreed in the QBR', '', '', '', ''],
      ['Who', 'Note', 'Opportunity ID', 'Partner', 'Motion'],
      ['Dana', 'checked', '00123', 'Globex', 'Influenced'],
      ['', '', '', '', ''],
      ['Lee', '', 'X-9', '', 'Direct'],
      ['', '', '', '', ''],
    ];
    const plan = planOverrideAppend(user, set({}));
    expect(plan.rowIndex).toBe(5);
    expect(plan.header).toBeNull();
    const after = apply(user, plan);
    expect(after.slice(0, 5)).toEqual(user.slice(0, 5));
    expect(after[5]).toEqual(['', 'Intro at the summit', '006A3', 'Globex', 'Sourced']);
    expect(after).toHaveLength(6);
  });

  it('refuses a tab with rows but no Deal ID / Motion header, and a partner when the tab has no Partner column', () => {
    expect(() => planOverrideAppend([['some notes'], ['more']], set({}))).toThrow(/no header row with a Deal ID and a Motion column/);
    expect(() => planOverrideAppend([['Deal ID', 'Motion'], ['X', 'Direct']], set({}))).toThrow(/no Partner column/);
    const direct = planOverrideAppend([['Deal ID', 'Motion'], ['X', 'Direct']], set({ motion: 'direct', partners: [] }));
    expect(direct.message).toMatch(/no Note column, so the note "Intro at the summit" was not written/);
  });

  it('writes a row the engine reads back: the deal flips to the set motion and the credit moves, in cents', () => {
    const before = toSummaryJson(analyze({ deals }, { policy: { asOfDate: '2024-06-30' } }));
    const overrides = apply(null, planOverrideAppend(null, set({ motion: 'influenced', partners: [{ name: 'Acme Inc.', share: 33.33 }, { name: 'Globex', share: 66.67 }] })));
    const keep = apply(overrides, planOverrideAppend(overrides, set({ dealId: '00123', motion: 'sourced', partners: [{ name: 'Acme Inc.', share: null }], note: 'Kept after review' })));
    const after = toSummaryJson(analyze({ deals, overrides: keep }, { policy: { asOfDate: '2024-06-30' } }));
    expect(after.issues.filter((i) => i.code.startsWith('OVERRIDE') && i.code !== 'OVERRIDE_NEW_PARTNER')).toEqual([]);
    const d = after.deals.find((x) => x.id === '006A3')!;
    expect(before.deals.find((x) => x.id === '006A3')!.motion).toBe('direct');
    expect(d.motion).toBe('influenced');
    expect(d.credits).toEqual({ 'Acme Inc.': 999.9, Globex: 2000.11 });
    expect(after.totals.directRevenue).toBe(before.totals.directRevenue - 3000.01);
    expect(after.deals.find((x) => x.id === '00123')!.reason).toMatch(/^Set by hand: Kept after review\. Sourced by Acme Inc\./);
    expect(after.totals.sourcedRevenue).toBe(before.totals.sourcedRevenue);
  });
});
