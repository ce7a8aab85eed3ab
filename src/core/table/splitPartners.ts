/**
 * Splits a partner cell into names (SPEC 2.1), the one rule the engine, the SQL compiler
 * (src/core/sql/inputCtes.ts mirrors it), the sidebar and both hosts follow. Single-partner columns
 * split on ";" and line breaks only; multi-partner columns also on "|" and ",", keeping a comma
 * piece joined when it is a legal suffix or a region word, or when the joined text is a known partner.
 */
import type { Field } from '../types';
import { isLegalSuffix, isRegionWord } from '../partners/partnerKey';

/** How a column's cells name partners: one each (a ";" list at most), or a list. */
export type PartnerCellKind = 'single' | 'multi';

/** The partner fields whose cells are lists ("Influencing Partners" and its synonyms). */
const MULTI_FIELDS: ReadonlySet<Field> = new Set<Field>(['influencers']);

/** The splitting rule of a partner field's cells. */
export const partnerCellKind = (field: Field): PartnerCellKind => (MULTI_FIELDS.has(field) ? 'multi' : 'single');

/** Single-partner cells: ";" and line breaks. */
const SINGLE_SPLIT = /[;\r\n]+/;
/** Multi-partner cells, before commas: ";", "|" and line breaks. */
const MULTI_SPLIT = /[;|\r\n]+/;

/**
 * At most this many comma pieces form one known name ("Smith, Jones, Wu & Co." is three): the
 * SQL looks the same spans up, so the two agree on any cell.
 */
export const MAX_KNOWN_PIECES = 4;

/**
 * True when a comma piece joins the name before it whatever the data says: every word of it is a
 * legal suffix ("Inc.", "Pty Ltd") or a region word ("North", "EMEA", "Asia Pacific").
 */
export function isQualifierPiece(piece: string): boolean {
  const words = piece.split(/\s+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => isLegalSuffix(w) || isRegionWord(w));
}

/**
 * The names in a partner cell, trimmed, empty pieces dropped. `isKnown` says whether a run of
 * comma pieces, joined with ", ", is a partner the data knows (the Partners directory, or a name
 * written whole in a single-partner column); it is asked only for multi-partner cells.
 */
export function splitPartners(text: string, kind: PartnerCellKind = 'multi', isKnown?: (joined: string) => boolean): string[] {
  const out: string[] = [];
  for (const part of text.split(kind === 'single' ? SINGLE_SPLIT : MULTI_SPLIT)) {
    if (kind === 'single' || part.indexOf(',') < 0) {
      const name = part.trim();
      if (name !== '') out.push(name);
      continue;
    }
    // Empty pieces ("Wayne, , Inc.") are stray commas: dropped before anything is joined.
    const pieces = part.split(',').map((p) => p.trim()).filter((p) => p !== '');
    // joined[k]: piece k continues the name of piece k - 1.
    const joined = pieces.map((piece, k) => k > 0 && isQualifierPiece(piece));
    if (isKnown) {
      for (let a = 0; a < pieces.length - 1; a++) {
        for (let b = a + 1; b < Math.min(pieces.length, a + MAX_KNOWN_PIECES); b++) {
          // A known span joins every comma inside it; overlapping known spans therefore read as one name.
          if (isKnown(pieces.slice(a, b + 1).join(', '))) for (let k = a + 1; k <= b; k++) joined[k] = true;
        }
      }
    }
    let current = '';
    pieces.forEach((piece, k) => {
      if (joined[k]) current = `${current}, ${piece}`;
      else {
        if (current !== '') out.push(current);
        current = piece;
      }
    });
    if (current !== '') out.push(current);
  }
  return out;
}
