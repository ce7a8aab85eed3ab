/**
 * Money as spreadsheets really hold it (SPEC 2.3): numbers, and text such as "$1,200.50",
 * "USD 1200", "(1,200)", "-€5", "1.234,56 €" (with the comma-decimal setting). Text that could
 * mean two different numbers is refused rather than guessed.
 */
import type { Cell } from '../types';
import { currencyOfMark } from './currencyMarks';

export type AmountResult =
  /**
   * `currency`: the code the text names ("EUR 500", "€500", "C$1,000"); `mark`: a symbol shared by
   * several currencies ("$", "¥", "kr"), when no code is named, to be resolved by the caller.
   */
  | { kind: 'ok'; value: number; currency: string | null; mark: string | null }
  | { kind: 'blank' }
  | { kind: 'invalid' };

const SYMBOLS = /[$€£¥₹₩₽₪₫₴₦₱฿₺₲₡₵₭₮₸₼₾円元]|US\$|CA\$|AU\$|MX\$|NT\$|CN¥|A\$|C\$|NZ\$|HK\$|S\$|R\$|kr\.?|zł|Fr\.?|CHF|Rp\.?|R(?=\s?\d)/gi;
const CODE_LEAD = /^([A-Za-z]{3})\s*(?=[\d(+-])/;
const CODE_TRAIL = /(?<=[\d)])\s*([A-Za-z]{3})$/;
const SEP_DOT = /^\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/;
const SEP_COMMA = /^\d{1,3}(?:[.\u00a0\u202f' ]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$|^,\d+$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

const BLANK: AmountResult = { kind: 'blank' };
const INVALID: AmountResult = { kind: 'invalid' };

/** The currency three letters name: an ISO 4217 code ("EUR") or a known word ("RMB" is CNY); null for any other word. */
const codeOf = (letters: string): string | null => currencyOfMark(letters).code;

/** The three letters beside a number that name no currency ("TBD" in "TBD 500"), for the data issue; null otherwise. */
export function unknownCurrencyWord(text: string): string | null {
  const t = text.trim().replace(/^\((.*)\)$/, '$1').trim();
  const word = CODE_LEAD.exec(t)?.[1] ?? CODE_TRAIL.exec(t)?.[1];
  return word !== undefined && codeOf(word) === null ? word : null;
}

/** Reads an amount cell. Booleans and dates are not amounts. */
export function parseAmount(cell: Cell, decimalSeparator: '.' | ','): AmountResult {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'ok', value: cell, currency: null, mark: null } : INVALID;
  if (cell === null || cell === undefined || cell === '') return BLANK;
  if (typeof cell !== 'string') return INVALID;
  const plain = plainAmount(cell, decimalSeparator);
  if (plain !== null) return plain;
  return amountOfText(cell, decimalSeparator);
}

/** Digits: at most 15 in all, so the digits as one integer are exact in a double (below 2^53). */
const MAX_PLAIN_DIGITS = 15;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The shapes most exports write ("63976", "94589.77", "$116,494.00", "-1.234,56" with comma decimals),
 * read in one pass over the characters without a regular expression; null for anything else, which
 * amountOfText reads. The value is the digits as one integer divided by a power of ten: both are exact
 * doubles, so the division rounds once, to the same double Number() gives for the text.
 */
function plainAmount(text: string, decimalSeparator: '.' | ','): AmountResult | null {
  const n = text.length;
  const group = decimalSeparator === '.' ? 44 : 46; // ',' or '.'
  const point = decimalSeparator === '.' ? 46 : 44;
  let i = 0;
  let negative = false;
  let dollar = false;
  if (text.charCodeAt(i) === 45) { negative = true; i++; } // -
  if (text.charCodeAt(i) === 36) { dollar = true; i++; } // $
  if (!negative && dollar && text.charCodeAt(i) === 45) { negative = true; i++; } // $-
  let digits = 0;
  let whole = 0;
  let run = 0; // digits since the start or the last group separator
  let grouped = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) { whole = whole * 10 + (c - 48); digits++; run++; continue; }
    if (c !== group) break;
    if (grouped ? run !== 3 : run < 1 || run > 3) return null;
    grouped = true;
    run = 0;
  }
  if (run === 0 || (grouped && run !== 3)) return null;
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== point) return null;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      whole = whole * 10 + (c - 48);
      digits++;
      decimals++;
    }
    if (decimals === 0) return null;
  }
  if (digits > MAX_PLAIN_DIGITS) return null;
  const value = decimals === 0 ? whole : whole / POWERS_OF_TEN[decimals]!;
  return { kind: 'ok', value: negative ? -value : value, currency: null, mark: dollar ? '$' : null };
}

/** Any amount text: currency codes and symbols, brackets and signs, grouping spaces, scientific notation (also the reference plainAmount is tested against). */
export function amountOfText(cell: string, decimalSeparator: '.' | ','): AmountResult {
  let text = cell.trim();
  if (text === '' || text === '-' || text === '—') return BLANK;
  let currency: string | null = null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) { negative = true; text = text.slice(1, -1).trim(); }
  // Three letters beside the number name its currency only when they are an ISO 4217 code: "abc 100",
  // "TBD 500" or "100 pcs" is not an amount in currency ABC, TBD or PCS but text that is not an amount.
  const lead = CODE_LEAD.exec(text);
  if (lead) {
    currency = codeOf(lead[1]!);
    if (currency === null) return INVALID;
    text = text.slice(lead[0].length);
  }
  const trail = CODE_TRAIL.exec(text);
  if (trail) {
    currency = codeOf(trail[1]!);
    if (currency === null) return INVALID;
    text = text.slice(0, trail.index);
  }
  let symbol: string | null = null;
  const strip = (found: string): string => { symbol ??= found; return ''; };
  text = text.replace(SYMBOLS, strip).trim();
  if (text.startsWith('(') && text.endsWith(')')) { negative = !negative; text = text.slice(1, -1).trim(); }
  if (text.startsWith('-') || text.startsWith('−')) { negative = !negative; text = text.slice(1).trim(); }
  else if (text.endsWith('-')) { negative = !negative; text = text.slice(0, -1).trim(); }
  else if (text.startsWith('+')) text = text.slice(1).trim();
  text = text.replace(SYMBOLS, strip).trim();
  let value: number;
  if (SCIENTIFIC.test(text)) value = Number(text);
  else if (decimalSeparator === '.') {
    if (!SEP_DOT.test(text)) return INVALID;
    value = Number(text.replace(/[,\u00a0\u202f' ]/g, ''));
  } else {
    if (!SEP_COMMA.test(text)) return INVALID;
    value = Number(text.replace(/[.\u00a0\u202f' ]/g, '').replace(',', '.'));
  }
  if (!Number.isFinite(value)) return INVALID;
  let mark: string | null = null;
  if (currency === null && symbol !== null) ({ code: currency, mark } = currencyOfMark(symbol));
  return { kind: 'ok', value: negative ? -value : value, currency, mark };
}
