/** The partner matching key of SPEC 2.5: "Acme Inc.", "ACME, Inc" and " acme inc " are one partner. */

const LEGAL_SUFFIXES = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company',
  'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'pty', 'oy', 'ab', 'as', 'kk']);

/**
 * Words that name a region or a branch after a comma ("Contoso Ltd., North", "Globex, EMEA"): a
 * piece made of them is never a partner of its own (SPEC 2.1). "NA" is left out: CRMs write "N/A".
 */
export const REGION_WORDS: readonly string[] = ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'central', 'midwest', 'northern', 'southern', 'eastern', 'western', 'middle', 'emea', 'apac', 'apj', 'amer', 'americas', 'america',
  'latam', 'latin', 'noram', 'mena', 'dach', 'nordics', 'benelux', 'anz', 'uk', 'us', 'usa', 'eu', 'europe', 'asia', 'pacific',
  'africa', 'region'];
const REGION_SET = new Set(REGION_WORDS);

/** A word as the suffix and region lists hold it: NFKC, lower case, punctuation removed. */
const bareWord = (word: string): string => word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** True when a word (any case, punctuation ignored) is a legal-entity suffix. */
export const isLegalSuffix = (word: string): boolean => LEGAL_SUFFIXES.has(bareWord(word));

/** True when a word (any case, punctuation ignored) is a region word ("North", "EMEA"). */
export const isRegionWord = (word: string): boolean => REGION_SET.has(bareWord(word));

/**
 * Unicode NFKC (so NFC and NFD "Café" and full-width "Ａｃｍｅ" are their plain forms), lower case,
 * "&" -> "and", punctuation removed, whitespace collapsed, trailing legal suffixes dropped (all of
 * them: "Acme Pty Ltd" -> "acme"), but never down to nothing ("Co" stays "co").
 */
export function partnerKey(name: string): string {
  const text = name.normalize('NFKC');
  const words = text.toLowerCase().replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .split(/\s+/).filter((w) => w !== '');
  // A name of emoji or symbols only ("🚀", "★★★") is still a name; punctuation only ("-", "...") is not.
  if (words.length === 0) return text.replace(/[\s\p{P}]+/gu, '').toLowerCase();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const key = words.join(' ');
  return PLACEHOLDERS.has(key) ? '' : key;
}

/**
 * The key under which a name with commas is "known" (SPEC 2.1): partnerKey with commas read as
 * spaces, so "Contoso Ltd.,North" in a Reseller column and "Contoso Ltd., North" in a list agree.
 */
export const knownNameKey = (name: string): string => partnerKey(name.replace(/,/g, ' '));

/** What CRMs put in an empty picklist ("--None--", "N/A"): no partner, never a partner called "None". */
const PLACEHOLDERS = new Set(['none', 'na', 'n a', 'null', 'nil', 'no partner', 'not applicable', 'no one', 'nobody']);
