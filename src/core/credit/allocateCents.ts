/** Splits an amount in cents by weights with largest-remainder rounding: the parts sum exactly to the whole. */

/**
 * Parts of `cents` proportional to `weights` (non-negative, not all zero: then it splits evenly).
 * Leftover cents go to the largest remainders; ties go to the earlier position (SPEC 4: "the odd
 * cent to the first in order"). Negative amounts are split as their absolute value.
 */
export function allocateCents(cents: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (n === 1) return [cents];
  let total = 0;
  let equal = true;
  for (const w of weights) { total += w > 0 ? w : 0; if (w !== weights[0]) equal = false; }
  if (equal) { // the common case (even splits): leftovers go to the first ones, as the ties rule says
    const sign = cents < 0 ? -1 : 1;
    const whole = Math.abs(cents);
    const base = Math.floor(whole / n);
    const extra = whole - base * n;
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = sign * (base + (i < extra ? 1 : 0)) + 0;
    return out;
  }
  const w = total > 0 ? weights.map((x) => (x > 0 ? x / total : 0)) : weights.map(() => 1 / n);
  const sign = cents < 0 ? -1 : 1;
  const whole = Math.abs(cents);
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = whole * w[i]!;
    const floor = Math.floor(exact + 1e-9);
    parts[i] = floor;
    // In millionths of a cent: remainders equal up to float noise (0.4 vs 0.39999999) are a tie.
    remainders[i] = Math.floor((exact - floor) * 1e6 + 0.5);
    given += floor;
  }
  // Fewer leftovers than parts: hand each to the largest remainder not yet served (ties: the earlier one).
  let left = whole - given;
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) if (remainders[i]! >= 0 && (best < 0 || remainders[i]! > remainders[best]!)) best = i;
    if (best < 0) break;
    parts[best]! += 1;
    remainders[best] = -1;
    left--;
  }
  return sign < 0 ? parts.map((p) => -p) : parts;
}

/** Cents of an amount, robust to binary fractions (1.005 -> 101 would be wrong; 100.5 cents rounds half away). */
export function toCents(amount: number): number {
  const scaled = amount * 100;
  const rounded = Math.round(scaled);
  // "+ 0" turns -0 (from a "-0" cell) into 0, so no total ever shows "-0.00".
  if (Math.abs(scaled - rounded) < 1e-6) return rounded + 0;
  return Math.sign(scaled) * Math.round(Math.abs(Number(scaled.toPrecision(15)))) + 0;
}
