/**
 * The BigQuery and Spark scripts differ from the DuckDB script only inside the dialect's own
 * spellings (sqlDialect.ts), and node-sql-parser reads the BigQuery script with its BigQuery grammar.
 * The Spark scripts are read whole, without substitutions, by Spark's own grammar: sparkScripts.test.ts.
 */
import { Parser } from 'node-sql-parser';
import { compilePolicyToSql, compileWithDialect } from '../../src/core/sql/compilePolicyToSql';
import type { CompileSqlOptions } from '../../src/core/sql/compilePolicyToSql';
import { sqlDialect } from '../../src/core/sql/sqlDialect';
import type { SqlDialect, SqlDialectName } from '../../src/core/sql/sqlDialect';
import { isAttributionError } from '../../src/core/AttributionError';

const OPEN = '\u27e6';
const CLOSE = '\u27e7';

/** The dialect with every spelling it owns wrapped in markers naming the helper. */
function marked(d: SqlDialect): SqlDialect {
  const wrap = (name: string, text: string): string => `${OPEN}${name}:${text}${CLOSE}`;
  const fn = <A extends unknown[]>(name: string, f: (...args: A) => string) => (...args: A): string => wrap(name, f(...args));
  return {
    ...d,
    ident: fn('ident', d.ident), table: fn('table', d.table), str: fn('str', d.str), double: fn('double', d.double),
    types: { string: wrap('string', d.types.string), double: wrap('doubleType', d.types.double), bigint: wrap('bigint', d.types.bigint), boolean: wrap('boolean', d.types.boolean) },
    today: wrap('today', d.today), nfkc: fn('nfkc', d.nfkc), replaceAll: fn('replaceAll', d.replaceAll),
    keepGroup1: fn('keepGroup1', d.keepGroup1), extractFirst: fn('extractFirst', d.extractFirst), tryDouble: fn('tryDouble', d.tryDouble), matches: fn('matches', d.matches), extractAll: fn('extractAll', d.extractAll),
    splitComma: fn('splitComma', d.splitComma), explode: fn('explode', d.explode), money: fn('money', d.money),
    orderedJoin: fn('orderedJoin', d.orderedJoin), orderedSum: fn('orderedSum', d.orderedSum), createTemp: fn('createTemp', d.createTemp),
  };
}

interface MarkNode { name: string; children: (string | MarkNode)[] }

function parseMarks(text: string): (string | MarkNode)[] {
  const root: MarkNode = { name: '', children: [] };
  const stack: MarkNode[] = [root];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf(OPEN, i);
    const close = text.indexOf(CLOSE, i);
    const top = stack[stack.length - 1]!;
    if (open >= 0 && (close < 0 || open < close)) {
      if (open > i) top.children.push(text.slice(i, open));
      const colon = text.indexOf(':', open);
      const node: MarkNode = { name: text.slice(open + 1, colon), children: [] };
      top.children.push(node);
      stack.push(node);
      i = colon + 1;
    } else if (close >= 0) {
      if (close > i) top.children.push(text.slice(i, close));
      stack.pop();
      i = close + 1;
    } else {
      top.children.push(text.slice(i));
      break;
    }
  }
  return root.children;
}

/** Re-emits marked text: `replace` may swap a helper's whole span for something else. */
function emit(nodes: (string | MarkNode)[], replace: (node: MarkNode) => string | null): string {
  return nodes.map((n) => (typeof n === 'string' ? n : replace(n) ?? emit(n.children, replace))).join('');
}

const OPTIONS: Omit<CompileSqlOptions, 'dialect'>[] = [
  { dealsTable: 'sales.opportunities', touchesTable: 'sales.touches', policy: {} },
  { dealsTable: 'sales.opportunities', touchesTable: 'sales.touches', output: 'partners',
    policy: { influenceModel: 'weighted', conflictPolicy: 'flag', sourcedShare: 0.6, resoldCountsAs: 'sourced' } },
  { dealsTable: 'sales.opportunities', output: 'credits', policy: { influenceModel: 'time-decay', conflictPolicy: 'split' },
    mapping: { won: 'is_won', closed: 'is_closed', order: 'created_at' } },
  { dealsTable: 'sales.opportunities', touchesTable: 'sales.touches', policy: { influenceModel: 'last', reportingCurrency: 'EUR', asOfDate: '2024-12-31' } },
  { dealsTable: 'sales.opportunities', touchesTable: 'sales.touches', output: 'deals', policy: { influenceModel: 'position', sourcedShare: 0.5 } },
  // As `sql --detect` compiles it: the export's own column names, and every column of its header read for subtotal labels.
  { dealsTable: 'sales.opportunities', policy: {},
    mapping: { id: 'Opportunity ID', amount: 'Amount', stage: 'Stage', closeDate: 'Close Date', partner: 'Partner Account', order: 'row_number',
      name: null, currency: null, created: null, leadSource: null, sourcingPartner: null, partnerRole: null, influencers: null, reseller: null,
      deployer: null, registrationPartner: null, registrationDate: null, registrationStatus: null, partnerTier: null, partnerType: null, region: null },
    exportHeaders: ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Partner Account', 'Opportunity Owner'] },
];

const statements = (script: string): string[] => script.split(/;\n/).map((s) => s.split('\n').filter((l) => !l.startsWith('--')).join('\n').trim()).filter((s) => s !== '');

describe('the BigQuery and Spark scripts', () => {
  for (const dialect of ['bigquery', 'spark'] as const) {
    it(`differ from the DuckDB script only in ${dialect}'s own spellings`, () => {
      for (const options of OPTIONS) {
        const neutral = (d: SqlDialectName): string => {
          const dialectObject = marked(sqlDialect(d));
          const text = compileWithDialect(options, dialectObject).split('\n').filter((l) => !l.startsWith('--')).join('\n');
          const withoutPreamble = dialectObject.preamble.reduce((t, p) => t.replace(`${p};`, ''), text);
          return emit(parseMarks(withoutPreamble), (node) => `<${node.name}>`).replace(/\n{2,}/g, '\n').trim();
        };
        expect(neutral(dialect)).toBe(neutral('duckdb'));
      }
    });
  }

  // Ordered aggregates (STRING_AGG ... ORDER BY, ARRAY_AGG ... ORDER BY) are BigQuery features the grammar lacks.
  const BIGQUERY_PARSER_GAPS: Record<string, string> = { orderedJoin: "MAX('')", orderedSum: 'SUM(0)' };
  it('are accepted statement by statement by node-sql-parser\'s bigquery grammar', () => {
    const parser = new Parser();
    let parsed = 0;
    for (const options of OPTIONS) {
      const d = marked(sqlDialect('bigquery'));
      const script = compileWithDialect(options, d);
      const body = d.preamble.reduce((t, p) => t.replace(`${p};`, ''), script);
      for (const statement of statements(body)) {
        const sql = emit(parseMarks(statement), (node) => (node.name === 'createTemp' ? '' : BIGQUERY_PARSER_GAPS[node.name] ?? null)).trim();
        expect(() => parser.astify(sql, { database: 'bigquery' })).not.toThrow();
        parsed++;
      }
    }
    expect(parsed).toBeGreaterThan(40);
  });

  it('start BigQuery with the ordered-sum function that keeps the engine rounding', () => {
    const script = compilePolicyToSql({ dialect: 'bigquery', dealsTable: 'p.d.deals' });
    expect(script).toContain('CREATE TEMP FUNCTION pa_ordered_sum(xs ARRAY<FLOAT64>) RETURNS FLOAT64 LANGUAGE js');
    expect(script).toContain('CREATE OR REPLACE TEMP TABLE pa_partners AS');
    expect(compilePolicyToSql({ dialect: 'spark', dealsTable: 'd.deals' })).toContain('CREATE OR REPLACE TEMPORARY VIEW pa_partners AS');
  });
});

describe('compilePolicyToSql refuses what it cannot mirror', () => {
  const message = (f: () => unknown): string => {
    try { f(); } catch (e) { if (isAttributionError(e)) return e.message; throw e; }
    throw new Error('no error');
  };
  it('names the unknown dialect and the ones it knows', () => {
    expect(message(() => compilePolicyToSql({ dialect: 'oracle', dealsTable: 'deals' }))).toMatch(/Unknown SQL dialect "oracle".*bigquery, spark, duckdb/);
  });
  it('asks for column names, not positions', () => {
    expect(message(() => compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', mapping: { amount: 3 } }))).toMatch(/not position/);
  });
  it('needs an amount column and an order or Deal ID column', () => {
    expect(message(() => compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', mapping: { amount: null } }))).toMatch(/needs "amount"/);
    expect(message(() => compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', mapping: { id: null } }))).toMatch(/needs "order"/);
  });
  it('refuses table names that are not plain names', () => {
    expect(message(() => compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals; DROP TABLE x' }))).toMatch(/not a plain table name/);
  });
  it('reports a bad policy setting by name', () => {
    expect(message(() => compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', policy: { influenceModel: 'linear' } }))).toMatch(/influenceModel/);
  });
});
