/**
 * Finds the header row (the first of the first 10 non-blank rows with two known field names) and
 * maps columns to fields (SPEC 2.1); an explicit mapping always wins over detection.
 */
import type { Field, Grid, MappingInput } from '../types';
import type { DetectedTable } from '../analyze';
import { AttributionError } from '../AttributionError';
import { FIELDS, FIELD_LABELS, FIELD_SYNONYMS, headerKey } from './fieldSynonyms';
import { cellText, isBlank } from '../values/cellText';
import type { IssueLog } from '../messages';

/** Synonym key -> [field, preference rank]. Built once. */
const SYNONYM_INDEX: ReadonlyMap<string, { field: Field; rank: number }> = (() => {
  const index = new Map<string, { field: Field; rank: number }>();
  for (const field of FIELDS) {
    FIELD_SYNONYMS[field].forEach((synonym, rank) => {
      const key = headerKey(synonym);
      if (!index.has(key)) index.set(key, { field, rank });
    });
  }
  return index;
})();

const HEADER_SCAN_ROWS = 10;

/** Grid index of the header row, or -1. */
function findHeaderRow(grid: Grid, extraKeys: ReadonlySet<string>): number {
  let nonBlankSeen = 0;
  for (let r = 0; r < grid.length && nonBlankSeen < HEADER_SCAN_ROWS; r++) {
    const row = grid[r]!;
    if (row.every(isBlank)) continue;
    nonBlankSeen++;
    let matches = 0;
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const key = headerKey(cell);
      if (SYNONYM_INDEX.has(key) || extraKeys.has(key)) matches++;
    }
    if (matches >= 2) return r;
  }
  return -1;
}

/** Reads the table's layout; throws AttributionError when there is no usable header or amount column. */
export function detectTable(grid: Grid, mapping: MappingInput, firstRow: number, issues: IssueLog | null): DetectedTable {
  const explicit = Object.entries(mapping) as [Field, string | number | null | undefined][];
  for (const [field] of explicit) {
    if (!FIELDS.includes(field)) throw new AttributionError('BAD_MAPPING', `Unknown field "${field}" in the column mapping.`);
  }
  const namedKeys = new Set(explicit.filter(([, v]) => typeof v === 'string').map(([, v]) => headerKey(v as string)));
  let headerIndex = findHeaderRow(grid, namedKeys);
  if (headerIndex < 0) {
    if (grid.length === 0 || grid.every((row) => row.every(isBlank))) {
      throw new AttributionError('EMPTY', 'The range is empty: select the deals table, including its header row.');
    }
    throw new AttributionError('NO_HEADER', 'No header row found: none of the first 10 non-blank rows has two known column names such as "Amount", "Stage" or "Partner". Check the range, or map the columns yourself.');
  }
  const headerCells = grid[headerIndex]!;
  const headers = headerCells.map(cellText);
  const columns: Partial<Record<Field, number>> = {};
  const sources: Partial<Record<Field, 'detected' | 'explicit'>> = {};
  const taken = new Set<number>();

  for (const [field, value] of explicit) {
    if (value === null || value === undefined) continue;
    let index: number;
    if (typeof value === 'number') {
      index = value;
      if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
        throw new AttributionError('BAD_MAPPING', `The column mapping puts ${FIELD_LABELS[field]} in column ${value + 1}, but the table has ${headers.length} columns.`);
      }
    } else {
      const key = headerKey(value);
      index = headers.findIndex((h) => headerKey(h) === key);
      if (index < 0) throw new AttributionError('BAD_MAPPING', `The column mapping names "${value}" for ${FIELD_LABELS[field]}, but no column has that header.`);
    }
    columns[field] = index;
    sources[field] = 'explicit';
    taken.add(index);
  }

  const best: Partial<Record<Field, { index: number; rank: number }>> = {};
  const seenKeys = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (key === '') return;
    if (seenKeys.has(key)) {
      issues?.add('HEADER_DUPLICATE', firstRow + headerIndex, header, header, { header });
      return;
    }
    seenKeys.set(key, index);
    if (taken.has(index)) return;
    const hit = SYNONYM_INDEX.get(key);
    if (!hit || hit.field in mapping) return;
    const current = best[hit.field];
    if (!current || hit.rank < current.rank) best[hit.field] = { index, rank: hit.rank };
  });
  for (const field of FIELDS) {
    const hit = best[field];
    if (hit && columns[field] === undefined) {
      columns[field] = hit.index;
      sources[field] = 'detected';
    }
  }
  if (columns.amount === undefined) {
    throw new AttributionError('NO_AMOUNT', 'No amount column found. Name a column "Amount", "Deal Amount", "Close Value", "Revenue", "ACV" or "ARR", or map one yourself.');
  }
  headerIndex = Math.max(0, headerIndex);
  return { firstRow, headerIndex, headers, columns, sources };
}
