/** The HTML report's model: credit columns that reconcile, capped partner and issue lists that still add up, and the charts' data. */
import { analyze, htmlReportModel, HTML_ISSUE_ROWS, HTML_PARTNER_ROWS } from '../../src/core';
import type { Cell, HtmlTable } from '../../src/core';
import { dealGrid } from './dealGrid';

const cents = (v: Cell): number => Math.round(Number(v) * 100);
const col = (t: HtmlTable, label: RegExp): number => t.columns.findIndex((c) => label.test(c.label));

/** Sourced + Influenced + Resold Credit = Credited Revenue on every row, and the rows above the Total add up to it. */
function expectReconciles(t: HtmlTable, partnerLed: number): void {
  const [s, i, r, c] = [/^Sourced Credit/, /^Influenced Credit/, /^Resold Credit/, /^Credited Revenue/].map((re) => col(t, re));
  for (const row of t.rows) expect(cents(row[s!]) + cents(row[i!]) + cents(row[r!])).toBe(cents(row[c!]));
  const total = t.rows.at(-1)!;
  expect(total[0]).toBe('Total');
  expect(cents(total[c!])).toBe(cents(partnerLed));
  for (const k of [s!, i!, r!, c!]) expect(t.rows.slice(0, -1).reduce((a, row) => a + cents(row[k]), 0)).toBe(cents(total[k]));
}

describe('the HTML report model', () => {
  // A small CRM export: a sourced deal shared with an influencer, a resold deal, an influenced one, a direct one, an open one.
  const analysis = analyze({ deals: dealGrid([
    { 'Deal ID': 'OPP-1', 'Opportunity Name': 'Northwind renewal', Stage: 'Closed Won', Amount: 120000, 'Close Date': '2024-02-10', 'Sourcing Partner': 'Acme Inc.', 'Influencing Partners': 'Globex' },
    { 'Deal ID': 'OPP-2', 'Opportunity Name': 'Contoso expansion', Stage: 'Closed Won', Amount: 80000.5, 'Close Date': '2024-05-03', Reseller: 'Hooli Distribution' },
    { 'Deal ID': 'OPP-3', 'Opportunity Name': 'Fabrikam pilot', Stage: 'Closed Won', Amount: 45000, 'Close Date': '2024-05-20', 'Influencing Partners': 'Globex; Initech' },
    { 'Deal ID': 'OPP-4', 'Opportunity Name': 'Tailspin direct', Stage: 'Closed Won', Amount: 30000, 'Close Date': '2024-08-14' },
    { 'Deal ID': 'OPP-5', 'Opportunity Name': 'Litware new logo', Stage: 'Negotiation', Amount: 60000, 'Close Date': '2024-11-30', 'Sourcing Partner': 'Acme Inc.' },
    { 'Deal ID': 'OPP-6', 'Opportunity Name': 'Bad amount', Stage: 'Closed Won', Amount: 'TBD', 'Close Date': '2024-03-01', 'Sourcing Partner': 'Initech' },
  ]) });
  const { summary } = analysis;
  const model = htmlReportModel(analysis, { topPartners: 2 });

  it('has a partner table whose credit columns add up per partner and to partner-led revenue', () => {
    expect(model.partners.rows.slice(0, -1).map((r) => r[0])).toEqual(summary.partners.map((p) => p.partner));
    expectReconciles(model.partners, summary.totals.partnerLedRevenue);
    expect(model.partners.columns.map((c) => c.label)).toContain('Share of Partner-led Revenue');
    expect(model.partners.totalRows).toBe(1);
  });

  it('names money columns with the reporting currency and says what each share is a share of', () => {
    expect(model.partners.columns.find((c) => c.label.startsWith('Credited Revenue'))!.label).toBe('Credited Revenue (USD)');
    expect(model.motionSplit.columns.map((c) => c.label)).toEqual(['Motion', 'Revenue (USD)', 'Share of revenue', 'Pipeline (USD)']);
    expect(model.topPartners.columns.map((c) => c.label)).toContain('Share of partner-led revenue');
    expect(model.keyFigures.find((f) => f.label.startsWith('Partner-led revenue'))!.note).toMatch(/^\d+\.\d% of revenue$/);
  });

  it('carries the money headline about the won deal whose amount could not be read', () => {
    expect(model.headline.join(' ')).toMatch(/1 of 5 won deals, amount unknown, is not in these totals: its amount could not be read/);
  });

  it('charts the top partners and puts the rest under All others in the per-partner trend', () => {
    expect(model.charts.map((c) => c.id)).toEqual(['motionSplit', 'topPartners', 'trendByMotion', 'trendByPartner']);
    const trend = model.charts.find((c) => c.id === 'trendByPartner')!;
    const values = (trend.spec.data as { values: { quarter: string; series: string; value: number }[] }).values;
    expect([...new Set(values.map((v) => v.series))]).toEqual([summary.partners[0]!.partner, summary.partners[1]!.partner, 'All others']);
    // Each quarter's stack is that quarter's partner-led revenue.
    for (const period of summary.periods) {
      expect(values.filter((v) => v.quarter === period.period).reduce((a, v) => a + cents(v.value), 0)).toBe(cents(period.partnerLedRevenue));
    }
    const top = model.charts.find((c) => c.id === 'topPartners')!;
    expect((top.spec.data as { values: unknown[] }).values).toHaveLength(2);
  });
});

describe('the HTML report model on many partners and many issues', () => {
  // 260 resellers, one won deal each, and 230 won deals whose amount reads "n/a".
  const rows: Record<string, Cell>[] = [];
  for (let i = 0; i < HTML_PARTNER_ROWS + 10; i++) {
    rows.push({ 'Deal ID': `D-${i}`, Stage: 'Won', Amount: 1000 + i + 0.01 * (i % 7), 'Close Date': `2024-0${1 + (i % 9)}-15`, Reseller: `Reseller ${String(i).padStart(3, '0')}` });
  }
  for (let i = 0; i < HTML_ISSUE_ROWS + 30; i++) rows.push({ 'Deal ID': `X-${i}`, Stage: 'Won', Amount: 'n/a', 'Close Date': '2024-06-01' });
  const analysis = analyze({ deals: dealGrid(rows) });
  const { summary } = analysis;
  const model = htmlReportModel(analysis);

  it(`lists ${HTML_PARTNER_ROWS} partners one by one and the rest on one row, and the columns still add up`, () => {
    expect(model.partners.listed).toBe(HTML_PARTNER_ROWS);
    expect(model.partners.total).toBe(HTML_PARTNER_ROWS + 10);
    expect(model.partners.rows).toHaveLength(HTML_PARTNER_ROWS + 2);
    const others = model.partners.rows.at(-2)!;
    expect(others[0]).toBe('10 other partners (not listed one by one)');
    const credited = col(model.partners, /^Credited Revenue/);
    expect(cents(others[credited])).toBe(summary.partners.slice(HTML_PARTNER_ROWS).reduce((a, p) => a + cents(p.creditedRevenue), 0));
    expectReconciles(model.partners, summary.totals.partnerLedRevenue);
  });

  it(`lists at most ${HTML_ISSUE_ROWS} data issues, errors first, and counts the rest`, () => {
    const total = summary.issues.length;
    expect(total).toBeGreaterThan(HTML_ISSUE_ROWS);
    expect(model.issues.table.rows).toHaveLength(HTML_ISSUE_ROWS);
    expect(model.issues.notListed).toBe(total - HTML_ISSUE_ROWS);
    expect(model.issues.counts.error + model.issues.counts.warning + model.issues.counts.info).toBe(total);
    const severities = model.issues.table.rows.map((r) => r[0]);
    const rank = { Error: 0, Warning: 1, Info: 2 } as Record<string, number>;
    for (let i = 1; i < severities.length; i++) expect(rank[String(severities[i])]!).toBeGreaterThanOrEqual(rank[String(severities[i - 1])]!);
  });
});
