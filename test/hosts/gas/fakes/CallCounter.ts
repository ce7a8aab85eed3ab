/** Counts the calls scripts make on the in-memory Apps Script fakes, by "Class.method". */

export class CallCounter {
  private readonly counts = new Map<string, number>();

  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Calls since the last reset, in total or for one "Class.method". */
  total(name?: string): number {
    if (name !== undefined) return this.counts.get(name) ?? 0;
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** A copy of the counts, for readable failure messages. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The object scripts see: every method call on it is counted (calls the fake makes on itself are not),
 * then forwarded to the fake.
 */
export function counted<T extends object>(target: T, label: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop === 'symbol') return value;
      return (...args: unknown[]) => {
        counter.hit(`${label}.${prop}`);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}
