/**
 * Hostile keys and shapes (issue 14): partners, activities, stages and currencies named like the keys
 * every JavaScript object has behave like any other name in the engine, the tabs and the CLI's JSON;
 * settings files and saved settings refuse object-internal keys, two fields in one column and deep nesting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { analyze, buildReportTabs, parseSettings, resolveConfigFile, resolvePolicy, toSummaryJson } from '../../src/core';
import type { Grid, Summary } from '../../src/core';
import { OBJECT_KEY_NAMES } from './corpus/badValues';
import { buildCli, isOneCleanLine, repoRoot, runCli, tempDir } from '../cli/cliHarness';

const HEADER = ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Currency', 'Created Date', 'Close Date', 'Lead Source',
  'Sourcing Partner', 'Influencing Partners', 'Reseller'];
const DEALS: Grid = [HEADER,
  ['H-1', 'Proto renewal', 'Closed Won', 1000, 'USD', '2024-01-10', '2024-03-01', 'Partner Referral', '__proto__', 'constructor; toString', ''],
  ['H-2', 'Resold', 'Closed Won', 600, 'USD', '2024-01-10', '2024-03-05', 'Web', '', '', 'hasOwnProperty'],
  ['H-3', 'Odd stage', '__proto__', 300, 'USD', '2024-01-10', '', 'Web', '', 'valueOf', ''],
  ['H-4', 'Odd currency', 'Closed Won', 200, '__proto__', '2024-01-10', '2024-03-07', 'Web', '', 'Globex', ''],
  ['H-5', 'Touched', 'Closed Won', 400, 'USD', '2024-01-10', '2024-03-09', 'Web', '', '', ''],
];
const TOUCHES: Grid = [['Deal ID', 'Partner', 'Activity', 'Date'],
  ['H-5', 'prototype', 'constructor', '2024-02-01'],
  ['H-5', 'Globex', 'toString', '2024-02-02'],
];

const own = (o: object): string[] => Object.keys(o);

describe('names that every JavaScript object has as keys', () => {
  const analysis = analyze({ deals: DEALS, touches: TOUCHES });
  const summary = toSummaryJson(analysis);
  const deal = (id: string): Summary['deals'][number] => summary.deals.find((d) => d.id === id)!;

  it('are partners like any other, credited in deals[].credits and listed in partners[]', () => {
    expect(deal('H-1').sourcingPartner).toBe('__proto__');
    expect(deal('H-1').influencers).toEqual(['constructor', 'toString']);
    expect(own(deal('H-1').credits)).toEqual(['__proto__']);
    expect(deal('H-1').credits.__proto__).toBe(1000);
    expect(own(deal('H-3').credits)).toEqual(['valueOf']);
    expect(own(deal('H-2').credits)).toEqual(['hasOwnProperty']);
    const names = summary.partners.map((p) => p.partner);
    for (const name of OBJECT_KEY_NAMES) expect(names).toContain(name);
    expect(summary.partners.find((p) => p.partner === '__proto__')!.sourcedRevenue).toBe(1000);
  });

  it('as touch activities take the default weight, not NaN, and as set in activityWeights their own', () => {
    // Two touches at the default 0.5 each reach the 0.5 threshold: both partners influenced H-5.
    expect(deal('H-5').influencers.sort()).toEqual(['Globex', 'prototype']);
    expect(Object.values(deal('H-5').credits).reduce((a, b) => a + b, 0)).toBe(400);
    const light = analyze({ deals: DEALS, touches: TOUCHES }, { policy: { activityWeights: { constructor: 0.1, tostring: 2 } } });
    expect(toSummaryJson(light).deals.find((d) => d.id === 'H-5')!.influencers).toEqual(['Globex']);
  });

  it('as a stage or a currency are read as text: an unknown stage is open, an unknown currency has no rate', () => {
    expect(deal('H-3').status).toBe('open');
    expect(summary.issues.some((i) => i.code === 'CURRENCY_NO_RATE' && i.row === 5)).toBe(true);
    expect(summary.totals.revenue).toBe(2000);
  });

  it('appear in the Partner Summary and Deal Attribution tabs', () => {
    const tabs = buildReportTabs(analysis);
    const text = (name: string): string[] => tabs.find((t) => t.name === name)!.blocks.flatMap((b) => b.values.flat()).map(String);
    for (const name of OBJECT_KEY_NAMES) expect(text('Partner Summary')).toContain(name);
    expect(text('Deal Attribution').some((cell) => cell.includes('__proto__: 1,000.00'))).toBe(true);
  });
});

describe('the CLI with such names, end to end', () => {
  beforeAll(() => buildCli());
  const dir = tempDir('pa-hostile-');
  const csv = (grid: Grid): string => `${grid.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;

  it('--json keeps "__proto__" and "constructor" as own keys of deals[].credits, valid against the contract', () => {
    writeFileSync(path.join(dir, 'deals.csv'), csv(DEALS));
    writeFileSync(path.join(dir, 'touches.csv'), csv(TOUCHES));
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', path.join(dir, 'deals.csv'), '--touches', path.join(dir, 'touches.csv'), '--json', json, '--out', path.join(dir, 'r.xlsx')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(json, 'utf8');
    expect(text).toContain('"__proto__": 1000');
    const summary = JSON.parse(text) as Summary;
    const h1 = summary.deals.find((d) => d.id === 'H-1')!;
    expect(Object.prototype.hasOwnProperty.call(h1.credits, '__proto__')).toBe(true);
    expect(own(h1.credits)).toEqual(['__proto__']);
    expect(h1.influencers).toEqual(['constructor', 'toString']);
    expect(own(summary.deals.find((d) => d.id === 'H-2')!.credits)).toEqual(['hasOwnProperty']);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'summary.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(summary)).toBe(true);
  });

  const refuses = (name: string, content: string, message: RegExp): void => {
    it(`refuses a --config file with ${name} in one line, exit 1`, () => {
      const config = path.join(dir, `${name.replace(/\W+/g, '_')}.json`);
      writeFileSync(config, content);
      const run = runCli(['report', path.join(dir, 'deals.csv'), '--config', config, '--json', path.join(dir, 'x.json')]);
      expect(run.code).toBe(1);
      expect(isOneCleanLine(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(message);
    });
  };
  refuses('"__proto__"', '{"__proto__": {"influenceModel": "first"}}', /Unknown setting "__proto__"/);
  refuses('"constructor"', '{"constructor": {"name": "x"}}', /Unknown setting "constructor"/);
  refuses('"prototype"', '{"prototype": 1}', /Unknown setting "prototype"/);
  refuses('"__proto__" in mapping', '{"mapping": {"__proto__": "Amount"}}', /"__proto__"/);
  refuses('two fields in one column', '{"mapping": {"amount": "Amount", "id": " amount "}}', /both "amount" and "id"/);
  refuses('a field named by header and by number', '{"mapping": {"amount": 3, "id": "Amount"}}', /both Amount and Deal ID in the column "Amount"/);
  refuses('100,000 levels of nesting', `{"influenceModel": ${'['.repeat(100000)}${']'.repeat(100000)}}`, /nested more than 16 levels/);

  it('`sql --dialect constructor` (and __proto__, toString) exits 1 naming the dialects', () => {
    for (const dialect of ['constructor', '__proto__', 'toString']) {
      const run = runCli(['sql', '--dialect', dialect]);
      expect(run.code).toBe(1);
      expect(isOneCleanLine(run.stderr)).toBe(true);
      expect(run.stderr).toContain(`Unknown SQL dialect "${dialect}". Choose one of: bigquery, spark, duckdb.`);
    }
  });

  it('`sql --mapping` refuses a deeply nested file and two fields in one column', () => {
    const deep = path.join(dir, 'deep-mapping.json');
    writeFileSync(deep, `{"touches": ${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}}`);
    const run = runCli(['sql', '--dialect', 'duckdb', '--mapping', deep]);
    expect(run.code).toBe(1);
    expect(isOneCleanLine(run.stderr)).toBe(true);
    const twice = path.join(dir, 'twice-mapping.json');
    writeFileSync(twice, '{"amount": "amount_usd", "name": "amount_usd"}');
    expect(runCli(['sql', '--dialect', 'duckdb', '--mapping', twice]).stderr).toMatch(/both "amount" and "name" in the column "amount_usd"/);
  });
});

describe('the settings parsers', () => {
  it('resolvePolicy refuses object-internal setting names by name and keeps activity names as data', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(() => resolvePolicy(JSON.parse(`{"${key}": 1}`))).toThrow(`Unknown policy setting "${key}"`);
    }
    expect(() => resolvePolicy({ toString: 1 })).toThrow(/Unknown policy setting "toString"/);
    const policy = resolvePolicy(JSON.parse('{"activityWeights": {"constructor": 2, "__proto__": 3}}'));
    expect(policy.activityWeights.constructor).toBe(2);
    expect(Object.keys(policy.activityWeights)).toContain('proto'); // "__proto__" as a term: underscores are spaces
    expect(Object.getPrototypeOf(resolvePolicy().activityWeights)).toBeNull();
  });

  it('resolveConfigFile refuses a mapping with an object-internal field or two fields in one column', () => {
    expect(() => resolveConfigFile(JSON.parse('{"mapping": {"constructor": "Amount"}}'))).toThrow(/"constructor"/);
    expect(() => resolveConfigFile({ mapping: { amount: 2, stage: 2 } })).toThrow(/both "amount" and "stage" in column 3/);
  });

  it('the hosts\' saved settings fall back to the defaults with a warning naming the problem', () => {
    const saved = (body: string): string => `{"version": 1, "tab": "Deals", ${body}}`;
    for (const [body, why] of [
      ['"policy": {"__proto__": {"influenceModel": "first"}}', 'Unknown policy setting "__proto__"'],
      ['"policy": {"constructor": 1}', 'Unknown policy setting "constructor"'],
      ['"mapping": {"prototype": "Amount"}', '"prototype"'],
      ['"mapping": {"amount": "Amount", "id": "Amount"}', 'both "amount" and "id"'],
      [`"policy": {"wonStages": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'nested more than 16 levels'],
    ] as const) {
      const { settings, warning } = parseSettings(saved(body));
      expect(settings.tab).toBeNull();
      expect(warning).toContain('could not be read');
      expect(warning).toContain(why);
    }
  });
});
