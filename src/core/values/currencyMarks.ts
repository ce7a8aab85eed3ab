/**
 * What currency a mark on an amount names: a symbol ("€", "C$", "kr"), a code ("EUR") or an XLSX
 * number format ("[$€-407] #,##0.00", "\"£\"#,##0.00"). Some symbols name several currencies
 * ("$", "¥", "kr"); those stay marks until the reporting currency is known (resolveMark).
 */

/** Symbols and words that name exactly one currency. */
const DEFINITE: ReadonlyMap<string, string> = new Map([
  ['US$', 'USD'], ['U$S', 'USD'], ['C$', 'CAD'], ['CA$', 'CAD'], ['A$', 'AUD'], ['AU$', 'AUD'], ['NZ$', 'NZD'],
  ['HK$', 'HKD'], ['S$', 'SGD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['NT$', 'TWD'],
  ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₪', 'ILS'], ['₫', 'VND'], ['₴', 'UAH'],
  ['₦', 'NGN'], ['₱', 'PHP'], ['฿', 'THB'], ['₺', 'TRY'], ['₲', 'PYG'], ['₡', 'CRC'], ['₵', 'GHS'], ['₭', 'LAK'],
  ['₮', 'MNT'], ['₸', 'KZT'], ['₼', 'AZN'], ['₾', 'GEL'],
  ['ZŁ', 'PLN'], ['FR', 'CHF'], ['FR.', 'CHF'], ['R', 'ZAR'], ['RP', 'IDR'], ['CN¥', 'CNY'], ['RMB', 'CNY'], ['元', 'CNY'],
  ['円', 'JPY'], ['KČ', 'CZK'], ['FT', 'HUF'], ['RM', 'MYR'],
]);

/** Symbols shared by several currencies: the candidates, the usual one first. */
const AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map([
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']],
  ['¥', ['JPY', 'CNY']],
  ['KR', ['SEK', 'NOK', 'DKK', 'ISK']],
  ['KR.', ['DKK', 'SEK', 'NOK', 'ISK']],
]);

/** Windows locale ids that say which dollar (or krone) a "[$$-409]" format means. */
const LOCALE_CURRENCY: ReadonlyMap<number, string> = new Map([
  [0x409, 'USD'], [0x1009, 'CAD'], [0xc09, 'AUD'], [0x1409, 'NZD'], [0x4809, 'SGD'], [0x3c09, 'HKD'], [0x80a, 'MXN'],
  [0x411, 'JPY'], [0x804, 'CNY'], [0x41d, 'SEK'], [0x414, 'NOK'], [0x406, 'DKK'], [0x40f, 'ISK'],
]);

/** ISO 4217 codes in use: a three-letter word in a number format ("Mio", "pcs") is a currency only if it is one. */
const ISO_CODES: ReadonlySet<string> = new Set(('AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN '
  + 'BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD '
  + 'HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA '
  + 'MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF '
  + 'SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES '
  + 'VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL').split(' '));

/**
 * Three-letter words that name a currency beside a number ("EUR 500", "RMB 5,000"), upper case, with
 * the code each names: every ISO 4217 code and the three-letter marks. Any other word ("TBD") names none.
 */
export const LETTER_CODES: ReadonlyMap<string, string> = new Map([...[...ISO_CODES].map((c) => [c, c] as const),
  ...[...DEFINITE].filter(([word]) => /^[A-Z]{3}$/.test(word))]);

/** Whether `code` is an ISO 4217 currency code in use. */
export const isCurrencyCode = (code: string): boolean => ISO_CODES.has(code);

/** A currency named by a mark: `code` when it is certain, else the `mark` to resolve later. */
export interface MarkedCurrency { code: string | null; mark: string | null }

const NONE: MarkedCurrency = Object.freeze({ code: null, mark: null });

/** The currency a symbol or word names ("€" -> EUR, "$" -> mark "$"); NONE when it names none. */
export function currencyOfMark(text: string): MarkedCurrency {
  const key = text.trim().toUpperCase();
  if (key === '') return NONE;
  const code = DEFINITE.get(key);
  if (code !== undefined) return { code, mark: null };
  if (AMBIGUOUS.has(key)) return { code: null, mark: key };
  if (ISO_CODES.has(key)) return { code: key, mark: null };
  return NONE;
}

/** The candidates of an ambiguous mark, the usual one first (empty for anything else). */
export const markCandidates = (mark: string): readonly string[] => AMBIGUOUS.get(mark) ?? [];

/** Whether `code` is one of the currencies `mark` can mean (a "$" amount in a CAD row agrees). */
export const markAllows = (mark: string, code: string): boolean => markCandidates(mark).includes(code);

/** What an ambiguous mark means in a report in `reportingCurrency`: that currency when it can, else the usual one. */
export function resolveMark(mark: string, reportingCurrency: string | null): string {
  const candidates = markCandidates(mark);
  if (reportingCurrency !== null && candidates.includes(reportingCurrency)) return reportingCurrency;
  return candidates[0] ?? mark;
}

const SYMBOL_CHARS = /[$€£¥₹₩₽₪₫₴₦₱฿₺₲₡₵₭₮₸₼₾]/u;

/**
 * The currency an XLSX/Excel number format shows, from its first (positive) section: a
 * "[$€-407]" or "[$USD]" tag (a "[$$-1009]" tag's locale says which dollar), a quoted or escaped
 * symbol, or a bare symbol. NONE for formats that show no currency ("0.00", "[$-409]d-mmm").
 */
export function currencyOfFormat(format: string | null | undefined): MarkedCurrency {
  if (!format || format === 'General') return NONE;
  let found: MarkedCurrency = NONE;
  const take = (text: string, locale: number | null): boolean => {
    let m = currencyOfMark(text);
    if (m.code === null && m.mark === null) {
      // A literal like "€ " or "EUR " inside quotes: look at its words and symbols one by one.
      for (const part of text.split(/\s+/)) {
        m = currencyOfMark(part);
        if (m.code !== null || m.mark !== null) break;
        const symbol = SYMBOL_CHARS.exec(part);
        if (symbol) { m = currencyOfMark(symbol[0]); break; }
      }
    }
    if (m.mark !== null && locale !== null) {
      const byLocale = LOCALE_CURRENCY.get(locale);
      if (byLocale !== undefined && markAllows(m.mark, byLocale)) m = { code: byLocale, mark: null };
    }
    if (m.code === null && m.mark === null) return false;
    found = m;
    return true;
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === ';') break; // only the first section: the others repeat it for negatives and zero
    if (ch === '[') {
      const end = format.indexOf(']', i);
      if (end < 0) break;
      const tag = format.slice(i + 1, end);
      i = end;
      const currencyTag = /^\$([^-]*)(?:-([0-9A-Fa-f]+))?$/.exec(tag);
      if (currencyTag && currencyTag[1] !== '' && take(currencyTag[1]!, currencyTag[2] ? parseInt(currencyTag[2], 16) : null)) return found;
      continue;
    }
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) break;
      const literal = format.slice(i + 1, end);
      i = end;
      if (take(literal, null)) return found;
      continue;
    }
    if (ch === '_' || ch === '*') { i++; continue; } // "_)" pads by a character's width, "* " repeats one: neither is shown
    if (ch === '\\') {
      const next = format[i + 1] ?? '';
      i++;
      if (SYMBOL_CHARS.test(next) && take(next, null)) return found;
      continue;
    }
    if (SYMBOL_CHARS.test(ch) && take(ch, null)) return found;
  }
  return found;
}
