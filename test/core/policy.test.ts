/** The policy object (SPEC 3-5): frozen defaults, validation naming the key, and a JSON schema that agrees. */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY, POLICY_KEYS, resolvePolicy, resolveConfigFile, policyJsonSchema, AttributionError } from '../../src/core';

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(policyJsonSchema());

describe('the policy', () => {
  it('has frozen defaults that cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.activityWeights)).toBe(true);
    const copy = resolvePolicy({ influenceModel: 'first' });
    expect(copy.influenceModel).toBe('first');
    expect(DEFAULT_POLICY.influenceModel).toBe('even');
  });

  it('documents every setting in one descriptor, and the defaults pass the JSON schema', () => {
    expect(Object.keys(POLICY_KEYS).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
    expect(validate(JSON.parse(JSON.stringify(DEFAULT_POLICY)))).toBe(true);
  });

  it.each([
    [{ influenceModle: 'even' }, /Unknown policy setting "influenceModle"/],
    [{ influenceThreshold: -1 }, /"influenceThreshold" must be a number from 0 to 1000/],
    [{ conflictPolicy: 'vote' }, /"conflictPolicy" must be one of "precedence", "split", "flag"/],
    [{ fiscalYearStartMonth: 13 }, /"fiscalYearStartMonth" must be a whole number from 1 to 12/],
    [{ activityWeights: { demo: 'high' } }, /"activityWeights" must be non-negative numbers/],
    [{ reportingCurrency: 'dollars' }, /"reportingCurrency" must be a three-letter currency code/],
    [{ wonStages: ['Done'], lostStages: ['done'] }, /cannot be both won and lost/],
  ])('refuses %p with a message naming the key, as the schema does', (input, message) => {
    expect(() => resolvePolicy(input)).toThrow(AttributionError);
    expect(() => resolvePolicy(input)).toThrow(message);
    if (!/won and lost/.test(String(message))) expect(validate(input)).toBe(false);
  });

  it('accepts the example policy file in examples/, which editors can check against the schema', () => {
    const example = JSON.parse(readFileSync(path.resolve(__dirname, '../../examples/policy.json'), 'utf8'));
    expect(validate(example)).toBe(true);
    expect(resolvePolicy(example).influenceModel).toBe(example.influenceModel);
    const schemaFile = JSON.parse(readFileSync(path.resolve(__dirname, '../../examples/policy.schema.json'), 'utf8'));
    expect(schemaFile).toEqual(policyJsonSchema());
  });
});

describe('a settings file with a column mapping (SPEC 2.1: a mapping wins over detection)', () => {
  it('splits the mapping off the policy, and names a bad field', () => {
    expect(resolveConfigFile({ influenceModel: 'first', mapping: { amount: 'Amount (USD)', partner: null, stage: 3 } }).mapping)
      .toEqual({ amount: 'Amount (USD)', partner: null, stage: 3 });
    expect(() => resolveConfigFile({ mapping: { amountt: 'x' } })).toThrow(/Unknown field "amountt" in "mapping"/);
    expect(() => resolveConfigFile({ mapping: { amount: true } })).toThrow(/"mapping.amount" must be a header text/);
    expect(validate({ mapping: { amount: 'Amount (USD)' } })).toBe(true);
    expect(validate({ mapping: { amountt: 'x' } })).toBe(false);
  });
});
