/** The policy being edited in the sidebar: the full policy for the form, and only the changed keys for saving. */
import type { Policy } from '../src/core/policy';
import { DEFAULT_POLICY, normalizeTerm, resolvePolicy } from '../src/core/policy';
import { stageKey, stageLists, statusOfStage } from '../src/core/deals/dealStatus';
import type { Status } from '../src/core/vocabulary';

/** The full policy the form shows: the saved overrides over the defaults (the defaults when they cannot be read). */
export function draftPolicy(overrides: Partial<Policy>): Policy {
  try {
    return resolvePolicy(overrides);
  } catch {
    return resolvePolicy({});
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The keys of `policy` that differ from the defaults: what Settings.policy stores. */
export function policyOverrides(policy: Policy): Partial<Policy> {
  const out: Partial<Policy> = {};
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof Policy)[]) {
    if (!same(policy[key], DEFAULT_POLICY[key])) (out as Record<string, unknown>)[key] = policy[key];
  }
  return out;
}

/** A stage's status: the engine's deal statuses (SPEC 2.4). */
export type StageStatus = Status;

/** How the policy reads a stage text found in the data (SPEC 2.4): the engine's own rule, so the sidebar reads the lists exactly as the engine does. */
export function stageStatus(policy: Policy, stage: string): StageStatus {
  return statusOfStage(stage, stageLists(policy));
}

/** A copy of the policy in which a stage text means `status` (every spelling of it leaves the other list). */
export function withStageStatus(policy: Policy, stage: string, status: StageStatus): Policy {
  const key = stageKey(stage);
  const wonStages = policy.wonStages.filter((s) => stageKey(s) !== key);
  const lostStages = policy.lostStages.filter((s) => stageKey(s) !== key);
  if (status === 'won') wonStages.push(normalizeTerm(stage));
  if (status === 'lost') lostStages.push(normalizeTerm(stage));
  return { ...policy, wonStages, lostStages };
}

/** Splits a text box of terms (one per line, or separated by commas or semicolons) into a list. */
export function parseTermList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]+/).map((t) => t.trim()).filter((t) => t !== ''))];
}
