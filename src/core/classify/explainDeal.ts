/** The plain-words reason for one classified deal (SPEC 3): its story told from the evidence, with partner names. */
import type { Touch } from '../touches/readTouches';
import { describeTouch } from '../touches/readTouches';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import type { Classification } from './Classification';
import type { Claim } from './sourcingClaims';
import { claimOf } from './sourcingClaims';
import { describeDeal, DIRECT_REASON } from './describeDeal';

const MAX_EVIDENCE_SHOWN = 2;
const listEvidence = (items: readonly string[]): string =>
  items.length <= MAX_EVIDENCE_SHOWN ? items.join(', ') : `${items.slice(0, MAX_EVIDENCE_SHOWN).join(', ')} +${items.length - MAX_EVIDENCE_SHOWN} more`;

/** listEvidence of the first `n` touches of a list, describing only the touches it shows. */
export const listTouches = (touches: readonly Touch[], n: number): string => {
  const shown = n === 1 ? describeTouch(touches[0]!) : `${describeTouch(touches[0]!)}, ${describeTouch(touches[1]!)}`;
  return n <= MAX_EVIDENCE_SHOWN ? shown : `${shown} +${n - MAX_EVIDENCE_SHOWN} more`;
};

/** What the reason tells beyond the classification itself. */
export interface DealStoryNotes {
  /** The sourcing claims, for how each sourcer sourced. */
  claimants: readonly Claim[];
  /** From the conflict decision ("" when none). */
  conflictNote: string;
  /** The resellers stand as sourcers (policy.resoldCountsAs 'sourced'): not told again as resellers. */
  resoldAsSourced: boolean;
  /** Why each partner below the influence threshold fell short; empty when none (then touched names are listed). */
  belowThreshold: string[];
}

/** "Sourced by Acme (deal registration 2024-03-01, ...); influenced by Globex (demo 2024-03-20)". */
export function explainDeal(c: Readonly<Classification>, notes: DealStoryNotes, registry: PartnerRegistry): string {
  const name = (id: number): string => registry.name(id);
  const touchedText = notes.belowThreshold.length > 0 ? notes.belowThreshold : c.touched.map(name);
  // The commonest partner-touched deal is direct with a few light touches: its reason needs no story object.
  if (c.motion === 'direct' && c.deployers.length === 0) {
    return touchedText.length === 0 ? DIRECT_REASON : `${DIRECT_REASON}; only touched by ${touchedText.join(', ')}`;
  }
  return describeDeal({
    sourcers: c.sourcers.map((p) => ({ name: name(p), how: claimOf(notes.claimants, p)?.label ?? 'resold, counted as sourced' })),
    conflictNote: notes.conflictNote,
    influencers: c.influencers.map((i) => ({ name: name(i.partner), how: listEvidence(i.evidence) })),
    resellers: notes.resoldAsSourced ? [] : c.resellers.map(name),
    touchedNotes: touchedText,
    deployers: c.deployers.map(name),
  });
}
