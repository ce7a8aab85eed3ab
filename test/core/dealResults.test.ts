/**
 * The engine keeps each deal's result column-wise (Analysis.deals) and makes DealRow objects only in
 * toSummaryJson. What a user sees must not depend on that: the JSON, the Deal Attribution tab and the
 * DealRow objects say the same whichever way they are reached.
 */
import { analyze, buildReportTabs, toSummaryJson } from '../../src/core';
import type { Analysis, Summary } from '../../src/core';
import { generateWorkbook } from '../../bench/generateWorkbook';
import { dealGrid } from './dealGrid';

const workbook = generateWorkbook({ deals: 1500, partners: 60, seed: 7 });
const fresh = (): Analysis => analyze({ deals: workbook.deals, touches: workbook.touches });

describe('deal results held column-wise', () => {
  it('give the same Deal Attribution tab as the DealRow objects a JSON export carries', () => {
    const analysis = fresh();
    const direct = buildReportTabs(analysis).find((t) => t.name === 'Deal Attribution')!;
    // A summary read back from JSON has no column-wise results: the tab is built from its deals[].
    const roundTripped = JSON.parse(JSON.stringify(toSummaryJson(analysis))) as Summary;
    const fromRows = buildReportTabs({ summary: roundTripped }).find((t) => t.name === 'Deal Attribution')!;
    expect(direct.blocks[0]!.values).toEqual(fromRows.blocks[0]!.values);
    expect(direct.blocks[0]!.values).toHaveLength(1501);
  });

  it('keep deals[] where the JSON contract puts it, between segments and issues', () => {
    // pipelineCreated (partner-sourced pipeline created per quarter, issue 17) follows periods.
    expect(Object.keys(JSON.parse(JSON.stringify(toSummaryJson(fresh()))) as object))
      .toEqual(['version', 'reportingCurrency', 'totals', 'partners', 'periods', 'pipelineCreated', 'segments', 'deals', 'issues']);
  });

  it('become DealRow objects only in toSummaryJson, which leaves the analysis as it was', () => {
    const analysis = fresh();
    expect('deals' in analysis.summary).toBe(false);
    const first = toSummaryJson(analysis);
    expect(first.deals).toHaveLength(1500);
    expect(toSummaryJson(analysis)).toEqual(first);
    expect('deals' in analysis.summary).toBe(false);
  });

  it('let a caller replace deals[] like any other property', () => {
    const summary = toSummaryJson(fresh());
    summary.deals = summary.deals.slice(0, 2);
    expect(summary.deals).toHaveLength(2);
    const tab = buildReportTabs({ summary }).find((t) => t.name === 'Deal Attribution')!;
    expect(tab.blocks[0]!.values).toHaveLength(3);
  });

  it('add up one partner\'s credit lines into one amount, and leave zero credits out', () => {
    const analysis = analyze({ deals: dealGrid([
      { 'Deal ID': 'A', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-01-01', 'Close Date': '2024-03-01',
        'Sourcing Partner': 'Acme', 'Influencing Partners': 'Globex; Initech' },
      { 'Deal ID': 'B', Stage: 'Closed Won', Amount: 0, 'Created Date': '2024-01-01', 'Close Date': '2024-03-01', 'Sourcing Partner': 'Acme' },
    ]) }, { policy: { sourcedShare: 0.5 } });
    const tab = buildReportTabs(analysis).find((t) => t.name === 'Deal Attribution')!;
    const credits = tab.blocks[0]!.values.map((row) => row[14]); // the Credits column
    expect(credits.slice(1)).toEqual(['Acme: 500.00; Globex: 250.00; Initech: 250.00', '']);
    expect(toSummaryJson(analysis).deals.map((d) => d.credits)).toEqual([{ Acme: 500, Globex: 250, Initech: 250 }, {}]);
  });
});
