/**
 * The CTEs of SPEC 3 and 4, mirroring src/core/classify/classifyDeal.ts and src/core/credit:
 * sourcing claims and conflicts, resellers, significant influencers in credit order, influence
 * shares per model, the motion, and the largest-remainder allocation in cents.
 */
import type { Cte, CteContext } from './inputCtes';
import { F, inList } from './inputCtes';
import type { SqlDialect } from './sqlDialect';
import type { ConflictPolicy, InfluenceModel } from '../vocabulary';

/** Which claimants become sourcers under each conflict policy (src/core/classify/resolveSourcingConflict.ts). */
export const SOURCER_FILTER: Readonly<Record<ConflictPolicy, string>> = {
  precedence: 'co = 1', // the strongest claim
  split: 'TRUE', // every claimant
  flag: 'n_claim = 1', // only an uncontested claim
};

/**
 * One influence model in SQL: each influencer's share before normalising (over `pa_influence i`,
 * and `pa_evidence_sum v` when `evidence` is set: the per-evidence value it sums in order), and up to
 * how many influencers every one of them gets a whole share (1, or 2 for the 40/20/40 model).
 */
export interface InfluenceShareSql {
  share: string;
  evidence?: string;
  wholeUpTo: 1 | 2;
}

/** The SQL form of every influence model, mirroring src/core/credit/influenceShares.ts (a Record: no model falls through to another). */
export const INFLUENCE_SHARE_SQL: Readonly<Record<InfluenceModel, (d: SqlDialect, halfLifeDays: number) => InfluenceShareSql>> = {
  'even': () => ({ share: '1', wholeUpTo: 1 }),
  'first': () => ({ share: 'CASE WHEN i.io = 1 THEN 1 ELSE 0 END', wholeUpTo: 1 }),
  'last': () => ({
    share: 'CASE WHEN ROW_NUMBER() OVER (PARTITION BY i.rk ORDER BY CASE WHEN i.last_day IS NULL THEN 1 ELSE 0 END, i.last_day DESC, i.io DESC) = 1 THEN 1 ELSE 0 END',
    wholeUpTo: 1,
  }),
  'position': (d) => ({ share: `CASE WHEN i.io = 1 OR i.io = i.n_infl THEN ${d.double(0.4)} ELSE ${d.double(0.2)} / (i.n_infl - 2) END`, wholeUpTo: 2 }),
  'time-decay': (d, halfLifeDays) => ({
    share: 'v.total', wholeUpTo: 1,
    evidence: `POWER(CAST(2 AS ${d.types.double}), -CAST(e.age AS ${d.types.double}) / ${d.double(halfLifeDays)})`,
  }),
  'weighted': () => ({ share: 'CASE WHEN MAX(v.total) OVER (PARTITION BY i.rk) > 0 THEN v.total ELSE 1 END', evidence: 'e.weight', wholeUpTo: 1 }),
};

export function ruleCtes(ctx: CteContext): Cte[] {
  const { d, policy } = ctx;
  const big = d.types.bigint;
  const dbl = d.types.double;
  const nullDay = `CAST(NULL AS ${big})`;
  const ctes: Cte[] = [];

  // Sourcing evidence, strongest first: registration (1), Sourcing Partner column (2), sourcing
  // touch (3), partner lead source (4), Partner column with a sourcing role (5).
  ctes.push({ name: 'pa_claim_known', sql: `SELECT p.rk, p.pkey, 1 AS rnk, CAST(p.p1 AS ${big}) AS sa, CAST(p.grp AS ${big}) AS sb, dl.reg_day AS claim_day
FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
WHERE p.field = ${F.registrant} AND NOT dl.reg_rejected AND NOT dl.reg_late AND NOT dl.reg_expired
UNION ALL
SELECT p.rk, p.pkey, 2 AS rnk, CAST(p.p1 AS ${big}) AS sa, CAST(p.grp AS ${big}) AS sb, ${nullDay} AS claim_day
FROM pa_deal_partner p WHERE p.field = ${F.sourcing}
UNION ALL
SELECT t.rk, t.pkey, 3 AS rnk, CAST(t.day AS ${big}) AS sa, CAST(t.trk AS ${big}) AS sb, t.day AS claim_day
FROM pa_touch t JOIN pa_deal dl ON dl.rk = t.rk
WHERE ${inList(d, 't.activity', policy.sourcingActivities)} AND dl.created_day IS NOT NULL
  AND t.day >= dl.created_day - ${policy.sourcingLookbackDays} AND t.day <= dl.created_day + ${policy.registrationGraceDays}
UNION ALL
SELECT x.rk, x.pkey, 4 AS rnk, CAST(0 AS ${big}) AS sa, CAST(0 AS ${big}) AS sb, ${nullDay} AS claim_day FROM (
  SELECT p.rk, p.pkey, ROW_NUMBER() OVER (PARTITION BY p.rk ORDER BY p.field, p.p1, p.grp) AS n
  FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
  WHERE dl.is_pls AND p.field IN (${F.partner}, ${F.reseller})) x
WHERE x.n = 1
UNION ALL
SELECT p.rk, p.pkey, 5 AS rnk, CAST(p.p1 AS ${big}) AS sa, CAST(p.grp AS ${big}) AS sb, ${nullDay} AS claim_day
FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
WHERE p.field = ${F.partner} AND dl.role_sourcing` });
  // A partner lead source that names no partner: "(Unknown partner)", unless stronger evidence exists.
  ctes.push({ name: 'pa_claim', sql: `SELECT rk, pkey, rnk, sa, sb, claim_day FROM pa_claim_known
UNION ALL
SELECT dl.rk, '(unknown)' AS pkey, 4 AS rnk, CAST(0 AS ${big}) AS sa, CAST(0 AS ${big}) AS sb, ${nullDay} AS claim_day
FROM pa_deal dl
LEFT JOIN (SELECT DISTINCT rk FROM pa_deal_partner WHERE field IN (${F.partner}, ${F.reseller})) named ON named.rk = dl.rk
LEFT JOIN (SELECT DISTINCT rk FROM pa_claim_known WHERE rnk <= 3) strong ON strong.rk = dl.rk
WHERE dl.is_pls AND NOT dl.role_sourcing AND named.rk IS NULL AND strong.rk IS NULL` });
  ctes.push({ name: 'pa_claimant', sql: `SELECT rk, pkey, rnk, sa, sb, claim_day,
  ROW_NUMBER() OVER (PARTITION BY rk ORDER BY rnk, sa, sb) AS co,
  COUNT(*) OVER (PARTITION BY rk) AS n_claim
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY rk, pkey ORDER BY rnk, sa, sb) AS n FROM pa_claim c) x
WHERE n = 1` });
  const sourcerFilter = SOURCER_FILTER[policy.conflictPolicy];
  ctes.push({ name: 'pa_claim_sourcer', sql: `SELECT rk, pkey, co AS so FROM pa_claimant WHERE ${sourcerFilter}` });

  // Resellers: the Reseller column, then Partner-column partners with a resale role.
  ctes.push({ name: 'pa_reseller', sql: `SELECT rk, pkey, ROW_NUMBER() OVER (PARTITION BY rk ORDER BY ra, rb, rc) AS ro FROM (
  SELECT rk, pkey, 0 AS ra, p1 AS rb, grp AS rc FROM pa_deal_partner WHERE field = ${F.reseller}
  UNION ALL
  SELECT p.rk, p.pkey, 1 AS ra, p.p1 AS rb, p.grp AS rc
  FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
  LEFT JOIN pa_deal_partner r ON r.rk = p.rk AND r.field = ${F.reseller} AND r.pkey = p.pkey
  WHERE p.field = ${F.partner} AND dl.role_resale AND r.rk IS NULL) x` });

  // Column influence, in the engine's order: flagged claimants, Influencing Partners, late
  // registrations, then the Partner column; never the sourcer.
  const flagged = policy.conflictPolicy === 'flag'
    ? `SELECT rk, pkey, 0 AS ga, co AS gb, CAST(0 AS ${big}) AS gc, claim_day AS day FROM pa_claimant WHERE n_claim > 1
  UNION ALL\n  ` : '';
  ctes.push({ name: 'pa_mention', sql: `SELECT m.rk, m.pkey, m.ga * 1000000000000 + m.gb * 1000000 + m.gc AS mkey, COALESCE(m.day, dl.created_day) AS at_day,
  CASE WHEN COALESCE(m.day, dl.created_day) IS NULL OR dl.ref_day - COALESCE(m.day, dl.created_day) < 0 THEN 0
    ELSE dl.ref_day - COALESCE(m.day, dl.created_day) END AS age
FROM (
  ${flagged}SELECT rk, pkey, 1 AS ga, CAST(p1 AS ${big}) AS gb, CAST(grp AS ${big}) AS gc, ${nullDay} AS day FROM pa_deal_partner WHERE field = ${F.influencers}
  UNION ALL
  SELECT p.rk, p.pkey, 2 AS ga, CAST(p.p1 AS ${big}) AS gb, CAST(p.grp AS ${big}) AS gc, dl.reg_day AS day
  FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
  WHERE p.field = ${F.registrant} AND NOT dl.reg_rejected AND (dl.reg_late OR dl.reg_expired)
  UNION ALL
  SELECT p.rk, p.pkey, 3 AS ga, CAST(p.p1 AS ${big}) AS gb, CAST(p.grp AS ${big}) AS gc, ${nullDay} AS day
  FROM pa_deal_partner p JOIN pa_deal dl ON dl.rk = p.rk
  LEFT JOIN pa_claimant c ON c.rk = p.rk AND c.pkey = p.pkey
  WHERE p.field = ${F.partner} AND NOT dl.role_resale AND NOT dl.role_deploy AND NOT dl.role_sourcing
    AND NOT (dl.is_pls AND c.rk IS NOT NULL)
) m
JOIN pa_deal dl ON dl.rk = m.rk
LEFT JOIN pa_claim_sourcer s ON s.rk = m.rk AND s.pkey = m.pkey
WHERE s.rk IS NULL` });
  ctes.push({ name: 'pa_column_influence', sql: `SELECT rk, pkey, COUNT(*) AS mentions, MIN(at_day) AS first_day, MAX(at_day) AS last_day, MIN(mkey) AS seq
FROM pa_mention GROUP BY rk, pkey` });

  // Touches in the influence window (not the sourcer's) sum to significance.
  ctes.push({ name: 'pa_touch_window', sql: `SELECT t.rk, t.pkey, t.trk, t.day, t.weight, t.tkey,
  CASE WHEN dl.ref_day - t.day < 0 THEN 0 ELSE dl.ref_day - t.day END AS age
FROM pa_touch t JOIN pa_deal dl ON dl.rk = t.rk
LEFT JOIN pa_claim_sourcer s ON s.rk = t.rk AND s.pkey = t.pkey
WHERE s.rk IS NULL AND (dl.created_day IS NULL OR t.day >= dl.created_day - ${policy.influenceLookbackDays})
  AND t.day <= dl.ref_day` });
  ctes.push({ name: 'pa_touch_influence', sql: `SELECT rk, pkey, SUM(weight) AS total_weight, MIN(day) AS first_day, MAX(day) AS last_day, MIN(tkey) AS seq
FROM pa_touch_window GROUP BY rk, pkey` });
  ctes.push({ name: 'pa_influence', sql: `SELECT rk, pkey, first_day, last_day, kind, seq,
  ROW_NUMBER() OVER (PARTITION BY rk ORDER BY CASE WHEN first_day IS NULL THEN 0 ELSE 1 END, first_day, kind, seq) AS io,
  COUNT(*) OVER (PARTITION BY rk) AS n_infl
FROM (
  SELECT c.rk, c.pkey, c.first_day,
    CASE WHEN t.last_day IS NULL THEN c.last_day WHEN c.last_day IS NULL OR t.last_day > c.last_day THEN t.last_day ELSE c.last_day END AS last_day,
    0 AS kind, c.seq
  FROM pa_column_influence c LEFT JOIN pa_touch_influence t ON t.rk = c.rk AND t.pkey = c.pkey
  UNION ALL
  SELECT t.rk, t.pkey, t.first_day, t.last_day, 1 AS kind, t.seq
  FROM pa_touch_influence t LEFT JOIN pa_column_influence c ON c.rk = t.rk AND c.pkey = t.pkey
  WHERE c.rk IS NULL AND t.total_weight + 1e-9 >= ${d.double(policy.influenceThreshold)}
) x` });

  // Influence shares (src/core/credit/influenceShares.ts): each model's own form, one per model.
  const form = INFLUENCE_SHARE_SQL[policy.influenceModel](d, policy.timeDecayHalfLifeDays);
  if (form.evidence !== undefined) {
    ctes.push({ name: 'pa_evidence', sql: `SELECT m.rk, m.pkey, 0 AS e0, m.mkey AS e1, CAST(1 AS ${dbl}) AS weight, m.age FROM pa_mention m
UNION ALL
SELECT t.rk, t.pkey, 1 AS e0, t.tkey AS e1, t.weight, t.age
FROM pa_touch_window t JOIN pa_influence i ON i.rk = t.rk AND i.pkey = t.pkey` });
    ctes.push({ name: 'pa_evidence_sum', sql: `SELECT e.rk, e.pkey, ${d.orderedSum(form.evidence, ['e.e0', 'e.e1'])} AS total
FROM pa_evidence e GROUP BY e.rk, e.pkey` });
  }
  const evidenceJoin = form.evidence !== undefined ? '\nJOIN pa_evidence_sum v ON v.rk = i.rk AND v.pkey = i.pkey' : '';
  const single = form.wholeUpTo === 2 ? `CASE WHEN i.n_infl <= 2 THEN CAST(1 AS ${dbl}) ELSE ${form.share} END` : `CASE WHEN i.n_infl = 1 THEN CAST(1 AS ${dbl}) ELSE CAST(${form.share} AS ${dbl}) END`;
  ctes.push({ name: 'pa_influence_share', sql: `SELECT i.rk, i.pkey, i.io, i.n_infl, i.first_day, i.last_day, ${single} AS share
FROM pa_influence i${evidenceJoin}` });
  ctes.push({ name: 'pa_share_total', sql: `SELECT rk, ${d.orderedSum('share', ['io'])} AS share_total FROM pa_influence_share GROUP BY rk` });

  // Motion, and the final sourcers (resellers when resold deals count as sourced).
  const resoldMotion = policy.resoldCountsAs === 'sourced' ? "'sourced'" : "'resold'";
  ctes.push({ name: 'pa_motion', sql: `SELECT dl.rk,
  COALESCE(s.n, 0) AS n_claim_sourcers, COALESCE(i.n, 0) AS n_infl, COALESCE(r.n, 0) AS n_resellers,
  CASE WHEN COALESCE(s.n, 0) > 0 THEN 'sourced' WHEN COALESCE(i.n, 0) > 0 THEN 'influenced'
    WHEN COALESCE(r.n, 0) > 0 THEN ${resoldMotion} ELSE 'direct' END AS motion
FROM pa_deal dl
LEFT JOIN (SELECT rk, COUNT(*) AS n FROM pa_claim_sourcer GROUP BY rk) s ON s.rk = dl.rk
LEFT JOIN (SELECT rk, COUNT(*) AS n FROM pa_influence GROUP BY rk) i ON i.rk = dl.rk
LEFT JOIN (SELECT rk, COUNT(*) AS n FROM pa_reseller GROUP BY rk) r ON r.rk = dl.rk` });
  const resoldSourcers = policy.resoldCountsAs === 'sourced' ? `
UNION ALL
SELECT r.rk, r.pkey, r.ro AS so FROM pa_reseller r JOIN pa_motion m ON m.rk = r.rk
WHERE m.n_claim_sourcers = 0 AND m.n_infl = 0` : '';
  ctes.push({ name: 'pa_sourcer', sql: `SELECT s.rk, s.pkey, s.so, COUNT(*) OVER (PARTITION BY s.rk) AS n_sourcers FROM (
  SELECT rk, pkey, so FROM pa_claim_sourcer${resoldSourcers}) s` });

  // Overrides (src/core/overrides): a deal's rows are valid together or not at all; a valid one wins over every rule.
  const ovr = ctx.overridesTable !== null;
  if (ovr) {
    ctes.push({ name: 'pa_ovr_deal', sql: `SELECT dl.rk, MAX(o.motion) AS motion FROM pa_ovr_row o JOIN pa_deal dl ON dl.deal_id = o.deal_id AND dl.counted
WHERE o.deal_id <> ''
GROUP BY dl.rk
HAVING COUNT(DISTINCT o.motion) = 1 AND MAX(o.motion) <> '?'
  AND ((MAX(o.motion) = 'direct' AND SUM(CASE WHEN o.pkey <> '' THEN 1 ELSE 0 END) = 0)
    OR (MAX(o.motion) <> 'direct' AND SUM(CASE WHEN o.pkey = '' THEN 1 ELSE 0 END) = 0 AND COUNT(DISTINCT o.pkey) = COUNT(*)
      AND (COUNT(o.share) = 0 OR (COUNT(o.share) = COUNT(*) AND ABS(SUM(o.share) - 100) <= 1e-6 AND MIN(o.share) > 0))))` });
    ctes.push({ name: 'pa_ovr_partner', sql: `SELECT od.rk, od.motion, o.pkey, COALESCE(o.share, CAST(1 AS ${dbl})) AS w,
  ROW_NUMBER() OVER (PARTITION BY od.rk ORDER BY o.line) AS po, COUNT(*) OVER (PARTITION BY od.rk) AS n
FROM pa_ovr_deal od JOIN pa_deal dl ON dl.rk = od.rk JOIN pa_ovr_row o ON o.deal_id = dl.deal_id
WHERE od.motion <> 'direct'` });
  }
  const ruleOnly = (alias: string): string => (ovr ? ` AND ${alias}.rk NOT IN (SELECT rk FROM pa_ovr_deal)` : '');
  const ovrKind = policy.resoldCountsAs === 'sourced' ? "CASE WHEN motion = 'resold' THEN 'sourced' ELSE motion END" : 'motion';
  const ovrLines = ovr ? `
UNION ALL
SELECT rk, pkey, ${ovrKind} AS kind, CASE ${ovrKind} WHEN 'sourced' THEN 0 WHEN 'influenced' THEN 1 ELSE 2 END AS lg, po AS lo, w
FROM pa_ovr_partner` : '';

  // Credit lines with their weights (src/core/credit/creditDeal.ts), for counted deals with an amount
  // (a repeated Deal ID is never credited: its money would count twice).
  const influencedOnSourced = policy.sourcedShare < 1 ? `
UNION ALL
SELECT i.rk, i.pkey, 'influenced' AS kind, 1 AS lg, i.io AS lo, ${d.double(1 - policy.sourcedShare)} * (i.share / st.share_total) AS w
FROM pa_influence_share i JOIN pa_share_total st ON st.rk = i.rk JOIN pa_motion m ON m.rk = i.rk
WHERE m.motion = 'sourced' AND st.share_total > 0` : '';
  ctes.push({ name: 'pa_line', sql: `SELECT l.rk, l.pkey, l.kind, l.lg, l.lo, l.w FROM (
SELECT s.rk, s.pkey, 'sourced' AS kind, 0 AS lg, s.so AS lo,
  CASE WHEN m.n_infl > 0 THEN ${d.double(policy.sourcedShare)} ELSE CAST(1 AS ${dbl}) END / s.n_sourcers AS w
FROM pa_sourcer s JOIN pa_motion m ON m.rk = s.rk${influencedOnSourced}
UNION ALL
SELECT i.rk, i.pkey, 'influenced' AS kind, 1 AS lg, i.io AS lo,
  CASE WHEN st.share_total > 0 THEN i.share / st.share_total ELSE CAST(1 AS ${dbl}) END AS w
FROM pa_influence_share i JOIN pa_share_total st ON st.rk = i.rk JOIN pa_motion m ON m.rk = i.rk
WHERE m.motion = 'influenced'
UNION ALL
SELECT r.rk, r.pkey, 'resold' AS kind, 2 AS lg, r.ro AS lo, CAST(1 AS ${dbl}) AS w
FROM pa_reseller r JOIN pa_motion m ON m.rk = r.rk
WHERE m.motion = 'resold'
) l JOIN pa_deal dl ON dl.rk = l.rk WHERE dl.cents IS NOT NULL AND dl.counted${ruleOnly('l')}${ovrLines}` });

  // Largest remainder (src/core/credit/allocateCents.ts): the same DOUBLE steps, leftovers to the
  // largest remainders, ties to the earlier line.
  ctes.push({ name: 'pa_line_total', sql: `SELECT rk, ${d.orderedSum('CASE WHEN w > 0 THEN w ELSE 0 END', ['lg', 'lo'])} AS total, COUNT(*) AS n
FROM pa_line GROUP BY rk` });
  ctes.push({ name: 'pa_line_exact', sql: `SELECT l.rk, l.pkey, l.kind, l.lg, l.lo, t.n, dl.cents, ABS(dl.cents) AS whole,
  CAST(ABS(dl.cents) AS ${dbl}) * (CASE WHEN t.total > 0 THEN CASE WHEN l.w > 0 THEN l.w / t.total ELSE CAST(0 AS ${dbl}) END
    ELSE CAST(1 AS ${dbl}) / t.n END) AS exact
FROM pa_line l JOIN pa_line_total t ON t.rk = l.rk JOIN pa_deal dl ON dl.rk = l.rk` });
  // "(exact - (FLOOR(...)))": the inner parentheses change nothing, but without them dt-sql-parser (which
  // parses Spark's grammar in SLL mode only) rejects "(x - FLOOR(x))"; Spark, which retries in full LL mode, reads both.
  ctes.push({ name: 'pa_line_floor', sql: `SELECT rk, pkey, kind, lg, lo, n, cents, whole, FLOOR(exact + 1e-9) AS fl, FLOOR((exact - (FLOOR(exact + 1e-9))) * 1000000 + 0.5) AS rem
FROM pa_line_exact` });
  ctes.push({ name: 'pa_line_rank', sql: `SELECT rk, pkey, kind, lg, lo, n, cents, fl,
  CAST(whole - SUM(fl) OVER (PARTITION BY rk) AS ${big}) AS leftover,
  ROW_NUMBER() OVER (PARTITION BY rk ORDER BY rem DESC, lg, lo) AS rr
FROM pa_line_floor` });
  ctes.push({ name: 'pa_credit', sql: `SELECT rk, pkey, kind, lg, lo,
  CAST(CASE WHEN cents < 0 THEN -1 ELSE 1 END * (fl + FLOOR(CAST(leftover AS ${dbl}) / n) + CASE WHEN rr <= MOD(leftover, n) THEN 1 ELSE 0 END) AS ${big}) AS cents
FROM pa_line_rank` });

  if (ovr) {
    // What the outputs read: the rules' decisions for the other deals, the override's for these.
    const resoldAsSourced = policy.resoldCountsAs === 'sourced';
    ctes.push({ name: 'pa_final_motion', sql: `SELECT m.rk, CASE WHEN od.rk IS NULL THEN m.motion
  WHEN od.motion = 'resold' AND ${resoldAsSourced ? 'TRUE' : 'FALSE'} THEN 'sourced' ELSE od.motion END AS motion
FROM pa_motion m LEFT JOIN pa_ovr_deal od ON od.rk = m.rk` });
    ctes.push({ name: 'pa_final_sourcer', sql: `SELECT rk, pkey, so FROM pa_sourcer WHERE TRUE${ruleOnly('pa_sourcer')}
UNION ALL
SELECT rk, pkey, po AS so FROM pa_ovr_partner WHERE motion = 'sourced'${resoldAsSourced ? " OR motion = 'resold'" : ''}` });
    ctes.push({ name: 'pa_final_influence', sql: `SELECT rk, pkey, io FROM pa_influence WHERE TRUE${ruleOnly('pa_influence')}
UNION ALL
SELECT rk, pkey, po AS io FROM pa_ovr_partner WHERE motion = 'influenced'` });
    ctes.push({ name: 'pa_final_reseller', sql: `SELECT rk, pkey, ro FROM pa_reseller WHERE TRUE${ruleOnly('pa_reseller')}
UNION ALL
SELECT rk, pkey, po AS ro FROM pa_ovr_partner WHERE motion = 'resold'` });
  }
  return ctes;
}
