/**
 * Why a deal needs a human decision (issue 18's review queue), as bits the classification sets and
 * the deal results keep: a sourcing conflict, a partner lead source naming no partner, a
 * registration outside its windows, touches just below the influence threshold, role text as the
 * only evidence. A deal set by hand carries REVIEW_SET_BY_HAND and leaves the queue.
 */

export const REVIEW_CONFLICT = 1;
export const REVIEW_UNKNOWN_PARTNER = 2;
export const REVIEW_REGISTRATION_WINDOW = 4;
export const REVIEW_NEAR_THRESHOLD = 8;
export const REVIEW_ROLE_ONLY = 16;
/** Not a reason for review: the deal's attribution was set by hand (an override). */
export const REVIEW_SET_BY_HAND = 128;

/** The reasons for review, in the order the queue lists them, with their words. */
export const REVIEW_REASONS: readonly { flag: number; code: string; label: string }[] = [
  { flag: REVIEW_CONFLICT, code: 'sourcing-conflict', label: 'Sourcing claims disagree' },
  { flag: REVIEW_UNKNOWN_PARTNER, code: 'no-partner-named', label: 'Partner lead source, but no partner named' },
  { flag: REVIEW_REGISTRATION_WINDOW, code: 'registration-window', label: 'Registration outside its windows' },
  { flag: REVIEW_NEAR_THRESHOLD, code: 'near-threshold', label: 'Touches just below the influence threshold' },
  { flag: REVIEW_ROLE_ONLY, code: 'role-only', label: 'Only evidence is the partner role text' },
];
