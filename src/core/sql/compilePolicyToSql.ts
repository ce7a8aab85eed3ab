/**
 * Compiles the attribution policy and a column mapping into one SQL script (common table
 * expressions) that applies the same rules as the engine inside a warehouse: BigQuery, Spark SQL
 * or DuckDB. Pure TypeScript, so the CLI and the sidebar ("Export rules as SQL") share it.
 */
import type { Policy } from '../policy';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { AttributionError } from '../AttributionError';
import { parseDateText } from '../values/parseDate';
import { sqlDialect } from './sqlDialect';
import type { SqlDialect, SqlDialectName } from './sqlDialect';
import { resolveSqlDealsMapping, resolveSqlTouchesMapping } from './sqlMapping';
import { checkSettingsDepth } from '../settingsShape';
import { SqlText } from './sqlText';
import type { Cte, CteContext, SqlDateField } from './inputCtes';
import type { SqlDateOrder } from './dateSql';
import { inputCtes } from './inputCtes';
import { ruleCtes } from './ruleCtes';
import { outputCtes, SQL_OUTPUTS } from './outputCtes';
import type { AmountLocale } from './amountSql';
import { rowColumns } from './nonDealRowsSql';

/** What the SQL produces: a script of temporary tables, or one query returning one of the results. */
export type SqlOutput = 'script' | keyof typeof SQL_OUTPUTS;

export interface CompileSqlOptions {
  /** A policy (resolved or partial, as in a --config file); defaults apply to missing settings. */
  policy?: unknown;
  /** Deals field -> column name (see DEFAULT_SQL_DEALS_MAPPING); plus `touches` for the touches table. */
  mapping?: { touches?: unknown; [field: string]: unknown } | null;
  dialect: SqlDialectName | string;
  /** The deals table, e.g. `project.dataset.opportunities` (BigQuery) or `crm.opportunities`. */
  dealsTable: string;
  /** The touches table, or null/undefined when there is none. */
  touchesTable?: string | null;
  /**
   * The Attribution Overrides table, or null/undefined when there is none: columns deal_id, motion
   * (Sourced / Influenced / Resold / Direct), partner, share (percent, NULL for an even split) and
   * line (the row's place in the table), one row per deal and partner (a Direct row has no partner).
   */
  overridesTable?: string | null;
  /**
   * 'script' (default): statements creating temporary tables pa_deals, pa_credits and pa_partners,
   * ending with a query of pa_partners. 'deals' | 'credits' | 'partners': one WITH query returning
   * that result only (for Connected Sheets, views, dashboards).
   */
  output?: SqlOutput;
  /**
   * How the amount column's text is read: its decimal separator and whether ambiguous values
   * ("1.000" with nothing deciding) are refused; `sql --detect` decides it from the export as the
   * engine does. Defaults to the policy's decimalSeparator.
   */
  amountLocale?: AmountLocale;
  /**
   * Month-first or day-first per deals date column ("10/18/2024" or "18.10.2024"); `sql --detect`
   * decides it from the export as the engine does. Columns left out follow the policy's dateOrder.
   */
  dateOrder?: Partial<Record<SqlDateField, SqlDateOrder>> | null;
  /**
   * Every column name of the deals table as exported (`sql --detect` reads them from the export's
   * header): the rules that find totals, subtotal and repeated header rows look at all of them, as
   * the engine does. Without it they look at the mapped columns only.
   */
  exportHeaders?: readonly string[] | null;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$-]*(\.[A-Za-z_][A-Za-z0-9_$-]*){0,3}$/;

const tableRef = (d: SqlDialect, name: string, what: string): string => {
  const trimmed = name.trim().replace(/^[`"]|[`"]$/g, '');
  if (!TABLE_NAME.test(trimmed)) {
    throw new AttributionError('SQL_TABLE', `The ${what} table name "${name}" is not a plain table name (letters, digits, _ and - in up to four dot-separated parts, e.g. project.dataset.deals).`);
  }
  return d.table(trimmed.split('.'));
};

/** Rules the SQL does not mirror, refused with a clear message instead of silently different SQL. */
function checkSupported(policy: Policy): void {
  const standard = DEFAULT_POLICY.sourcingEvidence;
  if (policy.sourcingEvidence.length !== standard.length || policy.sourcingEvidence.some((k, i) => k !== standard[i])) {
    throw new AttributionError('SQL_UNSUPPORTED', 'The SQL compiles the standard definition of sourcing only: remove "sourcingEvidence" from the policy (or list all five standard kinds) to export it.');
  }
  for (const activity of Object.keys(policy.activityWeights)) {
    if (activity === '') throw new AttributionError('SQL_UNSUPPORTED', 'An empty activity name in "activityWeights" cannot be compiled to SQL.');
  }
}

const header = (dialect: SqlDialectName, policy: Policy, output: SqlOutput, locale: AmountLocale): string => [
  `-- Partner Attribution rules compiled to ${dialect} SQL (${output === 'script' ? 'script: temporary tables pa_deals, pa_credits, pa_partners, pa_skipped_rows' : `one query: ${output}`}).`,
  `-- Policy: influenceModel=${policy.influenceModel}, conflictPolicy=${policy.conflictPolicy}, sourcedShare=${policy.sourcedShare},`,
  `--   resoldCountsAs=${policy.resoldCountsAs}, influenceThreshold=${policy.influenceThreshold}, asOfDate=${policy.asOfDate ?? 'today'}.`,
  `-- Amount text is read with the decimal ${locale.decimalSeparator === ',' ? 'comma ("1.234,56")' : 'point ("1,234.56")'}${
    locale.ambiguous ? ', and values that read two ways ("1.000") are left out of the money' : ''}.`,
  '-- Generated by partner-attribution; edit the policy and regenerate rather than editing this text.',
].join('\n');

/**
 * The SQL for `options`. Throws AttributionError for an unknown dialect, a bad mapping or table
 * name, or a policy the SQL cannot mirror (naming the rule).
 */
export function compilePolicyToSql(options: CompileSqlOptions): string {
  return compileWithDialect(options, sqlDialect(options.dialect));
}

/** `compilePolicyToSql` with a dialect object instead of a name (tests wrap dialects to see where they differ). */
export function compileWithDialect(options: Omit<CompileSqlOptions, 'dialect'>, d: SqlDialect): string {
  const policy = resolvePolicy(options.policy);
  checkSupported(policy);
  checkSettingsDepth(options.mapping);
  const { touches: touchesMapping, ...dealsMapping } = options.mapping ?? {};
  const deals = resolveSqlDealsMapping(dealsMapping);
  const touchesTable = options.touchesTable ? tableRef(d, options.touchesTable, 'touches') : null;
  const touches = touchesTable ? resolveSqlTouchesMapping(touchesMapping) : null;
  const overridesTable = options.overridesTable ? tableRef(d, options.overridesTable, 'overrides') : null;
  const output: SqlOutput = options.output ?? 'script';
  if (!(['script', ...Object.keys(SQL_OUTPUTS)] as string[]).includes(output)) {
    throw new AttributionError('SQL_OUTPUT', `Unknown SQL output "${output}". Choose script, deals, credits or partners.`);
  }
  let asOf = d.today;
  if (policy.asOfDate !== null) {
    const day = parseDateText(policy.asOfDate, 'MDY');
    if (day === null) throw new AttributionError('BAD_POLICY', `Policy setting "asOfDate" is not a real date: ${policy.asOfDate}.`);
    asOf = String(day);
  }
  const amountLocale: AmountLocale = options.amountLocale ?? { decimalSeparator: policy.decimalSeparator, ambiguous: false };
  const ctx: CteContext = {
    d, text: new SqlText(d), policy, deals, touches,
    dealsTable: tableRef(d, options.dealsTable, 'deals'), touchesTable, overridesTable, asOf,
    amountLocale, dateOrder: options.dateOrder ?? {}, rowColumns: rowColumns(deals, options.exportHeaders ?? null),
  };
  const ctes: Cte[] = [...inputCtes(ctx), ...ruleCtes(ctx), ...outputCtes(ctx)];
  const parts: string[] = [header(d.name, policy, output, amountLocale), ...d.preamble.map((s) => `${s};`)];
  if (output === 'script') {
    for (const cte of ctes) parts.push(`${d.createTemp(cte.name)}\n${cte.sql};`);
    parts.push(`SELECT * FROM ${SQL_OUTPUTS.partners} ORDER BY creditedRevenue DESC, creditedPipeline DESC, partner;`);
  } else {
    const target = SQL_OUTPUTS[output];
    const order = output === 'partners' ? ' ORDER BY creditedRevenue DESC, creditedPipeline DESC, partner'
      : output === 'credits' ? ' ORDER BY rowNumber, line' : ' ORDER BY rowNumber';
    parts.push(`WITH\n${ctes.map((c) => `${c.name} AS (\n${c.sql}\n)`).join(',\n')}\nSELECT * FROM ${target}${order}`);
  }
  return `${parts.join('\n\n')}\n`;
}
