/** Finding the header under a report's title, filter and parameter block (Salesforce, HubSpot), and saying which row was chosen. */
import { analyze } from '../../src/core';
import type { Cell } from '../../src/core';

const SALESFORCE_HEADER = ['Opportunity Owner', 'Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Partner Account'];

describe('the header under a report title and filter block', () => {
  it('skips a Salesforce formatted report\'s title and "Filtered By:" block, and says so', () => {
    const grid: Cell[][] = [
      ['Partner Pipeline FY25'],
      ['Acme Software Inc.'],
      [],
      ['Filtered By:'],
      ['', 'Opportunity Owner equals Jane Doe, Raj Patel'],
      ['', 'Stage not equal to Closed Lost'],
      ['', 'Close Date equals THIS FISCAL YEAR'],
      [],
      SALESFORCE_HEADER,
      ['Jane Doe', 'Initrode renewal', 'Closed Won', 12000, '2025-01-14', 'Globex'],
      ['Raj Patel', 'Vandelay expansion', 'Negotiation/Review', 8000, '2025-06-30', ''],
    ];
    const { table, summary } = analyze({ deals: grid });
    expect(table.headerIndex).toBe(8);
    expect(summary.totals).toMatchObject({ deals: 2, revenue: 12000, pipeline: 8000 });
    const note = summary.issues.find((i) => i.code === 'HEADER_BELOW_PREAMBLE');
    expect(note?.row).toBe(9);
    expect(`${note?.message} ${note?.effect}`).toMatch(/6 rows above the header .*row 9 \("Opportunity Owner", "Opportunity Name"/);
  });

  it('does not take a filter line that names two fields for the header', () => {
    const grid: Cell[][] = [
      ['Filters:', 'Stage', 'Amount'],
      ['', 'Stage equals Closed Won', 'Amount greater than 0'],
      ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount'],
      ['D-1', 'Northwind', 'Closed Won', 500],
    ];
    const { table, summary } = analyze({ deals: grid });
    expect(table.headerIndex).toBe(2);
    expect(summary.totals.revenue).toBe(500);
  });

  it('takes the wider header over a small parameter table above it, and names both rows', () => {
    // A HubSpot-style export with a title row and a two-column summary pasted above the deals.
    const grid: Cell[][] = [
      ['Deals export - all pipelines'],
      ['Region', 'Amount'],
      ['EMEA', 12000],
      ['AMER', 30000],
      [],
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Region', 'Partner Name'],
      ['9001', 'Northwind', 'closedwon', 12000, 'EMEA', 'Globex'],
    ];
    const { table, summary } = analyze({ deals: grid });
    expect(table.headerIndex).toBe(5);
    expect(summary.totals.deals).toBe(1);
    const note = summary.issues.find((i) => i.code === 'HEADER_CHOSEN');
    expect(note?.message).toMatch(/row 2 \("Region", "Amount"\) and row 6 \("Record ID"/);
    expect(note?.effect).toMatch(/The header is row 6/);
  });

  it('a header found without an amount column names the row it chose', () => {
    const grid: Cell[][] = [
      ['Deals report'],
      ['Filtered By:'],
      ['', 'Deal owner is any of Jane Doe'],
      ['Deal Name', 'Deal Stage', 'Close Date'],
      ['Northwind', 'closedwon', '2025-03-01'],
    ];
    expect(() => analyze({ deals: grid })).toThrow(/No amount column found in the header row, taken to be row 4 \("Deal Name", "Deal Stage", "Close Date"\)/);
  });

  it('adds no note when the header is the first row', () => {
    const { summary } = analyze({ deals: [['Deal ID', 'Amount', 'Stage'], ['1', 5, 'Won']] });
    expect(summary.issues).toEqual([]);
  });
});
