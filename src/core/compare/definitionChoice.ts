/**
 * The definition of "partner sourced" as a choice beside the user's own settings: which shipped
 * definition a policy follows, and a policy with a shipped definition applied. A definition sets
 * only `sourcingEvidence`; every other setting stays the user's.
 */
import type { Policy, SourcingEvidenceKind } from '../policy';
import { DEFAULT_POLICY } from '../policy';
import { AttributionError } from '../AttributionError';
import type { ShippedDefinition } from './shippedDefinitions';
import { SHIPPED_DEFINITIONS } from './shippedDefinitions';

/** The name the sidebar gives the user's own rules when they follow none of the shipped definitions. */
export const OWN_DEFINITION = 'Your own rules';

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/** The shipped definition whose evidence a policy (or saved overrides) uses, in any order; null when it is the user's own. */
export function definitionOf(policy: Partial<Pick<Policy, 'sourcingEvidence'>>): ShippedDefinition | null {
  const evidence = policy.sourcingEvidence ?? DEFAULT_POLICY.sourcingEvidence;
  return SHIPPED_DEFINITIONS.find((d) => sameSet(d.policy.sourcingEvidence, evidence)) ?? null;
}

/** The shipped definition of that name; throws a clear message for any other name. */
export function shippedDefinition(name: string): ShippedDefinition {
  const found = SHIPPED_DEFINITIONS.find((d) => d.name === name);
  if (!found) {
    throw new AttributionError('BAD_DEFINITION', `There is no definition named "${name}". Choose one of: ${SHIPPED_DEFINITIONS.map((d) => d.name).join(', ')}.`);
  }
  return found;
}

/** The policy (full, or saved overrides) with a shipped definition's evidence in place of its own. */
export function withDefinition<P extends Partial<Policy>>(policy: P, name: string): P & { sourcingEvidence: SourcingEvidenceKind[] } {
  return { ...policy, sourcingEvidence: [...shippedDefinition(name).policy.sourcingEvidence] as SourcingEvidenceKind[] };
}
