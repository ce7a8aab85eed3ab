/**
 * Every Spark script the product emits is read, exactly as printed (comments included, nothing
 * substituted), by Spark SQL's own grammar: dt-sql-parser's SparkSQL, an ANTLR parser generated from
 * an adaptation of Apache Spark 3.5's SqlBaseLexer.g4 / SqlBaseParser.g4. A script passes when the
 * parser reports no syntax error at all, splits it into the statements the compiler wrote, and sees
 * the temporary views it creates.
 *
 * A grammar checks syntax, not names: a function Spark lacks (BigQuery's GENERATE_UUID()) is still a
 * well-formed call. No Spark runs here; the DuckDB twin of each script is what runs against the engine.
 *
 * dt-sql-parser 4.5.1 parses in ANTLR's SLL prediction mode only (Spark's own parser retries a failed
 * SLL parse in full LL mode). SLL rejects a parenthesised subtraction of a function call,
 * "(x - FLOOR(x))", which Spark accepts; the allocation step (pa_line_floor) therefore writes
 * "(exact - (FLOOR(exact + 1e-9)))", the same value, which both modes read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlCommand } from '../../src/cli/sqlCommand';
import type { SqlCommandOptions } from '../../src/cli/sqlCommand';
import { compileWithDialect } from '../../src/core/sql/compilePolicyToSql';
import { sqlDialect } from '../../src/core/sql/sqlDialect';
import { DEFAULT_SETTINGS, detect, exportRulesAsSql } from '../../src/core';
import type { Settings, TabData } from '../../src/core';
import { parseSpark } from './sparkGrammar';

const dir = mkdtempSync(join(tmpdir(), 'pa-spark-'));
let files = 0;
const file = (name: string, text: string): string => {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, text);
  return path;
};

/** `partner-attribution sql --dialect spark ...` with the policy and mapping written to files, as a user runs it. */
async function cli(options: { policy?: object; mapping?: object } & Omit<SqlCommandOptions, 'dialect' | 'config' | 'mapping'>): Promise<string> {
  const { policy, mapping, ...rest } = options;
  const [script] = await sqlCommand({
    dialect: 'spark', ...rest,
    ...(policy ? { config: file('policy.json', JSON.stringify(policy)) } : {}),
    ...(mapping ? { mapping: file('mapping.json', JSON.stringify(mapping)) } : {}),
  });
  return `${script!}\n`;
}

const tables = { deals: 'sales.opportunities', touches: 'sales.partner_touches', overrides: 'sales.attribution_overrides' };

const csv = (rows: string[][], sep: string): string =>
  `${rows.map((r) => r.map((c) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n')}\r\n`;
const HEADER = ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Partner Account', 'Reseller', 'Influencing Partners'];

/** A German Excel's export: ";"-separated, "1.234,56 €" amounts, "18.10.2024" dates. */
const germanExport = (): string => file('opportunities-de.csv', csv([HEADER,
  ['006001', 'Müller & Söhne; Rahmenvertrag', 'Closed Won', '12.000,00 €', '02.01.2024', '18.10.2024', 'Partner Referral', 'Acme GmbH', '', 'Globex; Initech'],
  ['006002', 'Verlängerung', 'Closed Lost', '1.234,56 €', '15.03.2024', '30.06.2024', 'Web', '', 'Hooli Distribution', ''],
  ['006003', 'Pilot', 'Negotiation', '-500,00 €', '01.04.2024', '', 'Channel', 'Initech', '', 'Acme GmbH']], ';'));

/** A US Salesforce report: "$12,000.00", "(500.00)", "10/18/2024". */
const usExport = (): string => file('opportunities-us.csv', csv([HEADER,
  ['006101', 'Renewal, 2024', 'Closed Won', '$12,000.00', '1/2/2024', '10/18/2024', 'Partner Referral', 'Acme Inc.', '', 'Globex; Initech'],
  ['006102', 'Upsell', 'Closed Won', '(500.00)', '3/15/2024', '6/30/2024', 'Web', '', 'Hooli Distribution', ''],
  ['006103', 'New logo', 'Negotiation', 'USD 1200', '4/1/2024', '', 'Channel', 'Initech', '', '']], ','));

/** Amounts such as "1.000" and nothing that decides the separator: those values are left out of the money. */
const ambiguousExport = (): string => file('opportunities-ambiguous.csv', csv([HEADER,
  ['1', 'A', 'Closed Won', '1.000', '2024-01-02', '2024-10-18', 'Web', 'Acme', '', ''],
  ['2', 'B', 'Closed Won', '2,500', '2024-03-15', '2024-06-30', 'Web', '', '', '']], ','));

/** What users type into settings: apostrophes, backslashes, umlauts, a dash (terms are compared normalised: "kunde s ok"). */
const wordyPolicy = {
  wonStages: ['Closed Won', 'Gewonnen – Kunde\'s OK', 'won \\ signed'],
  lostStages: ['Closed Lost', 'Verloren'],
  partnerLeadSources: ['Partner Referral', 'Partnerempfehlung', 'O\'Neil\'s channel'],
  activityWeights: { 'Kundentermin': 0.75, 'O\'Brien workshop': 1, 'demo': 1 },
  sourcingRoles: ['referral', 'Vermittler'],
  registrationRejectedStatuses: ['rejected', 'abgelehnt'],
  dateOrder: 'DMY', decimalSeparator: ',', reportingCurrency: 'EUR', asOfDate: '2024-12-31', fiscalYearStartMonth: 4,
};

const sidebarTab: TabData = { name: 'Deals', grid: [
  ['Opportunity ID', 'Stage', 'Amount (USD)', 'Close Date', 'Partner', 'Lead Source'],
  ['1', 'Closed Won', 5000, '2024-01-01', 'Acme', 'Partner Referral'],
] };

const INFLUENCE_MODELS = ['even', 'first', 'last', 'position', 'time-decay', 'weighted'] as const;
const CONFLICT_POLICIES = ['precedence', 'split', 'flag'] as const;

/** Every Spark script the product can print: the CLI's `sql --dialect spark` in its variants, and the sidebar's "Export rules as SQL". */
const SCRIPTS: [name: string, make: () => Promise<string>, shows?: string[]][] = [
  ['sql --dialect spark (the defaults: table deals, no touches)', () => cli({})],
  ...INFLUENCE_MODELS.flatMap((influenceModel) => CONFLICT_POLICIES.map((conflictPolicy): [string, () => Promise<string>] => [
    `influenceModel ${influenceModel}, conflictPolicy ${conflictPolicy}, with touches and overrides`,
    () => cli({ policy: { influenceModel, conflictPolicy }, ...tables })])),
  ...(['deals', 'credits', 'partners'] as const).map((output): [string, () => Promise<string>] => [
    `--output ${output} (one WITH query), sourcedShare 0.6, resold counted as sourced, EUR, as of 2024-12-31`,
    () => cli({ policy: { influenceModel: 'weighted', conflictPolicy: 'split', sourcedShare: 0.6, resoldCountsAs: 'sourced', reportingCurrency: 'EUR', asOfDate: '2024-12-31' }, output, ...tables })]),
  ['a policy of users\' words (apostrophes, backslash, umlauts), day-first dates, decimal comma', () => cli({ policy: wordyPolicy, ...tables }),
    ["'gewonnen – kunde s ok'", "'won \\\\ signed'", "'o brien workshop'", 'decimal comma']],
  ['--mapping: own column names, absent fields null, a touches mapping', () => cli({
    mapping: { id: 'opportunity_id', amount: 'amount_usd', won: 'is_won', closed: 'is_closed', order: 'created_at', reseller: null, registrationPartner: null,
      touches: { dealId: 'opp_id', date: 'touch_date', weight: null } }, ...tables })],
  ['--detect a German export (";", "12.000,00 €", "18.10.2024")', () => cli({ detect: germanExport(), deals: 'crm.export_de', touches: tables.touches }),
    ['read with the decimal comma', 'dates in "Close Date" are read day first', '`Opportunity ID`']],
  ['--detect a US export ("$12,000.00", "(500.00)", "10/18/2024"), --output deals', () => cli({ detect: usExport(), output: 'deals' }),
    ['read with the decimal point', 'dates in "Close Date" are read month first', '`Partner Account`']],
  ['--detect with amounts that read two ways ("1.000"), text amounts left out', () => cli({ detect: ambiguousExport(), policy: { influenceModel: 'position' } }),
    ['values that read two ways ("1.000") are left out of the money']],
  ['--detect the example workbook (examples/deals.xlsx) with its touches', () => cli({ detect: 'examples/deals.xlsx', touches: 'crm.touches', overrides: tables.overrides })],
  ['--detect a header-only file, --mapping overriding one column', () => cli({ detect: file('header.csv', `${HEADER.join(',')}\n`), mapping: { amount: 'Amount (converted)' } })],
  ['the sidebar\'s "Export rules as SQL"', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, mapping: { amount: 'Amount (USD)' }, policy: { influenceModel: 'time-decay', conflictPolicy: 'flag' } };
    return exportRulesAsSql(detect([sidebarTab], sidebarTab, settings), settings, { dialect: 'spark', dealsTable: 'crm.deals', touchesTable: 'crm.touches' });
  }],
];

/** The statements the compiler wrote (each ends with ";" and a line break), without the comment lines. */
const writtenStatements = (script: string): string[] =>
  script.split(/;\n/).map((s) => s.split('\n').filter((l) => !l.startsWith('--')).join('\n').trim()).filter((s) => s !== '');
const viewsCreated = (script: string): string[] => [...script.matchAll(/^CREATE OR REPLACE TEMPORARY VIEW (\w+) AS$/gm)].map((m) => m[1]!);

// The first script pays for the parser's warm-up (ANTLR builds its prediction tables): about a minute on a busy machine.
const FIRST_PARSE_MS = 300_000;

describe('every Spark script, read by Spark SQL\'s own grammar (dt-sql-parser SparkSQL), exactly as printed', () => {
  for (const [name, make, shows] of SCRIPTS) {
    it(name, async () => {
      const script = await make();
      for (const text of shows ?? []) expect(script).toContain(text);
      const parsed = parseSpark(script);
      expect(parsed.errors).toEqual([]);
      const written = writtenStatements(script);
      expect(written.length).toBeGreaterThan(0);
      // The parser's statements are the compiler's, one for one and to the last character (its text keeps the ";").
      expect(parsed.statements.map((s) => s.replace(/;$/, '').trim())).toEqual(written);
      expect(parsed.createdViews).toEqual(viewsCreated(script));
      if (!/--output (deals|credits|partners)/.test(name)) expect(parsed.createdViews).toEqual(expect.arrayContaining(['pa_deals', 'pa_credits', 'pa_partners']));
    }, FIRST_PARSE_MS);
  }

  it('fails a script with one statement that is not Spark SQL (BigQuery\'s SAFE_CAST ... AS FLOAT64), naming its line', () => {
    const spark = sqlDialect('spark');
    const broken = compileWithDialect({ dealsTable: tables.deals }, { ...spark, tryDouble: sqlDialect('bigquery').tryDouble });
    const parsed = parseSpark(broken);
    expect(parsed.errors.length).toBeGreaterThan(0);
    expect(parsed.errors.map((e) => e.text).join('\n')).toContain('SAFE_CAST(');
    expect(parseSpark(compileWithDialect({ dealsTable: tables.deals }, spark)).errors).toEqual([]);
  }, FIRST_PARSE_MS);
});
