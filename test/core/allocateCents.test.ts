/** Largest-remainder allocation: parts always sum to the whole, to the cent. */
import fc from 'fast-check';
import { allocateCents, toCents } from '../../src/core/credit/allocateCents';

describe('allocateCents', () => {
  it('never loses or invents a cent, for any amount and weights', () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
      (cents, weights) => allocateCents(cents, weights).reduce((a, b) => a + b, 0) === cents));
  });

  it('keeps each part within a cent of its exact share', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }), (cents, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      return allocateCents(cents, weights).every((part, i) => Math.abs(part - (cents * weights[i]!) / total) < 1 + 1e-6);
    }));
  });

  it('gives the odd cent to the first in order on a tie', () => {
    expect(allocateCents(900001, [1, 1])).toEqual([450001, 450000]);
    expect(allocateCents(-900001, [1, 1])).toEqual([-450001, -450000]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocateCents(300, [0, 0, 0])).toEqual([100, 100, 100]);
  });
});

describe('toCents', () => {
  it.each([[1.005, 101], [-0, 0], [1200.5, 120050], [0.1 + 0.2, 30], [-2.675, -268], [9000.01, 900001]])('turns %p into %p cents', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });
});

describe('ties despite floating-point noise', () => {
  it('gives leftover cents to the first in order when exact shares tie (position model, 5 partners, 6 cents)', () => {
    const n = 5;
    const weights = Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
    expect(allocateCents(6, weights)).toEqual([3, 1, 0, 0, 2]);
  });
});
