/**
 * A running sum of cents that stays exact past 2^53 cents (rupiah and won books reach it): a plain
 * number while the sum is a safe integer, and what would pass that carried into a BigInt. Every
 * money rollup (totals, partners, periods, segments, payouts, the report tabs' sums) adds with it.
 */

const ZERO = BigInt(0);
const SAFE = Number.MAX_SAFE_INTEGER;
const BIG_SAFE = BigInt(SAFE);

/**
 * Exact cents as money: the nearest double to the exact decimal. Below 2^53 cents that is the
 * plain `cents / 100`; past it a double cannot hold every cent, and this is the closest it can.
 */
export function centsToMoney(cents: bigint): number {
  const negative = cents < ZERO;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`) + 0;
}

/** Exact cents as decimal text with two decimals and no grouping ("-12345678901234567.89"), for messages. */
export function centsText(cents: bigint): string {
  const negative = cents < ZERO;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A sum of whole cents that never loses one (see the file comment). */
export class CentsSum {
  /** The part of the sum held as a safe integer. */
  private low = 0;
  /** What was carried out of `low` before it would pass 2^53; null while nothing was. */
  private high: bigint | null = null;

  /** Adds whole cents (an integer number, as every deal's cents are). */
  add(cents: number): void {
    const next = this.low + cents;
    if (next <= SAFE && next >= -SAFE) { this.low = next; return; }
    this.high = (this.high ?? ZERO) + BigInt(this.low) + BigInt(cents);
    this.low = 0;
  }

  /** Adds exact cents given as a BigInt. */
  addExact(cents: bigint): void {
    const sum = this.exact() + cents;
    if (sum <= BIG_SAFE && sum >= -BIG_SAFE) { this.low = Number(sum); this.high = null; } else { this.high = sum; this.low = 0; }
  }

  /** Adds another sum, exactly. */
  addSum(other: CentsSum): void {
    if (other.high === null) { this.add(other.low); return; }
    this.high = (this.high ?? ZERO) + other.high + BigInt(this.low) + BigInt(other.low);
    this.low = 0;
  }

  /** The exact sum in cents. */
  exact(): bigint { return this.high === null ? BigInt(this.low) : this.high + BigInt(this.low); }

  /** The sum as money (units of the currency): exact below 2^53 cents, the nearest double past it. */
  money(): number { return this.high === null ? this.low / 100 : centsToMoney(this.exact()); }

  /** The sum in cents as the nearest double: for shares, averages and comparisons, never for money shown. */
  approx(): number { return this.high === null ? this.low : Number(this.exact()); }

  /** The sum a CentsColumn entry holds: the same parts, so it reads exactly as a CentsSum that took the same adds. */
  static ofParts(low: number, high: bigint | null): CentsSum {
    const out = new CentsSum();
    out.low = low;
    out.high = high;
    return out;
  }

  /** A new sum of several sums. */
  static of(...sums: readonly CentsSum[]): CentsSum {
    const out = new CentsSum();
    for (const s of sums) out.addSum(s);
    return out;
  }
}

/**
 * One CentsSum per index (a partner id), held as a column: a Float64Array of the safe-integer parts
 * and, only once some sum passes 2^53 cents, the carried BigInts beside it. Adding is CentsSum.add
 * on entry i; thousands of partners' sums sit in one array instead of thousands of objects.
 */
export class CentsColumn {
  private low: Float64Array;
  private high: (bigint | null)[] | null = null;

  constructor(capacity: number) { this.low = new Float64Array(capacity); }

  /** Room for indexes below `capacity` (new entries are zero). */
  grow(capacity: number): void {
    if (capacity <= this.low.length) return;
    const low = new Float64Array(capacity);
    low.set(this.low);
    this.low = low;
  }

  /** Adds whole cents to entry i (i below the capacity): CentsSum.add. */
  add(i: number, cents: number): void {
    const next = this.low[i]! + cents;
    if (next <= SAFE && next >= -SAFE) { this.low[i] = next; return; }
    this.high ??= [];
    this.high[i] = (this.high[i] ?? ZERO) + BigInt(this.low[i]!) + BigInt(cents);
    this.low[i] = 0;
  }

  /** Entry i as a CentsSum. */
  sum(i: number): CentsSum { return CentsSum.ofParts(this.low[i]!, this.high?.[i] ?? null); }
}
