/**
 * The rules' vocabulary, written once: the influence models (SPEC 4), the conflict policies
 * (SPEC 3.2), the motions (SPEC 3) and the deal statuses (SPEC 2.4), each a list with its labels.
 * The types, the policy schema's choices, the sidebar's choices, the report labels, the custom
 * functions' argument checks and the SQL's per-model forms all derive from here, so a new name
 * added to a list fails the type-check wherever it has no label or no handler.
 */

/** How influenced credit is split among a deal's significant influencers (SPEC 4). */
export const INFLUENCE_MODELS = ['even', 'first', 'last', 'position', 'time-decay', 'weighted'] as const;
export type InfluenceModel = typeof INFLUENCE_MODELS[number];
/** What the sidebar shows for each influence model. */
export const INFLUENCE_MODEL_LABEL: Readonly<Record<InfluenceModel, string>> = {
  'even': 'Even split',
  'first': 'First touch',
  'last': 'Last touch',
  'position': 'Position based (40/20/40)',
  'time-decay': 'Time decay',
  'weighted': 'Weighted by activity',
};

/** What to do when the evidence names different sourcing partners (SPEC 3.2). */
export const CONFLICT_POLICIES = ['precedence', 'split', 'flag'] as const;
export type ConflictPolicy = typeof CONFLICT_POLICIES[number];
/** What the sidebar shows for each conflict policy. */
export const CONFLICT_POLICY_LABEL: Readonly<Record<ConflictPolicy, string>> = {
  precedence: 'Strongest evidence wins',
  split: 'Split sourced credit',
  flag: 'No one sourced; flag it',
};

/** A deal's partner motion (SPEC 3), in precedence order: sourced over influenced over resold over direct. */
export const MOTIONS = ['sourced', 'influenced', 'resold', 'direct'] as const;
export type Motion = typeof MOTIONS[number];
/** A motion as the reports, the overrides tab and PARTNER_CLASSIFY write it. */
export const MOTION_LABEL: Readonly<Record<Motion, string>> = {
  sourced: 'Sourced', influenced: 'Influenced', resold: 'Resold', direct: 'Direct',
};

/** A deal's status (SPEC 2.4). */
export const STATUSES = ['won', 'lost', 'open'] as const;
export type Status = typeof STATUSES[number];
/** A status as the reports and the sidebar write it. */
export const STATUS_LABEL: Readonly<Record<Status, string>> = { won: 'Won', lost: 'Lost', open: 'Open' };

/** A list with its labels as the choices of a select control, in the list's order. */
export function choicesOf<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** "a, b or c": a list's names for a message or a help text. */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]!}`;
}
