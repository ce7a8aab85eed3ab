/**
 * Deal ID -> sheet row of its first occurrence, for a million IDs: an open-addressing hash table in
 * typed arrays. A Map of a million strings costs about half a second to build on a 2-core machine
 * and keeps a million entries for the garbage collector to walk; this table does neither.
 */
export class IdIndex {
  private slots: Int32Array;
  private mask: number;
  private readonly ids: string[] = [];
  private rows: Int32Array;

  /** `expected`: how many IDs are likely (the table grows past it if need be). */
  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.rows = new Int32Array(Math.max(16, expected));
  }

  get size(): number { return this.ids.length; }

  /** The row stored for `id`, or -1. */
  get(id: string): number {
    const entry = this.slots[this.find(id)]!;
    return entry < 0 ? -1 : this.rows[entry]!;
  }

  /** The entry (insertion number) of `id`, or -1. */
  entryOf(id: string): number { return this.slots[this.find(id)]!; }
  /** The id and row of an entry (0 <= entry < size). */
  idAt(entry: number): string { return this.ids[entry]!; }
  rowAt(entry: number): number { return this.rows[entry]!; }

  /** Stores `row` for `id` unless it is already there; returns the row stored before, or -1 when `id` is new. */
  addFirst(id: string, row: number): number {
    const slot = this.find(id);
    const entry = this.slots[slot]!;
    if (entry >= 0) return this.rows[entry]!;
    const index = this.ids.length;
    if (index === this.rows.length) { const rows = new Int32Array(index * 2); rows.set(this.rows); this.rows = rows; }
    this.ids.push(id);
    this.rows[index] = row;
    this.slots[slot] = index;
    if (this.ids.length * 2 > this.slots.length) this.grow();
    return -1;
  }

  /** The slot holding `id`, or the empty slot where it would go (linear probing). */
  private find(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry < 0 || this.ids[entry] === id) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.ids;
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let index = 0; index < old.length; index++) this.slots[this.find(old[index]!)] = index;
  }
}
