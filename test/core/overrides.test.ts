/** Overrides (issue 18): a hand-set attribution wins over every rule; a bad one is reported and changes nothing. */
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell, Summary } from '../../src/core';

// A Salesforce-style opportunity export.
const deals: Cell[][] = [
  ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Lead Source', 'Partner Account', 'Influencing Partners', 'Created Date', 'Close Date'],
  ['006A1', 'Northwind renewal', 'Closed Won', 10000, 'Partner Referral', 'Acme Inc.', '', '2024-02-01', '2024-04-01'],
  ['006A2', 'Contoso expansion', 'Closed Won', 9000.01, 'Web', '', 'Globex; Initech', '2024-02-01', '2024-04-10'],
  ['006A3', 'Fabrikam new logo', 'Closed Won', 3000, 'Web', '', '', '2024-02-01', '2024-05-01'],
  ['006A4', 'Tailspin pilot', 'Proposal', 8000, 'Web', 'Initech', '', '2024-02-01', ''],
];
const overridesTab = (...rows: Cell[][]): Cell[][] => [['Deal ID', 'Motion', 'Partner', 'Note'], ...rows];
const run = (overrides?: Cell[][], grid: Cell[][] = deals): Summary =>
  toSummaryJson(analyze({ deals: grid, overrides }, { policy: { asOfDate: '2024-06-30' } }));
const deal = (s: Summary, id: string) => s.deals.find((d) => d.id === id)!;
const partner = (s: Summary, name: string) => s.partners.find((p) => p.partner === name);

describe('an override in the Attribution Overrides tab', () => {
  const before = run();

  it('flips a direct deal to sourced, credits the partner and the totals follow', () => {
    const after = run(overridesTab(['006A3', 'Sourced', 'Globex', 'Globex introduced the CFO at their summit']));
    const d = deal(after, '006A3');
    expect(deal(before, '006A3').motion).toBe('direct');
    expect(d.motion).toBe('sourced');
    expect(d.sourcingPartner).toBe('Globex');
    expect(d.credits).toEqual({ Globex: 3000 });
    expect(d.reason).toMatch(/^Set by hand: Globex introduced the CFO at their summit\. Sourced by Globex \(Attribution Overrides row 2\); the rules said: Direct/);
    expect(after.totals.sourcedRevenue).toBe(before.totals.sourcedRevenue + 3000);
    expect(after.totals.directRevenue).toBe(before.totals.directRevenue - 3000);
    expect(after.totals.partnerLedRevenue).toBe(before.totals.partnerLedRevenue + 3000);
    expect(partner(after, 'Globex')!.sourcedRevenue).toBe(3000);
    expect(partner(after, 'Globex')!.creditedRevenue).toBe(partner(before, 'Globex')!.creditedRevenue + 3000);
    expect(after.issues.filter((i) => i.code.startsWith('OVERRIDE'))).toEqual([]);
  });

  it('splits credit by the shares given, in cents that sum to the amount', () => {
    const after = run(overridesTab(['006A2', 'influenced', 'Globex 60%; Initech 40%', '']));
    const d = deal(after, '006A2');
    expect(d.credits).toEqual({ Globex: 5400.01, Initech: 3600 });
    expect(d.credits.Globex! + d.credits.Initech!).toBeCloseTo(9000.01, 10);
    expect(d.reason).toContain('Set by hand: (no note). Influenced with Globex, Initech (60%, 40%)');
    expect(deal(before, '006A2').credits).toEqual({ Globex: 4500.01, Initech: 4500 });
  });

  it('sets a partner-led deal to direct: no credit, and the partner loses it', () => {
    const after = run(overridesTab(['006A1', 'Direct', '', 'Acme only resold the support contract']));
    expect(deal(after, '006A1').motion).toBe('direct');
    expect(deal(after, '006A1').credits).toEqual({});
    expect(deal(after, '006A1').reason).toContain('the rules said: Sourced by Acme Inc.');
    expect(partner(after, 'Acme Inc.')).toBeUndefined();
    expect(after.totals.directRevenue).toBe(before.totals.directRevenue + 10000);
    const credited = after.partners.reduce((sum, p) => sum + Math.round(p.creditedRevenue * 100), 0);
    expect(credited).toBe(Math.round(after.totals.partnerLedRevenue * 100));
  });

  it('is also read from Override Motion / Override Partner columns in the deals table', () => {
    const grid = deals.map((row, i) => [...row, i === 0 ? 'Override Motion' : i === 4 ? 'Resold' : '', i === 0 ? 'Override Partner' : i === 4 ? 'Hooli Distribution' : '']);
    const after = run(undefined, grid);
    expect(deal(after, '006A4').motion).toBe('resold');
    expect(deal(after, '006A4').reseller).toBe('Hooli Distribution');
    expect(after.totals.resoldPipeline).toBe(8000);
    expect(after.issues.map((i) => i.code)).toContain('OVERRIDE_NEW_PARTNER');
  });

  it('uses the later of two overrides for one deal, and says so', () => {
    const after = run(overridesTab(['006A3', 'Sourced', 'Globex', ''], ['006A3', 'Influenced', 'Acme', 'corrected']));
    expect(deal(after, '006A3').motion).toBe('influenced');
    expect(deal(after, '006A3').credits).toEqual({ 'Acme Inc.': 3000 });
    expect(after.issues.find((i) => i.code === 'OVERRIDE_REPEATED')?.effect).toBe('The later override is used.');
  });
});

describe('an invalid override', () => {
  const before = run();
  const cases: [string, Cell[], string][] = [
    ['an unknown Deal ID', ['006ZZ', 'Sourced', 'Globex', ''], 'OVERRIDE_UNKNOWN_DEAL'],
    ['an unknown motion', ['006A3', 'Co-sold', 'Globex', ''], 'OVERRIDE_BAD_MOTION'],
    ['shares that do not sum to 100%', ['006A2', 'Influenced', 'Globex 60%; Initech 30%', ''], 'OVERRIDE_BAD_PARTNERS'],
    ['shares on some partners only', ['006A2', 'Influenced', 'Globex 60%; Initech', ''], 'OVERRIDE_BAD_PARTNERS'],
    ['a partner on a direct deal', ['006A1', 'Direct', 'Acme', ''], 'OVERRIDE_BAD_PARTNERS'],
    ['a sourced deal without a partner', ['006A3', 'Sourced', '', ''], 'OVERRIDE_BAD_PARTNERS'],
    ['no Deal ID', ['', 'Sourced', 'Globex', ''], 'OVERRIDE_NO_DEAL_ID'],
  ];
  it.each(cases)('(%s) is a data issue on its row and changes nothing', (_what, row, code) => {
    const after = run(overridesTab(row));
    const issue = after.issues.find((i) => i.code === code);
    expect(issue).toMatchObject({ severity: 'warning', row: 2, effect: 'Ignored: it changes nothing.' });
    expect(issue!.message).toContain('Attribution Overrides row 2');
    expect(after.totals).toEqual(before.totals);
    expect(after.partners).toEqual(before.partners);
    expect(after.deals.map((d) => [d.motion, d.credits, d.reason])).toEqual(before.deals.map((d) => [d.motion, d.credits, d.reason]));
  });

  it('names the problem with the shares in words', () => {
    const issue = run(overridesTab(['006A2', 'Influenced', 'Globex 60%; Initech 30%', ''])).issues.find((i) => i.code === 'OVERRIDE_BAD_PARTNERS');
    expect(issue!.message).toBe('The override of deal "006A2" cannot be used: the shares add up to 90%, not 100% (Attribution Overrides row 2).');
  });

  it('leaves the valid rows of the same tab in force', () => {
    const after = run(overridesTab(['006ZZ', 'Sourced', 'Globex', ''], ['006A3', 'Sourced', 'Globex', '']));
    expect(deal(after, '006A3').motion).toBe('sourced');
    expect(after.issues.filter((i) => i.code === 'OVERRIDE_UNKNOWN_DEAL')).toHaveLength(1);
  });

  it('a tab without a recognisable header is reported, not guessed at', () => {
    const after = run([['Opportunity', 'What'], ['006A3', 'Sourced']]);
    expect(after.issues.find((i) => i.code === 'TABLE_NO_HEADER')?.message).toContain('Attribution Overrides');
    expect(after.totals).toEqual(before.totals);
  });
});
