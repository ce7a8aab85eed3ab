/**
 * Rows that are not deals, found in SQL as the engine finds them (src/core/table/nonDealRows.ts, with
 * its words and patterns): Excel Data > Subtotal rows and totals rows, a repeated header row, report
 * footers, and blank rows. A row with a Deal ID that looks like an ID (a digit, no space) is a deal
 * at once, as in the engine; only the other rows are looked at cell by cell.
 *
 * The engine reads the rows one after another; SQL sees them all at once, so the two rules that look
 * back are written with window functions over the table's order, in two passes each:
 * - "Acme Total" names the group above when the last deal row before it says "Acme" in that column.
 *   The first pass takes as deals the rows that are certainly deals (an ID, or no totals word
 *   anywhere); the second also those that only looked like a label and named no group on the first.
 * - "a totals word, and the amount equals the deal rows above" sums the deal rows since the last
 *   total (or all of them); the second pass no longer counts, and starts a new sum after, the rows
 *   the first pass found.
 * A chain of such rows deeper than that can still read differently from the engine (none is known
 * in a real export). Both rules need the table's order: map `order` (a row number), or the rows are
 * read in Deal ID order.
 */
import type { SqlDialect } from './sqlDialect';
import type { SqlText } from './sqlText';
import { WS } from './sqlText';
import { MAX_TOTALS_LABEL, NON_DEAL_PATTERNS, TOTAL_WORDS } from '../table/nonDealRows';
import { headerKey } from '../table/fieldSynonyms';

/** One named step of the script (inputCtes' Cte; declared here too so the two files do not import each other). */
interface Cte { name: string; sql: string }

/** A column the rules look at: its name in the table and the header key a repeated header row would show. */
export interface RowColumn {
  column: string;
  key: string;
  /** The amount column (its cells are no labels). */
  amount: boolean;
  /** The Deal ID column. */
  id: boolean;
}

/**
 * The columns to look at: every column of the export's header when it is known (`sql --detect`), else
 * the mapped ones. A header DuckDB would rename on loading (empty, or repeated ignoring case) is left out.
 */
export function rowColumns(mapped: Readonly<Partial<Record<string, string>>>, exportHeaders: readonly string[] | null): RowColumn[] {
  const idColumn = mapped.id ?? null;
  const amountColumn = mapped.amount ?? null;
  const names = exportHeaders ?? Object.entries(mapped).filter(([field]) => field !== 'order').map(([, column]) => column!);
  const seen = new Map<string, number>();
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    seen.set(lower, (seen.get(lower) ?? 0) + 1);
  }
  const out: RowColumn[] = [];
  const taken = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (name === '' || taken.has(lower) || (exportHeaders !== null && seen.get(lower)! > 1)) continue;
    taken.add(lower);
    out.push({ column: name, key: headerKey(name), amount: name === amountColumn, id: name === idColumn });
  }
  // The mapped Deal ID and amount columns are always read (a --mapping may name columns the header spells otherwise).
  for (const [column, flag] of [[idColumn, 'id'], [amountColumn, 'amount']] as const) {
    if (column === null || taken.has(column.toLowerCase())) continue;
    taken.add(column.toLowerCase());
    out.push({ column, key: headerKey(column), amount: flag === 'amount', id: flag === 'id' });
  }
  return out;
}

/** The columns pa_deal_all carries for these rules: the raw cells, as pa_c0, pa_c1, ... */
export const rowColumnSelect = (d: SqlDialect, columns: readonly RowColumn[]): string[] =>
  columns.map((c, i) => `s.${d.ident(c.column)} AS pa_c${i}`);

/**
 * CTEs over `all` (every row: rk, deal_id, and the raw cells pa_c0...) and `amounts` (rk, amount),
 * ending in pa_row_kind (rk, kind: deal, total, header, footer or blank; label: the text that says so).
 * The rows looked at cell by cell are turned into one row per cell (rk, c, t), so each rule is written
 * once however many columns the table has.
 */
export function nonDealCtes(d: SqlDialect, text: SqlText, columns: readonly RowColumn[], all: string, amounts: string): Cte[] {
  const re = (source: string): string => d.str(`(?i)${source.replace(/\\s/g, `[${WS}]`)}`);
  const key = (e: string): string => d.replaceAll(`LOWER(${e})`, d.str('[^\\p{L}\\p{N}]+'), "''");
  const totalsLabel = (e: string): string =>
    `(LENGTH(${e}) <= ${MAX_TOTALS_LABEL} AND ${key(d.replaceAll(e, re(NON_DEAL_PATTERNS.recordCount), "''"))} IN (${TOTAL_WORDS.map((w) => d.str(w)).join(', ')}))`;
  const suffix = re(NON_DEAL_PATTERNS.groupSuffix);
  const prefix = re(NON_DEAL_PATTERNS.groupPrefix);
  const footer = (e: string): string => d.matches(e, re(NON_DEAL_PATTERNS.footer));
  const totalWord = (e: string): string => d.matches(e, re(NON_DEAL_PATTERNS.totalWord));
  const str = d.types.string;
  const idKey = columns.find((c) => c.id)?.key ?? '';
  // looksLikeId: a digit and no space, tab or no-break space.
  const idLike = (e: string): string => `(${e} <> '' AND ${d.matches(e, d.str('^[^ \\t\\x{00A0}]*[0-9][^ \\t\\x{00A0}]*$'))})`;
  /** The header key of column number `c` (an SQL expression). */
  const headerKeyOf = (c: string): string => (columns.length === 0 ? "''"
    : `CASE ${c} ${columns.map((col, i) => `WHEN ${i} THEN ${d.str(col.key)}`).join(' ')} ELSE '' END`);
  const amountCol = columns.findIndex((c) => c.amount);
  /** One row per cell of the rows `rows` (a query with rk and pa_c0...): rk, c (column number), raw text. */
  const unpivot = (rows: string, rk: string): string => (columns.length === 0
    ? `SELECT CAST(0 AS ${d.types.bigint}) AS rk, 0 AS c, CAST(NULL AS ${str}) AS raw FROM ${all} WHERE FALSE`
    : columns.map((_, i) => `SELECT ${rk} AS rk, ${i} AS c, CAST(r.pa_c${i} AS ${str}) AS raw FROM ${rows}`).join('\nUNION ALL\n'));
  /** The text t of the first cell (by column c) of `cell` where `cond` holds, NULL when none: MIN over "column number + text". */
  const firstWhere = (cond: string, cell: string): string =>
    `SUBSTR(MIN(CASE WHEN ${cond} THEN CONCAT(LPAD(CAST(${cell}.c AS ${str}), 4, '0'), ${cell}.t) END), 5)`;
  const ctes: Cte[] = [];
  // The rows whose Deal ID is no ID (a handful in most tables): their cells, what each rule sees in
  // each, then per row the first verdict.
  ctes.push({ name: 'pa_row_pick', sql: `SELECT a.* FROM ${all} a WHERE NOT ${idLike('a.deal_id')}` });
  ctes.push({ name: 'pa_row_cell', sql: `SELECT u.rk, u.c, u.t, ${key('u.t')} AS k,
  u.c = ${amountCol} AS is_amount, ${headerKeyOf('u.c')} AS hkey
FROM (SELECT v.rk, v.c, ${text.cellText('v.raw')} AS t FROM (
${unpivot('pa_row_pick r', 'r.rk')}) v) u` });
  ctes.push({ name: 'pa_row_cell_seen', sql: `SELECT x.*,
  NOT x.is_amount AND ${totalsLabel('x.t')} AS is_total,
  NOT x.is_amount AND ${totalWord('x.t')} AS is_word,
  CASE WHEN NOT x.is_amount AND ${d.matches('x.t', suffix)} THEN ${key(d.keepGroup1('x.t', suffix))} END AS suffix_group,
  CASE WHEN NOT x.is_amount AND ${d.matches('x.t', prefix)} THEN ${key(d.keepGroup1('x.t', prefix))} END AS prefix_group
FROM pa_row_cell x` });
  ctes.push({ name: 'pa_row_seen', sql: `SELECT p.rk, p.deal_id AS id, am.amount, s.filled, s.hits, s.first_text, s.total_label, s.word_label, s.labelish,
  (${totalsLabel('p.deal_id')} OR ${d.matches('p.deal_id', suffix)}) AS id_label, ${footer('p.deal_id')} AS id_footer,
  ${key('p.deal_id')} <> ${d.str(idKey)} AS id_other
FROM pa_row_pick p JOIN ${amounts} am ON am.rk = p.rk
JOIN (SELECT x.rk, SUM(CASE WHEN x.t <> '' THEN 1 ELSE 0 END) AS filled,
    SUM(CASE WHEN x.t <> '' AND x.hkey <> '' AND x.k = x.hkey THEN 1 ELSE 0 END) AS hits,
    ${firstWhere("x.t <> ''", 'x')} AS first_text,
    ${firstWhere('x.is_total', 'x')} AS total_label,
    ${firstWhere('x.is_word', 'x')} AS word_label,
    MAX(CASE WHEN x.is_word OR x.suffix_group IS NOT NULL OR x.prefix_group IS NOT NULL THEN 1 ELSE 0 END) = 1 AS labelish
  FROM pa_row_cell_seen x GROUP BY x.rk) s ON s.rk = p.rk` });
  ctes.push({ name: 'pa_row_slow', sql: `SELECT y.*, CASE
    WHEN y.filled = 0 THEN 'blank'
    WHEN y.id <> '' AND y.id_other AND NOT y.id_label AND NOT y.id_footer THEN 'deal'
    WHEN y.hits >= 2 AND y.hits * 2 >= y.filled THEN 'header'
    WHEN y.filled <= 2 AND ${footer('y.first_text')} AND (y.id = '' OR y.id = y.first_text) AND y.amount IS NULL THEN 'footer'
    WHEN y.id <> '' AND NOT y.id_label THEN 'deal'
    WHEN y.total_label IS NOT NULL THEN 'total'
    WHEN y.labelish THEN 'maybe'
    ELSE 'deal' END AS kind1
FROM pa_row_seen y` });
  const before = 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING';
  // Every row's first verdict, and the last certain deal row before it (whose cells a group label names).
  ctes.push({ name: 'pa_row_first', sql: `SELECT a.rk, COALESCE(sl.kind1, 'deal') AS kind1, am.amount,
  CASE WHEN am.amount IS NULL THEN NULL ELSE CAST(FLOOR(am.amount * 100 + 0.5) AS ${d.types.bigint}) END AS cents,
  MAX(CASE WHEN COALESCE(sl.kind1, 'deal') = 'deal' THEN a.rk END) OVER (ORDER BY a.rk ${before}) AS anchor
FROM ${all} a JOIN ${amounts} am ON am.rk = a.rk LEFT JOIN pa_row_slow sl ON sl.rk = a.rk` });
  /** For each undecided row, the first cell naming the group of its anchor row's same column ("Acme Total" under "Acme"). */
  const groupQuery = (anchors: string): string => `SELECT m.rk, ${firstWhere('a.k IS NOT NULL AND a.k <> \'\' AND (m.suffix_group = a.k OR m.prefix_group = a.k)', 'm')} AS group_label
FROM pa_row_cell_seen m JOIN pa_row_slow x ON x.rk = m.rk AND x.kind1 = 'maybe'
JOIN (SELECT v.rk, v.c, ${key(text.cellText('v.raw'))} AS k FROM (
${unpivot(`${anchors} f JOIN pa_row_slow q ON q.rk = f.rk AND q.kind1 = 'maybe' JOIN ${all} r ON r.rk = f.anchor`, 'f.rk')}) v) a
  ON a.rk = m.rk AND a.c = m.c
GROUP BY m.rk`;
  // The engine's "row above" is the last deal, and a row that only looked like a label is one: a second
  // pass takes as anchors the rows that are no group total on the first.
  ctes.push({ name: 'pa_row_group1', sql: groupQuery('pa_row_first') });
  ctes.push({ name: 'pa_row_anchor', sql: `SELECT f.rk,
  MAX(CASE WHEN f.kind1 = 'deal' OR (f.kind1 = 'maybe' AND g.group_label IS NULL) THEN f.rk END) OVER (ORDER BY f.rk ${before}) AS anchor
FROM pa_row_first f LEFT JOIN pa_row_group1 g ON g.rk = f.rk` });
  ctes.push({ name: 'pa_row_group', sql: groupQuery('pa_row_anchor') });
  // "A totals word and the amount of the deals above": the sums since the last total, and over all rows
  // above, of the rows taken as deals. Two passes: the second no longer counts the rows the first found.
  const sumPass = (name: string, source: string, isDeal: string, isTotal: string, summed: string): void => {
    ctes.push({ name: `${name}_seg`, sql: `SELECT s.*,
  COALESCE(SUM(CASE WHEN ${isTotal} THEN 1 ELSE 0 END) OVER (ORDER BY s.rk ${before}), 0) AS seg,
  SUM(CASE WHEN ${isDeal} THEN s.cents END) OVER (ORDER BY s.rk ${before}) AS all_sum,
  COUNT(CASE WHEN ${isDeal} THEN s.cents END) OVER (ORDER BY s.rk ${before}) AS all_n
FROM ${source} s` });
    ctes.push({ name, sql: `SELECT s.rk, s.kind1, s.cents, s.group_label, s.word${summed ? `, s.${summed}` : ''},
  s.kind1 = 'maybe' AND s.group_label IS NULL AND s.cents IS NOT NULL AND s.word
    AND ((s.group_n >= 2 AND s.cents = s.group_sum) OR (s.all_n >= 2 AND s.cents = s.all_sum)) AS ${summed ? 'summed' : 'summed1'}
FROM (SELECT s.*,
    SUM(CASE WHEN ${isDeal} THEN s.cents END) OVER (PARTITION BY s.seg ORDER BY s.rk ${before}) AS group_sum,
    COUNT(CASE WHEN ${isDeal} THEN s.cents END) OVER (PARTITION BY s.seg ORDER BY s.rk ${before}) AS group_n
  FROM ${name}_seg s) s` });
  };
  ctes.push({ name: 'pa_row_verdict', sql: `SELECT f.rk, f.kind1, f.cents, g.group_label, COALESCE(sl.word_label IS NOT NULL, FALSE) AS word
FROM pa_row_first f LEFT JOIN pa_row_group g ON g.rk = f.rk LEFT JOIN pa_row_slow sl ON sl.rk = f.rk` });
  const grouped = "(s.kind1 = 'total' OR s.group_label IS NOT NULL)";
  const looksDeal = "(s.kind1 = 'deal' OR (s.kind1 = 'maybe' AND s.group_label IS NULL))";
  sumPass('pa_row_sum1', 'pa_row_verdict', looksDeal, grouped, '');
  sumPass('pa_row_sum', 'pa_row_sum1', `${looksDeal} AND NOT s.summed1`, `(${grouped} OR s.summed1)`, 'summed1');
  ctes.push({ name: 'pa_row_kind', sql: `SELECT s.rk,
  CASE WHEN s.kind1 IN ('blank', 'header', 'footer', 'total') THEN s.kind1
    WHEN s.kind1 = 'maybe' AND (s.group_label IS NOT NULL OR s.summed) THEN 'total'
    ELSE 'deal' END AS kind,
  CASE WHEN s.kind1 IN ('header', 'footer') THEN sl.first_text WHEN s.kind1 = 'total' THEN sl.total_label
    WHEN s.kind1 = 'maybe' THEN COALESCE(s.group_label, sl.word_label) END AS label
FROM pa_row_sum s LEFT JOIN pa_row_slow sl ON sl.rk = s.rk` });
  return ctes;
}
