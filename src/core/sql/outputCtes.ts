/**
 * The three results of the script: per deal (motion and who led it), per deal x partner credit
 * line (non-zero ones, as on the Deal Attribution tab), and the per-partner rollup with the field names of SPEC 6.1 (src/core/rollup/partnersRollup.ts).
 */
import type { Cte, CteContext } from './inputCtes';
import { F } from './inputCtes';

/** Names of the result tables (script) or of the final CTE chosen by `output` (one query). */
export const SQL_OUTPUTS = { deals: 'pa_deals', credits: 'pa_credits', partners: 'pa_partners' } as const;
/** The script's list of rows that are not deals (totals, subtotals, repeated headers, footers), by rowNumber. */
export const SKIPPED_ROWS = 'pa_skipped_rows';

export function outputCtes(ctx: CteContext): Cte[] {
  const { d } = ctx;
  // With an overrides table the outputs read the decisions after overrides (ruleCtes' pa_final_*).
  const fin = ctx.overridesTable !== null;
  const motion = fin ? 'pa_final_motion' : 'pa_motion';
  const sourcer = fin ? 'pa_final_sourcer' : 'pa_sourcer';
  const influence = fin ? 'pa_final_influence' : 'pa_influence';
  const reseller = fin ? 'pa_final_reseller' : 'pa_reseller';
  const dbl = d.types.double;
  /** The engine's `ratio`: a fraction rounded to 4 decimals, NULL when the whole is 0. */
  const ratio = (part: string, whole: string): string =>
    `CASE WHEN ${whole} = 0 THEN NULL ELSE FLOOR(CAST(${part} AS ${dbl}) / CAST(${whole} AS ${dbl}) * 10000 + 0.5) / 10000 END`;
  // A share of money is meaningless where credit notes outweigh sales (the engine's moneyShare): NULL.
  const moneyShare = (part: string, whole: string): string =>
    `CASE WHEN ${whole} <= 0 OR ${part} < 0 OR ${part} > ${whole} THEN NULL ELSE ${ratio(part, whole)} END`;
  const average = (sum: string, count: string, scale: number, divide: number): string =>
    `CASE WHEN ${count} = 0 THEN NULL ELSE FLOOR(CAST(${sum} AS ${dbl}) / ${count} * ${scale} + 0.5) / ${divide} END`;
  const names = (table: string, order: string): string => `SELECT x.rk, ${d.orderedJoin('p.name', "'; '", [`x.${order}`])} AS names
  FROM ${table} x JOIN pa_partner p ON p.pkey = x.pkey GROUP BY x.rk`;
  const ctes: Cte[] = [];

  ctes.push({ name: SQL_OUTPUTS.deals, sql: `SELECT dl.rk AS rowNumber, dl.deal_id AS id, dl.counted, dl.status,
  ${d.money('dl.cents')} AS amount, m.motion, m.motion <> 'direct' AS partnerLed,
  s.names AS sourcingPartner, i.names AS influencers, r.names AS reseller
FROM pa_deal dl JOIN ${motion} m ON m.rk = dl.rk
LEFT JOIN (${names(sourcer, 'so')}) s ON s.rk = dl.rk
LEFT JOIN (${names(influence, 'io')}) i ON i.rk = dl.rk
LEFT JOIN (${names(reseller, 'ro')}) r ON r.rk = dl.rk` });

  // The rows read as no deal (the engine's TOTAL_ROW, HEADER_REPEATED and REPORT_FOOTER issues; blank rows are not listed).
  ctes.push({ name: SKIPPED_ROWS, sql: `SELECT k.rk AS rowNumber,
  CASE k.kind WHEN 'total' THEN 'TOTAL_ROW' WHEN 'header' THEN 'HEADER_REPEATED' ELSE 'REPORT_FOOTER' END AS code, k.label
FROM pa_row_kind k WHERE k.kind IN ('total', 'header', 'footer')` });

  ctes.push({ name: SQL_OUTPUTS.credits, sql: `SELECT dl.rk AS rowNumber, dl.deal_id AS id, dl.counted, dl.status, p.name AS partner, c.kind,
  ${d.money('c.cents')} AS credit, c.cents AS creditCents, c.lg * 1000000 + c.lo AS line
FROM pa_credit c JOIN pa_deal dl ON dl.rk = c.rk JOIN pa_partner p ON p.pkey = c.pkey
WHERE c.cents <> 0` });

  // Who is involved in each counted deal, and each counted deal's primary partner (for tier, type, region;
  // as in the engine, the rules' partners, since the row's attributes describe them).
  ctes.push({ name: 'pa_involved', sql: `SELECT x.rk, x.pkey, MAX(x.is_s) AS is_s, MAX(x.is_i) AS is_i, MAX(x.is_r) AS is_r FROM (
  SELECT rk, pkey, 1 AS is_s, 0 AS is_i, 0 AS is_r FROM ${sourcer}
  UNION ALL SELECT rk, pkey, 0 AS is_s, 1 AS is_i, 0 AS is_r FROM ${influence}
  UNION ALL SELECT rk, pkey, 0 AS is_s, 0 AS is_i, 1 AS is_r FROM ${reseller}
) x JOIN pa_deal dl ON dl.rk = x.rk WHERE dl.counted GROUP BY x.rk, x.pkey` });
  ctes.push({ name: 'pa_primary', sql: `SELECT x.rk, x.pkey FROM (
  SELECT c.rk, c.pkey, ROW_NUMBER() OVER (PARTITION BY c.rk ORDER BY c.pa, c.pb, c.pc) AS n FROM (
    SELECT rk, pkey, 1 AS pa, CAST(so AS ${d.types.bigint}) AS pb, CAST(0 AS ${d.types.bigint}) AS pc FROM pa_sourcer
    UNION ALL SELECT rk, pkey, 2 AS pa, CAST(p1 AS ${d.types.bigint}) AS pb, CAST(grp AS ${d.types.bigint}) AS pc FROM pa_deal_partner WHERE field = ${F.partner}
    UNION ALL SELECT rk, pkey, 3 AS pa, CAST(ro AS ${d.types.bigint}) AS pb, CAST(0 AS ${d.types.bigint}) AS pc FROM pa_reseller
    UNION ALL SELECT rk, pkey, 4 AS pa, CAST(io AS ${d.types.bigint}) AS pb, CAST(0 AS ${d.types.bigint}) AS pc FROM pa_influence
  ) c) x
JOIN pa_deal dl ON dl.rk = x.rk WHERE x.n = 1 AND dl.counted` });
  const attribute = (column: string): string => `SELECT pkey, value FROM (
    SELECT pr.pkey, dl.${column} AS value, ROW_NUMBER() OVER (PARTITION BY pr.pkey ORDER BY COUNT(*) DESC, MIN(dl.rk)) AS n
    FROM pa_primary pr JOIN pa_deal dl ON dl.rk = pr.rk WHERE dl.${column} <> '' GROUP BY pr.pkey, dl.${column}) a
  WHERE n = 1`;

  ctes.push({ name: 'pa_partner_deals', sql: `SELECT v.pkey,
  SUM(v.is_s) AS dealsSourced, SUM(v.is_i) AS dealsInfluenced, SUM(v.is_r) AS dealsResold,
  SUM(CASE WHEN v.is_i = 1 AND dl.status = 'won' AND dl.cents IS NOT NULL THEN dl.cents ELSE 0 END) AS influenced_cents,
  SUM(CASE WHEN v.is_i = 1 AND dl.status = 'open' AND dl.cents IS NOT NULL THEN dl.cents ELSE 0 END) AS influenced_pipe,
  SUM(CASE WHEN v.is_r = 1 AND dl.status = 'won' AND dl.cents IS NOT NULL THEN dl.cents ELSE 0 END) AS resold_cents,
  SUM(CASE WHEN v.is_r = 1 AND dl.status = 'open' AND dl.cents IS NOT NULL THEN dl.cents ELSE 0 END) AS resold_pipe,
  SUM(CASE WHEN dl.status = 'won' THEN 1 ELSE 0 END) AS won,
  SUM(CASE WHEN dl.status = 'lost' THEN 1 ELSE 0 END) AS lost,
  SUM(CASE WHEN dl.status = 'won' AND dl.cents IS NOT NULL THEN 1 ELSE 0 END) AS won_with_amount,
  SUM(CASE WHEN dl.status = 'won' AND dl.cents IS NOT NULL THEN dl.cents ELSE 0 END) AS won_cents,
  SUM(CASE WHEN dl.status = 'won' AND dl.created_day IS NOT NULL AND dl.close_day IS NOT NULL AND dl.close_day >= dl.created_day
    THEN dl.close_day - dl.created_day ELSE 0 END) AS cycle_days,
  SUM(CASE WHEN dl.status = 'won' AND dl.created_day IS NOT NULL AND dl.close_day IS NOT NULL AND dl.close_day >= dl.created_day
    THEN 1 ELSE 0 END) AS cycle_count
FROM pa_involved v JOIN pa_deal dl ON dl.rk = v.rk
GROUP BY v.pkey` });
  ctes.push({ name: 'pa_partner_credit', sql: `SELECT c.pkey,
  SUM(CASE WHEN dl.status = 'won' THEN c.cents ELSE 0 END) AS credited,
  SUM(CASE WHEN dl.status = 'open' THEN c.cents ELSE 0 END) AS credited_pipe,
  SUM(CASE WHEN dl.status = 'won' AND c.kind = 'sourced' THEN c.cents ELSE 0 END) AS sourced_cents,
  SUM(CASE WHEN dl.status = 'open' AND c.kind = 'sourced' THEN c.cents ELSE 0 END) AS sourced_pipe,
  SUM(CASE WHEN dl.status = 'won' AND c.kind = 'influenced' THEN c.cents ELSE 0 END) AS influenced_credit
FROM pa_credit c JOIN pa_deal dl ON dl.rk = c.rk WHERE dl.counted GROUP BY c.pkey` });
  ctes.push({ name: 'pa_partner_led', sql: `SELECT COALESCE(SUM(dl.cents), 0) AS led_cents
FROM pa_deal dl JOIN ${motion} m ON m.rk = dl.rk
WHERE dl.counted AND dl.status = 'won' AND dl.cents IS NOT NULL AND m.motion <> 'direct'` });
  const cents = (expr: string): string => `COALESCE(${expr}, 0)`;
  ctes.push({ name: SQL_OUTPUTS.partners, sql: `SELECT p.name AS partner, ti.value AS tier, ty.value AS type, re.value AS region,
  a.dealsSourced, a.dealsInfluenced, a.dealsResold,
  ${d.money(cents('c.sourced_cents'))} AS sourcedRevenue, ${d.money(cents('c.sourced_pipe'))} AS sourcedPipeline,
  ${d.money('a.influenced_cents')} AS influencedRevenue, ${d.money('a.influenced_pipe')} AS influencedPipeline,
  ${d.money(cents('c.influenced_credit'))} AS influencedCredit,
  ${d.money('a.resold_cents')} AS resoldRevenue, ${d.money('a.resold_pipe')} AS resoldPipeline,
  ${d.money(cents('c.credited'))} AS creditedRevenue, ${d.money(cents('c.credited_pipe'))} AS creditedPipeline,
  a.won AS wonDeals, a.lost AS lostDeals, ${ratio('a.won', 'a.won + a.lost')} AS winRate,
  ${average('a.won_cents', 'a.won_with_amount', 1, 100)} AS avgDealSize,
  ${average('a.cycle_days', 'a.cycle_count', 10, 10)} AS avgCycleDays,
  ${moneyShare(cents('c.credited'), 'l.led_cents')} AS shareOfPartnerLed,
  ${cents('c.credited')} AS creditedCents, ${cents('c.credited_pipe')} AS creditedPipelineCents
FROM pa_partner_deals a
JOIN pa_partner p ON p.pkey = a.pkey
LEFT JOIN pa_partner_credit c ON c.pkey = a.pkey
LEFT JOIN (${attribute('tier')}) ti ON ti.pkey = a.pkey
LEFT JOIN (${attribute('ptype')}) ty ON ty.pkey = a.pkey
LEFT JOIN (${attribute('region')}) re ON re.pkey = a.pkey
CROSS JOIN pa_partner_led l` });
  return ctes;
}
