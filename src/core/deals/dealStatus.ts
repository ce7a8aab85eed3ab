/**
 * The status rule of SPEC 2.4: won / lost / open from the Won and Closed columns when present,
 * else from the stage text compared with the policy's won and lost lists. Pure; the reader and
 * the sidebar's stage draft both use it.
 */
import type { Status } from '../types';
import type { Policy } from '../policy';
import { headerKey } from '../table/fieldSynonyms';

/** The policy's won and lost stages as comparison keys. */
export interface StageLists {
  readonly won: ReadonlySet<string>;
  readonly lost: ReadonlySet<string>;
}

/** Stages compare like headers, spaces and punctuation removed: "Closed - Won", "closed_won" and "ClosedWon" are one. */
export const stageKey = headerKey;

/** The policy's stage lists, keyed for statusOfStage. */
export const stageLists = (policy: Pick<Policy, 'wonStages' | 'lostStages'>): StageLists => ({
  won: new Set(policy.wonStages.map(stageKey)),
  lost: new Set(policy.lostStages.map(stageKey)),
});

/** What a (non-empty) stage text means: won or lost when a list names it, else open. */
export const statusOfStage = (stage: string, lists: StageLists): Status => {
  const key = stageKey(stage);
  return lists.won.has(key) ? 'won' : lists.lost.has(key) ? 'lost' : 'open';
};

/**
 * A deal's status from its Won and Closed cells (null when the column is absent or the cell
 * unreadable) and its stage's status (null when there is no stage): a Won of TRUE is won, a
 * Closed of FALSE open; otherwise the booleans say what they can and the stage the rest. With
 * nothing at all the deal is open.
 */
export function dealStatus(won: boolean | null, closed: boolean | null, stage: Status | null): Status {
  if (won === true) return 'won';
  if (closed === false) return 'open';
  if (won === false && closed === true) return 'lost';
  if (won === false) return stage === 'won' || stage === null ? 'open' : stage;
  if (closed === true) return stage === 'won' ? 'won' : 'lost';
  return stage ?? 'open';
}
