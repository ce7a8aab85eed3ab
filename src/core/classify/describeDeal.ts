/** The plain-words reason for one deal's label (SPEC 3): who sourced, influenced, resold, touched and deployed it, and why. */

export const DIRECT_REASON = 'Direct: no partner sourced, influenced or resold it';

/** A partner and the evidence shown for it, already as text. */
export interface Named { name: string; how: string }

export interface DealStory {
  sourcers: Named[];
  /** "; overruled claim: Acme (Sourcing Partner column)" or "" */
  conflictNote: string;
  influencers: Named[];
  resellers: string[];
  /** "Globex (webinar 2024-03-10: weight 0.25 < 0.5)" or just names. */
  touchedNotes: string[];
  deployers: string[];
}

/** "Sourced by Acme (deal registration 2024-03-01, before creation 2024-03-04); influenced by Globex (demo 2024-03-20)". */
export function describeDeal(story: DealStory): string {
  const parts: string[] = [];
  const list = (items: readonly Named[]): string => items.map((i) => `${i.name} (${i.how})`).join(', ');
  if (story.sourcers.length > 0) {
    parts.push(`Sourced by ${story.sourcers.map((s) => `${s.name} (${s.how})`).join(' and ')}${story.conflictNote}`);
  }
  if (story.influencers.length > 0) {
    parts.push(story.sourcers.length > 0 ? `influenced by ${list(story.influencers)}` : `Influenced by ${list(story.influencers)}${story.conflictNote}`);
  }
  if (story.resellers.length > 0) parts.push(`${parts.length === 0 ? 'Resold' : 'resold'} by ${story.resellers.join(', ')}`);
  if (parts.length === 0) parts.push(DIRECT_REASON);
  if (story.touchedNotes.length > 0) parts.push(`only touched by ${story.touchedNotes.join(', ')}`);
  if (story.deployers.length > 0) parts.push(`deployed by ${story.deployers.join(', ')}`);
  return parts.join('; ');
}
