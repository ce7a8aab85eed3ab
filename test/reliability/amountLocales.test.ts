/** Amounts typed as text in many locales: read to the cent, or reported, never misread as another number. */
import fc from 'fast-check';
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell } from '../../src/core';

const LOCALES: readonly { locale: string; currency: string }[] = [
  { locale: 'en-US', currency: 'USD' }, { locale: 'en-GB', currency: 'GBP' }, { locale: 'en-IN', currency: 'INR' },
  { locale: 'de-DE', currency: 'EUR' }, { locale: 'fr-FR', currency: 'EUR' }, { locale: 'es-ES', currency: 'EUR' },
  { locale: 'it-IT', currency: 'EUR' }, { locale: 'nl-NL', currency: 'EUR' }, { locale: 'de-CH', currency: 'CHF' },
  { locale: 'pt-BR', currency: 'BRL' }, { locale: 'sv-SE', currency: 'SEK' }, { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'ja-JP', currency: 'JPY' }, { locale: 'ko-KR', currency: 'KRW' }, { locale: 'ar-EG', currency: 'EGP' },
  { locale: 'he-IL', currency: 'ILS' }, { locale: 'ru-RU', currency: 'RUB' }, { locale: 'en-ZA', currency: 'ZAR' },
];

/** The decimal separator a locale writes, as the policy setting a user of that locale would choose. */
const decimalOf = (locale: string): '.' | ',' | null => {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return part === '.' || part === ',' ? part : null;
};

/** One deal with `amount` as its Amount cell; its amount as read, and whether an amount issue was raised. */
const readAmount = (amount: Cell, decimalSeparator: '.' | ','): { amount: number | null; reported: boolean } => {
  const summary = toSummaryJson(analyze({ deals: [['Deal ID', 'Stage', 'Amount'], ['A', 'Closed Won', amount]] }, { policy: { decimalSeparator, asOfDate: '2025-01-01' } }));
  return { amount: summary.deals[0]!.amount, reported: summary.issues.some((i) => i.row === 2 && i.column === 'Amount' && i.code === 'AMOUNT_INVALID') };
};

describe('amounts written as text by a spreadsheet in another locale', () => {
  it('are read to the cent or reported as not an amount, never read as a different number', () => {
    const sample = fc.record({
      cents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      where: fc.constantFrom(...LOCALES),
      style: fc.constantFrom('currency', 'decimal', 'accounting', 'code'),
    });
    fc.assert(fc.property(sample, ({ cents, where, style }) => {
      const decimal = decimalOf(where.locale);
      fc.pre(decimal !== null);
      const options: Intl.NumberFormatOptions = style === 'decimal' ? { minimumFractionDigits: 2 }
        : { style: 'currency', currency: where.currency, currencySign: style === 'accounting' ? 'accounting' : 'standard', currencyDisplay: style === 'code' ? 'code' : 'symbol' };
      const fractionDigits = new Intl.NumberFormat(where.locale, options).resolvedOptions().maximumFractionDigits ?? 2;
      const value = Number((cents / 100).toFixed(Math.min(2, fractionDigits)));
      const text = new Intl.NumberFormat(where.locale, options).format(value);
      const read = readAmount(text, decimal!);
      const ok = read.amount === null ? read.reported : Math.round(read.amount * 100) === Math.round(value * 100);
      if (!ok) throw new Error(`"${text}" (${where.locale}, ${style}) was read as ${read.amount}, not ${value}`);
    }), { numRuns: 400 });
  });

  it.each([
    ['$1,200.50', '.', 1200.5], ['USD 1200', '.', 1200], ['(1,200)', '.', -1200], ['-$1,234.56', '.', -1234.56], ['£1,234.56', '.', 1234.56],
    ['1,234.56 USD', '.', 1234.56], ["1'234.56", '.', 1234.56], ['1 234.56', '.', 1234.56], ['€1,234.56', '.', 1234.56],
    ['1.234,56 €', ',', 1234.56], ['1\u202f234,56 €', ',', 1234.56], ['1\u00a0234,56', ',', 1234.56], ['R$ 1.234,56', ',', 1234.56],
    ['-1.234,56 €', ',', -1234.56], ['1.234', ',', 1234], ['0,5', ',', 0.5],
  ] as const)('reads "%s" with %s as the decimal separator as %d', (text, decimal, expected) => {
    expect(readAmount(text, decimal)).toEqual({ amount: expected, reported: false });
  });

  it.each([
    ['1.234,56 €', '.'], ['1,234.56', ','], ['1,2,3', '.'], ['1.2.3', ','], ['12,34,567.89', '.'],
  ] as const)('reports "%s" under the %s setting rather than guess', (text, decimal) => {
    expect(readAmount(text, decimal)).toEqual({ amount: null, reported: true });
  });
});
