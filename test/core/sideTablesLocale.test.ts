/**
 * The FX Rates and Touches tables read as a German Excel writes them (issue 13): the Rate and Weight
 * columns' decimal separator and the touch Date column's day/month order are decided per column from
 * the file, like the deals table's, and a number nothing decides is flagged, never guessed.
 */
import { analyze, toSummaryJson } from '../../src/core';
import type { AnalysisInput, Cell, Summary } from '../../src/core';

/** The run's summary with its deals, as the JSON export writes it. */
const run = (input: AnalysisInput, options?: Parameters<typeof analyze>[1]): { summary: Summary } => ({ summary: toSummaryJson(analyze(input, options)) });

/** Euro deals and one in US dollars, as a German CRM export (comma decimals, day-first dates). */
const DEALS: Cell[][] = [
  ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount', 'Currency', 'Created Date', 'Close Date'],
  ['D-1', 'Kühne + Nagel', 'Closed Won', '1.234,56', 'EUR', '10.01.2025', '20.02.2025'],
  ['D-2', 'Bosch', 'Closed Won', '2.000,00', 'EUR', '10.01.2025', '20.02.2025'],
  ['D-3', 'Northwind Inc.', 'Closed Won', '1.000,10', 'USD', '10.01.2025', '20.02.2025'],
];
const fx = (rate: string): Cell[][] => [['Currency', 'Rate'], ['EUR', '1'], ['USD', rate]];

describe('an FX Rates table written with comma decimals', () => {
  it('reads "1,085" in a ";"-separated FX file as 1.085 and converts the dollar deal to the cent', () => {
    const { summary } = analyze({ deals: DEALS, delimiter: ';', fx: fx('1,085'), delimiters: { fx: ';' } });
    expect(summary.reportingCurrency).toBe('EUR');
    // 1000.10 USD * 1.085 = 1085.1085 EUR -> 1085.11; plus 1234.56 + 2000.00.
    expect(summary.totals.revenue).toBe(4319.67);
    expect(summary.issues.map((i) => i.code)).not.toContain('CURRENCY_NO_RATE');
    const note = summary.issues.find((i) => i.code === 'LOCALE_DECIMAL_COMMA' && i.column === 'Rate');
    expect(note?.message).toMatch(/Rates in "Rate" of the FX Rates table are read with comma decimals .*separated by ";"/);
  });

  it('flags "1,085" when nothing in the FX table says which separator it uses, and leaves the dollar deal out instead of converting at 1085', () => {
    const { summary } = analyze({ deals: DEALS, delimiter: ';', fx: fx('1,085') });
    expect(summary.totals.revenue).toBe(3234.56);
    const flagged = summary.issues.find((i) => i.code === 'AMOUNT_AMBIGUOUS');
    expect(flagged).toMatchObject({ row: 3, column: 'Rate', value: '1,085' });
    expect(flagged?.effect).toMatch(/No rate is used for USD.*Set decimalSeparator to "," or "\." in the settings to read such rates/);
    expect(summary.issues.filter((i) => i.code === 'CURRENCY_NO_RATE').map((i) => i.value)).toEqual(['USD']);
  });

  it('reads "1,0850" as 1.085 from the value alone (no delimiter needed), where it used to be refused', () => {
    const { summary } = analyze({ deals: DEALS, delimiter: ';', fx: fx('1,0850') });
    expect(summary.totals.revenue).toBe(4319.67);
    expect(summary.issues.map((i) => i.code)).not.toContain('FX_INVALID');
    expect(summary.issues.find((i) => i.code === 'LOCALE_DECIMAL_COMMA' && i.column === 'Rate')?.message).toMatch(/values such as "1,0850"/);
  });

  it('keeps point decimals for an English FX table, and the user\'s decimalSeparator wins over a ";" file', () => {
    expect(analyze({ deals: DEALS, delimiter: ';', fx: fx('1.0850') }).summary.totals.revenue).toBe(4319.67);
    // Set to ".", "1,085" is a thousand and eighty-five: the user said so, so it is not second-guessed.
    const told = analyze({ deals: DEALS, fx: fx('1,085'), delimiters: { fx: ';' } }, { policy: { decimalSeparator: '.' } }).summary;
    expect(told.issues.map((i) => i.code)).not.toContain('AMOUNT_AMBIGUOUS');
  });
});

/** A deal created 10 Jan 2025 and won 20 Feb 2025, with no partner of its own. */
const ONE_DEAL: Cell[][] = [
  ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount', 'Created Date', 'Close Date'],
  ['D-1', 'Kühne + Nagel', 'Closed Won', '50000', '2025-01-10', '2025-02-20'],
];
const touches = (...rows: Cell[][]): Cell[][] => [['Deal ID', 'Partner', 'Activity', 'Date', 'Weight'], ...rows];

describe('a Touches table written with comma decimals and day-first dates', () => {
  it('reads a weight of "0,2" as 0.2 (the partner only touched the deal), where it used to be refused and weighed 0.5', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(['D-1', 'Adatum GmbH', 'Meeting', '2025-02-01', '0,2']) });
    const deal = summary.deals[0]!;
    expect(deal.motion).toBe('direct');
    expect(deal.touched).toEqual(['Adatum GmbH']);
    expect(summary.issues.map((i) => i.code)).not.toContain('AMOUNT_INVALID');
    expect(summary.issues.find((i) => i.code === 'LOCALE_DECIMAL_COMMA')?.message).toMatch(/Weights in "Weight" of the Touches table .*values such as "0,2"/);
  });

  it('reads "0,5" in a ";"-separated Touches file as a half (an email alone weighs 0.1), enough to influence', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(['D-1', 'Adatum GmbH', 'Email', '2025-02-01', '0,5']), delimiters: { touches: ';' } });
    expect(summary.deals[0]!.motion).toBe('influenced');
    expect(summary.deals[0]!.influencers).toEqual(['Adatum GmbH']);
  });

  it('words a weight that is not a number for a weight, not for money', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(['D-1', 'Adatum GmbH', 'Webinar', '2025-02-01', 'hoch']) });
    const issue = summary.issues.find((i) => i.code === 'AMOUNT_INVALID')!;
    expect(issue).toMatchObject({ row: 2, column: 'Weight', value: 'hoch' });
    expect(issue.message).toBe('"hoch" is not a weight.');
    expect(issue.effect).not.toMatch(/money/);
    expect(issue.effect).toMatch(/weight from the settings/);
    expect(summary.deals[0]!.motion).toBe('direct'); // Webinar weighs 0.25: below the threshold
  });

  it('reads "02.03.2025" next to "13.01.2025" as 2 March (after the close, so it does not count), not 3 February', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(
      ['D-1', 'Adatum GmbH', 'Demo', '02.03.2025', ''],
      ['D-1', 'Contoso AG', 'Meeting', '13.01.2025', ''],
    ) });
    const deal = summary.deals[0]!;
    expect(deal.influencers).toEqual(['Contoso AG']);
    expect(summary.issues.map((i) => i.code)).not.toContain('DATE_INVALID');
  });

  it('reads a touch column of "02/03/2025" and "13/01/2025" day first although dateOrder is MDY, and says so', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(
      ['D-1', 'Adatum GmbH', 'Demo', '02/03/2025', ''],
      ['D-1', 'Contoso AG', 'Meeting', '13/01/2025', ''],
    ) });
    expect(summary.deals[0]!.influencers).toEqual(['Contoso AG']);
    expect(summary.issues.find((i) => i.code === 'LOCALE_DATE_PROVEN')?.message).toMatch(/"Date" of the Touches table are read day first .*"13\/01\/2025"/);
  });

  it('flags a weight of "1.000" that nothing in the column explains, and uses the activity\'s weight', () => {
    const { summary } = run({ deals: ONE_DEAL, touches: touches(['D-1', 'Adatum GmbH', 'Webinar', '2025-02-01', '1.000']) });
    const flagged = summary.issues.find((i) => i.code === 'AMOUNT_AMBIGUOUS');
    expect(flagged).toMatchObject({ row: 2, column: 'Weight', value: '1.000' });
    expect(flagged?.effect).toMatch(/weight from the settings is used instead.*such weights/);
    expect(summary.deals[0]!.motion).toBe('direct');
  });
});
