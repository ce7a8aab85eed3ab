/** What the report command prints: readable KPIs, an aligned partner table, issue counts and where files went. */
import { analyze, toSummaryJson } from '../../src/core';
import type { Summary } from '../../src/core';
import { consoleSummary } from '../../src/cli/consoleSummary';
import { textTable } from '../../src/cli/textTable';

// SPEC section 7's worked example.
const worked: Summary = toSummaryJson(analyze({
  deals: [
    ['Deal ID', 'Lead Source', 'Partner', 'Partner Role', 'Influencing Partners', 'Registered By', 'Registration Date', 'Created Date', 'Sourcing Partner', 'Reseller', 'Stage', 'Amount'],
    ['2', 'Partner Referral', 'Acme Inc.', '', '', '', '', '2024-03-01', '', '', 'Closed Won', 10000],
    ['3', 'Web', '', '', 'Globex; Initech', '', '', '2024-03-01', '', '', 'Closed Won', 9000.01],
    ['4', '', '', '', '', 'Umbrella', '2024-03-01', '2024-03-04', 'Acme', '', 'Closed Won', 5000],
    ['5', 'Web', '', '', '', '', '', '2024-03-01', '', 'Hooli Distribution', 'Closed Won', 2000],
    ['6', 'Trade Show', 'Globex', 'VAR/Reseller', '', '', '', '2024-03-01', '', '', 'Closed Lost', 7000],
    ['7', '', '', '', '', '', '', '2024-03-01', '', '', 'Closed Won', 3000],
    ['8', 'Web', 'Initech', '', '', '', '', '2024-03-01', '', '', 'Open', 8000],
  ],
}, { policy: { asOfDate: '2024-06-30' } }));

describe('consoleSummary', () => {
  const lines = consoleSummary({ summary: worked }, { source: 'deals.csv', extraSources: [], written: ['out/r.xlsx (the summary tabs and their charts)'] });
  const text = lines.join('\n');

  it('shows revenue by motion with shares that add up, in the reporting currency', () => {
    expect(text).toContain('7 deals: 5 won, 1 lost, 1 open; amounts in USD');
    expect(text).toMatch(/Revenue \(won\)\s+29,000\.01/);
    expect(text).toMatch(/Partner-led\s+26,000\.01\s+89\.7%/);
    expect(text).toMatch(/ {2}Sourced\s+15,000\.00\s+51\.7%/);
    expect(text).toMatch(/Direct\s+3,000\.00\s+10\.3%/);
    expect(text).toMatch(/Pipeline \(open\)\s+8,000\.00/);
  });

  it('lists partners by credited revenue in aligned columns', () => {
    const header = lines.findIndex((l) => l.includes('Partner') && l.includes('Credited'));
    const rows = lines.slice(header + 2, header + 2 + worked.partners.length);
    expect(rows[0]).toMatch(/^\s+1 {2}Acme Inc\.\s+10,000\.00/);
    const creditedEnd = lines[header]!.indexOf('Credited') + 'Credited'.length;
    for (const row of rows) expect(row.slice(0, creditedEnd)).toMatch(/\d\.\d\d$/);
  });

  it('counts issues by severity and says where the files went', () => {
    expect(text).toMatch(/Data issues: \d+ errors?, \d+ warnings?, \d+ info/);
    expect(lines[lines.length - 1]).toBe('Wrote out/r.xlsx (the summary tabs and their charts)');
  });

  it('tells the user how to save files when none were asked for', () => {
    const bare = consoleSummary({ summary: worked }, { source: 'deals.csv', extraSources: [], written: [] });
    expect(bare[bare.length - 1]).toMatch(/No files written: add --out report\.xlsx/);
  });
});

describe('textTable', () => {
  it('pads text left-aligned and numbers right-aligned under a rule', () => {
    expect(textTable([{ header: 'Name' }, { header: 'Amount', right: true }], [['Acme', '5.00'], ['Globex Corporation', '1,200.00']])).toEqual([
      '  Name                  Amount',
      '  ------------------  --------',
      '  Acme                    5.00',
      '  Globex Corporation  1,200.00',
    ]);
  });
});
