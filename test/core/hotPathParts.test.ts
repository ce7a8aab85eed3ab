/**
 * The engine's hot-path pieces against what they replace (issue 16): calendar parts counted in
 * integer arithmetic against Date's UTC fields, a column of cent sums against CentsSum past 2^53,
 * and several date columns' orders decided in one pass against one column at a time.
 */
import fc from 'fast-check';
import { partsOfDay } from '../../src/core/values/parseDate';
import { CentsColumn, CentsSum } from '../../src/core/rollup/centsSum';
import { decideDateOrder, decideDateOrders } from '../../src/core/values/columnLocale';
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
