/**
 * Turns the rows under the header into deals (SPEC 2.3 to 2.5 and 5): values coerced, status
 * derived, partners resolved to registry ids, repeated Deal IDs marked, every bad value reported.
 * The row scan is scanDealRows.ts, the cell conversion dealCells.ts, the status rule dealStatus.ts.
 */
import type { Cell, DateSystem, Field, Grid, NumberFormats, Status } from '../types';
import type { DetectedTable } from '../table/DetectedTable';
import type { Policy } from '../policy';
import { normalizeTerm } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { cellText } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseAmount, unknownCurrencyWord } from '../values/parseAmount';
import { formatDay } from '../values/parseDate';
import { FIELD_SYNONYMS, headerKey } from '../table/fieldSynonyms';
import type { IdIndex } from './idIndex';
import { NOTHING_SAID, amountCurrency } from './dealCurrencies';
import { policyLocale } from '../table/tableLocale';
import type { TableLocale } from '../table/tableLocale';
import { isAmbiguousAmount } from '../values/columnLocale';
import { scanDealRows, MAX_AMOUNT, REPEATED, SKIPPED } from './scanDealRows';
import { DealCells, NO_PARTNERS } from './dealCells';
import { dealStatus, stageLists, statusOfStage } from './dealStatus';

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

/** What a number cell's text says about its currency: nothing (its number format may). */
const NO_TEXT_CURRENCY = Object.freeze({ currency: null, mark: null });

/** The issue each kind of skipped row is listed with. */
const SKIPPED_ISSUE = { total: 'TOTAL_ROW', header: 'HEADER_REPEATED', footer: 'REPORT_FOOTER' } as const;

/**
 * First pass over the rows below the header (scanDealRows); see DealReader. Only table-wide issues are logged here.
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
  const lists = stageLists(policy);
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

  // ---- First pass: partners, currencies, repeated IDs, rows that are not deals.
  const scan = scanDealRows(grid, table, { id: cId, amount: cAmount, currency: cCurrency, influencers: cInfluencers, partners: partnerColumns },
    decimal, ambiguousDecimal, formats, registry, issues);
  const { rows, count, rowIndex, kinds, skipped, firstById, money } = scan;
  money.finish(policy.reportingCurrency, header('amount'), issues);
  const { currencies, reportingCurrency } = money;
  noteConvertedAmount(table, reportingCurrency, issues);
  const formatOf = (r: number): string | null | undefined => (formats === null || cAmount < 0 ? undefined : formats[r]?.[cAmount]);
  const amountHeader = header('amount');

  // ---- Second pass, one row at a time.
  const cellsOf = new DealCells({ headers: table.headers, registry, dateSystem, orderOf, influencersColumn: cInfluencers,
    splitNames: scan.splitNames, listSplitNames: scan.listSplitNames });
  const current: Deal = { index: 0, row: 0, id: '', name: '', status: 'open', amount: null, currency: null, created: null, closeDate: null,
    leadSource: '', leadSourceText: '', sourcingPartners: NO_PARTNERS, partners: NO_PARTNERS, role: '', roleText: '',
    influencers: NO_PARTNERS, resellers: NO_PARTNERS, deployers: NO_PARTNERS, registrants: NO_PARTNERS, registrationDate: null,
    registrationStatus: '', registrationStatusText: '', tier: '', type: '', region: '', counted: true };
  const read = (k: number, log: IssueLog): Deal | null => {
    const r = rowIndex[k]!;
    const cells = grid[r]!;
    const row = table.firstRow + r;
    const id = cellsOf.text(cells, cId, row, log);
    const name = cellsOf.text(cells, cName, row, log);
    const stageText = cellsOf.text(cells, cStage, row, log);
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
        stageStatus = statusOfStage(stageText, lists);
        stageCache.set(stageText, stageStatus);
        stages.push(stageText);
      }
    }
    const won = cWon < 0 ? null : cellsOf.bool(cells, cWon, row, log);
    const closed = cClosed < 0 ? null : cellsOf.bool(cells, cClosed, row, log);
    const status = dealStatus(won, closed, stageStatus);
    if (won === null && closed === null && stageStatus === null && col.stage !== undefined) log.add('STAGE_MISSING', row, header('stage'), '');
    if (won !== null && stageStatus !== null && stageStatus !== status) {
      log.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('won'), status });
    } else if (won === null && closed !== null && stageStatus !== null && stageStatus !== status) {
      log.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('closed'), status });
    }

    // Amount and currency.
    const amountCell = cellOf(cells, cAmount);
    let amount: number | null = null;
    let said = NOTHING_SAID;
    if (typeof amountCell === 'number' && Number.isFinite(amountCell) && Math.abs(amountCell) < MAX_AMOUNT) {
      // A number cell, as most amounts are: what parseAmount would say, without building its result.
      amount = amountCell;
      said = amountCurrency(NO_TEXT_CURRENCY, formatOf(r));
      if (amount < 0) log.add('AMOUNT_NEGATIVE', row, amountHeader, cellText(amountCell));
    } else if (isSpreadsheetError(amountCell)) {
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
    const currency = money.of(cellsOf.text(cells, cCurrency, row, log).toUpperCase(), said, log, row, amountHeader, amountCell);

    const roleText = cellsOf.text(cells, cRole, row, log);
    const leadSourceText = cellsOf.text(cells, cLeadSource, row, log);
    const registrationStatusText = cellsOf.text(cells, cRegStatus, row, log);
    // The same object every time (see DealReader.read): a million deals pass through one record.
    const deal = current;
    deal.index = r; deal.row = row; deal.id = id; deal.name = name; deal.status = status; deal.amount = amount; deal.currency = currency;
    deal.created = cellsOf.date(cells, cCreated, row, log);
    deal.closeDate = cellsOf.date(cells, cCloseDate, row, log);
    if (deal.created !== null && deal.closeDate !== null && deal.closeDate < deal.created) {
      log.add('DATE_CLOSE_BEFORE_CREATED', row, header('closeDate'), formatDay(deal.closeDate), { created: formatDay(deal.created) });
    }
    deal.leadSource = term(leadSourceText); deal.leadSourceText = leadSourceText;
    deal.sourcingPartners = cellsOf.partnerIds(cells, cSourcing, row, log);
    deal.partners = cellsOf.partnerIds(cells, cPartner, row, log);
    deal.role = term(roleText); deal.roleText = roleText;
    deal.influencers = cellsOf.partnerIds(cells, cInfluencers, row, log);
    deal.resellers = cellsOf.partnerIds(cells, cReseller, row, log);
    deal.deployers = cellsOf.partnerIds(cells, cDeployer, row, log);
    deal.registrants = cellsOf.partnerIds(cells, cRegistrant, row, log);
    deal.registrationDate = cellsOf.date(cells, cRegDate, row, log);
    deal.registrationStatus = term(registrationStatusText); deal.registrationStatusText = registrationStatusText;
    deal.tier = cellsOf.text(cells, cTier, row, log);
    deal.type = cellsOf.text(cells, cType, row, log);
    deal.region = cellsOf.text(cells, cRegion, row, log);
    deal.counted = kinds[k] !== REPEATED;
    if (!deal.counted) log.add('DUPLICATE_ID', row, header('id'), id, { first: String(firstById.get(id)) });
    return deal;
  };
  return { rows, count, currencies, reportingCurrency, firstRowById: firstById, stages, read };
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
