/**
 * The rules' vocabulary (src/core/vocabulary.ts) is the one list each consumer derives from: every
 * influence model has a label, an engine form, an SQL form of its own and a place in the policy
 * schema; every conflict policy, motion and status has its label and its SQL form.
 */
import {
  CONFLICT_POLICIES, CONFLICT_POLICY_LABEL, INFLUENCE_MODEL_LABEL, INFLUENCE_MODELS, MOTION_LABEL, MOTIONS, STATUS_LABEL, STATUSES,
} from '../../src/core/vocabulary';
import { INFLUENCE_SHARE_SQL, SOURCER_FILTER } from '../../src/core/sql/ruleCtes';
import { sqlDialect } from '../../src/core/sql/sqlDialect';
import { compilePolicyToSql } from '../../src/core/sql/compilePolicyToSql';
import { POLICY_KEYS, policyJsonSchema, resolvePolicy } from '../../src/core/policy';
import { influenceShares } from '../../src/core/credit/influenceShares';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/functionList';
import type { Influencer } from '../../src/core/classify/Influencer';

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The influence-share CTE of the compiled DuckDB script for one model. */
const shareCte = (influenceModel: string): string => {
  const sql = compilePolicyToSql({ policy: { influenceModel }, dialect: 'duckdb', dealsTable: 'deals', touchesTable: 'touches' });
  const start = sql.indexOf('pa_influence_share AS');
  expect(start).toBeGreaterThan(0);
  return sql.slice(start, sql.indexOf('pa_share_total AS', start));
};

describe('the vocabulary', () => {
  it('gives every influence model a label, its own SQL form and a place in the policy', () => {
    const duckdb = sqlDialect('duckdb');
    for (const model of INFLUENCE_MODELS) {
      expect(typeof INFLUENCE_MODEL_LABEL[model]).toBe('string');
      expect(INFLUENCE_MODEL_LABEL[model].length).toBeGreaterThan(0);
      expect(own(INFLUENCE_SHARE_SQL, model)).toBe(true);
      expect(INFLUENCE_SHARE_SQL[model](duckdb, 30).share.length).toBeGreaterThan(0);
      expect(resolvePolicy({ influenceModel: model }).influenceModel).toBe(model);
    }
    expect(Object.keys(INFLUENCE_SHARE_SQL).sort()).toEqual([...INFLUENCE_MODELS].sort());
    expect(Object.keys(INFLUENCE_MODEL_LABEL).sort()).toEqual([...INFLUENCE_MODELS].sort());
    expect(new Set(Object.values(INFLUENCE_MODEL_LABEL)).size).toBe(INFLUENCE_MODELS.length);
  });

  it('compiles each influence model to a share of its own: none falls through to another', () => {
    const ctes = INFLUENCE_MODELS.map(shareCte);
    expect(new Set(ctes).size).toBe(INFLUENCE_MODELS.length);
  });

  it('has an engine form for every influence model', () => {
    const influencers: Influencer[] = [1, 2, 3].map((seq) => ({ partner: seq, firstDay: seq, lastDay: seq, kind: 1, seq, weight: seq, ages: [seq], evidence: [] }));
    for (const model of INFLUENCE_MODELS) {
      const shares = influenceShares(influencers, model, 30);
      expect(shares).toHaveLength(3);
      for (const share of shares) expect(Number.isFinite(share)).toBe(true);
    }
  });

  it('is the policy schema\'s and the custom functions\' list of models and conflict policies', () => {
    expect(POLICY_KEYS.influenceModel).toEqual({ kind: 'enum', values: INFLUENCE_MODELS });
    expect(POLICY_KEYS.conflictPolicy).toEqual({ kind: 'enum', values: CONFLICT_POLICIES });
    const properties = policyJsonSchema().properties as Record<string, { enum: string[] }>;
    expect(properties.influenceModel!.enum).toEqual([...INFLUENCE_MODELS]);
    expect(properties.conflictPolicy!.enum).toEqual([...CONFLICT_POLICIES]);
    const modelParam = CUSTOM_FUNCTIONS.find((f) => f.id === 'CREDIT')!.params.find((p) => p.name === 'model')!;
    for (const model of INFLUENCE_MODELS) expect(modelParam.description).toContain(model);
  });

  it('gives every conflict policy a label and its SQL sourcer rule', () => {
    for (const policy of CONFLICT_POLICIES) {
      expect(CONFLICT_POLICY_LABEL[policy].length).toBeGreaterThan(0);
      expect(own(SOURCER_FILTER, policy)).toBe(true);
      expect(resolvePolicy({ conflictPolicy: policy }).conflictPolicy).toBe(policy);
    }
    expect(new Set(CONFLICT_POLICIES.map((p) => SOURCER_FILTER[p])).size).toBe(CONFLICT_POLICIES.length);
  });

  it('labels every motion and status as the reports write them', () => {
    expect(MOTIONS.map((m) => MOTION_LABEL[m])).toEqual(['Sourced', 'Influenced', 'Resold', 'Direct']);
    expect(STATUSES.map((s) => STATUS_LABEL[s])).toEqual(['Won', 'Lost', 'Open']);
  });
});
