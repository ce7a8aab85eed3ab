/** The command line's --overrides file and an .xlsx input's Attribution Overrides tab (issue 18). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/core';
import { buildCli, runCli, tempDir } from './cliHarness';

// A HubSpot-style deals export and a hand-kept overrides sheet saved as CSV.
const dealsCsv = [
  'Record ID,Deal Name,Deal Stage,Amount,Original Source,Partner Name,Create Date,Close Date',
  '9101,Northwind renewal,Closed Won,"12,000.00",Partner Referral,Acme Inc.,2024-02-01,2024-04-01',
  '9102,Contoso expansion,Closed Won,"4,000.00",Organic Search,,2024-02-01,2024-04-10',
  '9103,Fabrikam pilot,Closed Won,"2,500.00",Direct Traffic,Globex,2024-02-01,2024-04-20',
].join('\r\n');
const overridesCsv = [
  'Deal ID,Motion,Partner,Note',
  '9102,Sourced,Globex 75%; Acme Inc. 25%,Joint intro at the partner summit',
  '9999,Sourced,Globex,typo in the ID',
].join('\r\n');

beforeAll(() => { buildCli(); });

describe('report --overrides', () => {
  const dir = tempDir();
  const deals = path.join(dir, 'deals.csv');
  const overrides = path.join(dir, 'overrides.csv');
  writeFileSync(deals, dealsCsv);
  writeFileSync(overrides, overridesCsv);

  it('applies the valid override, reports the unknown Deal ID, and says which file it read', () => {
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', deals, '--overrides', overrides, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`also read ${overrides}`);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    const d = summary.deals.find((x) => x.id === '9102')!;
    expect(d.motion).toBe('sourced');
    expect(d.credits).toEqual({ Globex: 3000, 'Acme Inc.': 1000 });
    expect(d.reason).toMatch(/^Set by hand: Joint intro at the partner summit\./);
    expect(summary.totals.sourcedRevenue).toBe(16000);
    expect(summary.issues.find((i) => i.code === 'OVERRIDE_UNKNOWN_DEAL')?.value).toBe('9999');
  });

  it('reads the Attribution Overrides tab of an .xlsx input without a flag', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    for (const line of dealsCsv.split('\r\n')) sheet.addRow(line.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, 8).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
    const tab = workbook.addWorksheet('Attribution Overrides');
    tab.addRow(['Deal ID', 'Motion', 'Partner', 'Note']);
    tab.addRow([9103, 'Direct', '', 'Globex was only on the invite list']);
    const xlsx = path.join(dir, 'deals.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const json = path.join(dir, 'from-tab.json');
    const run = runCli(['report', xlsx, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tab "Attribution Overrides"');
    const summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    expect(summary.deals.find((x) => x.id === '9103')!.motion).toBe('direct');
    expect(summary.totals.directRevenue).toBe(6500);
  });

  it('prints how many deals and how much money need a decision, and writes them on a Review tab', async () => {
    const out = path.join(dir, 'report.xlsx');
    const run = runCli(['report', deals, '--out', out]);
    expect(run.code).toBe(0);
    // 9101's lead source names its partner and 9103's Partner column has no role: nothing to decide yet.
    expect(run.stdout).toContain('No deals need a decision.');
    // Two partner lead sources that name no partner: an open million first, then the won deal.
    const conflicted = path.join(dir, 'unnamed.csv');
    writeFileSync(conflicted, [dealsCsv, '9104,Woodgrove pilot,Closed Won,"3,250.50",Channel,,2024-02-01,2024-04-20',
      '9105,Litware renewal,Qualification,"1,000,000.00",Partner,,2024-02-01,'].join('\r\n'));
    const second = runCli(['report', conflicted, '--out', out]);
    expect(second.stdout).toContain('2 deals, 1,003,250.50 USD, need a decision; see Review in the workbook.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const review = workbook.getWorksheet('Review')!;
    expect(review.getRow(3).getCell(2).value).toBe('9105');
    expect(review.getRow(4).getCell(2).value).toBe('9104');
    expect(review.getRow(3).getCell(6).value).toBe('Partner lead source, but no partner named');
  });
});
