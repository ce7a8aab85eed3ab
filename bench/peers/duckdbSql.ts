/**
 * The DuckDB peer's SQL: the default policy of SPEC 3 and 4 restated as set operations over the
 * loaded `deals` and `touches` tables, ending in the totals and the per-partner rollup.
 *
 * What it covers (the "sourced rule subset" the bench checks against the engine): every sourcing
 * rule of SPEC 3 under the `precedence` conflict policy (registration with status and date windows,
 * Sourcing Partner column, sourcing touches, partner lead source, sourcing role); influence from the
 * Influencing Partners column, late registrations, the Partner column and touch weights; resale;
 * the `even` influence model with the odd cents to the first influencer. It assumes what the bench
 * workbook guarantees: one currency, single names in the Sourcing Partner, Partner, Reseller and
 * Registered By columns, ";"-separated influencer lists, and no lead source naming a partner that
 * is not in the row (no "(Unknown partner)"). Touches on the same day are ordered by partner key, as
 * the engine orders them by display name (the bench's display names sort like their keys).
 */

const list = (items: readonly string[]): string => items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ');

const WON = ['closed won', 'won', 'closedwon', 'closed - won', 'booked', 'signed'];
const LOST = ['closed lost', 'lost', 'closedlost', 'closed - lost', 'dead', 'disqualified'];
const PARTNER_LEAD_SOURCES = ['partner', 'partner referral', 'partner sourced', 'channel', 'channel partner', 'reseller', 'referral partner', 'deal registration'];
const REJECTED = ['rejected', 'expired', 'denied', 'cancelled', 'canceled', 'pending'];
const SOURCING_ACTIVITIES = ['referral', 'introduction', 'lead', 'deal registration'];
const SOURCING_ROLES = ['referral', 'referrer', 'sourcing', 'sourced'];
const RESALE_ROLES = ['var/reseller', 'reseller', 'var', 'distributor', 'dealer', 'broker', 'marketplace'];
const DEPLOYMENT_ROLES = ['implementation', 'implementer', 'deployment', 'delivery', 'services', 'implementation partner'];
const WEIGHTS: Record<string, number> = {
  'demo': 1, 'proof of concept': 1, 'poc': 1, 'pilot': 1, 'solution design': 1, 'technical validation': 1, 'executive sponsorship': 1,
  'meeting': 0.5, 'co-sell call': 0.5, 'introduction': 0.5, 'training': 0.5, 'workshop': 0.5,
  'event': 0.25, 'webinar': 0.25, 'email': 0.1, 'content': 0.1, 'newsletter': 0.1,
};
const SUFFIXES = 'inc|incorporated|llc|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|sas|srl|bv|nv|pty|oy|ab|as|kk';

/** Column definitions of the two loaded tables (mixed-type cells split into a number and a text column). */
export const DEALS_TABLE = `CREATE TABLE deals (row_no INTEGER, id VARCHAR, stage VARCHAR, amount_num DOUBLE, amount_text VARCHAR,
  created_num DOUBLE, created_text VARCHAR, close_num DOUBLE, close_text VARCHAR, lead_source VARCHAR, sourcing_partner VARCHAR,
  partner VARCHAR, partner_role VARCHAR, influencers VARCHAR, reseller VARCHAR, registered_by VARCHAR, reg_num DOUBLE,
  reg_text VARCHAR, reg_status VARCHAR)`;
export const TOUCHES_TABLE = `CREATE TABLE touches (row_no INTEGER, deal_id VARCHAR, partner VARCHAR, activity VARCHAR,
  day_num DOUBLE, day_text VARCHAR, weight_num DOUBLE, weight_text VARCHAR)`;

/** The statements that classify and credit, in order; the last two return totals and partners. */
export function rollupStatements(asOfSerial: number): string[] {
  const day = (num: string, text: string): string =>
    `coalesce(floor(${num}) - 25569, date_diff('day', DATE '1970-01-01', CAST(try_strptime(${text}, '%m/%d/%Y') AS DATE)))`;
  const weightCase = `CASE lower(trim(activity)) ${Object.entries(WEIGHTS).map(([a, w]) => `WHEN '${a}' THEN ${w}`).join(' ')} ELSE 0.5 END`;
  return [
    // The partner matching key of SPEC 2.5.
    `CREATE TEMP MACRO pkey(s) AS regexp_replace(trim(regexp_replace(regexp_replace(regexp_replace(lower(trim(s)), '&', ' and ', 'g'),
      '[^a-z0-9\\s]', '', 'g'), '\\s+', ' ', 'g')), '( (${SUFFIXES}))+$', '')`,
    // Counted deals (first occurrence of an ID), values coerced.
    `CREATE TEMP TABLE d AS SELECT row_no, id,
      CASE WHEN lower(trim(stage)) IN (${list(WON)}) THEN 'won' WHEN lower(trim(stage)) IN (${list(LOST)}) THEN 'lost' ELSE 'open' END AS status,
      CAST(round(coalesce(amount_num, TRY_CAST(regexp_replace(amount_text, '[$,\\s]', '', 'g') AS DOUBLE)) * 100) AS BIGINT) AS cents,
      ${day('created_num', 'created_text')} AS created, ${day('close_num', 'close_text')} AS close_day,
      coalesce(lower(trim(lead_source)), '') AS ls, coalesce(lower(trim(partner_role)), '') AS role,
      pkey(sourcing_partner) AS sourcing, pkey(partner) AS partner, influencers, pkey(reseller) AS reseller,
      pkey(registered_by) AS registrant, ${day('reg_num', 'reg_text')} AS reg_day, coalesce(lower(trim(reg_status)), '') AS reg_status
      FROM deals QUALIFY id IS NULL OR row_number() OVER (PARTITION BY id ORDER BY row_no) = 1`,
    `CREATE TEMP TABLE t AS SELECT d.row_no AS deal_row, tt.row_no, pkey(tt.partner) AS p, lower(trim(tt.activity)) AS activity,
      ${day('tt.day_num', 'tt.day_text')} AS day, coalesce(tt.weight_num, ${weightCase}) AS weight,
      d.created, coalesce(d.close_day, ${asOfSerial - 25569}) AS window_end
      FROM touches tt JOIN d ON tt.deal_id = d.id WHERE tt.partner IS NOT NULL AND ${day('tt.day_num', 'tt.day_text')} IS NOT NULL`,
    // Sourcing evidence, strongest first; precedence keeps the strongest claim.
    `CREATE TEMP TABLE src AS SELECT row_no, p FROM (
        SELECT row_no, registrant AS p, 1 AS rank, 0 AS ord FROM d WHERE registrant IS NOT NULL AND reg_status NOT IN (${list(REJECTED)})
          AND NOT (reg_day IS NOT NULL AND created IS NOT NULL AND (reg_day - created > 7 OR created - reg_day > 90))
        UNION ALL SELECT row_no, sourcing, 2, 0 FROM d WHERE sourcing IS NOT NULL
        UNION ALL SELECT deal_row, p, 3, day FROM t WHERE activity IN (${list(SOURCING_ACTIVITIES)})
          AND created IS NOT NULL AND day BETWEEN created - 30 AND created + 7
        UNION ALL SELECT row_no, coalesce(partner, reseller), 4, 0 FROM d
          WHERE (ls IN (${list(PARTNER_LEAD_SOURCES)}) OR ls LIKE 'partner%') AND coalesce(partner, reseller) IS NOT NULL
        UNION ALL SELECT row_no, partner, 5, 0 FROM d WHERE role IN (${list(SOURCING_ROLES)}) AND partner IS NOT NULL
      ) QUALIFY row_number() OVER (PARTITION BY row_no ORDER BY rank, ord, p) = 1`,
    // Significant influencers other than the sourcer, in credit order (first influence, columns first, listing order).
    `CREATE TEMP TABLE inf AS WITH col AS (
        SELECT row_no, pkey(name) AS p, created AS first_day, pos AS seq FROM (
          SELECT row_no, created, unnest(string_split(influencers, ';')) AS name, generate_subscripts(string_split(influencers, ';'), 1) AS pos
          FROM d WHERE influencers IS NOT NULL) WHERE trim(name) <> ''
        UNION ALL SELECT row_no, registrant, reg_day, 100 FROM d WHERE registrant IS NOT NULL AND reg_status NOT IN (${list(REJECTED)})
          AND reg_day IS NOT NULL AND created IS NOT NULL AND (reg_day - created > 7 OR created - reg_day > 90)
        UNION ALL SELECT row_no, partner, created, 200 FROM d WHERE partner IS NOT NULL
          AND role NOT IN (${list([...RESALE_ROLES, ...DEPLOYMENT_ROLES, ...SOURCING_ROLES])})
          AND NOT (ls IN (${list(PARTNER_LEAD_SOURCES)}) OR ls LIKE 'partner%')
      ), colp AS (
        SELECT c.row_no, c.p, min(c.first_day) AS first_day, 0 AS kind, min(c.seq) AS seq FROM col c
        LEFT JOIN src s ON s.row_no = c.row_no AND s.p = c.p WHERE s.p IS NULL GROUP BY c.row_no, c.p
      ), tw AS (
        SELECT t.deal_row AS row_no, t.p, min(t.day) AS first_day, sum(t.weight) AS weight FROM t
        LEFT JOIN src s ON s.row_no = t.deal_row AND s.p = t.p
        WHERE s.p IS NULL AND t.day >= coalesce(t.created - 90, -100000000) AND t.day <= t.window_end GROUP BY t.deal_row, t.p
      )
      SELECT row_no, p, first_day, kind, seq FROM colp
      UNION ALL SELECT tw.row_no, tw.p, tw.first_day, 1, 1000 + row_number() OVER (PARTITION BY tw.row_no ORDER BY tw.first_day, tw.p) FROM tw
        LEFT JOIN colp c ON c.row_no = tw.row_no AND c.p = tw.p WHERE c.p IS NULL AND tw.weight + 1e-9 >= 0.5`,
    `CREATE TEMP TABLE res AS SELECT row_no, p, min(ord) AS ord FROM (
        SELECT row_no, reseller AS p, 0 AS ord FROM d WHERE reseller IS NOT NULL
        UNION ALL SELECT row_no, partner, 1 FROM d WHERE partner IS NOT NULL AND role IN (${list(RESALE_ROLES)})) GROUP BY row_no, p`,
    // Motion and credit in cents (even split, odd cents to the first in order).
    `CREATE TEMP TABLE m AS SELECT d.row_no, d.status, d.cents,
      CASE WHEN EXISTS (SELECT 1 FROM src WHERE src.row_no = d.row_no) THEN 'sourced'
           WHEN EXISTS (SELECT 1 FROM inf WHERE inf.row_no = d.row_no) THEN 'influenced'
           WHEN EXISTS (SELECT 1 FROM res WHERE res.row_no = d.row_no) THEN 'resold' ELSE 'direct' END AS motion FROM d`,
    `CREATE TEMP TABLE credit AS WITH parts AS (
        SELECT m.row_no, m.status, m.cents, s.p, 'sourced' AS kind, 1 AS pos, 1 AS n FROM m JOIN src s USING (row_no) WHERE m.motion = 'sourced'
        UNION ALL SELECT m.row_no, m.status, m.cents, i.p, 'influenced',
          row_number() OVER (PARTITION BY m.row_no ORDER BY i.first_day NULLS FIRST, i.kind, i.seq), count(*) OVER (PARTITION BY m.row_no)
          FROM m JOIN inf i USING (row_no) WHERE m.motion = 'influenced'
        UNION ALL SELECT m.row_no, m.status, m.cents, r.p, 'resold', row_number() OVER (PARTITION BY m.row_no ORDER BY r.ord), count(*) OVER (PARTITION BY m.row_no)
          FROM m JOIN res r USING (row_no) WHERE m.motion = 'resold')
      SELECT row_no, status, p, kind, sign(cents) * (abs(cents) // n + CASE WHEN pos <= abs(cents) % n THEN 1 ELSE 0 END) AS cents
      FROM parts WHERE cents IS NOT NULL`,
    `SELECT count(*) AS deals,
      coalesce(sum(cents) FILTER (WHERE status = 'won'), 0) / 100 AS revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'won' AND motion = 'sourced'), 0) / 100 AS sourced_revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'won' AND motion = 'influenced'), 0) / 100 AS influenced_revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'won' AND motion = 'resold'), 0) / 100 AS resold_revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'won' AND motion <> 'direct'), 0) / 100 AS partner_led_revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'open'), 0) / 100 AS pipeline
      FROM m`,
    `SELECT p AS partner_key,
      coalesce(sum(cents) FILTER (WHERE status = 'won' AND kind = 'sourced'), 0) / 100 AS sourced_revenue,
      coalesce(sum(cents) FILTER (WHERE status = 'won'), 0) / 100 AS credited_revenue
      FROM credit GROUP BY p ORDER BY credited_revenue DESC, partner_key`,
  ];
}
