/** Currencies as real exports mark them (issue 13): symbols and codes in amounts, number formats, Salesforce converted amounts, FX tables. */
import { analyze, toSummaryJson } from '../../src/core';
import { currencyOfFormat, currencyOfMark } from '../../src/core/values/currencyMarks';
import { parseAmount } from '../../src/core/values/parseAmount';
import { dealGrid, table } from './dealGrid';

const codes = (summary: { issues: { code: string }[] }): string[] => summary.issues.map((i) => i.code);

describe('a currency marked in the amount itself', () => {
  it.each([
    ['€1,200', '.', 1200, 'EUR'], ['£300', '.', 300, 'GBP'], ['C$1,000', '.', 1000, 'CAD'], ['A$500', '.', 500, 'AUD'],
    ['CHF 90', '.', 90, 'CHF'], ['EUR 500', '.', 500, 'EUR'], ['1.234,56 €', ',', 1234.56, 'EUR'], ['US$2,000', '.', 2000, 'USD'],
    ['R$ 1.500,00', ',', 1500, 'BRL'], ['Rp 50.000.000', ',', 50000000, 'IDR'], ['₩1,000,000', '.', 1000000, 'KRW'], ['(€200)', '.', -200, 'EUR'],
  ] as const)('reads %s as %d %s', (text, sep, value, currency) => {
    expect(parseAmount(text, sep)).toEqual({ kind: 'ok', value, currency, mark: null });
  });

  it.each([['$1,200', '$'], ['¥50,000', '¥'], ['1 200 kr', 'KR']] as const)('keeps %s as the shared symbol %s until the reporting currency is known', (text, mark) => {
    expect(parseAmount(text, '.')).toMatchObject({ kind: 'ok', currency: null, mark });
  });

  it('gives each deal its own currency, converts by the FX table and never sums across currencies', () => {
    const deals = dealGrid([
      { 'Opportunity ID': '006A', Stage: 'Closed Won', Amount: '€1,200', Partner: 'Contoso' },
      { 'Opportunity ID': '006B', Stage: 'Closed Won', Amount: '£300', Partner: 'Contoso' },
      { 'Opportunity ID': '006C', Stage: 'Closed Won', Amount: '¥50,000' },
      { 'Opportunity ID': '006D', Stage: 'Closed Won', Amount: 'C$1,000' },
      { 'Opportunity ID': '006E', Stage: 'Closed Won', Amount: 'EUR 500' },
    ]);
    const fx = table(['Currency', 'Rate'], ['EUR', 1.1], ['GBP', 1.25], ['CAD', 0.75]);
    const summary = toSummaryJson(analyze({ deals, fx }));
    expect(summary.reportingCurrency).toBe('EUR');
    // EUR 1,200 + 500 as they are; GBP 300 -> 300 * 1.25 / 1.1 EUR; CAD 1,000 -> 750 / 1.1 EUR; JPY has no rate.
    expect(summary.totals.revenue).toBe(Math.round((1700 + 375 / 1.1 + 750 / 1.1) * 100) / 100);
    expect(summary.issues.filter((i) => i.code === 'CURRENCY_NO_RATE').map((i) => [i.row, i.value])).toEqual([[4, 'JPY']]);
    expect(summary.deals.find((d) => d.id === '006B')!.credits).toEqual({ Contoso: Math.round(37500 / 1.1) / 100 });
  });

  it('reads a bare "$" as the reporting currency\'s dollar when one is set, and says which dollar it assumed', () => {
    const deals = dealGrid([
      { 'Deal ID': '1', Stage: 'Won', Amount: '$1,000' },
      { 'Deal ID': '2', Stage: 'Won', Amount: '$2,000' },
    ]);
    const usd = toSummaryJson(analyze({ deals }));
    expect(usd.reportingCurrency).toBe('USD');
    expect(usd.totals.revenue).toBe(3000);
    const assumed = usd.issues.find((i) => i.code === 'CURRENCY_ASSUMED')!;
    expect(assumed).toMatchObject({ severity: 'info', row: null, column: 'Amount' });
    expect(assumed.message).toBe('2 amounts are marked only "$", which can mean USD, CAD, AUD, NZD, SGD, HKD, MXN; read as USD.');
    const cad = toSummaryJson(analyze({ deals }, { policy: { reportingCurrency: 'CAD' } }));
    expect(cad.totals.revenue).toBe(3000);
    expect(cad.issues.find((i) => i.code === 'CURRENCY_ASSUMED')!.message).toContain('read as CAD');
  });

  it('reads "$" as US dollars in a euro report, so it needs a USD rate instead of counting as euros', () => {
    const deals = dealGrid([
      { 'Deal ID': '1', Stage: 'Won', Amount: '€1.000,00' },
      { 'Deal ID': '2', Stage: 'Won', Amount: '€2.000,00' },
      { 'Deal ID': '3', Stage: 'Won', Amount: '$500,00' },
    ]);
    const summary = toSummaryJson(analyze({ deals }, { policy: { decimalSeparator: ',' } }));
    expect(summary.reportingCurrency).toBe('EUR');
    expect(summary.totals.revenue).toBe(3000);
    expect(summary.issues.find((i) => i.code === 'CURRENCY_NO_RATE')).toMatchObject({ row: 4, value: 'USD' });
  });

  it('says when amounts without a mark sit among amounts in another currency', () => {
    const summary = toSummaryJson(analyze({ deals: dealGrid([
      { 'Deal ID': '1', Stage: 'Won', Amount: 100 },
      { 'Deal ID': '2', Stage: 'Won', Amount: 200 },
      { 'Deal ID': '3', Stage: 'Won', Amount: '€50' },
    ]) }));
    expect(summary.issues.find((i) => i.code === 'CURRENCY_UNMARKED')).toMatchObject({
      message: '2 amounts name no currency, while others do.', effect: 'Read as the reporting currency, USD.' });
    expect(summary.reportingCurrency).toBe('USD');
    expect(summary.totals.revenue).toBe(300);
    expect(summary.issues.find((i) => i.code === 'CURRENCY_NO_RATE')).toMatchObject({ row: 4, value: 'EUR' });
  });

  it('reports a symbol that disagrees with the currency column, and agrees that "$" in a CAD row is a Canadian dollar', () => {
    const summary = toSummaryJson(analyze({ deals: dealGrid([
      { 'Deal ID': '1', Stage: 'Won', Amount: '€1,200', Currency: 'USD' },
      { 'Deal ID': '2', Stage: 'Won', Amount: '$800', Currency: 'CAD' },
      { 'Deal ID': '3', Stage: 'Won', Amount: '£10', Currency: 'GBP' },
    ]) }));
    const conflicts = summary.issues.filter((i) => i.code === 'CURRENCY_CONFLICT');
    expect(conflicts.map((i) => [i.row, i.message])).toEqual([[2, 'The amount says EUR but the currency column says USD.']]);
  });
});

describe('a currency shown by the cell\'s number format', () => {
  it.each([
    ['[$€-407] #,##0.00', 'EUR'], ['"£"#,##0.00', 'GBP'], ['[$USD] #,##0.00', 'USD'], ['#,##0.00 [$€-1];-#,##0.00 [$€-1]', 'EUR'],
    ['_-* #,##0.00 "€"_-;-* #,##0.00 "€"_-', 'EUR'], ['[$$-1009]#,##0.00', 'CAD'], ['[$$-C09]#,##0.00', 'AUD'], ['[$CHF] #,##0', 'CHF'],
    ['#,##0 "kr."', null], ['"EUR" #,##0', 'EUR'], ['\\€#,##0', 'EUR'],
  ] as const)('%s shows %s', (format, code) => {
    expect(currencyOfFormat(format).code).toBe(code);
  });

  it.each([['0.00'], ['General'], ['[$-409]d-mmm-yy'], ['#,##0 "Mio"'], ['0.0%']])('%s shows no currency', (format) => {
    expect(currencyOfFormat(format)).toEqual({ code: null, mark: null });
  });

  it('keeps the shared symbol of "$#,##0.00" and "_($* #,##0.00_)" to resolve later', () => {
    expect(currencyOfFormat('$#,##0.00').mark).toBe('$');
    expect(currencyOfFormat('_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)').mark).toBe('$');
    expect(currencyOfMark('kr')).toEqual({ code: null, mark: 'KR' });
  });

  it('makes the format\'s currency the deal\'s currency, and a format that disagrees with the currency column a data issue', () => {
    const deals = table(['Deal ID', 'Stage', 'Amount'], ['1', 'Won', 1000], ['2', 'Won', 2000], ['3', 'Won', 400]);
    const numberFormats = [null, [null, null, '[$€-407] #,##0.00'], [null, null, '[$€-407] #,##0.00'], [null, null, '"£"#,##0.00']];
    const { summary, currencies } = analyze({ deals, numberFormats, fx: table(['Currency', 'Rate'], ['GBP', 1.2]) }, { policy: { reportingCurrency: 'EUR' } });
    expect(currencies).toEqual(['EUR', 'GBP']);
    expect(summary.totals.revenue).toBe(3000 + 480);
    const withColumn = table(['Deal ID', 'Stage', 'Amount', 'Currency'], ['1', 'Won', 1000, 'USD']);
    const conflict = toSummaryJson(analyze({ deals: withColumn, numberFormats: [null, [null, null, '[$€-407] #,##0.00']] })).issues.find((i) => i.code === 'CURRENCY_CONFLICT')!;
    expect(conflict.message).toBe("The amount's number format says EUR but the currency column says USD.");
  });
});

describe('Salesforce converted amounts', () => {
  // The column names of a Salesforce opportunity report exported with "Show currency columns".
  const header = ['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Stage', 'Opportunity Currency', 'Amount Currency', 'Amount',
    'Amount (converted) Currency', 'Amount (converted)', 'Close Date', 'Lead Source', 'Partner Account', 'Opportunity ID'];
  const rows = [
    ['Ana Ruiz', 'Fabrikam GmbH', 'Fabrikam - Suite', 'Closed Won', 'EUR', 'EUR', 10000, 'USD', 10800, '3/14/2025', 'Partner', 'Contoso Ltd.', '0065g00000AbCdE'],
    ['Ana Ruiz', 'Northwind KK', 'Northwind - Renewal', 'Closed Won', 'JPY', 'JPY', 1500000, 'USD', 10000, '3/20/2025', 'Web', '', '0065g00000AbCdF'],
    ['Ben Ode', 'Tailspin Inc', 'Tailspin - Expansion', 'Closed Won', 'USD', 'USD', 5000, 'USD', 5000, '3/21/2025', 'Web', '', '0065g00000AbCdG'],
  ];

  it('reads "Amount (converted)" in "Amount (converted) Currency", never the record\'s own currency', () => {
    const { summary, table: detected } = analyze({ deals: [header, ...rows] });
    expect(detected.headers[detected.columns.amount!]).toBe('Amount (converted)');
    expect(detected.headers[detected.columns.currency!]).toBe('Amount (converted) Currency');
    expect(summary.reportingCurrency).toBe('USD');
    expect(summary.totals.revenue).toBe(25800);
    expect(codes(summary)).not.toContain('CURRENCY_NO_RATE');
    const note = summary.issues.find((i) => i.code === 'AMOUNT_CONVERTED')!;
    expect(note.message).toBe('Amounts are read from "Amount (converted)", in the currencies of "Amount (converted) Currency".');
    expect(note.effect).toContain('"Opportunity Currency" is each record\'s own currency');
  });

  it('does not convert a converted amount again, even with an FX table that has the records\' currencies', () => {
    const fx = table(['Currency', 'Rate'], ['EUR', 1.08], ['JPY', 0.0067]);
    expect(toSummaryJson(analyze({ deals: [header, ...rows], fx })).totals.revenue).toBe(25800);
  });

  it('takes the converted amount to be in the reporting currency when its currency column is absent', () => {
    const drop = (r: readonly (string | number)[]): (string | number)[] => r.filter((_, c) => c !== 7);
    const { summary, table: detected } = analyze({ deals: [drop(header), ...rows.map(drop)] }, { policy: { reportingCurrency: 'USD' } });
    expect(detected.columns.currency).toBeUndefined();
    expect(summary.totals.revenue).toBe(25800);
    expect(summary.issues.find((i) => i.code === 'AMOUNT_CONVERTED')!.message).toContain('in the reporting currency, USD');
  });

  it('still pairs a plain "Amount" with the record\'s currency', () => {
    const plain = [header.filter((_, c) => c < 7 || c > 8), ...rows.map((r) => r.filter((_, c) => c < 7 || c > 8))];
    const { summary, table: detected } = analyze({ deals: plain, fx: table(['Currency', 'Rate'], ['EUR', 1.08], ['JPY', 0.0067]) }, { policy: { reportingCurrency: 'USD' } });
    expect(detected.headers[detected.columns.currency!]).toBe('Amount Currency');
    expect(summary.totals.revenue).toBe(10800 + 10050 + 5000);
  });
});

describe('the FX table', () => {
  const deals = dealGrid([
    { 'Deal ID': '1', Stage: 'Won', Amount: 100, Currency: 'USD' },
    { 'Deal ID': '2', Stage: 'Won', Amount: 100, Currency: 'USD' },
    { 'Deal ID': '3', Stage: 'Won', Amount: 100, Currency: 'EUR' },
    { 'Deal ID': '4', Stage: 'Won', Amount: 100, Currency: 'GBP' },
  ]);

  it('names both rates when it gives one currency two, and uses neither', () => {
    const fx = table(['Currency', 'Rate'], ['EUR', 1.08], ['GBP', 1.27], ['EUR', 1.1], ['EUR', 1.08]);
    const summary = toSummaryJson(analyze({ deals, fx }));
    const conflict = summary.issues.filter((i) => i.code === 'FX_CONFLICT');
    expect(conflict.map((i) => i.message)).toEqual(['The FX table gives EUR two rates: 1.08 (row 2) and 1.1.']);
    expect(summary.totals.revenue).toBe(327);
    expect(summary.issues.find((i) => i.code === 'CURRENCY_NO_RATE')!.message).toBe('No FX rate for EUR (reporting currency USD) (the FX table gives it two different rates).');
  });

  it('accepts the same rate listed twice', () => {
    const summary = toSummaryJson(analyze({ deals, fx: table(['Currency', 'Rate'], ['EUR', 1.08], ['EUR', '1.08'], ['GBP', 1.27]) }));
    expect(codes(summary)).not.toContain('FX_CONFLICT');
    expect(summary.totals.revenue).toBe(435);
  });
});

describe('shares when credit notes outweigh sales', () => {
  it('leaves a share null, with an info issue, when a motion is larger than revenue or revenue is not positive', () => {
    const summary = toSummaryJson(analyze({ deals: dealGrid([
      { 'Deal ID': 'INV-1', Stage: 'Closed Won', Amount: 1000, 'Sourcing Partner': 'Contoso' },
      { 'Deal ID': 'CN-1', Stage: 'Closed Won', Amount: -800 },
    ]) }));
    expect(summary.totals.revenue).toBe(200);
    expect(summary.totals.sourcedShare).toBeNull();
    expect(summary.totals.directShare).toBeNull();
    expect(summary.totals.partnerLedShare).toBeNull();
    const note = summary.issues.find((i) => i.code === 'SHARE_UNDEFINED')!;
    expect(note.severity).toBe('info');
    expect(note.message).toContain('Sourced revenue (1000.00 USD)');
    const all = toSummaryJson(analyze({ deals: dealGrid([
      { 'Deal ID': 'CN-2', Stage: 'Closed Won', Amount: -500, 'Sourcing Partner': 'Contoso' },
    ]) }));
    expect(all.totals.sourcedShare).toBeNull();
    expect(all.partners[0]!.shareOfPartnerLed).toBeNull();
    expect(all.issues.filter((i) => i.code === 'SHARE_UNDEFINED').map((i) => i.message)).toEqual([
      'Revenue is -500.00 USD after credit notes, so no share of it means anything.', 'Partner-led revenue is -500.00 USD after credit notes.']);
  });
});

describe('totals past 2^53 cents (a rupiah book)', () => {
  it('sums cents exactly, so revenue and each motion are the nearest figure to the exact sum', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      'Deal ID': `INV-${i}`, Stage: 'Closed Won', Amount: 'Rp 999.999.999.999,99', 'Sourcing Partner': i % 2 === 0 ? 'PT Mitra Solusi' : '',
    }));
    const summary = toSummaryJson(analyze({ deals: dealGrid(rows) }, { policy: { decimalSeparator: ',' } }));
    expect(summary.reportingCurrency).toBe('IDR');
    const exact = (deals: number): number => {
      const cents = (BigInt(deals) * BigInt('99999999999999')).toString();
      return Number(`${cents.slice(0, -2)}.${cents.slice(-2)}`);
    };
    expect(BigInt(120) * BigInt('99999999999999')).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(summary.totals.revenue).toBe(exact(120));
    expect(summary.totals.sourcedRevenue).toBe(exact(60));
    expect(summary.totals.directRevenue).toBe(exact(60));
    expect(summary.totals.sourcedShare).toBe(0.5);
  });
});

describe('three letters that are not a currency code', () => {
  it.each(['abc 100', 'TBD 500', '100 pcs', 'approx 100', 'n/a 250', 'EST 1,200'])('"%s" is not an amount', (text) => {
    expect(parseAmount(text, '.')).toEqual({ kind: 'invalid' });
  });

  it('still reads ISO 4217 codes in any case, and RMB as yuan', () => {
    expect(parseAmount('usd 100', '.')).toEqual({ kind: 'ok', value: 100, currency: 'USD', mark: null });
    expect(parseAmount('1.500,00 CHF', ',')).toEqual({ kind: 'ok', value: 1500, currency: 'CHF', mark: null });
    expect(parseAmount('RMB 5,000', '.')).toEqual({ kind: 'ok', value: 5000, currency: 'CNY', mark: null });
  });

  it('leaves such a deal out of the money with a warning naming the word, and the headline says so', () => {
    const summary = toSummaryJson(analyze({ deals: dealGrid([
      { 'Opportunity Name': 'Contoso renewal', Stage: 'Closed Won', Amount: 'TBD 500', 'Sourcing Partner': 'Fabrikam' },
      { 'Opportunity Name': 'Northwind upsell', Stage: 'Closed Won', Amount: 'USD 1,000.00', 'Sourcing Partner': 'Fabrikam' },
    ]) }));
    expect(summary.totals.revenue).toBe(1000);
    expect(summary.deals[0]!.amount).toBeNull();
    const bad = summary.issues.find((i) => i.code === 'AMOUNT_INVALID')!;
    expect(bad).toMatchObject({ row: 2, value: 'TBD 500', message: '"TBD 500" is not an amount ("TBD" is not a currency code).' });
    expect(codes(summary)).not.toContain('CURRENCY_NO_RATE');
    expect(summary.issues[0]!.message).toMatch(/^1 of 2 won deals/);
  });
});
