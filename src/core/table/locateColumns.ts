/** Finds the header row and columns of a small side table (Touches, Partners, FX Rates) by header synonyms. */
import type { Grid } from '../types';
import { headerKey } from './fieldSynonyms';
import { isBlank } from '../values/cellText';

export interface Located<K extends string> { headerIndex: number; columns: Partial<Record<K, number>> }

/**
 * The first of the first 10 non-blank rows that has every required column; null when none has.
 * Synonyms are matched like deal headers (case, spaces and punctuation ignored).
 */
export function locateColumns<K extends string>(grid: Grid, synonyms: Record<K, readonly string[]>, required: readonly NoInfer<K>[]): Located<K> | null {
  const index = new Map<string, K>();
  for (const field of Object.keys(synonyms) as K[]) for (const s of synonyms[field]) index.set(headerKey(s), field);
  let seen = 0;
  for (let r = 0; r < grid.length && seen < 10; r++) {
    const row = grid[r]!;
    if (row.every(isBlank)) continue;
    seen++;
    const columns: Partial<Record<K, number>> = {};
    row.forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const field = index.get(headerKey(cell));
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    if (required.every((f) => columns[f] !== undefined)) return { headerIndex: r, columns };
  }
  return null;
}
