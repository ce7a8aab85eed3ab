/**
 * Currencies through the command line (issue 13): a workbook whose amounts carry currency number
 * formats, a Salesforce report CSV with converted amounts, and a euro-marked amount column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/core';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { buildCli, runCli, tempDir } from './cliHarness';

const dir = tempDir('pa-currency-');
const readJson = (file: string): Summary => JSON.parse(readFileSync(file, 'utf8')) as Summary;

beforeAll(() => {
  buildCli();
});

/** A deals tab typed in Excel: the amounts are plain numbers shown with currency formats, plus an FX Rates tab. */
async function formattedWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const deals = workbook.addWorksheet('Deals');
  deals.addRow(['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Partner']);
  const rows: [string, string, number, string][] = [
    ['EU-1', 'Fabrikam - Suite', 12000, '[$€-407] #,##0.00'],
    ['EU-2', 'Contoso - Renewal', 8000, '#,##0.00 [$€-1]'],
    ['UK-1', 'Tailspin - Expansion', 5000, '"£"#,##0.00'],
    ['US-1', 'Northwind - New', 3000, '[$USD] #,##0.00'],
    ['EU-3', 'Litware - Pilot', 1000, '_-* #,##0.00 "€"_-;-* #,##0.00 "€"_-;_-* "-"?? "€"_-;_-@_-'],
  ];
  for (const [id, name, amount, format] of rows) {
    const row = deals.addRow([id, name, 'Closed Won', amount, new Date(Date.UTC(2025, 2, 14)), 'Adatum GmbH']);
    row.getCell(4).numFmt = format;
  }
  const fx = workbook.addWorksheet('FX Rates');
  fx.addRow(['Currency', 'Rate']);
  fx.addRow(['GBP', 1.17]);
  const file = path.join(dir, 'formatted.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('an XLSX whose amounts show their currency only by number format', () => {
  it('hands the formats of currency-formatted numbers to the engine, aligned with the grid', async () => {
    const [deals] = await readWorkbook(await formattedWorkbook());
    expect(deals!.numberFormats?.[1]?.[3]).toBe('[$€-407] #,##0.00');
    expect(deals!.numberFormats?.[3]?.[3]).toBe('"£"#,##0.00');
    expect(deals!.numberFormats?.[0]).toBeUndefined();
  });

  it('reports in euros, converts the pound deal, leaves the dollar deal out and says so', async () => {
    const file = await formattedWorkbook();
    const json = path.join(dir, 'formatted.json');
    const run = runCli(['report', file, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = readJson(json);
    expect(summary.reportingCurrency).toBe('EUR');
    expect(summary.totals.revenue).toBe(12000 + 8000 + 1000 + 5850);
    expect(summary.issues.filter((i) => i.code === 'CURRENCY_NO_RATE').map((i) => [i.row, i.value])).toEqual([[5, 'USD']]);
    expect(run.stdout).toContain('amounts in EUR');
  });
});

describe('a Salesforce opportunity report CSV with converted amounts', () => {
  const csv = [
    '"Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period","Opportunity Currency","Amount Currency","Amount","Amount (converted) Currency","Amount (converted)","Close Date","Lead Source","Partner Account","Opportunity ID"',
    '"Ana Ruiz","Fabrikam GmbH","Fabrikam - Suite","Closed Won","Q1-2025","EUR","EUR","10,000.00","USD","10,800.00","3/14/2025","Partner","Contoso Ltd.","0065g00000AbCdE"',
    '"Ana Ruiz","Northwind KK","Northwind - Renewal","Closed Won","Q1-2025","JPY","JPY","1,500,000","USD","10,000.00","3/20/2025","Web","","0065g00000AbCdF"',
    '"Ben Ode","Tailspin Inc","Tailspin - Expansion","Negotiation/Review","Q2-2025","USD","USD","5,000.00","USD","5,000.00","4/30/2025","Partner","Contoso Ltd.","0065g00000AbCdG"',
  ].join('\r\n');

  it('books the converted amounts in their own currency, once, and says which column it read', () => {
    const file = path.join(dir, 'report1712345678901.csv');
    writeFileSync(file, `${csv}\r\n`);
    const json = path.join(dir, 'sf.json');
    const run = runCli(['report', file, '--json', json]);
    expect(run.code).toBe(0);
    const summary = readJson(json);
    expect(summary.reportingCurrency).toBe('USD');
    expect(summary.totals.revenue).toBe(20800);
    expect(summary.totals.pipeline).toBe(5000);
    expect(summary.issues.map((i) => i.code)).not.toContain('CURRENCY_NO_RATE');
    expect(run.stdout).toContain('currency: Amounts are read from "Amount (converted)", in the currencies of "Amount (converted) Currency".');
  });
});

describe('a German CSV whose amounts carry the euro sign', () => {
  it('reads every amount as euros and reports in euros', () => {
    const file = path.join(dir, 'Verkaufschancen.csv');
    writeFileSync(file, ['Deal ID;Deal Name;Stage;Amount;Partner', 'D-1;Müller AG;Closed Won;1.234,56 €;Contoso', 'D-2;Bäcker KG;Closed Won;12.500,00 €;',
      'D-3;Schmidt GmbH;Closed Won;$900,00;'].join('\n'));
    const json = path.join(dir, 'de.json');
    const run = runCli(['report', file, '--json', json, '--config', writeConfig({ decimalSeparator: ',' })]);
    expect(run.code).toBe(0);
    const summary = readJson(json);
    expect(summary.reportingCurrency).toBe('EUR');
    expect(summary.totals.revenue).toBe(13734.56);
    // "$" in a euro report is a US dollar: without a rate it stays out, and the console says what "$" was taken for.
    expect(summary.issues.find((i) => i.code === 'CURRENCY_NO_RATE')).toMatchObject({ row: 4, value: 'USD' });
    expect(run.stdout).toContain('currency: 1 amount is marked only "$", which can mean USD, CAD, AUD, NZD, SGD, HKD, MXN; read as USD.');
  });
});

function writeConfig(policy: Record<string, unknown>): string {
  const file = path.join(dir, `policy-${Object.keys(policy).join('-')}.json`);
  writeFileSync(file, JSON.stringify(policy));
  return file;
}
