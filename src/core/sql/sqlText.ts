/**
 * SQL expressions that treat text exactly as the engine does: trimming, policy terms
 * (normalizeTerm), partner matching keys (partnerKey) and the legal-suffix test that keeps
 * "Acme, Inc." one partner (splitPartners). Patterns use RE2/Java syntax, which all three dialects read.
 */
import type { SqlDialect } from './sqlDialect';
import { REGION_WORDS } from '../partners/partnerKey';

/** JavaScript's `\s` (Unicode white space and line terminators) as a regex class body. */
export const WS = '\\s\\x{0B}\\p{Z}\\x{FEFF}';

/** The legal-entity suffixes of SPEC 2.5 (the same list as src/core/partners/partnerKey.ts). */
export const LEGAL_SUFFIXES: readonly string[] = ['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co',
  'company', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'pty', 'oy', 'ab', 'as', 'kk'];

/** Spreadsheet error values that count as empty (src/core/values/spreadsheetErrors.ts). */
export const SPREADSHEET_ERRORS: readonly string[] = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!',
  '#SPILL!', '#CALC!', '#GETTING_DATA', '#ERROR!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

const SUFFIX_ALT = `(?:${[...LEGAL_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})`;
/** Legal suffixes and region words: the words of a comma piece that joins the name before it. */
const QUALIFIER_ALT = `(?:${[...LEGAL_SUFFIXES, ...REGION_WORDS].sort((a, b) => b.length - a.length).join('|')})`;

/** Text expressions for one dialect. */
export class SqlText {
  constructor(private readonly d: SqlDialect) {}

  /** Leading and trailing white space removed (JavaScript's String.prototype.trim). */
  trim(expr: string): string {
    return this.d.replaceAll(expr, this.d.str(`^[${WS}]+|[${WS}]+$`), "''");
  }

  /** A nullable column as the engine's trimmed cell text: '' for NULL and for spreadsheet errors. */
  cellText(column: string): string {
    const raw = `CAST(${column} AS ${this.d.types.string})`;
    const trimmed = this.trim(raw);
    const errors = SPREADSHEET_ERRORS.map((e) => this.d.str(e)).join(', ');
    return `CASE WHEN ${raw} IS NULL THEN '' WHEN SUBSTR(${raw}, 1, 1) = '#' AND UPPER(${trimmed}) IN (${errors}) THEN '' ELSE ${trimmed} END`;
  }

  /** True when a trimmed name is a spreadsheet error (such names are no partner). */
  isError(expr: string): string {
    return `UPPER(${expr}) IN (${SPREADSHEET_ERRORS.map((e) => this.d.str(e)).join(', ')})`;
  }

  /** normalizeTerm: lower case, punctuation other than "-" and "/" to spaces, white space collapsed. */
  term(expr: string): string {
    const punct = this.d.replaceAll(`LOWER(${expr})`, this.d.str('[_.,;:!?\\x27\\x22()\\[\\]{}]+'), "' '");
    return this.collapse(punct);
  }

  /** Runs of white space to one space, then trimmed. */
  private collapse(expr: string): string {
    const single = this.d.replaceAll(expr, this.d.str(`[${WS}]+`), "' '");
    return this.d.replaceAll(single, this.d.str('^ | $'), "''");
  }

  /** partnerKey: lower case, "&" -> "and", punctuation removed, white space collapsed, trailing legal suffixes dropped. */
  partnerKey(expr: string): string {
    const amp = `REPLACE(LOWER(${this.d.nfkc(expr)}), '&', ' and ')`;
    const bare = this.d.replaceAll(amp, this.d.str(`[^\\p{L}\\p{N}${WS}]+`), "''");
    const words = this.collapse(bare);
    return this.d.keepGroup1(words, this.d.str(`^(.+?)(?: ${SUFFIX_ALT})+$`));
  }

  /** knownNameKey: partnerKey with commas read as spaces (how a comma name is looked up as known). */
  knownNameKey(expr: string): string {
    return this.partnerKey(`REPLACE(${expr}, ',', ' ')`);
  }

  /**
   * isQualifierPiece: true when every word of a trimmed, non-empty piece is a legal suffix or a
   * region word ("Inc.", "Pty Ltd", "North", "Asia Pacific").
   */
  isQualifierPiece(expr: string): string {
    const text = this.d.nfkc(expr);
    const noEmptyWord = `NOT ${this.d.matches(text, this.d.str(`(^|[${WS}])[^\\p{L}\\p{N}${WS}]+([${WS}]|$)`))}`;
    const letters = this.collapse(this.d.replaceAll(`LOWER(${text})`, this.d.str(`[^\\p{L}\\p{N}${WS}]+`), "''"));
    return `(${noEmptyWord} AND ${this.d.matches(letters, this.d.str(`^${QUALIFIER_ALT}(?: ${QUALIFIER_ALT})*$`))})`;
  }
}
