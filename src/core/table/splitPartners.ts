/**
 * Splits a cell that names several partners (SPEC 2.1): on ";", "|" and line breaks, and on ","
 * except where the piece after the comma is a legal-entity suffix ("Acme, Inc." is one partner).
 */
import { isLegalSuffix } from '../partners/partnerKey';

const HARD_SPLIT = /[;|\r\n]+/;

export function splitPartners(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(HARD_SPLIT)) {
    if (part.indexOf(',') < 0) {
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
