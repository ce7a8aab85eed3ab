/**
 * The engine's hot-path pieces against what they replace (issue 16): calendar parts counted in
 * integer arithmetic against Date's UTC fields, a column of cent sums against CentsSum past 2^53,
 * and several date columns' orders decided in one pass against one column at a time.
 */
import fc from 'fast-check';
import { dayFromParts, isoDay, parseDateText, partsOfDay } from '../../src/core/values/parseDate';
import { CentsColumn, CentsSum } from '../../src/core/rollup/centsSum';
import { decideDateOrder, decideDateOrders } from '../../src/core/values/columnLocale';
import { amountOfText, parseAmount } from '../../src/core/values/parseAmount';
import type { Cell } from '../../src/core';

const viaDate = (day: number): { year: number; month: number; day: number } => {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

describe('partsOfDay', () => {
  it('gives the calendar date Date gives, across leap years, centuries and before 1970', () => {
    // 1600-03-01 to 2400-03-01, every day, then the ends of Date's range.
    const differ: number[] = [];
    for (let day = -134_713; day <= 157_481; day++) {
      const got = partsOfDay(day);
      const want = viaDate(day);
      if (got.year !== want.year || got.month !== want.month || got.day !== want.day) differ.push(day);
    }
    expect(differ).toEqual([]);
    for (const day of [-100_000_000, -99_999_999, -719_468, -719_469, 0, -1, 11_016, 99_999_999, 100_000_000]) {
      expect(partsOfDay(day)).toEqual(viaDate(day));
    }
  });

  it('agrees with Date on any whole or fractional day in its range', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => {
      expect(partsOfDay(day)).toEqual(viaDate(day));
    }), { numRuns: 5_000 });
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (day) => {
      expect(partsOfDay(day)).toEqual(viaDate(day));
    }));
  });
});

describe('CentsColumn', () => {
  it('holds, per entry, the sum CentsSum holds after the same adds, past 2^53 cents too', () => {
    const near = Number.MAX_SAFE_INTEGER - 5;
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }),
      fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(near, -near, 4e15))), { maxLength: 300 }), (adds) => {
      const column = new CentsColumn(4);
      const sums = new Map<number, CentsSum>();
      for (const [i, cents] of adds) {
        column.grow(i + 1);
        column.add(i, cents);
        if (!sums.has(i)) sums.set(i, new CentsSum());
        sums.get(i)!.add(cents);
      }
      for (const [i, expected] of sums) {
        const got = column.sum(i);
        expect(got.exact()).toBe(expected.exact());
        expect(got.money()).toBe(expected.money());
        expect(got.approx()).toBe(expected.approx());
      }
    }));
  });
});

describe('decideDateOrders', () => {
  it('decides each column as decideDateOrder does, in one pass', () => {
    const text = fc.oneof(fc.constantFrom('', '03/04/2024', '13/04/2024', '04/13/2024', '05.06.2024', '2024-03-04', '12/12/2024', 'n/a'),
      fc.integer({ min: 40_000, max: 46_000 }));
    fc.assert(fc.property(fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { maxLength: 40 }),
      fc.constantFrom<'MDY' | 'DMY'>('MDY', 'DMY'), (rows, setting) => {
        const grid: Cell[][] = [['Created', 'Closed', 'Registered', 'Other'], ...rows];
        const columns = [0, 1, 2, 1];
        expect(decideDateOrders(grid, 1, columns, setting)).toEqual(columns.map((c) => decideDateOrder(grid, 1, c, setting)));
      }));
  });
});

describe('parseAmount', () => {
  // The one-pass reading of plain amounts ("63976", "$116,494.00", "1.234,56") against the regular-expression
  // reading it stands in front of, on text made of the characters amounts are written with.
  const piece = fc.oneof(
    fc.stringMatching(/^\d{1,7}$/), fc.constantFrom(',', '.', '$', '-', ' ', '000', '123', '(', ')', 'USD', '€', 'e5', '\u00a0'),
  );
  const amountText = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

  it('reads every text as the general reading does, with either decimal separator', () => {
    fc.assert(fc.property(amountText, fc.constantFrom<'.' | ','>('.', ','), (text, separator) => {
      expect(parseAmount(text, separator)).toEqual(amountOfText(text, separator));
    }), { numRuns: 20_000 });
  });

  it('reads long and many-decimal amounts to the same double', () => {
    const digits = fc.stringMatching(/^[1-9]\d{0,16}$/);
    fc.assert(fc.property(digits, fc.integer({ min: 0, max: 17 }), fc.boolean(), (d, cut, dollar) => {
      const text = `${dollar ? '$' : ''}${cut > 0 && cut < d.length ? `${d.slice(0, d.length - cut)}.${d.slice(d.length - cut)}` : d}`;
      expect(parseAmount(text, '.')).toEqual(amountOfText(text, '.'));
    }), { numRuns: 20_000 });
    for (const text of ['63976', '94589.77', '$116,494.00', '-$5', '$-5', '1,234,567.891', '0.1', '0.3', '999999999999999', '9007199254740993', '-0']) {
      expect(parseAmount(text, '.')).toEqual(amountOfText(text, '.'));
    }
    expect(parseAmount('1.234,56', ',')).toEqual({ kind: 'ok', value: 1234.56, currency: null, mark: null });
    expect(parseAmount('$116,494.00', '.')).toEqual({ kind: 'ok', value: 116494, currency: null, mark: '$' });
  });
});

describe('dayFromParts and isoDay', () => {
  // What dayFromParts computed with a Date before it counted in integers.
  const viaUtcFields = (year: number, month: number, day: number): number | null => {
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return null;
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    return d.getUTCDate() !== day ? null : Math.round(d.getTime() / 86_400_000);
  };

  it('gives the day Date gives for every month and day of 1896-2104 and of every eleventh year to 9999, and null for days that do not exist', () => {
    const differ: string[] = [];
    for (let year = 1; year <= 9999; year += year >= 1896 && year < 2104 ? 1 : 11) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          if (dayFromParts(year, month, day) !== viaUtcFields(year, month, day)) differ.push(`${year}-${month}-${day}`);
        }
      }
    }
    expect(differ).toEqual([]);
    fc.assert(fc.property(fc.integer({ min: -5, max: 10_005 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }),
      (y, m, d) => { expect(dayFromParts(y, m, d)).toBe(viaUtcFields(y, m, d)); }), { numRuns: 20_000 });
  });

  it('reads ten-character ISO text as the ISO pattern does, and nothing else', () => {
    const text = fc.tuple(fc.stringMatching(/^[0-9]{4}$/), fc.constantFrom('-', '/', '.'), fc.stringMatching(/^[0-9]{1,2}$/),
      fc.constantFrom('-', '/', '.', 'a', ' ', 'T'), fc.stringMatching(/^[0-9a ]{1,3}$/)).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      const iso = isoDay(t);
      if (iso !== null) expect(iso).toBe(parseDateText(t, 'MDY'));
      else if (t.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(t)) expect(parseDateText(t, 'MDY')).toBeNull();
    }), { numRuns: 20_000 });
    expect(isoDay('2024-02-29')).toBe(19_782);
    expect(isoDay('2023-02-29')).toBeNull();
    expect(isoDay(' 2024-02-29')).toBeNull();
  });
});
