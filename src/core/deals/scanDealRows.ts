/**
 * The deal reader's first pass over the rows below the header (SPEC 2.3, 2.5): which rows are
 * deals, repeats or not deals at all (totals, repeated headers, footers), every partner spelling
 * registered, currencies counted. Builds no deal.
 */
import type { Cell, Grid, NumberFormats } from '../types';
import type { DetectedTable } from '../table/DetectedTable';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { cellText, isBlank } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseAmount } from '../values/parseAmount';
import { isAmbiguousAmount } from '../values/columnLocale';
import { splitPartners } from '../table/splitPartners';
import { knownNameKey } from '../partners/partnerKey';
import { IdIndex } from './idIndex';
import { NonDealRows } from '../table/nonDealRows';
import type { NonDealRow } from '../table/nonDealRows';
import { DealCurrencies, NOTHING_SAID, amountCurrency } from './dealCurrencies';

/**
 * From 10 trillion an amount with its cents has more than 15 significant digits, past what one
 * double reads to the cent: such amounts are refused, not rounded. (Sums of amounts are exact at
 * any size: rollup/centsSum.)
 */
export const MAX_AMOUNT = 1e13;

/** Row kinds found by the scan. */
export const DEAL = 0;
export const REPEATED = 1;
/** Totals and subtotal rows, repeated header rows, report footers (see NonDealRows). */
export const SKIPPED = 2;

/** The columns the scan reads (-1 when absent). */
export interface ScanColumns {
  id: number;
  amount: number;
  currency: number;
  influencers: number;
  /** Every partner column (the Influencing Partners list among them). */
  partners: readonly number[];
}

/** What the scan found. Row k of the scan is grid row rowIndex[k] (blank rows are left out). */
export interface DealRowScan {
  /** Rows found: deal rows and skipped rows, in grid order. */
  rows: number;
  /** How many of them are deals. */
  count: number;
  rowIndex: Int32Array;
  /** DEAL, REPEATED or SKIPPED per row. */
  kinds: Uint8Array;
  /** The skipped rows, by scan row. */
  skipped: Map<number, NonDealRow>;
  /** Each non-empty Deal ID -> the sheet row of its first occurrence. */
  firstById: IdIndex;
  /** The currencies counted (call finish before reading them). */
  money: DealCurrencies;
  /** Cell text -> partner names, for single-partner columns and for the Influencing Partners list. */
  splitNames: Map<string, string[]>;
  listSplitNames: Map<string, string[]>;
}

/** A cell as text without logging ("" for blanks and spreadsheet errors). */
const quietText = (cell: Cell): string => {
  if (cell === undefined || cell === null || cell === '' || isSpreadsheetError(cell)) return '';
  return typeof cell === 'string' ? cell.trim() : cellText(cell);
};

/**
 * Scans the rows below the header. Logs only the table-wide PARTNER_LIST_COMMAS (the first list
 * whose commas were read as separators). `formats` are the cells' number formats, when the host has them.
 */
export function scanDealRows(grid: Grid, table: DetectedTable, columns: ScanColumns, decimal: '.' | ',', ambiguousDecimal: boolean,
  formats: NumberFormats | null, registry: PartnerRegistry, issues: IssueLog): DealRowScan {
  const { id: cId, amount: cAmount, currency: cCurrency, influencers: cInfluencers, partners: partnerColumns } = columns;
  const cellOf = (cells: readonly Cell[], c: number): Cell => (c < 0 ? undefined : cells[c]);
  const singleColumns = partnerColumns.filter((c) => c !== cInfluencers);
  // A comma name written whole in a single-partner column ("Contoso Ltd., North" as a Reseller) is
  // known, so an Influencing Partners list keeps it whole too (SPEC 2.1); so are directory names.
  // Gathered on first need (a list with a comma), as most tables have none: the pass reads every row.
  let knownKeys: Set<string> | null = null;
  const isKnown = (joined: string): boolean => (knownKeys ??= commaNamesIn(grid, table.headerIndex + 1, singleColumns)).has(knownNameKey(joined))
    || registry.isDirectoryName(joined);

  // Cell text -> names, one cache per splitting rule (the same text splits differently in a list column);
  // beside each, the names' spellings in the registry, so a text seen again is counted without looking its names up.
  const splitNames = new Map<string, string[]>();
  const listSplitNames = new Map<string, string[]>();
  const spellingsOf = new Map<string, number[]>();
  const listSpellingsOf = new Map<string, number[]>();
  let commaSplit: { row: number; text: string; names: string[] } | null = null;
  const money = new DealCurrencies();
  // The amount cell's number format (XLSX), when the host passed formats along.
  const formatOf = (r: number): string | null | undefined => (formats === null || cAmount < 0 ? undefined : formats[r]?.[cAmount]);
  const rowIndex = new Int32Array(Math.max(0, grid.length - table.headerIndex - 1));
  const firstById = new IdIndex(rowIndex.length);
  const kinds = new Uint8Array(rowIndex.length);
  const nonDeals = new NonDealRows(table.headers, cId, cAmount, (cell) => readAmount(cell, decimal).value);
  const skipped = new Map<number, NonDealRow>();
  let rows = 0;
  let count = 0;
  for (let r = table.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    let blank = true;
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) { blank = false; break; }
    if (blank) continue;
    const row = table.firstRow + r;
    const id = quietText(cellOf(cells, cId));
    rowIndex[rows] = r;
    const nonDeal = nonDeals.check(cells);
    if (nonDeal !== null) {
      skipped.set(rows, nonDeal);
      kinds[rows++] = SKIPPED;
      continue;
    }
    let kind = DEAL;
    if (id !== '' && firstById.addFirst(id, row) >= 0) kind = REPEATED;
    kinds[rows++] = kind;
    count++;
    for (const c of partnerColumns) {
      const text = quietText(cells[c]);
      if (text === '') continue;
      const spellingCache = c === cInfluencers ? listSpellingsOf : spellingsOf;
      let spellings = spellingCache.get(text);
      if (spellings === undefined) {
        const names = c === cInfluencers ? splitPartners(text, 'multi', isKnown) : splitPartners(text, 'single');
        (c === cInfluencers ? listSplitNames : splitNames).set(text, names);
        // Commas read as separators are a guess the summary names once, with the first example.
        if (c === cInfluencers && commaSplit === null && names.length > splitPartners(text.replace(/,/g, ' '), 'multi').length) {
          commaSplit = { row, text, names };
        }
        spellings = [];
        for (const name of names) {
          if (isSpreadsheetError(name)) continue;
          const s = registry.spelling(name);
          if (s >= 0) spellings.push(s);
        }
        spellingCache.set(text, spellings);
      }
      for (let k = 0; k < spellings.length; k++) registry.countSpelling(spellings[k]!);
    }
    const amountCell = cellOf(cells, cAmount);
    if (typeof amountCell === 'number' && cCurrency < 0 && formats === null) { nonDeals.noteDeal(cells, amountCell); money.count('', NOTHING_SAID); continue; } // nothing else to read
    const amount = ambiguousDecimal && isAmbiguousAmount(amountCell) ? UNREAD : readAmount(amountCell, decimal);
    nonDeals.noteDeal(cells, amount.value);
    if (amount.value !== null) money.count(quietText(cellOf(cells, cCurrency)).toUpperCase(), amountCurrency(amount, formatOf(r)));
  }
  if (commaSplit !== null) {
    issues.add('PARTNER_LIST_COMMAS', commaSplit.row, table.headers[cInfluencers] ?? '', commaSplit.text,
      { names: commaSplit.names.map((n) => `"${n}"`).join(', ') });
  }
  return { rows, count, rowIndex, kinds, skipped, firstById, money, splitNames, listSplitNames };
}

/** knownNameKey of every name with a comma in the given single-partner columns, from row `from` on. */
function commaNamesIn(grid: Grid, from: number, columns: readonly number[]): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  for (let r = from; r < grid.length; r++) {
    const cells = grid[r]!;
    for (const c of columns) {
      const cell = cells[c];
      if (typeof cell !== 'string' || cell.indexOf(',') < 0 || seen.has(cell)) continue;
      seen.add(cell);
      for (const name of splitPartners(cell, 'single')) if (name.indexOf(',') >= 0) keys.add(knownNameKey(name));
    }
  }
  return keys;
}

const UNREAD = Object.freeze({ value: null, currency: null, mark: null });

/** An amount cell read quietly, for the scan: the value when it counts, and the currency its text names. */
function readAmount(cell: Cell, decimalSeparator: '.' | ','): { value: number | null; currency: string | null; mark: string | null } {
  if (isSpreadsheetError(cell)) return UNREAD;
  const parsed = parseAmount(cell, decimalSeparator);
  return parsed.kind === 'ok' && Math.abs(parsed.value) < MAX_AMOUNT ? parsed : UNREAD;
}
