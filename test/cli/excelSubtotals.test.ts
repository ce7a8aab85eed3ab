/** A workbook as Excel's Data > Subtotal leaves it (outline levels, SUBTOTAL formulas with cached values) reads as its deals only. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { tempDir } from './cliHarness';

const DEALS: [string, string, string, number, string][] = [
  ['0065g00000AbC01', 'Initrode renewal', 'Closed Won', 12000, 'Acme Partners'],
  ['0065g00000AbC02', 'Vandelay expansion', 'Closed Won', 8000.5, 'Acme Partners'],
  ['0065g00000AbC03', 'Hooli pilot', 'Closed Won', 5000, 'Globex'],
  ['0065g00000AbC04', 'Umbrella new logo', 'Negotiation/Review', 3000, 'Globex'],
  ['0065g00000AbC05', 'Total Logistics GmbH', 'Closed Won', 2500, 'Initech'],
];

/** Writes the deals grouped by partner with a subtotal row after each group and a grand total, the way Excel does. */
async function subtotalWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Opportunities');
  sheet.addRow(['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Partner Account']);
  let groupStart = 2;
  const subtotalRows: number[] = [];
  DEALS.forEach((deal, i) => {
    const row = sheet.addRow(deal);
    row.outlineLevel = 2;
    const next = DEALS[i + 1];
    if (next === undefined || next[4] !== deal[4]) {
      const last = row.number;
      const sum = DEALS.filter((d) => d[4] === deal[4]).reduce((s, d) => s + d[3], 0);
      const total = sheet.addRow(['', '', '', { formula: `SUBTOTAL(9,D${groupStart}:D${last})`, result: sum }, `${deal[4]} Total`]);
      total.outlineLevel = 1;
      total.font = { bold: true };
      subtotalRows.push(total.number);
      groupStart = total.number + 1;
    }
  });
  const grand = DEALS.reduce((s, d) => s + d[3], 0);
  sheet.addRow(['', '', '', { formula: `SUBTOTAL(9,D2:D${sheet.rowCount})`, result: grand }, 'Grand Total']).font = { bold: true };
  const file = path.join(tempDir('pa-subtotal-'), 'opportunities-subtotals.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('an Excel Data > Subtotal workbook', () => {
  it('counts each deal once and lists the subtotal and grand total rows as skipped', async () => {
    const [tab] = await readWorkbook(await subtotalWorkbook());
    const { summary } = analyze({ deals: tab!.grid });
    expect(summary.totals).toMatchObject({ deals: 5, wonDeals: 4, revenue: 27500.5, pipeline: 3000 });
    const skipped = summary.issues.filter((i) => i.code === 'TOTAL_ROW').map((i) => [i.row, i.value]);
    expect(skipped).toEqual([[4, 'Acme Partners Total'], [7, 'Globex Total'], [9, 'Initech Total'], [10, 'Grand Total']]);
    expect(summary.partners.map((p) => [p.partner, p.creditedRevenue + p.creditedPipeline])).toEqual(
      [['Acme Partners', 20000.5], ['Globex', 8000], ['Initech', 2500]]);
  });
});
