/**
 * The CTEs that read the warehouse tables as the engine reads a sheet: typed deal rows in sheet
 * order, status, cents, repeated Deal IDs, partner cells split into names, touches, and the
 * partner registry (one display name per matching key).
 */
import type { Policy } from '../policy';
import type { SqlDialect } from './sqlDialect';
import type { SqlDealField, SqlTouchField } from './sqlMapping';
import type { SqlText } from './sqlText';
import { MAX_KNOWN_PIECES } from '../table/splitPartners';
import type { AmountLocale } from './amountSql';
import { amountQuery, resolveMarkSql, usualOfMarkSql } from './amountSql';
import { DateSql } from './dateSql';
import { nonDealCtes, rowColumnSelect } from './nonDealRowsSql';
import type { RowColumn } from './nonDealRowsSql';
import type { SqlDateOrder } from './dateSql';

/** The deals fields that hold dates. */
export type SqlDateField = 'created' | 'closeDate' | 'registrationDate';

/** One named step of the script. */
export interface Cte { name: string; sql: string }

/** What every CTE builder gets. */
export interface CteContext {
  d: SqlDialect;
  text: SqlText;
  policy: Policy;
  deals: Partial<Record<SqlDealField, string>>;
  touches: Partial<Record<SqlTouchField, string>> | null;
  dealsTable: string;
  touchesTable: string | null;
  /**
   * The overrides table (columns deal_id, motion, partner, share, line: one row per deal and partner,
   * `line` the row's place in the table), or null when there is none.
   */
  overridesTable: string | null;
  /** "Today" for open deals, as an SQL integer expression (days since 1970-01-01). */
  asOf: string;
  /** How amount text is read (decimal separator decided for the column). */
  amountLocale: AmountLocale;
  /** Month-first or day-first per date column (`sql --detect` decides it from the export as the engine does); else the policy's dateOrder. */
  dateOrder: Partial<Record<SqlDateField, SqlDateOrder>>;
  /** The columns the non-deal row rules look at (every column of the export's header with `--detect`, else the mapped ones). */
  rowColumns: readonly RowColumn[];
}

/** Partner fields in the order the engine meets them on a row (it matters for "first seen" names). */
export const PARTNER_FIELDS = ['sourcingPartner', 'partner', 'influencers', 'reseller', 'deployer', 'registrationPartner'] as const;
/** Field numbers used in the SQL for the partner fields. */
export const F = { sourcing: 0, partner: 1, influencers: 2, reseller: 3, deployer: 4, registrant: 5 } as const;

/** `expr IN (...)` over policy terms; FALSE for an empty list. */
export const inList = (d: SqlDialect, expr: string, values: readonly string[]): string =>
  values.length === 0 ? 'FALSE' : `${expr} IN (${values.map((v) => d.str(v)).join(', ')})`;

/** The engine's toCents: cents of a DOUBLE amount, half away from zero, robust to binary fractions. */
const toCents = (d: SqlDialect, amount: string): string => {
  const scaled = `(${amount} * 100)`;
  return `CAST(CASE WHEN ABS(${scaled} - FLOOR(${scaled} + 0.5)) < 1e-6 THEN FLOOR(${scaled} + 0.5)
      ELSE SIGN(${scaled}) * FLOOR(ABS(ROUND(${scaled}, 6)) + 0.5) END AS ${d.types.bigint})`;
};

export function inputCtes(ctx: CteContext): Cte[] {
  const { d, text, policy, deals } = ctx;
  const col = (field: SqlDealField): string | null => (deals[field] ? `s.${d.ident(deals[field]!)}` : null);
  const textOf = (field: SqlDealField): string => {
    const c = col(field);
    return c ? text.cellText(c) : "''";
  };
  const dates = new DateSql(d);
  const orderOf = (field: SqlDateField): SqlDateOrder => ctx.dateOrder[field] ?? policy.dateOrder;
  const boolOf = (field: SqlDealField): string => {
    const c = col(field);
    return c ? `CAST(${c} AS ${d.types.boolean})` : `CAST(NULL AS ${d.types.boolean})`;
  };
  const order = deals.order ? `s.${d.ident(deals.order)}` : textOf('id');
  const ctes: Cte[] = [];

  const rawColumns: [string, string][] = [
    [textOf('id'), 'deal_id'], [textOf('stage'), 'stage_text'], [text.term(textOf('stage')), 'stage_key'],
    [boolOf('won'), 'won_flag'], [boolOf('closed'), 'closed_flag'], [textOf('amount'), 'amount_text'],
    [`UPPER(${textOf('currency')})`, 'currency_col'], [textOf('created'), 'created_text'], [textOf('closeDate'), 'close_text'],
    [textOf('registrationDate'), 'reg_text'], [text.term(textOf('leadSource')), 'lead_source'], [text.term(textOf('partnerRole')), 'role'],
    [text.term(textOf('registrationStatus')), 'reg_status'], [textOf('partnerTier'), 'tier'], [textOf('partnerType'), 'ptype'],
    [textOf('region'), 'region'],
    ...PARTNER_FIELDS.map((field, i): [string, string] => {
      const c = col(field);
      return [c ? `CAST(${c} AS ${d.types.string})` : `CAST(NULL AS ${d.types.string})`, `f${i}`];
    }),
  ];
  // Every row of the table in its order, with the raw cells the non-deal rules look at (nonDealRowsSql.ts).
  ctes.push({ name: 'pa_deal_all', sql: `SELECT
  ROW_NUMBER() OVER (ORDER BY ${order}) AS rk,
  ${[...rawColumns.map(([expr, alias]) => `${expr} AS ${alias}`), ...rowColumnSelect(d, ctx.rowColumns)].join(',\n  ')}
FROM ${ctx.dealsTable} AS s` });

  // Amount text read as the engine reads it, and what currency it names (amountSql.ts).
  ctes.push({ name: 'pa_amount', sql: amountQuery(d, text, 'pa_deal_all', ctx.amountLocale) });
  // Totals and subtotal rows, repeated headers, footers and blank rows are no deals (listed in pa_skipped_rows).
  ctes.push(...nonDealCtes(d, text, ctx.rowColumns, 'pa_deal_all', 'pa_amount'));
  ctes.push({ name: 'pa_deal_raw', sql: `SELECT a.rk, ${rawColumns.map(([, alias]) => `a.${alias}`).join(', ')}
FROM pa_deal_all a JOIN pa_row_kind k ON k.rk = a.rk
WHERE k.kind = 'deal'` });
  // Reporting currency: the policy's, else the most common currency among readable amounts (the
  // currency column, else the code or symbol in the amount; codes before marks and first seen win
  // ties), else USD; amounts that name no currency outvoting every currency leave USD.
  const reporting = policy.reportingCurrency !== null ? `SELECT ${d.str(policy.reportingCurrency)} AS reporting_currency`
    : `SELECT CASE WHEN x.top_kind IS NULL OR x.top_kind = 2 OR x.unmarked > x.top_n THEN 'USD'
    WHEN x.top_kind = 1 THEN ${usualOfMarkSql(d, 'x.top_key')} ELSE x.top_key END AS reporting_currency
  FROM (SELECT MAX(CASE WHEN c.pick = 1 THEN c.n END) AS top_n, MAX(CASE WHEN c.pick = 1 THEN c.kind END) AS top_kind,
      MAX(CASE WHEN c.pick = 1 THEN c.vkey END) AS top_key, SUM(CASE WHEN c.kind = 2 THEN c.n ELSE 0 END) AS unmarked
    FROM (SELECT v.vkey, v.kind, COUNT(*) AS n,
        ROW_NUMBER() OVER (ORDER BY CASE WHEN v.kind = 2 THEN 1 ELSE 0 END, COUNT(*) DESC, v.kind, MIN(v.rk)) AS pick
      FROM (SELECT r.rk, CASE WHEN r.currency_col <> '' OR am.said_code IS NOT NULL THEN 0 WHEN am.said_mark IS NOT NULL THEN 1 ELSE 2 END AS kind,
          COALESCE(NULLIF(r.currency_col, ''), am.said_code, am.said_mark, '') AS vkey
        FROM pa_deal_raw r JOIN pa_amount am ON am.rk = r.rk WHERE am.amount IS NOT NULL) v
      GROUP BY v.vkey, v.kind) c) x`;
  const stageStatus = (key: string): string => `CASE WHEN r.stage_text = '' THEN NULL
      WHEN ${inList(d, key, policy.wonStages)} OR ${inList(d, `REPLACE(${key}, ' ', '')`, policy.wonStages)} THEN 'won'
      WHEN ${inList(d, key, policy.lostStages)} OR ${inList(d, `REPLACE(${key}, ' ', '')`, policy.lostStages)} THEN 'lost'
      ELSE 'open' END`;
  // The deal's currency: the column, else the code its amount names, else its mark as the reporting currency reads it.
  // Date text read as parseDate reads it (dateSql.ts): ISO, month- or day-first as decided per column, Excel serials.
  ctes.push({ name: 'pa_deal_day', sql: dates.dayQuery('pa_deal_raw', ['rk'], [
    { text: 'created_text', day: 'created_day', order: orderOf('created') },
    { text: 'close_text', day: 'close_day', order: orderOf('closeDate') },
    { text: 'reg_text', day: 'reg_day', order: orderOf('registrationDate') }]) });
  ctes.push({ name: 'pa_deal_status', sql: `SELECT r.*, am.amount, dd.created_day, dd.close_day, dd.reg_day,
  ${stageStatus('r.stage_key')} AS stage_status, rc.reporting_currency,
  CASE WHEN r.currency_col <> '' THEN r.currency_col WHEN am.said_code IS NOT NULL THEN am.said_code
    WHEN am.said_mark IS NOT NULL THEN ${resolveMarkSql(d, 'am.said_mark', 'rc.reporting_currency')} ELSE '' END AS currency
FROM pa_deal_raw r JOIN pa_amount am ON am.rk = r.rk JOIN pa_deal_day dd ON dd.rk = r.rk CROSS JOIN (${reporting}) rc` });

  ctes.push({ name: 'pa_deal', sql: `SELECT r.rk, r.deal_id, r.created_day, r.close_day, r.reg_day, r.tier, r.ptype, r.region,
  CASE WHEN r.deal_id = '' THEN TRUE ELSE ROW_NUMBER() OVER (PARTITION BY r.deal_id ORDER BY r.rk) = 1 END AS counted,
  CASE WHEN r.won_flag = TRUE THEN 'won'
    WHEN r.closed_flag = FALSE THEN 'open'
    WHEN r.won_flag = FALSE AND r.closed_flag = TRUE THEN 'lost'
    WHEN r.won_flag = FALSE THEN CASE WHEN r.stage_status IS NULL OR r.stage_status = 'won' THEN 'open' ELSE r.stage_status END
    WHEN r.closed_flag = TRUE THEN CASE WHEN r.stage_status = 'won' THEN 'won' ELSE 'lost' END
    WHEN r.stage_status IS NOT NULL THEN r.stage_status
    ELSE 'open' END AS status,
  CASE WHEN r.amount IS NULL THEN NULL
    WHEN r.currency = '' OR r.currency = r.reporting_currency THEN ${toCents(d, 'r.amount')}
    ELSE NULL END AS cents,
  COALESCE(r.close_day, ${ctx.asOf}) AS ref_day,
  (${inList(d, 'r.role', policy.sourcingRoles)}) AS role_sourcing,
  (${inList(d, 'r.role', policy.resaleRoles)}) AS role_resale,
  (${inList(d, 'r.role', policy.deploymentRoles)}) AS role_deploy,
  (r.lead_source <> '' AND (${inList(d, 'r.lead_source', policy.partnerLeadSources)} OR r.lead_source LIKE 'partner%')) AS is_pls,
  (${inList(d, 'r.reg_status', policy.registrationRejectedStatuses)}) AS reg_rejected,
  COALESCE(r.reg_day - r.created_day > ${policy.registrationGraceDays}, FALSE) AS reg_late,
  COALESCE(r.created_day - r.reg_day > ${policy.registrationExpiryDays}, FALSE) AS reg_expired
FROM pa_deal_status r` });

  // Partner cells (splitPartners, SPEC 2.1): single-partner columns split on ";" and line breaks only;
  // the Influencing Partners list also on "|" and then on commas, a comma piece joining the name
  // before it when it is a legal suffix or region word, or when a run of up to MAX_KNOWN_PIECES
  // pieces is a comma name written whole in a single-partner column.
  const pieces = PARTNER_FIELDS.map((field, i) => {
    if (!deals[field]) return null;
    if (field !== 'influencers') {
      return `SELECT r.rk, ${i} AS field, h_pos AS p1, CAST(0 AS ${d.types.bigint}) AS p2, ${text.trim('h')} AS piece
FROM pa_deal_raw r${d.explode(d.extractAll(`r.f${i}`, d.str('[^;\\r\\n]+')), 'h', 'h_pos')}
WHERE r.f${i} IS NOT NULL`;
    }
    return `SELECT r.rk, ${i} AS field, h_pos AS p1, c_pos AS p2, ${text.trim('c')} AS piece
FROM pa_deal_raw r${d.explode(d.extractAll(`r.f${i}`, d.str('[^;|\\r\\n]+')), 'h', 'h_pos')}${d.explode(d.splitComma('h'), 'c', 'c_pos')}
WHERE r.f${i} IS NOT NULL`;
  }).filter((s): s is string => s !== null);
  if (pieces.length === 0) pieces.push(`SELECT CAST(0 AS ${d.types.bigint}) AS rk, 0 AS field, 0 AS p1, 0 AS p2, '' AS piece FROM pa_deal_raw WHERE FALSE`);
  ctes.push({ name: 'pa_name_piece_raw', sql: pieces.join('\nUNION ALL\n') });
  // Empty pieces (stray commas, "Wayne, , Inc.") are dropped and the rest numbered 1, 2, ... per part.
  ctes.push({ name: 'pa_name_piece', sql: `SELECT rk, field, p1, ROW_NUMBER() OVER (PARTITION BY rk, field, p1 ORDER BY p2) AS p2, piece
FROM pa_name_piece_raw WHERE piece <> ''` });
  const list = F.influencers;
  // Comma names written whole in a single-partner column, by knownNameKey.
  ctes.push({ name: 'pa_known_name', sql: `SELECT DISTINCT ${text.knownNameKey('piece')} AS kkey
FROM pa_name_piece WHERE field <> ${list} AND piece LIKE '%,%'` });
  // Runs of two to MAX_KNOWN_PIECES comma pieces of a list cell that are known names:
  // every comma inside one is kept (overlapping runs therefore read as one name, as in the engine).
  ctes.push({ name: 'pa_name_run', sql: `SELECT a.rk, a.p1, a.p2 AS pa, b.p2 AS pb, ${d.orderedJoin('c.piece', "', '", ['c.p2'])} AS joined
FROM pa_name_piece a
JOIN pa_name_piece b ON b.rk = a.rk AND b.field = ${list} AND b.p1 = a.p1 AND b.p2 > a.p2 AND b.p2 < a.p2 + ${MAX_KNOWN_PIECES}
JOIN pa_name_piece c ON c.rk = a.rk AND c.field = ${list} AND c.p1 = a.p1 AND c.p2 >= a.p2 AND c.p2 <= b.p2
WHERE a.field = ${list} AND EXISTS (SELECT 1 FROM pa_known_name)
GROUP BY a.rk, a.p1, a.p2, b.p2` });
  ctes.push({ name: 'pa_name_kept', sql: `SELECT DISTINCT x.rk, x.p1, x.p2
FROM pa_name_run k JOIN pa_known_name n ON n.kkey = ${text.knownNameKey('k.joined')}
JOIN pa_name_piece x ON x.rk = k.rk AND x.field = ${list} AND x.p1 = k.p1 AND x.p2 > k.pa AND x.p2 <= k.pb` });
  ctes.push({ name: 'pa_name_start', sql: `SELECT n.rk, n.field, n.p1, n.p2, n.piece,
  CASE WHEN n.field = ${list} AND n.p2 > 1 AND (${text.isQualifierPiece('n.piece')} OR kept.rk IS NOT NULL)
    THEN 0 ELSE 1 END AS starts
FROM pa_name_piece n LEFT JOIN pa_name_kept kept ON kept.rk = n.rk AND kept.p1 = n.p1 AND kept.p2 = n.p2 AND n.field = ${list}` });
  ctes.push({ name: 'pa_name_group', sql: `SELECT rk, field, p1, p2, piece,
  SUM(starts) OVER (PARTITION BY rk, field, p1 ORDER BY p2) AS grp
FROM pa_name_start` });
  ctes.push({ name: 'pa_name', sql: `SELECT rk, field, p1, grp, ${d.orderedJoin('piece', "', '", ['p2'])} AS spelling
FROM pa_name_group GROUP BY rk, field, p1, grp` });
  // Matching keys once per distinct spelling (a few hundred names across millions of rows).
  ctes.push({ name: 'pa_name_key', sql: `SELECT spelling, ${text.partnerKey('spelling')} AS pkey
FROM (SELECT DISTINCT spelling FROM pa_name WHERE spelling <> '' AND NOT ${text.isError('spelling')}) n` });
  ctes.push({ name: 'pa_deal_name', sql: `SELECT n.rk, n.field, n.p1, n.grp, n.spelling, k.pkey
FROM pa_name n JOIN pa_name_key k ON k.spelling = n.spelling
WHERE k.pkey <> ''` });
  ctes.push({ name: 'pa_deal_partner', sql: `SELECT rk, field, pkey, p1, grp FROM (
  SELECT rk, field, pkey, p1, grp, ROW_NUMBER() OVER (PARTITION BY rk, field, pkey ORDER BY p1, grp) AS n FROM pa_deal_name) x
WHERE n = 1` });

  // Touches: valid rows (Deal ID, partner, date), weights, and those of counted deals.
  const t = ctx.touches;
  if (t && ctx.touchesTable) {
    const tcol = (field: SqlTouchField): string => `t.${d.ident(t[field]!)}`;
    const weights = Object.entries(policy.activityWeights);
    const weightCase = weights.length === 0 ? d.double(policy.defaultActivityWeight)
      : `CASE activity ${weights.map(([a, w]) => `WHEN ${d.str(a)} THEN ${d.double(w)}`).join(' ')} ELSE ${d.double(policy.defaultActivityWeight)} END`;
    // A weight is a plain number ("0.25", "1", a typed DOUBLE); anything else ("n/a", "50%", "#N/A", a
    // comma decimal "0,25") is NULL, so the activity's weight stands, as the engine's reading of a
    // weight it cannot read does (the engine also reads comma decimals where the column says so).
    const weightNumber = (column: string): string => {
      const trimmed = text.trim(`CAST(${column} AS ${d.types.string})`);
      return `CAST(CASE WHEN ${d.matches(trimmed, d.str('^[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$'))} THEN ${d.tryDouble(trimmed)} END AS ${d.types.double})`;
    };
    // The touch texts, then their day (dateSql.ts), then the touch order.
    ctes.push({ name: 'pa_touch_text', sql: `SELECT
  ${text.cellText(tcol('dealId'))} AS deal_id,
  ${text.cellText(tcol('partner'))} AS spelling,
  ${text.cellText(tcol('activity'))} AS activity_text,
  ${text.cellText(tcol('date'))} AS date_text,
  ${t.order ? tcol('order') : 'CAST(NULL AS ' + d.types.bigint + ')'} AS ord,
  ${t.weight ? weightNumber(tcol('weight')) : `CAST(NULL AS ${d.types.double})`} AS w
FROM ${ctx.touchesTable} AS t` });
    ctes.push({ name: 'pa_touch_day', sql: dates.dayQuery('pa_touch_text', ['deal_id', 'spelling', 'activity_text', 'ord', 'w'],
      [{ text: 'date_text', day: 'day', order: policy.dateOrder }]) });
    const torder = t.order ? 'ord' : 'day, deal_id, spelling, activity_text';
    ctes.push({ name: 'pa_touch_raw', sql: `SELECT
  ROW_NUMBER() OVER (ORDER BY ${torder}) AS trk,
  deal_id, spelling, ${text.term('activity_text')} AS activity, day, w
FROM pa_touch_day` });
    ctes.push({ name: 'pa_touch_all', sql: `SELECT trk, deal_id, spelling, pkey, activity, day,
  CASE WHEN w IS NOT NULL AND w >= 0 THEN w ELSE ${weightCase} END AS weight
FROM (SELECT r.*, k.pkey FROM pa_touch_raw r
  JOIN (SELECT spelling, ${text.partnerKey('spelling')} AS pkey FROM (SELECT DISTINCT spelling FROM pa_touch_raw) u) k ON k.spelling = r.spelling
  WHERE r.deal_id <> '' AND r.spelling <> '' AND r.day IS NOT NULL) x
WHERE pkey <> ''` });
  } else {
    ctes.push({ name: 'pa_touch_all', sql: `SELECT CAST(0 AS ${d.types.bigint}) AS trk, '' AS deal_id, '' AS spelling, '' AS pkey, '' AS activity,
  CAST(0 AS ${d.types.bigint}) AS day, CAST(0 AS ${d.types.double}) AS weight
FROM pa_deal_raw WHERE FALSE` });
  }

  // Hand-set attributions (src/core/overrides): one row per deal and partner, motion words as the engine reads them.
  let overrideSpellings = '';
  if (ctx.overridesTable) {
    const o = (column: string): string => `o.${d.ident(column)}`;
    const motion = text.term(text.cellText(o('motion')));
    ctes.push({ name: 'pa_ovr_row', sql: `SELECT ${text.cellText(o('deal_id'))} AS deal_id,
  CASE ${motion} WHEN 'sourced' THEN 'sourced' WHEN 'partner sourced' THEN 'sourced' WHEN 'influenced' THEN 'influenced'
    WHEN 'partner influenced' THEN 'influenced' WHEN 'resold' THEN 'resold' WHEN 'partner resold' THEN 'resold'
    WHEN 'direct' THEN 'direct' ELSE '?' END AS motion,
  ${text.cellText(o('partner'))} AS spelling, ${text.partnerKey(text.cellText(o('partner')))} AS pkey,
  CAST(${o('share')} AS ${d.types.double}) AS share, CAST(${o('line')} AS ${d.types.bigint}) AS line
FROM ${ctx.overridesTable} AS o` });
    // A partner named only in an override is shown as first written there.
    overrideSpellings = `
UNION ALL
SELECT pkey, spelling, 2 AS s0, line AS s1, 0 AS s2, 0 AS s3, 0 AS s4 FROM (
  SELECT pkey, spelling, line, ROW_NUMBER() OVER (PARTITION BY pkey ORDER BY line) AS n FROM pa_ovr_row
  WHERE pkey <> '' AND pkey NOT IN (SELECT pkey FROM pa_deal_name) AND pkey NOT IN (SELECT pkey FROM pa_touch_all)) x
WHERE n = 1`;
  }

  // Display names: the most frequent spelling of each key, ties to the first seen (deals, then touches).
  ctes.push({ name: 'pa_spelling', sql: `SELECT pkey, spelling, 0 AS s0, rk AS s1, field AS s2, p1 AS s3, grp AS s4 FROM pa_deal_name
UNION ALL
SELECT pkey, spelling, 1 AS s0, trk AS s1, 0 AS s2, 0 AS s3, 0 AS s4 FROM pa_touch_all${overrideSpellings}` });
  ctes.push({ name: 'pa_partner', sql: `SELECT pkey, spelling AS name FROM (
  SELECT pkey, spelling, ROW_NUMBER() OVER (PARTITION BY pkey ORDER BY n DESC, s0, s1, s2, s3, s4) AS pick FROM (
    SELECT pkey, spelling, s0, s1, s2, s3, s4,
      COUNT(*) OVER (PARTITION BY pkey, spelling) AS n,
      ROW_NUMBER() OVER (PARTITION BY pkey, spelling ORDER BY s0, s1, s2, s3, s4) AS first_seen
    FROM pa_spelling) x
  WHERE first_seen = 1) y
WHERE pick = 1
UNION ALL
SELECT '(unknown)' AS pkey, '(Unknown partner)' AS name` });

  // The touches of counted deals in the engine's order (readTouches' sortTouches): by day, then the
  // partner's display name, the activity and the weight, rows in table order only when all of those tie,
  // so a deal's results never depend on the order of the rows. trk numbers them within the deal; tkey
  // is that order as one number.
  ctes.push({ name: 'pa_touch', sql: `SELECT rk, trk, pkey, activity, day, weight, CAST(day AS ${d.types.bigint}) * 10000000000 + trk AS tkey FROM (
  SELECT dl.rk, ROW_NUMBER() OVER (PARTITION BY dl.rk ORDER BY t.day, p.name, t.activity, t.weight, t.trk) AS trk,
    t.pkey, t.activity, t.day, t.weight
  FROM pa_touch_all t JOIN pa_deal dl ON dl.deal_id = t.deal_id AND dl.counted JOIN pa_partner p ON p.pkey = t.pkey) x` });
  return ctes;
}
