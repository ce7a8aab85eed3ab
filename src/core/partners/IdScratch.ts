/**
 * A list of distinct partner ids for one deal at a time, reused from deal to deal. A deal names a
 * handful of partners: a linear scan beats a Set, and a reused list allocates nothing once grown
 * (a fresh array reserves 17 slots at its first push, a million times over).
 */
export class IdScratch {
  private readonly ids: number[] = [];
  private n = 0;

  get length(): number { return this.n; }
  at(i: number): number { return this.ids[i]!; }
  clear(): void { this.n = 0; }

  /** Adds the id unless it is there already (first-seen order is kept). */
  add(id: number): void {
    for (let k = 0; k < this.n; k++) if (this.ids[k] === id) return;
    this.ids[this.n++] = id;
  }

  /** Removes the id if it is there, keeping the others' order. */
  remove(id: number): void {
    for (let k = 0; k < this.n; k++) {
      if (this.ids[k] !== id) continue;
      for (let j = k + 1; j < this.n; j++) this.ids[j - 1] = this.ids[j]!;
      this.n--;
      return;
    }
  }

  /** The ids as a new array of exactly their number. */
  copy(): number[] { return this.ids.slice(0, this.n); }
}
