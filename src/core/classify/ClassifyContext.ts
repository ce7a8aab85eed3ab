/** What classification needs for a whole run: the policy, its lists as sets, the registry, the issue log and today. */
import type { ClassifyScratch } from './ClassifyScratch';
import type { Policy } from '../policy';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';

/** The policy's lists as sets, built once per run. */
export interface PolicySets {
  leadSources: Set<string>;
  rejectedStatuses: Set<string>;
  sourcingActivities: Set<string>;
  deploymentActivities: Set<string>;
  sourcingRoles: Set<string>;
  resaleRoles: Set<string>;
  deploymentRoles: Set<string>;
  /** The kinds of evidence that count as sourcing (policy.sourcingEvidence). */
  sourcingEvidence: Set<string>;
}

/** The policy's lists as sets. */
export const policySets = (policy: Policy): PolicySets => ({
  leadSources: new Set(policy.partnerLeadSources),
  rejectedStatuses: new Set(policy.registrationRejectedStatuses),
  sourcingActivities: new Set(policy.sourcingActivities),
  deploymentActivities: new Set(policy.deploymentActivities),
  sourcingRoles: new Set(policy.sourcingRoles),
  resaleRoles: new Set(policy.resaleRoles),
  deploymentRoles: new Set(policy.deploymentRoles),
  sourcingEvidence: new Set(policy.sourcingEvidence),
});

/** The run-wide context every deal is classified in. */
export interface ClassifyContext {
  policy: Policy;
  sets: PolicySets;
  registry: PartnerRegistry;
  issues: IssueLog;
  /** Today, for open deals' influence windows. */
  asOf: number;
  /** Registry id of "(Unknown partner)" (created on first use). */
  unknownPartner: () => number;
  /** Build the reason and evidence text (default true); false gives motions, credit and issues only, with reason "". */
  explain?: boolean;
  /** The influence threshold as reasons print it (converted once per run rather than once per deal). */
  thresholdText?: string;
  /** Scratch space for one deal at a time, owned by this run (classification never runs re-entrantly). */
  readonly scratch: ClassifyScratch;
}
