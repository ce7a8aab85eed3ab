/** Rows that are not deals: totals and Excel subtotals, a repeated header, report footers; and customers whose names only look like them. */
import { analyze } from '../../src/core';
import type { Cell } from '../../src/core';

const HEADER = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Partner Account'];

const skippedRows = (grid: Cell[][]): { code: string; row: number | null; value: string }[] =>
  analyze({ deals: grid }).summary.issues
    .filter((i) => ['TOTAL_ROW', 'HEADER_REPEATED', 'REPORT_FOOTER'].includes(i.code))
    .map(({ code, row, value }) => ({ code, row, value }));

describe('rows that are not deals', () => {
  it('skips an Excel Data > Subtotal layout (group totals and a grand total) and counts every deal once', () => {
    // Subtotal at each change in Partner Account, SUM of Amount: Excel writes "<partner> Total" in the
    // grouped column and the SUBTOTAL formula's value under Amount, the other cells blank.
    const grid: Cell[][] = [
      HEADER,
      ['0061', 'Acme renewal', 'Initrode', 'Closed Won', 12000, '2025-01-14', 'Acme'],
      ['0062', 'Acme expansion', 'Vandelay', 'Closed Won', 8000, '2025-02-03', 'Acme'],
      ['', '', '', '', 20000, '', 'Acme Total'],
      ['0063', 'Globex pilot', 'Hooli', 'Closed Won', 5000, '2025-02-20', 'Globex'],
      ['', '', '', '', 5000, '', 'Globex Total'],
      ['', '', '', '', 25000, '', 'Grand Total'],
    ];
    const { summary } = analyze({ deals: grid });
    expect(summary.totals.deals).toBe(3);
    expect(summary.totals.revenue).toBe(25000);
    expect(skippedRows(grid)).toEqual([
      { code: 'TOTAL_ROW', row: 4, value: 'Acme Total' },
      { code: 'TOTAL_ROW', row: 6, value: 'Globex Total' },
      { code: 'TOTAL_ROW', row: 7, value: 'Grand Total' },
    ]);
  });

  it('skips a subtotal by Stage, whose label sits in the Stage column', () => {
    const grid: Cell[][] = [
      HEADER,
      ['0061', 'Acme renewal', 'Initrode', 'Closed Won', 12000, '2025-01-14', 'Acme'],
      ['0062', 'Globex pilot', 'Hooli', 'Closed Won', 5000, '2025-02-20', 'Globex'],
      ['', '', '', 'Closed Won Total', 17000, '', ''],
      ['0064', 'Umbrella', 'Initech', 'Negotiation', 3000, '2025-06-30', ''],
      ['', '', '', 'Negotiation Total', 3000, '', ''],
      ['', '', '', 'Grand Total', 20000, '', ''],
    ];
    const { summary } = analyze({ deals: grid });
    expect(summary.totals).toMatchObject({ deals: 3, revenue: 17000, pipeline: 3000 });
    expect(skippedRows(grid).map((r) => r.row)).toEqual([4, 6, 7]);
  });

  it.each(['Total', 'Totals', 'TOTAL:', 'Sum', 'Gesamt', 'Summe', 'Totaal', 'Totale', 'Σ', 'Grand Totals (3 records)', 'Subtotal'])(
    'skips a totals row labelled %p with no ID', (label) => {
      const grid: Cell[][] = [
        ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount'],
        ['D-1', 'Northwind', 'Closed Won', 100],
        ['D-2', 'Contoso', 'Closed Won', 250],
        [label, '', '', 350],
      ];
      const { summary } = analyze({ deals: grid });
      expect(summary.totals.deals).toBe(2);
      expect(summary.totals.revenue).toBe(350);
      expect(skippedRows(grid)).toEqual([{ code: 'TOTAL_ROW', row: 4, value: label }]);
    });

  it('keeps a customer called "Total Logistics GmbH", with or without a Deal ID column', () => {
    const withId: Cell[][] = [
      ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount'],
      ['D-1', 'Total Logistics GmbH', 'Closed Won', 4000],
      ['D-2', 'Total', 'Closed Won', 900],
    ];
    expect(analyze({ deals: withId }).summary.totals).toMatchObject({ deals: 2, revenue: 4900 });
    const withoutId: Cell[][] = [
      ['Deal Name', 'Deal Stage', 'Amount'],
      ['Total Logistics GmbH', 'Closed Won', 4000],
      ['Sum Sistemas SA', 'Closed Won', 1500],
      ['Totalplay', 'Closed Won', 700],
    ];
    const { summary } = analyze({ deals: withoutId });
    expect(summary.totals).toMatchObject({ deals: 3, revenue: 6200 });
    expect(skippedRows(withoutId)).toEqual([]);
  });

  it('skips a row with a totals word whose amount is the sum of the rows above, when the label is not exactly a totals label', () => {
    const grid: Cell[][] = [
      ['Deal Name', 'Deal Stage', 'Amount'],
      ['Northwind', 'Closed Won', 100],
      ['Contoso', 'Closed Won', 250],
      ['Total Q1 (won)', '', 350],
    ];
    expect(skippedRows(grid)).toEqual([{ code: 'TOTAL_ROW', row: 4, value: 'Total Q1 (won)' }]);
    // The same label with an amount that is not the sum is a deal: the shape decides, not the word.
    const deal: Cell[][] = [...grid.slice(0, 3), ['Total Q1 (won)', 'Closed Won', 120]];
    expect(analyze({ deals: deal }).summary.totals.deals).toBe(3);
  });

  it('skips the header of a second export pasted below the first', () => {
    const grid: Cell[][] = [
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date'],
      ['9001', 'Northwind', 'closedwon', '1200', '2025-03-01'],
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date'],
      ['9002', 'Contoso', 'closedwon', '800', '2025-03-05'],
    ];
    const { summary } = analyze({ deals: grid });
    expect(summary.totals).toMatchObject({ deals: 2, revenue: 2000 });
    expect(summary.issues.filter((i) => i.code === 'AMOUNT_INVALID' || i.code === 'DUPLICATE_ID')).toEqual([]);
    expect(skippedRows(grid)).toEqual([{ code: 'HEADER_REPEATED', row: 3, value: 'Record ID' }]);
  });

  it('skips Salesforce report footers under the data', () => {
    const grid: Cell[][] = [
      HEADER,
      ['0061', 'Acme renewal', 'Initrode', 'Closed Won', 12000, '2025-01-14', 'Acme'],
      [],
      ['Confidential Information - Do Not Distribute'],
      ['Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.'],
      ['Generated By: Jane Doe  3/4/2025 10:12 AM'],
      ['Filtered By: Close Date equals THIS FISCAL YEAR'],
    ];
    const { summary } = analyze({ deals: grid });
    expect(summary.totals.deals).toBe(1);
    expect(summary.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(skippedRows(grid).map((r) => [r.code, r.row])).toEqual([
      ['REPORT_FOOTER', 4], ['REPORT_FOOTER', 5], ['REPORT_FOOTER', 6], ['REPORT_FOOTER', 7],
    ]);
  });
});
