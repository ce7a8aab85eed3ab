/**
 * Turns the rows under the header into deals (SPEC 2.3 to 2.5 and 5): values coerced, status
 * derived, partners resolved to registry ids, repeated Deal IDs marked, every bad value reported.
 */
import type { Cell, Field, Grid, Status } from '../types';
import type { DetectedTable } from '../analyze';
import type { Policy } from '../policy';
import { normalizeTerm } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { cellText, isBlank } from '../values/cellText';
import { isSpreadsheetError } from '../values/spreadsheetErrors';
import { parseAmount } from '../values/parseAmount';
import { parseBoolean } from '../values/parseBoolean';
import { parseDate } from '../values/parseDate';
import { splitPartners } from '../table/splitPartners';
import { headerKey } from '../table/fieldSynonyms';

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

export interface ReadDealsResult {
  deals: Deal[];
  stages: string[];
  currencies: string[];
  /** Each non-empty Deal ID -> the sheet row of its first occurrence (touches are matched against it). */
  firstRowById: ReadonlyMap<string, number>;
}

/** Shared by every deal without partners in a column; never mutated. */
const NO_PARTNERS: number[] = Object.freeze([]) as unknown as number[];

/** Above this, cents are no longer exact in a double when summed: such amounts are refused, not rounded. */
const MAX_AMOUNT = 1e12;

const TOTAL_LABEL = /^(grand\s+)?(sub)?totals?\b|^sum\b/i;

/** Reads every deal row of the grid below the header. */
export function readDeals(grid: Grid, table: DetectedTable, policy: Policy, registry: PartnerRegistry, issues: IssueLog): ReadDealsResult {
  const col = table.columns;
  const header = (field: Field): string => table.headers[col[field]!] ?? field;
  const cellOf = (cells: readonly Cell[], field: Field): Cell => {
    const c = col[field];
    return c === undefined ? undefined : cells[c];
  };
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
  const currencies = new Map<string, number>();
  const firstById = new Map<string, number>();
  const hasStatusSource = col.stage !== undefined || col.won !== undefined || col.closed !== undefined;
  if (!hasStatusSource) issues.add('COLUMN_MISSING_STAGE', null, '', '');
  const deals: Deal[] = [];
  const splitCache = new Map<string, string[]>();
  const isDirectoryName = (name: string): boolean => registry.isDirectoryName(name);

  const partnerIds = (cells: readonly Cell[], field: Field, row: number): number[] => {
    const cell = cellOf(cells, field);
    if (cell === undefined || cell === null || cell === '') return NO_PARTNERS;
    if (isSpreadsheetError(cell)) {
      issues.add('CELL_ERROR', row, header(field), cellText(cell), { effect: 'Treated as no partner.' });
      return NO_PARTNERS;
    }
    const text = typeof cell === 'string' ? cell : cellText(cell);
    let names = splitCache.get(text);
    if (names === undefined) { names = splitPartners(text, isDirectoryName); splitCache.set(text, names); }
    if (names.length === 1) {
      const id = registry.ref(names[0]!);
      return id >= 0 ? [id] : NO_PARTNERS;
    }
    const ids: number[] = [];
    for (const name of names) {
      if (isSpreadsheetError(name)) continue;
      const id = registry.ref(name);
      if (id >= 0 && !ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? ids : NO_PARTNERS;
  };

  const textOf = (cells: readonly Cell[], field: Field, row: number): string => {
    const cell = cellOf(cells, field);
    if (cell === undefined || cell === null || cell === '') return '';
    if (isSpreadsheetError(cell)) {
      issues.add('CELL_ERROR', row, header(field), cellText(cell));
      return '';
    }
    return typeof cell === 'string' ? cell.trim() : cellText(cell);
  };

  const dateOf = (cells: readonly Cell[], field: Field, row: number): number | null => {
    const cell = cellOf(cells, field);
    if (cell === undefined || cell === null || cell === '') return null;
    if (isSpreadsheetError(cell)) {
      issues.add('CELL_ERROR', row, header(field), cellText(cell));
      return null;
    }
    const day = parseDate(cell, policy.dateOrder);
    if (day === undefined) {
      issues.add('DATE_INVALID', row, header(field), cellText(cell));
      return null;
    }
    return day;
  };

  const boolOf = (cells: readonly Cell[], field: Field, row: number): boolean | null => {
    const cell = cellOf(cells, field);
    if (isSpreadsheetError(cell)) { issues.add('CELL_ERROR', row, header(field), cellText(cell)); return null; }
    const value = parseBoolean(cell);
    if (value === undefined) { issues.add('BOOLEAN_INVALID', row, header(field), cellText(cell)); return null; }
    return value;
  };

  for (let r = table.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    let blank = true;
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) { blank = false; break; }
    if (blank) continue;
    const row = table.firstRow + r;
    const id = textOf(cells, 'id', row);
    const name = textOf(cells, 'name', row);
    const stageText = textOf(cells, 'stage', row);

    if (stageText === '' && (id === '' || TOTAL_LABEL.test(id))) {
      // First non-blank cell only (a table without Stage or ID columns reaches this on every row).
      let label = '';
      for (let c = 0; c < cells.length && label === ''; c++) label = cellText(cells[c]);
      if (TOTAL_LABEL.test(label)) { issues.add('TOTAL_ROW', row, '', label, { label }); continue; }
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
    const won = col.won === undefined ? null : boolOf(cells, 'won', row);
    const closed = col.closed === undefined ? null : boolOf(cells, 'closed', row);
    let status: Status;
    if (won === true) status = 'won';
    else if (closed === false) status = 'open';
    else if (won === false && closed === true) status = 'lost';
    else if (won === false) status = stageStatus === 'won' || stageStatus === null ? 'open' : stageStatus;
    else if (closed === true) status = stageStatus === 'won' ? 'won' : 'lost';
    else if (stageStatus !== null) status = stageStatus;
    else {
      status = 'open';
      if (col.stage !== undefined) issues.add('STAGE_MISSING', row, header('stage'), '');
    }
    if (won !== null && stageStatus !== null && stageStatus !== status) {
      issues.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('won'), status });
    } else if (won === null && closed !== null && stageStatus !== null && stageStatus !== status) {
      issues.add('STATUS_CONFLICT', row, header('stage'), stageText, { column: header('closed'), status });
    }

    // Amount and currency.
    const amountCell = cellOf(cells, 'amount');
    let amount: number | null = null;
    let textCurrency: string | null = null;
    if (isSpreadsheetError(amountCell)) {
      issues.add('CELL_ERROR', row, header('amount'), cellText(amountCell), { effect: 'Left out of money totals; the deal still counts.' });
    } else {
      const parsed = parseAmount(amountCell, policy.decimalSeparator);
      if (parsed.kind === 'ok' && Math.abs(parsed.value) >= MAX_AMOUNT) {
        issues.add('AMOUNT_INVALID', row, header('amount'), cellText(amountCell), { hint: ' (it is too large to count to the cent)' });
      } else if (parsed.kind === 'ok') {
        amount = parsed.value;
        textCurrency = parsed.currency;
        if (amount < 0) issues.add('AMOUNT_NEGATIVE', row, header('amount'), cellText(amountCell));
      } else if (parsed.kind === 'invalid') {
        const text = cellText(amountCell);
        const hint = typeof amountCell === 'string' && policy.decimalSeparator === '.' && /\d\.\d{3},\d/.test(text)
          ? ' (it looks like comma decimals: set the decimal separator to ",")' : '';
        issues.add('AMOUNT_INVALID', row, header('amount'), text, { hint });
      } else {
        issues.add(status === 'won' ? 'AMOUNT_MISSING_WON' : 'AMOUNT_MISSING_OPEN', row, header('amount'), '');
      }
    }
    const currencyText = textOf(cells, 'currency', row).toUpperCase();
    const currency = currencyText !== '' ? currencyText : textCurrency;
    if (currencyText !== '' && textCurrency !== null && textCurrency !== currencyText) {
      issues.add('CURRENCY_CONFLICT', row, header('amount'), cellText(amountCell), { textCurrency, currency: currencyText });
    }
    if (currency !== null && amount !== null) currencies.set(currency, (currencies.get(currency) ?? 0) + 1);

    const roleText = textOf(cells, 'partnerRole', row);
    const leadSourceText = textOf(cells, 'leadSource', row);
    const registrationStatusText = textOf(cells, 'registrationStatus', row);
    const deal: Deal = {
      index: r, row, id, name, status, amount, currency,
      created: dateOf(cells, 'created', row),
      closeDate: dateOf(cells, 'closeDate', row),
      leadSource: term(leadSourceText), leadSourceText,
      sourcingPartners: partnerIds(cells, 'sourcingPartner', row),
      partners: partnerIds(cells, 'partner', row),
      role: term(roleText), roleText,
      influencers: partnerIds(cells, 'influencers', row),
      resellers: partnerIds(cells, 'reseller', row),
      deployers: partnerIds(cells, 'deployer', row),
      registrants: partnerIds(cells, 'registrationPartner', row),
      registrationDate: dateOf(cells, 'registrationDate', row),
      registrationStatus: term(registrationStatusText), registrationStatusText,
      tier: textOf(cells, 'partnerTier', row),
      type: textOf(cells, 'partnerType', row),
      region: textOf(cells, 'region', row),
      counted: true,
    };
    if (id !== '') {
      const first = firstById.get(id);
      if (first !== undefined) {
        deal.counted = false;
        issues.add('DUPLICATE_ID', row, header('id'), id, { first: String(first) });
      } else firstById.set(id, row);
    }
    deals.push(deal);
  }
  const currencyList = [...currencies.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { deals, stages, currencies: currencyList, firstRowById: firstById };
}
