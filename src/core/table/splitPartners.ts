/**
 * Splits a cell that names several partners (SPEC 2.1): on ";", "|" and line breaks, and on ","
 * except where the piece after the comma is a legal-entity suffix ("Acme, Inc." is one partner) or
 * the whole piece is a partner the directory knows.
 */
import { isLegalSuffix } from '../partners/partnerKey';

const HARD_SPLIT = /[;|\r\n]+/;

export function splitPartners(text: string, isKnownName?: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const part of text.split(HARD_SPLIT)) {
    // A name the Partners directory knows ("Smith, Jones & Co.") stays whole even with a comma in it.
    if (part.indexOf(',') < 0 || (isKnownName && isKnownName(part.trim()))) {
      const name = part.trim();
      if (name !== '') out.push(name);
      continue;
    }
    const pieces = part.split(',');
    let current = '';
    for (const raw of pieces) {
      const piece = raw.trim();
      if (current !== '' && piece !== '' && piece.split(/\s+/).every(isLegalSuffix)) {
        current = `${current}, ${piece}`;
      } else {
        if (current !== '') out.push(current);
        current = piece;
      }
    }
    if (current !== '') out.push(current);
  }
  return out;
}
