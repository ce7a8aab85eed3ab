/** Money, currencies and duplicates (SPEC 5) and the partner directory (SPEC 2.2, 2.5). */
import { analyze, toSummaryJson } from '../../src/core';
import { dealGrid, table } from './dealGrid';

describe('amounts in totals', () => {
  const summary = toSummaryJson(analyze({ deals: dealGrid([
    { 'Deal ID': '1', Stage: 'Closed Won', Amount: '$1,000.00' },
    { 'Deal ID': '2', Stage: 'Closed Won', Amount: '' },
    { 'Deal ID': '3', Stage: 'Closed Won', Amount: '#N/A' },
    { 'Deal ID': '4', Stage: 'Closed Won', Amount: 'call me' },
    { 'Deal ID': '5', Stage: 'Closed Won', Amount: '(200)' },
    { 'Deal ID': '1', Stage: 'Closed Won', Amount: 5000 },
    { 'Deal ID': '6', Stage: 'Prospecting', Amount: '' },
  ]) }));
  const issue = (row: number) => summary.issues.filter((i) => i.row === row).map((i) => i.code);

  it('leaves missing and unreadable amounts out of money but still counts the deals', () => {
    expect(summary.totals.revenue).toBe(800);
    expect(summary.totals.wonDeals).toBe(5);
    expect(summary.totals.deals).toBe(6);
  });

  it('reports each problem on its row', () => {
    expect(issue(3)).toEqual(['AMOUNT_MISSING_WON']);
    expect(issue(4)).toEqual(['CELL_ERROR']);
    expect(issue(5)).toEqual(['AMOUNT_INVALID']);
    expect(issue(6)).toEqual(['AMOUNT_NEGATIVE']);
    expect(summary.issues.find((i) => i.row === 6)!.severity).toBe('info');
    expect(issue(8)).toEqual(['AMOUNT_MISSING_OPEN']);
  });

  it('counts only the first occurrence of a repeated Deal ID', () => {
    expect(issue(7)).toEqual(['DUPLICATE_ID']);
    const dup = summary.deals.find((d) => d.row === 7)!;
    expect(dup.counted).toBe(false);
    expect(dup.reason).toContain('appears earlier');
  });
});

describe('currencies', () => {
  const grid = dealGrid([
    { 'Deal ID': '1', Stage: 'Won', Amount: 100, Currency: 'USD', Partner: 'Acme' },
    { 'Deal ID': '2', Stage: 'Won', Amount: 100, Currency: 'USD' },
    { 'Deal ID': '3', Stage: 'Won', Amount: 100, Currency: 'EUR', Partner: 'Acme' },
    { 'Deal ID': '4', Stage: 'Won', Amount: 100, Currency: 'JPY' },
  ]);

  it('reports in the most common currency and leaves others out without a rate, saying so', () => {
    const summary = toSummaryJson(analyze({ deals: grid }));
    expect(summary.reportingCurrency).toBe('USD');
    expect(summary.totals.revenue).toBe(200);
    expect(summary.issues.filter((i) => i.code === 'CURRENCY_NO_RATE').map((i) => i.row)).toEqual([4, 5]);
  });

  it('converts by the FX table and still leaves out currencies it has no rate for', () => {
    const summary = toSummaryJson(analyze({ deals: grid, fx: table(['Currency', 'Rate'], ['EUR', 1.1]) }));
    expect(summary.totals.revenue).toBe(310);
    expect(summary.deals[2]!.credits).toEqual({ Acme: 110 });
  });

  it('uses a chosen reporting currency with cross rates from the same table', () => {
    const summary = toSummaryJson(analyze({ deals: grid, fx: table(['Currency', 'Rate'], ['EUR', 1.1], ['USD', 1]) }, { policy: { reportingCurrency: 'EUR' } }));
    expect(summary.reportingCurrency).toBe('EUR');
    expect(summary.totals.revenue).toBe(Math.round((100 / 1.1 + 100 / 1.1 + 100) * 100) / 100);
  });

  it('reports in USD when there is no currency column', () => {
    expect(toSummaryJson(analyze({ deals: table(['Deal ID', 'Amount'], ['1', 5]) })).reportingCurrency).toBe('USD');
  });

  it('reports unusable FX rows', () => {
    const summary = toSummaryJson(analyze({ deals: grid, fx: table(['Currency', 'Rate'], ['EUR', 'n/a'], ['EURO', 2]) }));
    expect(summary.issues.filter((i) => i.code === 'FX_INVALID')).toHaveLength(2);
  });
});

describe('the partner directory', () => {
  const deals = dealGrid([
    { 'Deal ID': '1', Stage: 'Won', Amount: 100, 'Sourcing Partner': 'ACME', 'Partner Tier': 'Silver' },
    { 'Deal ID': '2', Stage: 'Won', Amount: 100, 'Sourcing Partner': 'Road Runner Co', 'Partner Tier': 'Gold' },
    { 'Deal ID': '3', Stage: 'Won', Amount: 100, 'Sourcing Partner': 'Beep Beep', 'Partner Tier': 'Gold' },
  ]);
  const partners = table(['Partner', 'Aliases', 'Tier', 'Type', 'Region'], ['Acme Corporation', 'ACME; Acme Co', 'Platinum', 'Reseller', 'EMEA'],
    ['Road Runner', 'Beep Beep', '', '', '']);

  it('gives canonical names through aliases and reports the merges', () => {
    const summary = toSummaryJson(analyze({ deals, partners }));
    expect(summary.partners.map((p) => p.partner).sort()).toEqual(['Acme Corporation', 'Road Runner']);
    expect(summary.partners.find((p) => p.partner === 'Road Runner')!.creditedRevenue).toBe(200);
    expect(summary.issues.filter((i) => i.code === 'PARTNER_MERGED').length).toBeGreaterThan(0);
  });

  it('takes tier, type and region from the directory, else the most frequent value on the partner\'s rows', () => {
    const summary = toSummaryJson(analyze({ deals, partners }));
    expect(summary.partners.find((p) => p.partner === 'Acme Corporation')).toMatchObject({ tier: 'Platinum', type: 'Reseller', region: 'EMEA' });
    expect(summary.partners.find((p) => p.partner === 'Road Runner')!.tier).toBe('Gold');
  });

  it('shows the most frequent spelling without a directory, ties to the first seen', () => {
    const summary = toSummaryJson(analyze({ deals: dealGrid([
      { 'Deal ID': '1', Stage: 'Won', Amount: 1, Partner: 'globex corp' },
      { 'Deal ID': '2', Stage: 'Won', Amount: 1, Partner: 'Globex' },
      { 'Deal ID': '3', Stage: 'Won', Amount: 1, Partner: 'Globex' },
    ]) }));
    expect(summary.partners[0]!.partner).toBe('Globex');
  });
});
