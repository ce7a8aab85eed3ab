/**
 * Turns the rows under the header into deals (SPEC 2.3 to 2.5 and 5): values coerced, status
 * derived, partners resolved to registry ids, repeated Deal IDs marked, every bad value reported.
 */
import type { Cell, DateSystem, Field, Grid, NumberFormats, Status } from '../types';
import type { DetectedTable } from '../table/DetectedTable';
import type { Policy } from '../policy';
import { normalizeTerm } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { cellText, isBlank } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseAmount, unknownCurrencyWord } from '../values/parseAmount';
import { parseBoolean } from '../values/parseBoolean';
import { parseDate, serialDay, dateHint, formatDay } from '../values/parseDate';
import { splitPartners } from '../table/splitPartners';
import { knownNameKey } from '../partners/partnerKey';
import { FIELD_SYNONYMS, headerKey } from '../table/fieldSynonyms';
import { IdIndex } from './idIndex';
import { NonDealRows } from '../table/nonDealRows';
import type { NonDealRow } from '../table/nonDealRows';
import { DealCurrencies, NOTHING_SAID, amountCurrency } from './dealCurrencies';
import { policyLocale } from '../table/tableLocale';
import type { TableLocale } from '../table/tableLocale';
import { isAmbiguousAmount } from '../values/columnLocale';

/** A deal as read from its row, before classification. */
export interface Deal {
  /** Grid index of the row. */
  index: number;
  /** Sheet row number. */
  row: number;
  id: string;
  name: string;
  status: Status;
  /** Amount in the deal's own currency; null when missing or unreadable. */
  amount: number | null;
  /** Currency code from the currency column or the amount text; null when neither says. */
  currency: string | null;
  created: number | null;
  closeDate: number | null;
  leadSource: string;
  leadSourceText: string;
  sourcingPartners: number[];
  partners: number[];
  role: string;
  roleText: string;
  influencers: number[];
  resellers: number[];
  deployers: number[];
  registrants: number[];
  registrationDate: number | null;
  registrationStatus: string;
  registrationStatusText: string;
  tier: string;
  type: string;
  region: string;
  /** False for a repeated Deal ID (left out of everything but the Deal Attribution tab). */
  counted: boolean;
}

/**
 * The deals of a grid, read in two passes so that a million deals never live as a million objects.
 * The first pass (readDeals) registers every partner spelling, counts currencies and finds repeated
 * Deal IDs; the second (read, in order, once per row) builds each deal as it is classified.
 */
export interface DealReader {
  /** Rows to read with `read`: the deal rows and the skipped rows (totals, repeated headers, footers), in grid order. */
  readonly rows: number;
  /** How many of them are deals. */
  readonly count: number;
  /** Distinct currency codes, most common first. */
  readonly currencies: string[];
  /** The reporting currency: the setting, else the most common currency, else USD. */
  readonly reportingCurrency: string;
  /** Each non-empty Deal ID -> the sheet row of its first occurrence (touches are matched against it). */
  readonly firstRowById: IdIndex;
  /** Distinct stage texts in first-seen order (complete once every row has been read). */
  readonly stages: string[];
  /**
   * Row k (0 <= k < rows) as a deal, its issues logged; null for a skipped row. Call once per row, in
   * order. The deal object is reused by the next call: take what you need from it before then.
   */
  read(k: number, issues: IssueLog): Deal | null;
}

/** Shared by every deal without partners in a column; never mutated. */
const NO_PARTNERS: number[] = Object.freeze([]) as unknown as number[];

/**
 * From 10 trillion an amount with its cents has more than 15 significant digits, past what one
 * double reads to the cent: such amounts are refused, not rounded. (Sums of amounts are exact at
 * any size: rollup/centsSum.)
 */
export const MAX_AMOUNT = 1e13;

/** Row kinds found by the first pass. */
const DEAL = 0;
const REPEATED = 1;
/** Totals and subtotal rows, repeated header rows, report footers (see NonDealRows). */
const SKIPPED = 2;

/** The issue each kind of skipped row is listed with. */
const SKIPPED_ISSUE = { total: 'TOTAL_ROW', header: 'HEADER_REPEATED', footer: 'REPORT_FOOTER' } as const;

/**
 * First pass over the rows below the header; see DealReader. Only table-wide issues are logged here.
 * `dateSystem` says what plain serial numbers in date columns count from; `formats` are the cells'
 * number formats, when the host has them.
 */
export function readDeals(grid: Grid, table: DetectedTable, policy: Policy, registry: PartnerRegistry, issues: IssueLog,
  dateSystem: DateSystem = 1900, formats: NumberFormats | null = null,
  locale: TableLocale = policyLocale(policy)): DealReader {
  // The amount column's decimal separator and each date column's order, as decided for this file.
  const decimal = locale.decimal.separator;
  const ambiguousDecimal = locale.decimal.ambiguous;
  const orderOf = (c: number): 'MDY' | 'DMY' => locale.dateOrder.get(c) ?? policy.dateOrder;
  const col = table.columns;
  const header = (field: Field): string => table.headers[col[field]!] ?? field;
  // Column indexes as plain numbers (-1 when absent): the helpers below run for every cell of a million rows.
  const at = (field: Field): number => col[field] ?? -1;
  const cId = at('id'), cName = at('name'), cStage = at('stage'), cWon = at('won'), cClosed = at('closed'), cAmount = at('amount');
  const cCurrency = at('currency'), cCreated = at('created'), cCloseDate = at('closeDate'), cLeadSource = at('leadSource');
  const cSourcing = at('sourcingPartner'), cPartner = at('partner'), cRole = at('partnerRole'), cInfluencers = at('influencers');
  const cReseller = at('reseller'), cDeployer = at('deployer'), cRegistrant = at('registrationPartner');
  const cRegDate = at('registrationDate'), cRegStatus = at('registrationStatus'), cTier = at('partnerTier'), cType = at('partnerType');
  const cRegion = at('region');
  const cellOf = (cells: readonly Cell[], c: number): Cell => (c < 0 ? undefined : cells[c]);
  const headerAt = (c: number): string => table.headers[c] ?? '';
  // Stages compare like headers, spaces and punctuation removed: "Closed - Won", "closed_won" and "ClosedWon" are one.
  const compact = headerKey;
  const wonSet = new Set(policy.wonStages.map(compact));
  const lostSet = new Set(policy.lostStages.map(compact));
  const stageCache = new Map<string, Status>();
  const stages: string[] = [];
  const termCache = new Map<string, string>();
  const term = (text: string): string => {
    let t = termCache.get(text);
    if (t === undefined) { t = normalizeTerm(text); termCache.set(text, t); }
    return t;
  };
  const hasStatusSource = col.stage !== undefined || col.won !== undefined || col.closed !== undefined;
  if (!hasStatusSource) issues.add('COLUMN_MISSING_STAGE', null, '', '');
  const partnerColumns = [cSourcing, cPartner, cInfluencers, cReseller, cDeployer, cRegistrant].filter((c) => c >= 0);
  const singleColumns = partnerColumns.filter((c) => c !== cInfluencers);
  // A comma name written whole in a single-partner column ("Contoso Ltd., North" as a Reseller) is
  // known, so an Influencing Partners list keeps it whole too (SPEC 2.1); so are directory names.
  const knownKeys = cInfluencers >= 0 ? commaNamesIn(grid, table.headerIndex + 1, singleColumns) : new Set<string>();
  const isKnown = (joined: string): boolean => knownKeys.has(knownNameKey(joined)) || registry.isDirectoryName(joined);

  /** A cell as text without logging ("" for blanks and spreadsheet errors). */
  const quietText = (cell: Cell): string => {
    if (cell === undefined || cell === null || cell === '' || isSpreadsheetError(cell)) return '';
    return typeof cell === 'string' ? cell.trim() : cellText(cell);
  };

  // ---- First pass: partners, currencies, repeated IDs, rows that are not deals.
  // Cell text -> names, one cache per splitting rule (the same text splits differently in a list column).
  const splitCache = new Map<string, string[]>();
  const listSplitCache = new Map<string, string[]>();
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
      const cache = c === cInfluencers ? listSplitCache : splitCache;
      let names = cache.get(text);
      if (names === undefined) {
        names = c === cInfluencers ? splitPartners(text, 'multi', isKnown) : splitPartners(text, 'single');
        cache.set(text, names);
        // Commas read as separators are a guess the summary names once, with the first example.
        if (c === cInfluencers && commaSplit === null && names.length > splitPartners(text.replace(/,/g, ' '), 'multi').length) {
          commaSplit = { row, text, names };
        }
      }
      for (const name of names) if (!isSpreadsheetError(name)) registry.ref(name);
    }
    const amountCell = cellOf(cells, cAmount);
    if (typeof amountCell === 'number' && cCurrency < 0 && formats === null) { nonDeals.noteDeal(cells, amountCell); money.count('', NOTHING_SAID); continue; } // nothing else to read
    const amount = ambiguousDecimal && isAmbiguousAmount(amountCell) ? UNREAD : readAmount(amountCell, decimal);
    nonDeals.noteDeal(cells, amount.value);
    if (amount.value !== null) money.count(quietText(cellOf(cells, cCurrency)).toUpperCase(), amountCurrency(amount, formatOf(r)));
  }
  if (commaSplit !== null) {
    issues.add('PARTNER_LIST_COMMAS', commaSplit.row, headerAt(cInfluencers), commaSplit.text,
      { names: commaSplit.names.map((n) => `"${n}"`).join(', ') });
  }
  money.finish(policy.reportingCurrency, header('amount'), issues);
  const { currencies, reportingCurrency } = money;
  noteConvertedAmount(table, reportingCurrency, issues);

  // ---- Second pass, one row at a time.
  const idsCache = new Map<string, number[]>();
  const listIdsCache = new Map<string, number[]>();
  let log = issues;
  // Small fast paths (empty cells, texts seen before) that the compiler inlines into `read`; the rest
  // goes to the full versions below. `read` runs a million times with sixteen of these each.
  const partnerIds = (cells: readonly Cell[], c: number, row: number): number[] => {
    const cell = c < 0 ? undefined : cells[c];
    if (cell === '' || cell === undefined || cell === null) return NO_PARTNERS;
    return (typeof cell === 'string' && cell.charCodeAt(0) !== 35 ? (c === cInfluencers ? listIdsCache : idsCache).get(cell) : undefined)
      ?? partnerIdsOf(cell, c, row);
  };
  const textOf = (cells: readonly Cell[], c: number, row: number): string => {
    const cell = c < 0 ? undefined : cells[c];
    if (cell === '' || cell === undefined || cell === null) return '';
    return typeof cell === 'string' && cell.charCodeAt(0) !== 35 ? cell.trim() : textOfCell(cell, c, row);
  };

  const partnerIdsOf = (cell: Cell, c: number, row: number): number[] => {
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, headerAt(c), cellText(cell), { effect: 'Treated as no partner.' });
      return NO_PARTNERS;
    }
    const text = typeof cell === 'string' ? cell.trim() : cellText(cell);
    const cache = c === cInfluencers ? listIdsCache : idsCache;
    let ids = cache.get(text);
    if (ids === undefined) {
      ids = [];
      for (const name of (c === cInfluencers ? listSplitCache : splitCache).get(text) ?? []) {
        if (isSpreadsheetError(name)) continue;
        const id = registry.find(name);
        if (id >= 0 && !ids.includes(id)) ids.push(id);
      }
      ids = ids.length > 0 ? Object.freeze(ids) as number[] : NO_PARTNERS;
      cache.set(text, ids);
    }
    return ids;
  };

  const textOfCell = (cell: Cell, c: number, row: number): string => {
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, headerAt(c), cellText(cell));
      return '';
    }
    return typeof cell === 'string' ? cell.trim() : cellText(cell);
  };

  const dateOf = (cells: readonly Cell[], c: number, row: number): number | null => {
    const cell = cellOf(cells, c);
    if (cell === undefined || cell === null || cell === '') return null;
    if (typeof cell === 'number') {
      const day = serialDay(cell, dateSystem);
      if (day !== null) return day;
    }
    if (isSpreadsheetError(cell)) {
      log.add('CELL_ERROR', row, headerAt(c), cellText(cell));
      return null;
    }
    const day = parseDate(cell, orderOf(c), dateSystem);
    if (day === undefined) {
      log.add('DATE_INVALID', row, headerAt(c), cellText(cell), { hint: dateHint(cell) });
      return null;
    }
    return day;
  };

  const boolOf = (cells: readonly Cell[], c: number, row: number): boolean | null => {
    const cell = cellOf(cells, c);
    if (isSpreadsheetError(cell)) { log.add('CELL_ERROR', row, headerAt(c), cellText(cell)); return null; }
    const value = parseBoolean(cell);
    if (value === undefined) { log.add('BOOLEAN_INVALID', row, headerAt(c), cellText(cell)); return null; }
    return value;
  };

  const current: Deal = { index: 0, row: 0, id: '', name: '', status: 'open', amount: null, currency: null, created: null, closeDate: null,
    leadSource: '', leadSourceText: '', sourcingPartners: NO_PARTNERS, partners: NO_PARTNERS, role: '', roleText: '',
    influencers: NO_PARTNERS, resellers: NO_PARTNERS, deployers: NO_PARTNERS, registrants: NO_PARTNERS, registrationDate: null,
    registrationStatus: '', registrationStatusText: '', tier: '', type: '', region: '', counted: true };
  const read = (k: number, into: IssueLog): Deal | null => {
    log = into;
    const r = rowIndex[k]!;
    const cells = grid[r]!;
    const row = table.firstRow + r;
    const id = textOf(cells, cId, row);
    const name = textOf(cells, cName, row);
    const stageText = textOf(cells, cStage, row);
    if (kinds[k] === SKIPPED) {
      const { kind, label } = skipped.get(k)!;
      log.add(SKIPPED_ISSUE[kind], row, '', label, { label });
      return null;
    }
    // Status: Won/Closed booleans decide when present, else the stage text (SPEC 2.4).
    let stageStatus: Status | null = null;
    if (stageText !== '') {
      stageStatus = stageCache.get(stageText) ?? null;
      if (stageStatus === null) {
        const key = compact(stageText);
        stageStatus = wonSet.has(key) ? 'won' : lostSet.has(key) ? 'lost' : 'open';
        stageCache.set(stageText, stageStatus);
        stages.push(stageText);
      }
    }
    const won = cWon < 0 ? null : boolOf(cells, cWon, row);
    const closed = cClosed < 0 ? null : boolOf(cells, cClosed, row);
    let status: Status;
    if (won === true) status = 'won';
    else if (closed === false) status = 'open';
    else if (won === false && closed === true) status = 'lost';
    else if (won === false) status = stageStatus === 'won' || stageStatus === null ? 'open' : stageStatus;
    else if (closed === true) status = stageStatus === 'won' ? 'won' : 'lost';
    else if (stageStatus !== null) status = stageStatus;
    else {
      status = 'open';
      if (col.stage !== undefined) log.add('STAGE_MISSING', row, header('stage'), '');
    }
    if (won !== null && stageStatus !== null && stageStatus !== status) {
      log.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('won'), status });
    } else if (won === null && closed !== null && stageStatus !== null && stageStatus !== status) {
      log.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('closed'), status });
    }

    // Amount and currency.
    const amountCell = cellOf(cells, cAmount);
    let amount: number | null = null;
    let said = NOTHING_SAID;
    if (isSpreadsheetError(amountCell)) {
      log.add('CELL_ERROR', row, header('amount'), cellText(amountCell), { effect: 'Left out of money totals; the deal still counts.' });
    } else if (ambiguousDecimal && isAmbiguousAmount(amountCell)) {
      log.add('AMOUNT_AMBIGUOUS', row, header('amount'), cellText(amountCell));
    } else {
      const parsed = parseAmount(amountCell, decimal);
      if (parsed.kind === 'ok' && Math.abs(parsed.value) >= MAX_AMOUNT) {
        log.add('AMOUNT_INVALID', row, header('amount'), cellText(amountCell), { hint: ' (it is too large to count to the cent)' });
      } else if (parsed.kind === 'ok') {
        amount = parsed.value;
        said = amountCurrency(parsed, formatOf(r));
        if (amount < 0) log.add('AMOUNT_NEGATIVE', row, header('amount'), cellText(amountCell));
      } else if (parsed.kind === 'invalid') {
        const text = cellText(amountCell);
        const word = typeof amountCell === 'string' ? unknownCurrencyWord(amountCell) : null;
        const hint = word !== null ? ` ("${word}" is not a currency code)`
          : typeof amountCell === 'string' && decimal === '.' && /\d\.\d{3},\d/.test(text)
            ? ' (it looks like comma decimals: set the decimal separator to ",")' : '';
        log.add('AMOUNT_INVALID', row, header('amount'), text, { hint });
      } else {
        log.add(status === 'won' ? 'AMOUNT_MISSING_WON' : 'AMOUNT_MISSING_OPEN', row, header('amount'), '');
      }
    }
    const currency = money.of(textOf(cells, cCurrency, row).toUpperCase(), said, log, row, header('amount'), cellText(amountCell));

    const roleText = textOf(cells, cRole, row);
    const leadSourceText = textOf(cells, cLeadSource, row);
    const registrationStatusText = textOf(cells, cRegStatus, row);
    // The same object every time (see DealReader.read): a million deals pass through one record.
    const deal = current;
    deal.index = r; deal.row = row; deal.id = id; deal.name = name; deal.status = status; deal.amount = amount; deal.currency = currency;
    deal.created = dateOf(cells, cCreated, row);
    deal.closeDate = dateOf(cells, cCloseDate, row);
    if (deal.created !== null && deal.closeDate !== null && deal.closeDate < deal.created) {
      log.add('DATE_CLOSE_BEFORE_CREATED', row, header('closeDate'), formatDay(deal.closeDate), { created: formatDay(deal.created) });
    }
    deal.leadSource = term(leadSourceText); deal.leadSourceText = leadSourceText;
    deal.sourcingPartners = partnerIds(cells, cSourcing, row);
    deal.partners = partnerIds(cells, cPartner, row);
    deal.role = term(roleText); deal.roleText = roleText;
    deal.influencers = partnerIds(cells, cInfluencers, row);
    deal.resellers = partnerIds(cells, cReseller, row);
    deal.deployers = partnerIds(cells, cDeployer, row);
    deal.registrants = partnerIds(cells, cRegistrant, row);
    deal.registrationDate = dateOf(cells, cRegDate, row);
    deal.registrationStatus = term(registrationStatusText); deal.registrationStatusText = registrationStatusText;
    deal.tier = textOf(cells, cTier, row);
    deal.type = textOf(cells, cType, row);
    deal.region = textOf(cells, cRegion, row);
    deal.counted = kinds[k] !== REPEATED;
    if (!deal.counted) log.add('DUPLICATE_ID', row, header('id'), id, { first: String(firstById.get(id)) });
    return deal;
  };
  return { rows, count, currencies, reportingCurrency, firstRowById: firstById, stages, read };
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

/** An amount cell read quietly, for the first pass: the value when it counts, and the currency its text names. */
function readAmount(cell: Cell, decimalSeparator: '.' | ','): { value: number | null; currency: string | null; mark: string | null } {
  if (isSpreadsheetError(cell)) return UNREAD;
  const parsed = parseAmount(cell, decimalSeparator);
  return parsed.kind === 'ok' && Math.abs(parsed.value) < MAX_AMOUNT ? parsed : UNREAD;
}

const CURRENCY_KEYS: ReadonlySet<string> = new Set(FIELD_SYNONYMS.currency.map(headerKey));

/**
 * A converted amount ("Amount (converted)") is in its own currency column or the reporting
 * currency, never in the record's: say which, and that the record's currency column is not applied.
 */
function noteConvertedAmount(table: DetectedTable, reportingCurrency: string, issues: IssueLog): void {
  const amountHeader = table.headers[table.columns.amount!] ?? '';
  if (!/converted/i.test(amountHeader)) return;
  const currencyHeader = table.columns.currency === undefined ? null : table.headers[table.columns.currency] ?? null;
  const where = currencyHeader !== null ? `the currencies of "${currencyHeader}"` : `the reporting currency, ${reportingCurrency}`;
  const record = table.headers.find((h, c) => c !== table.columns.currency && CURRENCY_KEYS.has(headerKey(h)) && !/converted/i.test(h));
  const effect = record !== undefined
    ? `"${record}" is each record's own currency, not the converted one, so it is not applied (nothing is converted twice).`
    : currencyHeader === null ? 'Set the reporting currency if your corporate currency is another.' : '';
  issues.add('AMOUNT_CONVERTED', null, amountHeader, amountHeader, { where, effect });
}
