/**
 * Every partner named anywhere in the workbook, one id per matching key (SPEC 2.5): display names
 * (directory name, else the most frequent spelling, ties to the first seen), attributes and merges.
 */
import { partnerKey } from './partnerKey';
import type { IssueLog } from '../messages';

export const UNKNOWN_PARTNER = '(Unknown partner)';

interface Entry {
  key: string;
  /** Indexes of its spellings in the registry's spelling table, in first-seen order. */
  spellings: number[];
  canonical: string | null;
  tier: string | null; type: string | null; region: string | null;
  /** Attribute value -> count, from rows where this is the primary partner. */
  rowTier: Tally; rowType: Tally; rowRegion: Tally;
  name: string;
}

/** Counts of a handful of distinct values (tiers, regions), in first-seen order; lighter than a Map per partner. */
class Tally {
  private readonly values: string[] = [];
  private readonly counts: number[] = [];
  add(value: string): void {
    const i = this.values.indexOf(value);
    if (i >= 0) this.counts[i]!++;
    else { this.values.push(value); this.counts.push(1); }
  }
  /** The most frequent value, ties to the first seen; null when empty. */
  mostFrequent(): string | null {
    let best: string | null = null;
    let bestCount = 0;
    this.values.forEach((value, i) => { if (this.counts[i]! > bestCount) { best = value; bestCount = this.counts[i]!; } });
    return best;
  }
}

export class PartnerRegistry {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, number>();
  /** Exact spelling -> its index in the spelling table; spares re-normalizing names that repeat on every row. */
  private readonly bySpelling = new Map<string, number>();
  /** The spelling table: text, partner id and times seen of each exact spelling. */
  private readonly spellingText: string[] = [];
  private readonly spellingId: number[] = [];
  private readonly spellingCount: number[] = [];

  /** Adds a directory entry (canonical name, aliases, attributes). Returns false for a repeated partner. */
  addDirectoryEntry(name: string, aliases: string[], tier: string | null, type: string | null, region: string | null): boolean {
    const key = partnerKey(name);
    if (key === '') return true;
    const existing = this.byKey.get(key);
    if (existing !== undefined && this.entries[existing]!.canonical !== null) return false;
    const id = existing ?? this.create(key);
    const entry = this.entries[id]!;
    entry.canonical = name.trim();
    entry.tier = tier; entry.type = type; entry.region = region;
    for (const alias of aliases) {
      const aliasKey = partnerKey(alias);
      if (aliasKey !== '' && !this.byKey.has(aliasKey)) this.byKey.set(aliasKey, id);
    }
    return true;
  }

  private create(key: string): number {
    const id = this.entries.length;
    this.entries.push({ key, spellings: [], canonical: null, tier: null, type: null, region: null,
      rowTier: new Tally(), rowType: new Tally(), rowRegion: new Tally(), name: '' });
    this.byKey.set(key, id);
    return id;
  }

  /** The id of a partner by name as written (counting the spelling), or -1 for an empty name. */
  ref(name: string): number {
    const s = this.spelling(name);
    if (s < 0) return -1;
    this.spellingCount[s]!++;
    return this.spellingId[s]!;
  }

  /**
   * The index of a name as written in the spelling table (registering the spelling and its partner,
   * without counting it), or -1 for an empty name. With countSpelling: ref for a caller that keeps
   * the index of a text it sees again and again.
   */
  spelling(name: string): number {
    let s = this.bySpelling.get(name);
    if (s === undefined) {
      const key = partnerKey(name);
      if (key === '') return -1;
      const id = this.byKey.get(key) ?? this.create(key);
      s = this.spellingText.length;
      this.spellingText.push(name);
      this.spellingId.push(id);
      this.spellingCount.push(0);
      this.entries[id]!.spellings.push(s);
      this.bySpelling.set(name, s);
    }
    return s;
  }

  /** Counts one more use of a spelling (an index from `spelling`). */
  countSpelling(s: number): void { this.spellingCount[s]!++; }

  /** A placeholder partner such as "(Unknown partner)", usable after names are finished. */
  special(name: string): number {
    const key = `\u0000${name}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.create(key);
    this.entries[id]!.canonical = name;
    this.entries[id]!.name = name;
    return id;
  }

  /** True when the Partners directory lists this name or alias. */
  isDirectoryName(name: string): boolean {
    const id = this.byKey.get(partnerKey(name));
    return id !== undefined && this.entries[id]!.canonical !== null;
  }

  /** The id of a partner by name without counting a spelling (lookups), or -1 when unknown. */
  find(name: string): number {
    const s = this.bySpelling.get(name);
    return s !== undefined ? this.spellingId[s]! : this.byKey.get(partnerKey(name)) ?? -1;
  }

  /** Records a row's attribute values for its primary partner. */
  noteAttributes(id: number, tier: string, type: string, region: string): void {
    const entry = this.entries[id]!;
    if (tier) entry.rowTier.add(tier);
    if (type) entry.rowType.add(type);
    if (region) entry.rowRegion.add(region);
  }

  /** Fixes display names (call once all names are in) and reports merged spellings. */
  finishNames(issues: IssueLog): void {
    for (const entry of this.entries) {
      // The most frequent spelling, ties to the first seen (each spelling is in the table once).
      let best = -1;
      for (const s of entry.spellings) if (best < 0 || this.spellingCount[s]! > this.spellingCount[best]!) best = s;
      entry.name = entry.canonical ?? (best >= 0 ? this.spellingText[best]! : entry.key);
      const variants = entry.spellings.map((s) => this.spellingText[s]!.trim()).filter((s, i, all) => all.indexOf(s) === i);
      if (variants.length > 1 || (variants.length === 1 && variants[0] !== entry.name)) {
        const listed = [...new Set([entry.name, ...variants])].map((v) => `"${v}"`);
        issues.add('PARTNER_MERGED', null, 'Partner', entry.name, { variants: listed.join(', '), name: entry.name });
      }
    }
  }

  name(id: number): string { return this.entries[id]!.name; }
  get size(): number { return this.entries.length; }

  /** Tier, type and region: the directory's, else the most frequent on rows where it is the primary partner. */
  attributes(id: number): { tier: string | null; type: string | null; region: string | null } {
    const e = this.entries[id]!;
    return {
      tier: e.tier ?? e.rowTier.mostFrequent(),
      type: e.type ?? e.rowType.mostFrequent(),
      region: e.region ?? e.rowRegion.mostFrequent(),
    };
  }
}
