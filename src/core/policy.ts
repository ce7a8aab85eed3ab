/**
 * The attribution policy (SPEC 3 to 5): one documented configuration object with frozen defaults.
 * The sidebar, the CLI's --config file and the custom functions all read it through `resolvePolicy`.
 */
import { AttributionError } from './AttributionError';
import { FIELDS, headerKey } from './table/fieldSynonyms';
import { normalizeTerm } from './terms';
import { checkSettingsDepth, refuseObjectInternalName } from './settingsShape';
import type { IncentivePlan } from './payouts/incentivePlan';
import { incentivesSchema, parseIncentivePlan } from './payouts/incentivePlan';

import type { ConflictPolicy, InfluenceModel } from './vocabulary';
import { CONFLICT_POLICIES, INFLUENCE_MODELS } from './vocabulary';

export type { ConflictPolicy, InfluenceModel };

/**
 * The kinds of evidence that can make a partner the sourcer, strongest first. The first five are
 * SPEC 3's (the default); the last three widen "sourced" to any partner involvement.
 */
export const SOURCING_EVIDENCE = ['registration', 'sourcing partner column', 'sourcing touch', 'partner lead source', 'sourcing role',
  'partner column', 'influencing partners column', 'any touch'] as const;
export type SourcingEvidenceKind = typeof SOURCING_EVIDENCE[number];

export interface Policy {
  /** Lead Source values that mean "a partner brought this deal" (normalized; anything starting with "partner" counts too). */
  partnerLeadSources: string[];
  /** A registration dated up to this many days after the deal was created still counts as sourcing. */
  registrationGraceDays: number;
  /** A registration dated more than this many days before creation has expired. */
  registrationExpiryDays: number;
  /** Registration statuses that make a registration a mere touch (empty or approved ones count). */
  registrationRejectedStatuses: string[];
  /** Touch activities that are sourcing evidence. */
  sourcingActivities: string[];
  /** A sourcing touch counts from this many days before creation (up to the grace after it). */
  sourcingLookbackDays: number;
  /**
   * Which evidence counts as sourcing (the definition of "partner sourced"). Evidence left out
   * counts as influence instead (a sourcing touch stays a touch, weighed against the threshold).
   */
  sourcingEvidence: SourcingEvidenceKind[];
  /** What to do when the evidence names different sourcing partners. */
  conflictPolicy: ConflictPolicy;
  /** Touches count toward influence from this many days before creation to close. */
  influenceLookbackDays: number;
  /** Summed touch weight at which a partner has significantly influenced a deal. */
  influenceThreshold: number;
  /**
   * A partner whose touches reach at least this fraction of `influenceThreshold` (but not the
   * threshold) puts the deal in the review queue as "just below the threshold".
   */
  reviewNearThreshold: number;
  /** Weight per touch activity (normalized names). */
  activityWeights: Record<string, number>;
  /** Weight of an activity not in `activityWeights`. */
  defaultActivityWeight: number;
  /** How influenced credit is split among influencers. */
  influenceModel: InfluenceModel;
  /** Half-life of the `time-decay` model, in days. */
  timeDecayHalfLifeDays: number;
  /** The sourcer's share of a sourced deal (the rest goes to its influencers). */
  sourcedShare: number;
  /** Report resold deals as their own motion, or as sourced (seed 002's reading). */
  resoldCountsAs: 'resold' | 'sourced';
  /** Partner roles that mean the partner sourced the deal. */
  sourcingRoles: string[];
  /** Partner roles that mean the partner resold the deal. */
  resaleRoles: string[];
  /** Partner roles that mean the partner deployed the deal. */
  deploymentRoles: string[];
  /** Touch activities that mean deployment when dated after close. */
  deploymentActivities: string[];
  /** Stage texts that mean won. */
  wonStages: string[];
  /** Stage texts that mean lost. */
  lostStages: string[];
  /** ISO currency to report in; null picks the most common currency (USD without a currency column). */
  reportingCurrency: string | null;
  /** First month (1-12) of the fiscal year. */
  fiscalYearStartMonth: number;
  /** How to read ambiguous text dates such as 03/04/2024. */
  dateOrder: 'MDY' | 'DMY';
  /** Decimal separator of amount text ("1.234,56" needs ","). */
  decimalSeparator: '.' | ',';
  /** "Today" for open deals' influence windows (ISO date); null = the day the report runs. */
  asOfDate: string | null;
  /** The incentive plan that turns won credit into partner payouts; null = no payouts (docs/rules.md, section 11). */
  incentives: IncentivePlan | null;
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/** The default policy of SPEC 3 to 5. Frozen: copy it with `resolvePolicy` to change anything. */
export const DEFAULT_POLICY: Readonly<Policy> = deepFreeze<Policy>({
  partnerLeadSources: ['partner', 'partner referral', 'partner sourced', 'channel', 'channel partner', 'reseller',
    'referral partner', 'deal registration'],
  registrationGraceDays: 7,
  registrationExpiryDays: 90,
  registrationRejectedStatuses: ['rejected', 'expired', 'denied', 'cancelled', 'canceled', 'pending'],
  sourcingActivities: ['referral', 'introduction', 'lead', 'deal registration'],
  sourcingLookbackDays: 30,
  sourcingEvidence: ['registration', 'sourcing partner column', 'sourcing touch', 'partner lead source', 'sourcing role'],
  conflictPolicy: 'precedence',
  influenceLookbackDays: 90,
  influenceThreshold: 0.5,
  reviewNearThreshold: 0.8,
  activityWeights: {
    'demo': 1, 'proof of concept': 1, 'poc': 1, 'pilot': 1, 'solution design': 1, 'technical validation': 1,
    'executive sponsorship': 1,
    'meeting': 0.5, 'co-sell call': 0.5, 'introduction': 0.5, 'training': 0.5, 'workshop': 0.5,
    'event': 0.25, 'webinar': 0.25,
    'email': 0.1, 'content': 0.1, 'newsletter': 0.1,
  },
  defaultActivityWeight: 0.5,
  influenceModel: 'even',
  timeDecayHalfLifeDays: 30,
  sourcedShare: 1,
  resoldCountsAs: 'resold',
  sourcingRoles: ['referral', 'referrer', 'sourcing', 'sourced'],
  resaleRoles: ['var/reseller', 'reseller', 'var', 'distributor', 'dealer', 'broker', 'marketplace'],
  deploymentRoles: ['implementation', 'implementer', 'deployment', 'delivery', 'services', 'implementation partner'],
  deploymentActivities: ['implementation', 'deployment', 'onboarding', 'integration'],
  wonStages: ['closed won', 'won', 'closedwon', 'closed - won', 'booked', 'signed'],
  lostStages: ['closed lost', 'lost', 'closedlost', 'closed - lost', 'dead', 'disqualified'],
  reportingCurrency: null,
  fiscalYearStartMonth: 1,
  dateOrder: 'MDY',
  decimalSeparator: '.',
  asOfDate: null,
  incentives: null,
});

type Kind =
  | { kind: 'number'; min: number; max: number; integer?: boolean }
  | { kind: 'enum'; values: readonly string[]; /** Accepted in any case ("dmy" is "DMY"). */ anyCase?: boolean }
  | { kind: 'list' }
  | { kind: 'set'; values: readonly string[] }
  | { kind: 'weights' }
  | { kind: 'currency' }
  | { kind: 'isoDate' }
  | { kind: 'incentives' };

/** How each key is checked; also the source of the JSON schema for policy files. */
export const POLICY_KEYS: Readonly<Record<keyof Policy, Kind>> = {
  partnerLeadSources: { kind: 'list' },
  registrationGraceDays: { kind: 'number', min: 0, max: 3650, integer: true },
  registrationExpiryDays: { kind: 'number', min: 0, max: 3650, integer: true },
  registrationRejectedStatuses: { kind: 'list' },
  sourcingActivities: { kind: 'list' },
  sourcingLookbackDays: { kind: 'number', min: 0, max: 3650, integer: true },
  sourcingEvidence: { kind: 'set', values: SOURCING_EVIDENCE },
  conflictPolicy: { kind: 'enum', values: CONFLICT_POLICIES },
  influenceLookbackDays: { kind: 'number', min: 0, max: 3650, integer: true },
  influenceThreshold: { kind: 'number', min: 0, max: 1000 },
  reviewNearThreshold: { kind: 'number', min: 0, max: 1 },
  activityWeights: { kind: 'weights' },
  defaultActivityWeight: { kind: 'number', min: 0, max: 1000 },
  influenceModel: { kind: 'enum', values: INFLUENCE_MODELS },
  timeDecayHalfLifeDays: { kind: 'number', min: 0.001, max: 3650 },
  sourcedShare: { kind: 'number', min: 0, max: 1 },
  resoldCountsAs: { kind: 'enum', values: ['resold', 'sourced'] },
  sourcingRoles: { kind: 'list' },
  resaleRoles: { kind: 'list' },
  deploymentRoles: { kind: 'list' },
  deploymentActivities: { kind: 'list' },
  wonStages: { kind: 'list' },
  lostStages: { kind: 'list' },
  reportingCurrency: { kind: 'currency' },
  fiscalYearStartMonth: { kind: 'number', min: 1, max: 12, integer: true },
  dateOrder: { kind: 'enum', values: ['MDY', 'DMY'], anyCase: true },
  decimalSeparator: { kind: 'enum', values: ['.', ','] },
  asOfDate: { kind: 'isoDate' },
  incentives: { kind: 'incentives' },
};

export { normalizeTerm };

const describe = (value: unknown): string => {
  try { return JSON.stringify(value) ?? String(value); } catch { return String(value); }
};

/**
 * Checks a partial policy (from a settings store, a --config file or the sidebar) and merges it over
 * the defaults. Throws an AttributionError naming the first unknown key or bad value.
 */
export function resolvePolicy(input?: unknown): Policy {
  const out: Policy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Policy;
  // Activity names are user data ("constructor" is an activity like any other): no inherited keys.
  out.activityWeights = Object.assign(Object.create(null) as Record<string, number>, out.activityWeights);
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new AttributionError('BAD_POLICY', 'The policy must be an object of settings, e.g. {"influenceModel": "even"}.');
  }
  checkSettingsDepth(input);
  const target = out as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key === '$schema') continue;
    refuseObjectInternalName(key, 'policy setting');
    const kind = Object.prototype.hasOwnProperty.call(POLICY_KEYS, key) ? POLICY_KEYS[key as keyof Policy] : undefined;
    if (!kind) throw new AttributionError('BAD_POLICY', `Unknown policy setting "${key}". Known settings: ${Object.keys(POLICY_KEYS).join(', ')}.`);
    const bad = (what: string): never => {
      throw new AttributionError('BAD_POLICY', `Policy setting "${key}" must be ${what}; got ${describe(value)}.`);
    };
    switch (kind.kind) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < kind.min || value > kind.max
          || (kind.integer && !Number.isInteger(value))) bad(`${kind.integer ? 'a whole number' : 'a number'} from ${kind.min} to ${kind.max}`);
        target[key] = value;
        break;
      case 'enum': {
        const text = kind.anyCase && typeof value === 'string' ? value.trim().toUpperCase() : value;
        if (typeof text !== 'string' || !kind.values.includes(text)) bad(`one of ${kind.values.map((v) => `"${v}"`).join(', ')}`);
        target[key] = text;
        break;
      }
      case 'list':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad('a list of texts');
        target[key] = (value as string[]).map(normalizeTerm).filter((v) => v !== '');
        break;
      case 'set': {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !kind.values.includes(normalizeTerm(v)))) {
          bad(`a list of ${kind.values.map((v) => `"${v}"`).join(', ')}`);
        }
        const chosen = new Set((value as string[]).map(normalizeTerm));
        target[key] = kind.values.filter((v) => chosen.has(v)); // strongest first, whatever order was written
        break;
      }
      case 'weights': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) bad('an object of activity: weight');
        const weights = Object.create(null) as Record<string, number>;
        for (const [activity, weight] of Object.entries(value as Record<string, unknown>)) {
          if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) bad(`non-negative numbers (see "${activity}")`);
          weights[normalizeTerm(activity)] = weight as number;
        }
        target[key] = weights;
        break;
      }
      case 'currency':
        if (value !== null && (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value.trim()))) bad('a three-letter currency code such as "USD", or null');
        target[key] = value === null ? null : (value as string).trim().toUpperCase();
        break;
      case 'isoDate':
        if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) bad('a date as YYYY-MM-DD, or null');
        target[key] = value;
        break;
      case 'incentives':
        target[key] = parseIncentivePlan(value);
        break;
    }
  }
  const lost = new Set(out.lostStages.map(headerKey));
  if (out.wonStages.some((s) => lost.has(headerKey(s)))) {
    throw new AttributionError('BAD_POLICY', 'A stage cannot be both won and lost: check "wonStages" and "lostStages".');
  }
  return out;
}

/** A JSON Schema (draft 2020-12) for settings files (policy keys plus an optional "mapping"), generated from POLICY_KEYS. */
export function policyJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = { $schema: { type: 'string' } };
  for (const [key, kind] of Object.entries(POLICY_KEYS)) {
    switch (kind.kind) {
      case 'number': properties[key] = { type: kind.integer ? 'integer' : 'number', minimum: kind.min, maximum: kind.max }; break;
      case 'enum': properties[key] = { enum: kind.anyCase ? [...kind.values, ...kind.values.map((v) => v.toLowerCase())] : kind.values }; break;
      case 'list': properties[key] = { type: 'array', items: { type: 'string' } }; break;
      case 'set': properties[key] = { type: 'array', items: { enum: kind.values }, uniqueItems: true }; break;
      case 'weights': properties[key] = { type: 'object', additionalProperties: { type: 'number', minimum: 0 } }; break;
      case 'currency': properties[key] = { type: ['string', 'null'], pattern: '^[A-Za-z]{3}$' }; break;
      case 'isoDate': properties[key] = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' }; break;
      case 'incentives': properties[key] = incentivesSchema(); break;
    }
  }
  properties.mapping = {
    type: 'object', description: 'Explicit column mapping: field -> header text, 0-based column number, or null (not in the table).',
    propertyNames: { enum: [...FIELDS] }, additionalProperties: { type: ['string', 'integer', 'null'], minimum: 0 },
  };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Partner Attribution policy', type: 'object', additionalProperties: false, properties };
}
