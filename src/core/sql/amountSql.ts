/**
 * Amount text read in SQL as the engine's parseAmount reads it (src/core/values/parseAmount.ts):
 * "$12,000.00", "USD 1200", "(500.00)", "-€5", "1.234,56 €" with the decimal separator decided for
 * the column, what currency the text names (a code, a symbol, or a mark such as "$" shared by several
 * currencies), and which currency the report is in. Patterns are RE2/Java syntax without look-around,
 * which all three dialects read. A numeric column reads the same: its number cast to text.
 */
import type { SqlDialect } from './sqlDialect';
import type { SqlText } from './sqlText';
import { WS } from './sqlText';
import { currencyOfMark, LETTER_CODES, markCandidates } from '../values/currencyMarks';
import { MAX_AMOUNT } from '../deals/scanDealRows';

/** How the amount column's text is read: its decimal separator, and whether "1.000"-like text is refused as ambiguous. */
export interface AmountLocale {
  decimalSeparator: '.' | ',';
  /** True when nothing decided the separator and some values read differently either way: those values are no amount. */
  ambiguous: boolean;
}

/** The engine refuses amounts this large (readDeals' MAX_AMOUNT): they cannot be counted to the cent. */
export const MAX_SQL_AMOUNT = MAX_AMOUNT;

/** parseAmount's SYMBOLS, "R(?=\s?\d)" (South African rand before a number) written with a capture instead of a look-ahead. */
const SYMBOL_ALT = "[$€£¥₹₩₽₪₫₴₦₱฿₺₲₡₵₭₮₸₼₾円元]|US\\$|CA\\$|AU\\$|MX\\$|NT\\$|CN¥|A\\$|C\\$|NZ\\$|HK\\$|S\\$|R\\$|kr\\.?|[zZ][łŁ]|Fr\\.?|CHF|Rp\\.?";
/** Every symbol stripped; a rand "R" keeps the white space and digit after it (group 1). */
const STRIP_SYMBOLS = `(?i)(?:${SYMBOL_ALT})|R([${WS}]?[0-9])`;
/** The first symbol, a rand "R" with what follows it. */
const FIND_SYMBOL = `(?i)(?:${SYMBOL_ALT}|R[${WS}]?[0-9])`;
/** Every upper-cased text FIND_SYMBOL can return once a rand's digit is cut off. */
const SYMBOL_KEYS = ['$', '€', '£', '¥', '₹', '₩', '₽', '₪', '₫', '₴', '₦', '₱', '฿', '₺', '₲', '₡', '₵', '₭', '₮', '₸', '₼', '₾', '円', '元',
  'US$', 'CA$', 'AU$', 'MX$', 'NT$', 'CN¥', 'A$', 'C$', 'NZ$', 'HK$', 'S$', 'R$', 'KR', 'KR.', 'ZŁ', 'FR', 'FR.', 'CHF', 'RP', 'RP.', 'R'];

const SEP_DOT = "^[0-9]{1,3}(?:[,\\x{00A0}\\x{202F}' ][0-9]{3})+(?:\\.[0-9]+)?$|^[0-9]+(?:\\.[0-9]+)?$|^\\.[0-9]+$";
const SEP_COMMA = "^[0-9]{1,3}(?:[.\\x{00A0}\\x{202F}' ][0-9]{3})+(?:,[0-9]+)?$|^[0-9]+(?:,[0-9]+)?$|^,[0-9]+$";
const SCIENTIFIC = '(?i)^[0-9]+(?:\\.[0-9]+)?e[+-]?[0-9]+$';
/** columnLocale's AMBIGUOUS over the digits and separators, and DOT_LOCALE_MARK (a leading dollar, pound, yen or rupee). */
const AMBIGUOUS_DIGITS = '^[1-9][0-9]{0,2}[.,][0-9]{3}$';
const DOT_LOCALE_MARK = `(?i)^[${WS}]*[-(]?[${WS}]*((US|A|C|NZ|HK|S)?\\$|£|¥|₹)`;

/** `CASE key WHEN ... END` over the symbols: the currency code each names, or the mark each is (NULL otherwise). */
function symbolCase(d: SqlDialect, key: string, want: 'code' | 'mark'): string {
  const whens = SYMBOL_KEYS.flatMap((k) => {
    const named = currencyOfMark(k)[want];
    return named === null ? [] : [`WHEN ${d.str(k)} THEN ${d.str(named)}`];
  });
  return `CASE ${key} ${whens.join(' ')} ELSE NULL END`;
}

/** What a mark means in a report in `reporting`: that currency when the mark can mean it, else the usual one (resolveMark). */
export function resolveMarkSql(d: SqlDialect, mark: string, reporting: string): string {
  const marks = SYMBOL_KEYS.filter((k) => currencyOfMark(k).mark === k);
  const whens = marks.map((m) => {
    const candidates = markCandidates(m);
    return `WHEN ${d.str(m)} THEN CASE WHEN ${reporting} IN (${candidates.map((c) => d.str(c)).join(', ')}) THEN ${reporting} ELSE ${d.str(candidates[0]!)} END`;
  });
  return `CASE ${mark} ${whens.join(' ')} ELSE ${mark} END`;
}

/** The usual currency of a mark (resolveMark with no reporting currency yet). */
export function usualOfMarkSql(d: SqlDialect, mark: string): string {
  const marks = SYMBOL_KEYS.filter((k) => currencyOfMark(k).mark === k);
  return `CASE ${mark} ${marks.map((m) => `WHEN ${d.str(m)} THEN ${d.str(markCandidates(m)[0]!)}`).join(' ')} ELSE ${mark} END`;
}

/** The currency three letters beside the number name (LETTER_CODES, as parseAmount), '-' for a word that names none ("TBD 500" is no amount). */
function letterCode(d: SqlDialect, e: string): string {
  const same = [...LETTER_CODES].filter(([word, code]) => word === code).map(([word]) => d.str(word));
  const other = [...LETTER_CODES].filter(([word, code]) => word !== code).map(([word, code]) => `WHEN ${e} = ${d.str(word)} THEN ${d.str(code)}`);
  return `CASE WHEN ${e} IS NULL THEN NULL WHEN ${e} IN (${same.join(', ')}) THEN ${e} ${other.join(' ')} ELSE '-' END`;
}

/**
 * A query over `source` (columns rk and amount_text: the engine's trimmed cell text, '' for empty)
 * giving rk, amount (DOUBLE; NULL when blank, unreadable, ambiguous or too large), said_code (the
 * currency the text names) and said_mark (an ambiguous symbol such as "$", when no code is named).
 */
export function amountQuery(d: SqlDialect, text: SqlText, source: string, locale: AmountLocale): string {
  const s = (pattern: string): string => d.str(pattern);
  const flag = (cond: string): string => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
  const parens = s('(?s)^\\((.*)\\)$');
  const lead = s(`(?s)^[A-Za-z]{3}[${WS}]*[0-9(+-]`);
  const trail = s(`(?s)[0-9)][${WS}]*[A-Za-z]{3}$`);
  const strip = (e: string): string => text.trim(d.keepGroup1(e, s(STRIP_SYMBOLS)));
  const symbolKey = (e: string): string => `UPPER(${d.keepGroup1(d.extractFirst(e, s(FIND_SYMBOL)), s(`(?i)^(R)[${WS}]?[0-9]$`))})`;
  const number = locale.decimalSeparator === '.'
    ? `CASE WHEN ${d.matches('n.t7', s(SEP_DOT))} THEN ${d.tryDouble(d.replaceAll('n.t7', s("[,\\x{00A0}\\x{202F}' ]"), "''"))} END`
    : `CASE WHEN ${d.matches('n.t7', s(SEP_COMMA))} THEN ${d.tryDouble(`REPLACE(${d.replaceAll('n.t7', s("[.\\x{00A0}\\x{202F}' ]"), "''")}, ',', '.')`)} END`;
  const ambiguous = locale.ambiguous
    ? ` OR (${d.matches(d.replaceAll('m.t0', s('[^0-9.,]'), "''"), s(AMBIGUOUS_DIGITS))} AND NOT ${d.matches('m.t0', s(DOT_LOCALE_MARK))})`
    : '';
  const dbl = d.types.double;
  return `SELECT n.rk, n.amount,
  CASE WHEN n.amount IS NULL THEN NULL ELSE COALESCE(n.code, ${symbolCase(d, 'n.sym', 'code')}) END AS said_code,
  CASE WHEN n.amount IS NULL OR n.code IS NOT NULL THEN NULL ELSE ${symbolCase(d, 'n.sym', 'mark')} END AS said_mark
FROM (SELECT m.*, CASE WHEN m.t0 IN ('', '-', '—')${ambiguous} OR m.code = '-' THEN NULL
    ELSE CASE WHEN ABS(m.v) >= ${MAX_SQL_AMOUNT} THEN NULL WHEN MOD(m.neg, 2) = 1 THEN -m.v ELSE m.v END END AS amount
  FROM (SELECT n.*, CASE WHEN ${d.matches('n.t7', s(SCIENTIFIC))} THEN CAST(${d.tryDouble('n.t7')} AS ${dbl}) ELSE CAST(${number} AS ${dbl}) END AS v
    FROM (SELECT l.*, ${strip('l.t6')} AS t7, COALESCE(l.sym1, ${symbolKey('l.t6')}) AS sym
      FROM (SELECT k.*, k.neg0 + ${flag(`${d.matches('k.t5', s('^[-−]'))} OR ${d.matches('k.t5', s('-$'))}`)} AS neg,
          ${text.trim(`CASE WHEN ${d.matches('k.t5', s('^[-−]'))} THEN ${d.replaceAll('k.t5', s('^[-−]'), "''")}
            WHEN ${d.matches('k.t5', s('-$'))} THEN ${d.replaceAll('k.t5', s('-$'), "''")}
            WHEN ${d.matches('k.t5', s('^[+]'))} THEN ${d.replaceAll('k.t5', s('^[+]'), "''")} ELSE k.t5 END`)} AS t6
        FROM (SELECT j.*, j.neg1 + ${flag(d.matches('j.t4', parens))} AS neg0,
            CASE WHEN ${d.matches('j.t4', parens)} THEN ${text.trim(d.keepGroup1('j.t4', parens))} ELSE j.t4 END AS t5
          FROM (SELECT i.*, ${strip('i.t3')} AS t4, ${symbolKey('i.t3')} AS sym1,
              ${letterCode(d, 'COALESCE(i.trail_code, i.lead_code)')} AS code
            FROM (SELECT h.*, CASE WHEN ${d.matches('h.t2', trail)} THEN UPPER(${d.keepGroup1('h.t2', s(`(?s)^.*([A-Za-z]{3})$`))}) END AS trail_code,
                CASE WHEN ${d.matches('h.t2', trail)} THEN ${d.replaceAll('h.t2', s(`[${WS}]*[A-Za-z]{3}$`), "''")} ELSE h.t2 END AS t3
              FROM (SELECT g.*, CASE WHEN ${d.matches('g.t1', lead)} THEN UPPER(SUBSTR(g.t1, 1, 3)) END AS lead_code,
                  CASE WHEN ${d.matches('g.t1', lead)} THEN ${d.replaceAll('g.t1', s(`^[A-Za-z]{3}[${WS}]*`), "''")} ELSE g.t1 END AS t2
                FROM (SELECT a.rk, a.amount_text AS t0, ${flag(d.matches('a.amount_text', parens))} AS neg1,
                    CASE WHEN ${d.matches('a.amount_text', parens)} THEN ${text.trim(d.keepGroup1('a.amount_text', parens))} ELSE a.amount_text END AS t1
                  FROM ${source} a) g) h) i) j) k) l) n) m) n`;
}
