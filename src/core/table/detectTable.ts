/**
 * Finds the header row (among the first 10 non-blank rows, past a report's title and filter block)
 * and maps columns to fields (SPEC 2.1); an explicit mapping always wins over detection.
 */
import type { Cell, Field, Grid, MappingInput } from '../types';
import type { DetectedTable } from './DetectedTable';
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

/** True when the text is a known column name (any field's synonym), as header detection matches it. */
export const isKnownHeader = (text: string): boolean => SYNONYM_INDEX.has(headerKey(text));

const HEADER_SCAN_ROWS = 10;

/**
 * A line of a report's filter or parameter block ("Filtered By:", "Opportunity Owner equals Jane
 * Doe", "Close Date: Current FY"): it may name fields, but it is not a header.
 */
const FILTER_LINE = /^(filtered by|filters?|report filters?|parameters?|criteria)\s*:?$|\s(equals|not equal to|contains|does not contain|starts with|greater than|less than|greater or equal|less or equal|between|is not|in last|in next)\s/i;

interface HeaderCandidate { index: number; matches: number; filled: number }

/** Known-field cells and filled cells of a row; null when the row reads like a filter line. */
function scoreRow(row: readonly Cell[], extraKeys: ReadonlySet<string>): { matches: number; filled: number } | null {
  let matches = 0;
  let filled = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell !== 'string') continue;
    if (FILTER_LINE.test(cell.trim())) return null;
    const key = headerKey(cell);
    if (SYNONYM_INDEX.has(key) || extraKeys.has(key)) matches++;
  }
  return { matches, filled };
}

/**
 * The header row among the first 10 non-blank rows: the first with two known field names, unless a
 * later one has more known names and more filled cells (the first was a parameter block or a title
 * that happens to name fields). Filter lines never count. Also returns the candidates passed over.
 */
function findHeaderRow(grid: Grid, extraKeys: ReadonlySet<string>): { chosen: HeaderCandidate | null; others: HeaderCandidate[] } {
  let nonBlankSeen = 0;
  const candidates: HeaderCandidate[] = [];
  for (let r = 0; r < grid.length && nonBlankSeen < HEADER_SCAN_ROWS; r++) {
    const row = grid[r]!;
    if (row.every(isBlank)) continue;
    nonBlankSeen++;
    const score = scoreRow(row, extraKeys);
    if (score !== null && score.matches >= 2) candidates.push({ index: r, ...score });
  }
  let chosen: HeaderCandidate | null = null;
  for (const candidate of candidates) {
    if (chosen === null || (candidate.matches > chosen.matches && candidate.filled > chosen.filled)) chosen = candidate;
  }
  return { chosen, others: candidates.filter((c) => c !== chosen && c.index < (chosen?.index ?? 0)) };
}

/** "row 7 (Opportunity Name, Stage, Amount, ...)": how errors and issues name the header row they chose. */
const describeRow = (row: number, cells: readonly Cell[]): string => {
  const texts = cells.map(cellText).filter((t) => t !== '');
  return `row ${row} (${texts.slice(0, 4).map((t) => `"${t.length > 30 ? `${t.slice(0, 29)}…` : t}"`).join(', ')}${texts.length > 4 ? ', …' : ''})`;
};

/**
 * A converted amount ("Amount (converted)") is in its own currency column ("Amount (converted)
 * Currency"), else in the reporting currency: never in the record's currency ("Amount Currency",
 * "Opportunity Currency"), which would convert it a second time. A plain amount never takes the
 * converted amount's currency column.
 */
function pairConvertedCurrency(headers: readonly string[], columns: Partial<Record<Field, number>>, sources: Partial<Record<Field, 'detected' | 'explicit'>>): void {
  const amountKey = headerKey(headers[columns.amount!] ?? '');
  const currencyKey = columns.currency === undefined ? '' : headerKey(headers[columns.currency] ?? '');
  const converted = amountKey.includes('converted');
  if (converted === currencyKey.includes('converted') && (!converted || currencyKey === `${amountKey}currency`)) return;
  const own = converted ? headers.findIndex((h) => headerKey(h) === `${amountKey}currency`) : -1;
  if (own >= 0) { columns.currency = own; sources.currency = 'detected'; }
  else { delete columns.currency; delete sources.currency; }
}

/** Reads the table's layout; throws AttributionError when there is no usable header or amount column. */
export function detectTable(grid: Grid, mapping: MappingInput, firstRow: number, issues: IssueLog | null): DetectedTable {
  const explicit = Object.entries(mapping) as [Field, string | number | null | undefined][];
  for (const [field] of explicit) {
    if (!FIELDS.includes(field)) throw new AttributionError('BAD_MAPPING', `Unknown field "${field}" in the column mapping.`);
  }
  const namedKeys = new Set(explicit.filter(([, v]) => typeof v === 'string').map(([, v]) => headerKey(v as string)));
  const found = findHeaderRow(grid, namedKeys);
  let headerIndex = found.chosen?.index ?? -1;
  if (headerIndex < 0) {
    if (grid.length === 0 || grid.every((row) => row.every(isBlank))) {
      throw new AttributionError('EMPTY', 'The range is empty: select the deals table, including its header row.');
    }
    throw new AttributionError('NO_HEADER', 'No header row found: none of the first 10 non-blank rows has two known column names such as "Amount", "Stage" or "Partner". Check the range, or map the columns yourself.');
  }
  const headerCells = grid[headerIndex]!;
  const headers = headerCells.map(cellText);
  const chosenText = describeRow(firstRow + headerIndex, headerCells);
  const above = grid.slice(0, headerIndex).filter((row) => !row.every(isBlank)).length;
  if (found.others.length > 0) {
    const other = found.others[0]!;
    issues?.add('HEADER_CHOSEN', firstRow + headerIndex, '', '', { chosen: chosenText, other: describeRow(firstRow + other.index, grid[other.index]!) });
  } else if (above > 0) {
    issues?.add('HEADER_BELOW_PREAMBLE', firstRow + headerIndex, '', '', { chosen: chosenText, above: String(above) });
  }
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
    const twice = (Object.keys(columns) as Field[]).find((f) => columns[f] === index && sources[f] === 'explicit');
    if (twice !== undefined) {
      throw new AttributionError('BAD_MAPPING', `The column mapping puts both ${FIELD_LABELS[twice]} and ${FIELD_LABELS[field]} in the column "${headers[index] ?? index + 1}"; one column holds one field.`);
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
  if (sources.currency !== 'explicit' && columns.amount !== undefined) pairConvertedCurrency(headers, columns, sources);
  if (columns.amount === undefined) {
    throw new AttributionError('NO_AMOUNT', `No amount column found in the header row, taken to be ${chosenText}. Name a column "Amount", "Deal Amount", "Close Value", "Revenue", "ACV" or "ARR", or map one yourself${above > 0 ? '; if that is not the header, select the table from its header row' : ''}.`);
  }
  headerIndex = Math.max(0, headerIndex);
  return { firstRow, headerIndex, headers, columns, sources };
}
