/**
 * The incentive plan (the policy's `incentives` setting): payout rates per motion, optionally per
 * partner tier and type, a flat bonus per sourced deal, a cap per partner per period and a minimum
 * deal size. Validated like every other setting: an unknown key or a bad value is refused by name.
 */
import { AttributionError } from '../AttributionError';
import { normalizeTerm } from '../terms';

/** Rates (fractions of credited revenue) and a bonus; any of them may be left out to inherit. */
export interface IncentiveRates {
  /** Rate on sourced credit, 0..1. */
  sourced?: number;
  /** Rate on influenced credit, 0..1. */
  influenced?: number;
  /** Rate on resold credit, 0..1. */
  resold?: number;
  /** A flat amount (reporting currency) per won sourced deal, shared among its sourcers. */
  sourcedDealBonus?: number;
}

export interface IncentivePlan extends IncentiveRates {
  /** Per partner tier (matched without case or punctuation): rates that win over `types` and the plan's own. */
  tiers?: Readonly<Record<string, IncentiveRates>>;
  /** Per partner type: rates that win over the plan's own. */
  types?: Readonly<Record<string, IncentiveRates>>;
  /** Most a partner is paid in one period (reporting currency); null = no cap. */
  capPerPartnerPerPeriod?: number | null;
  /** Won deals below this amount (reporting currency) earn nothing; 0 = every deal. */
  minimumDealSize?: number;
}

/** The keys of a plan, and of a tier's or type's rates. */
export const PLAN_KEYS = ['sourced', 'influenced', 'resold', 'sourcedDealBonus', 'tiers', 'types', 'capPerPartnerPerPeriod', 'minimumDealSize'] as const;
export const RATE_KEYS = ['sourced', 'influenced', 'resold', 'sourcedDealBonus'] as const;

const MAX_MONEY = 1e12;

const fail = (where: string, what: string, value: unknown): never => {
  let shown: string;
  try { shown = JSON.stringify(value) ?? String(value); } catch { shown = String(value); }
  throw new AttributionError('BAD_POLICY', `Policy setting "incentives${where}" must be ${what}; got ${shown}.`);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const ownEntries = (value: Record<string, unknown>, where: string, known: readonly string[]): [string, unknown][] => {
  const entries = Object.entries(value);
  for (const [key] of entries) {
    if (!known.includes(key)) {
      throw new AttributionError('BAD_POLICY', `Unknown key "${key}" in policy setting "incentives${where}". Known keys: ${known.join(', ')}.`);
    }
  }
  return entries;
};

function readRates(value: unknown, where: string): IncentiveRates {
  if (!isPlainObject(value)) fail(where, 'an object such as {"sourced": 0.12}', value);
  const rates: IncentiveRates = {};
  for (const [key, v] of ownEntries(value as Record<string, unknown>, where, RATE_KEYS)) {
    if (key === 'sourcedDealBonus') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_MONEY) fail(`${where}.${key}`, 'an amount of 0 or more', v);
      rates.sourcedDealBonus = v as number;
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) fail(`${where}.${key}`, 'a rate from 0 to 1 (0.1 is 10%)', v);
      rates[key as 'sourced' | 'influenced' | 'resold'] = v as number;
    }
  }
  return rates;
}

/** A null-prototype object (a tier may be called "constructor"), so the plan stays plain JSON. */
const newGroup = (): Record<string, IncentiveRates> => Object.create(null) as Record<string, IncentiveRates>;

function readGroup(value: unknown, where: string): Record<string, IncentiveRates> {
  if (!isPlainObject(value)) fail(where, 'an object of name: rates, e.g. {"Gold": {"sourced": 0.12}}', value);
  const group = newGroup();
  for (const [name, rates] of Object.entries(value as Record<string, unknown>)) {
    const key = normalizeTerm(name);
    if (key === '') fail(where, 'named groups (an empty name was given)', name);
    if (Object.prototype.hasOwnProperty.call(group, key)) throw new AttributionError('BAD_POLICY', `Policy setting "incentives${where}" names "${name}" twice.`);
    group[key] = readRates(rates, `${where}.${name}`);
  }
  return group;
}

/** Checks an `incentives` setting; null (or absent) means no plan and no payouts. */
export function parseIncentivePlan(value: unknown): IncentivePlan | null {
  if (value === null || value === undefined) return null;
  if (!isPlainObject(value)) fail('', 'an object such as {"sourced": 0.1, "influenced": 0.03}, or null', value);
  const input = value as Record<string, unknown>;
  ownEntries(input, '', PLAN_KEYS);
  const base = readRates(Object.fromEntries(RATE_KEYS.filter((k) => k in input).map((k) => [k, input[k]])), '');
  const cap = input.capPerPartnerPerPeriod ?? null;
  if (cap !== null && (typeof cap !== 'number' || !Number.isFinite(cap) || cap < 0 || cap > MAX_MONEY)) fail('.capPerPartnerPerPeriod', 'an amount of 0 or more, or null', cap);
  const minimum = input.minimumDealSize ?? 0;
  if (typeof minimum !== 'number' || !Number.isFinite(minimum) || minimum < 0 || minimum > MAX_MONEY) fail('.minimumDealSize', 'an amount of 0 or more', minimum);
  return {
    ...base,
    tiers: input.tiers === undefined ? newGroup() : readGroup(input.tiers, '.tiers'),
    types: input.types === undefined ? newGroup() : readGroup(input.types, '.types'),
    capPerPartnerPerPeriod: cap as number | null,
    minimumDealSize: minimum as number,
  };
}

/** The rate (or bonus) that applies to a partner of this tier and type: tier, then type, then the plan. */
export function rateFor(plan: IncentivePlan, key: keyof IncentiveRates, tier: string | null, type: string | null): number {
  const byTier = tier === null ? undefined : plan.tiers?.[normalizeTerm(tier)]?.[key];
  if (byTier !== undefined) return byTier;
  const byType = type === null ? undefined : plan.types?.[normalizeTerm(type)]?.[key];
  if (byType !== undefined) return byType;
  return plan[key] ?? 0;
}

/** The JSON Schema of the `incentives` setting, for the settings file's schema. */
export function incentivesSchema(): Record<string, unknown> {
  const rate = { type: 'number', minimum: 0, maximum: 1 };
  const money = { type: 'number', minimum: 0 };
  const rates = { type: 'object', additionalProperties: false,
    properties: { sourced: rate, influenced: rate, resold: rate, sourcedDealBonus: money } };
  return {
    type: ['object', 'null'], additionalProperties: false,
    description: 'Payout rates on won credited revenue per motion (0.1 = 10%), per tier and type, a bonus per sourced deal, a cap per partner per period and a minimum deal size.',
    properties: { ...rates.properties, tiers: { type: 'object', additionalProperties: rates },
      types: { type: 'object', additionalProperties: rates }, capPerPartnerPerPeriod: { type: ['number', 'null'], minimum: 0 }, minimumDealSize: money },
  };
}
