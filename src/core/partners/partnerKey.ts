/** The partner matching key of SPEC 2.5: "Acme Inc.", "ACME, Inc" and " acme inc " are one partner. */

const LEGAL_SUFFIXES = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company',
  'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'pty', 'oy', 'ab', 'as', 'kk']);

/** True when a word (any case, punctuation ignored) is a legal-entity suffix. */
export const isLegalSuffix = (word: string): boolean =>
  LEGAL_SUFFIXES.has(word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));

/**
 * Lower case, "&" -> "and", punctuation removed, whitespace collapsed, trailing legal suffixes
 * dropped (all of them: "Acme Pty Ltd" -> "acme"), but never down to nothing ("Co" stays "co").
 */
export function partnerKey(name: string): string {
  const words = name.toLowerCase().replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .split(/\s+/).filter((w) => w !== '');
  // A name of emoji or symbols only ("🚀", "★★★") is still a name; punctuation only ("-", "...") is not.
  if (words.length === 0) return name.replace(/[\s\p{P}]+/gu, '').toLowerCase();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const key = words.join(' ');
  return PLACEHOLDERS.has(key) ? '' : key;
}

/** What CRMs put in an empty picklist ("--None--", "N/A"): no partner, never a partner called "None". */
const PLACEHOLDERS = new Set(['none', 'na', 'n a', 'null', 'nil', 'no partner', 'not applicable', 'no one', 'nobody']);
