/** Numbers and dates as a locale writes them: decided per column from the file, flagged where nothing decides. */
import { analyze, resolvePolicy } from '../../src/core';
import type { Cell } from '../../src/core';
import { decimalEvidence } from '../../src/core/values/columnLocale';

const HEADER = ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date'];
const deals = (...rows: Cell[][]): Cell[][] => [HEADER, ...rows];
const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('the decimal separator, per column', () => {
  it.each([
    ['1.234,56', ','], ['1,234.56', '.'], ['12,5', ','], ['12.50', '.'], ['1.234.567', ','], ['1,234,567', '.'],
    ['1 234,56 €', ','], ['$1,200.50', '.'], ['0.500', '.'], ['12.500', 'either'], ['1,000', 'either'], ['$12,500', '.'], ['£1,000', '.'], ['R$ 1.000', 'either'], ['1200', null],
  ])('%p says %p', (text, expected) => expect(decimalEvidence(text)).toBe(expected));

  it('reads "1.234,56" and "12.500" in one column as comma decimals, and says so with the way back', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Kühne', 'Closed Won', '1.234,56', '2025-01-10'], ['D-2', 'Bosch', 'Closed Won', '12.500', '2025-01-11']) });
    expect(summary.totals.revenue).toBe(13734.56);
    const note = summary.issues.find((i) => i.code === 'LOCALE_DECIMAL_COMMA');
    expect(note?.message).toMatch(/"Amount" are read with comma decimals .*values such as "1\.234,56"/);
    expect(note?.effect).toMatch(/set decimalSeparator to "\."/);
  });

  it('reads a ;-delimited file\'s "12.500" as twelve thousand five hundred', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Kühne', 'Closed Won', '12.500', '2025-01-10'], ['D-2', 'Bosch', 'Closed Won', '3.000', '2025-01-11']), delimiter: ';' });
    expect(summary.totals.revenue).toBe(15500);
    expect(summary.issues.find((i) => i.code === 'LOCALE_DECIMAL_COMMA')?.message).toMatch(/separated by ";"/);
  });

  it('flags "1.000" and "12.345" in a column where nothing says which separator is the decimal, instead of reading 1.00 and 12.35', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Kühne', 'Closed Won', '1.000', '2025-01-10'], ['D-2', 'Bosch', 'Closed Won', '12.345', '2025-01-11'], ['D-3', 'Siemens', 'Closed Won', '800', '2025-01-12']) });
    expect(summary.totals.revenue).toBe(800);
    const flagged = summary.issues.filter((i) => i.code === 'AMOUNT_AMBIGUOUS');
    expect(flagged.map((i) => [i.row, i.value])).toEqual([[2, '1.000'], [3, '12.345']]);
    expect(flagged[0]!.effect).toMatch(/decimalSeparator/);
  });

  it('reads the same column as the user says when decimalSeparator is set', () => {
    const grid = deals(['D-1', 'Kühne', 'Closed Won', '1.000', '2025-01-10'], ['D-2', 'Bosch', 'Closed Won', '12.345', '2025-01-11']);
    expect(analyze({ deals: grid }, { policy: { decimalSeparator: ',' } }).summary.totals.revenue).toBe(13345);
    expect(analyze({ deals: grid }, { policy: { decimalSeparator: '.' } }).summary.totals.revenue).toBe(13.35);
  });

  it('keeps US amounts as they are and adds no note', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Acme', 'Closed Won', '$1,200.50', '2025-01-10'], ['D-2', 'Globex', 'Closed Won', '12,500', '2025-01-11']) });
    expect(summary.totals.revenue).toBe(13700.5);
    expect(codes(summary.issues).filter((c) => c.startsWith('LOCALE') || c.startsWith('AMOUNT'))).toEqual([]);
  });
});

describe('day-first or month-first, per date column', () => {
  it('reads a column day first when one date proves it ("13/01/2025"), and says so', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Acme', 'Closed Won', 100, '03/02/2025'], ['D-2', 'Globex', 'Closed Won', 100, '13/01/2025']) });
    expect(summary.periods.map((p) => p.period)).toEqual(['2025 Q1']);
    expect(summary.issues.filter((i) => i.code === 'DATE_INVALID')).toEqual([]);
    const note = summary.issues.find((i) => i.code === 'LOCALE_DATE_PROVEN');
    expect(note?.message).toMatch(/"Close Date" are read day first .*"13\/01\/2025"/);
  });

  it('reads German dd.mm.yyyy dates day first', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Acme', 'Closed Won', 100, '03.02.2025'], ['D-2', 'Globex', 'Open', 100, '01.07.2025']) });
    expect(summary.periods.map((p) => p.period)).toEqual(['2025 Q1', '2025 Q3']);
  });

  it('uses the setting when nothing proves the order, and says which was used', () => {
    const grid = deals(['D-1', 'Acme', 'Closed Won', 100, '03/04/2025'], ['D-2', 'Globex', 'Closed Won', 100, '05/06/2025']);
    const mdy = analyze({ deals: grid }).summary;
    expect(mdy.periods.map((p) => p.period)).toEqual(['2025 Q1', '2025 Q2']);
    expect(mdy.issues.find((i) => i.code === 'LOCALE_DATE_ASSUMED')?.effect).toMatch(/month first .*\(MDY\); set dateOrder to "DMY"/);
    const dmy = analyze({ deals: grid }, { policy: { dateOrder: 'dmy' } }).summary;
    expect(dmy.periods.map((p) => p.period)).toEqual(['2025 Q2']);
    expect(dmy.issues.find((i) => i.code === 'LOCALE_DATE_ASSUMED')?.effect).toMatch(/day first .*\(DMY\)/);
  });

  it('accepts "dmy" and "DMY" alike in settings', () => {
    expect(resolvePolicy({ dateOrder: 'dmy' }).dateOrder).toBe('DMY');
    expect(resolvePolicy({ dateOrder: 'Mdy' }).dateOrder).toBe('MDY');
    expect(() => resolvePolicy({ dateOrder: 'ymd' })).toThrow(/"MDY", "DMY"/);
  });

  it('reports a column whose dates disagree with each other', () => {
    const { summary } = analyze({ deals: deals(['D-1', 'Acme', 'Closed Won', 100, '13/01/2025'], ['D-2', 'Globex', 'Closed Won', 100, '01/13/2025']) });
    expect(codes(summary.issues)).toContain('LOCALE_DATE_CONFLICT');
    expect(summary.issues.filter((i) => i.code === 'DATE_INVALID').map((i) => i.value)).toEqual(['13/01/2025']);
  });
});
