/** The custom functions of SPEC 6.3 through runFunction, as both hosts call them. */
import { analyze, runFunction, CUSTOM_FUNCTIONS, AttributionError, PARTNER_COLUMNS } from '../../src/core';
import type { Cell } from '../../src/core';

const grid: Cell[][] = [
  ['Pipeline export'],
  ['Deal ID', 'Stage', 'Amount', 'Lead Source', 'Partner', 'Partner Role', 'Influencing Partners', 'Reseller', 'Created Date', 'Close Date'],
  ['D1', 'Closed Won', 10000, 'Partner Referral', 'Acme Inc.', '', '', '', 45292, 45350],
  ['D2', 'Closed Won', 9000.01, 'Web', '', '', 'Globex; Initech', '', 45292, 45350],
  ['', '', '', '', '', '', '', '', '', ''],
  ['D3', 'Closed Won', 2000, 'Web', '', '', '', 'Hooli', 45292, 45350],
  ['D4', 'Negotiation', 8000, 'Web', 'Initech', '', '', '', 45292, ''],
  ['D5', 'Closed Won', 3000, '', '', '', '', '', 45292, 45350],
];
const { summary } = analyze({ deals: grid });

describe('custom functions', () => {
  it('has one definition per SPEC function, with Sheets and Excel names', () => {
    expect(CUSTOM_FUNCTIONS.map((f) => f.sheetsName)).toEqual(['PARTNER_CLASSIFY', 'PARTNER_EXPLAIN', 'PARTNER_SOURCED', 'PARTNER_INFLUENCED',
      'PARTNER_RESOLD', 'PARTNER_LED', 'PARTNER_CREDIT', 'PARTNER_SHARE', 'PARTNER_PAYOUT', 'PARTNER_ROLLUP']);
    for (const f of CUSTOM_FUNCTIONS) expect(f.sheetsName).toBe(`PARTNER_${f.id}`);
  });

  it('CLASSIFY returns a column aligned with the input rows, blank for title and blank rows', () => {
    expect(runFunction('CLASSIFY', [grid])).toEqual([[''], ['Partner Motion'], ['Sourced'], ['Influenced'], [''], ['Resold'], ['Influenced'], ['Direct']]);
  });

  it('EXPLAIN returns the reasons aligned with the rows', () => {
    const out = runFunction('EXPLAIN', [grid]) as Cell[][];
    expect(out[1]).toEqual(['Partner Reason']);
    expect(out[2]![0]).toContain('Sourced by Acme Inc.');
  });

  it('returns totals, or one partner\'s numbers, by status; omitted arguments may be undefined, null or ""', () => {
    expect(runFunction('SOURCED', [grid])).toBe(summary.totals.sourcedRevenue);
    expect(runFunction('SOURCED', [grid, null, null, null])).toBe(10000);
    expect(runFunction('SOURCED', [grid, 'acme inc', 'won'])).toBe(10000);
    expect(runFunction('INFLUENCED', [grid, undefined, ''])).toBe(9000.01);
    expect(runFunction('INFLUENCED', [grid, 'Initech', 'open'])).toBe(8000);
    expect(runFunction('INFLUENCED', [grid, 'Initech', 'all'])).toBe(17000.01);
    expect(runFunction('RESOLD', [grid])).toBe(2000);
    expect(runFunction('LED', [grid])).toBe(21000.01);
    expect(runFunction('LED', [grid, 'Globex'])).toBe(4500.01);
    expect(runFunction('LED', [grid, 'Nobody'])).toBe(0);
  });

  it('CREDIT applies a model for one partner', () => {
    expect(runFunction('CREDIT', [grid, 'Globex', 'first'])).toBe(9000.01);
    expect(runFunction('CREDIT', [grid, 'Initech', 'first'])).toBe(0);
    expect(runFunction('CREDIT', [grid, 'Initech', null, 'open'])).toBe(8000);
  });

  it('SHARE returns a fraction of revenue, partner-led by default', () => {
    expect(runFunction('SHARE', [grid])).toBe(summary.totals.partnerLedShare);
    expect(runFunction('SHARE', [grid, 'direct'])).toBe(summary.totals.directShare);
  });

  it('ROLLUP spills the per-partner table with its header', () => {
    const out = runFunction('ROLLUP', [grid]) as Cell[][];
    expect(out[0]).toEqual(PARTNER_COLUMNS.map((c) => c.label));
    expect(out.slice(1).map((r) => r[0])).toEqual(summary.partners.map((p) => p.partner));
  });

  it('applies saved settings: mapping and policy', () => {
    const settings = { version: 1 as const, tab: null, mapping: { partner: null }, policy: { influenceModel: 'first' as const } };
    expect(runFunction('LED', [grid, 'Initech'], settings)).toBe(0);
  });

  it.each([
    ['deals must be a range', 'SOURCED', ['A1:K500']],
    ['bad status', 'SOURCED', [grid, '', 'closed']],
    ['bad model', 'CREDIT', [grid, 'Acme', 'linear']],
    ['missing partner', 'CREDIT', [grid]],
    ['bad motion', 'SHARE', [grid, 'partner']],
    ['no header', 'LED', [[['a', 'b'], [1, 2]]]],
  ])('gives a clear message instead of a number: %s', (_label, id, args) => {
    expect(() => runFunction(id as string, args as unknown[])).toThrow(AttributionError);
  });
});
