/** The five summary tabs as blocks (SPEC 6.2): the same numbers as the summary, in the right places. */
import { analyze, buildReportTabs, TAB_NAMES, literalText } from '../../src/core';
import { formatMoney } from '../../src/core/report/buildReportTabs';
import type { ReportTab } from '../../src/core';
import { dealGrid } from './dealGrid';

const analysis = analyze({ deals: dealGrid([
  { 'Deal ID': '1', Stage: 'Won', Amount: 100, 'Close Date': '2024-01-11', 'Sourcing Partner': '=HYPERLINK("x")' },
  { 'Deal ID': '2', Stage: 'Won', Amount: 300, 'Close Date': '2024-04-21', 'Influencing Partners': 'A; B' },
  { 'Deal ID': '3', Stage: 'Won', Amount: 'oops', 'Close Date': '2024-04-21' },
]) });
const tabs = buildReportTabs(analysis);
const tab = (name: string): ReportTab => tabs.find((t) => t.name === name)!;

describe('report tabs', () => {
  it('are the tabs of SPEC 6.2 and Partner Credits, in order', () => {
    expect(tabs.map((t) => t.name)).toEqual([...TAB_NAMES]);
  });

  it('keep every block rectangular with one format per column', () => {
    for (const t of tabs) for (const b of t.blocks) {
      for (const row of b.values) expect(row).toHaveLength(b.formats.length);
      if (b.title) expect(b.row).toBeGreaterThan(0);
    }
  });

  it('show the summary\'s numbers on Partner Summary', () => {
    const [motion, , , partners] = tab('Partner Summary').blocks;
    expect(motion!.values.find((r) => r[0] === 'Total')![1]).toBe(analysis.summary.totals.revenue);
    expect(motion!.values.find((r) => r[0] === 'Partner-led')![1]).toBe(400);
    expect(partners!.values.slice(1, -1).map((r) => r[0])).toEqual(analysis.summary.partners.map((p) => p.partner));
    expect(partners!.values.at(-1)![0]).toBe('Total');
  });

  it('list one row per deal and one per data issue', () => {
    expect(tab('Deal Attribution').blocks[0]!.values).toHaveLength(4);
    expect(tab('Data Issues').blocks[0]!.values.slice(1).map((r) => r[1])).toContain(4);
  });

  it('ask for a top-partners bar chart and a stacked trend chart', () => {
    expect(tab('Partner Summary').charts[0]).toMatchObject({ kind: 'bar', block: 3, maxRows: 3 }); // three partners: the Total row below them is not charted
    expect(tab('Partner Trend').charts[0]).toMatchObject({ kind: 'stackedColumn', seriesCols: [1, 2, 3, 4] });
  });

  it('leave partner names as data; writers guard formula-like text with literalText', () => {
    expect(analysis.summary.partners.map((p) => p.partner)).toContain('=HYPERLINK("x")');
    expect(literalText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(literalText('+1')).toBe("'+1");
    expect(literalText('-x')).toBe("'-x");
    expect(literalText('@me')).toBe("'@me");
    expect(literalText('Acme')).toBe('Acme');
  });
});

describe('formatMoney', () => {
  it.each([[0, '0.00'], [5, '5.00'], [1234.5, '1,234.50'], [1234567.891, '1,234,567.89'], [-1200, '-1,200.00'], [999.999, '1,000.00']])(
    'writes %p as %p', (n, text) => expect(formatMoney(n)).toBe(text));
});
