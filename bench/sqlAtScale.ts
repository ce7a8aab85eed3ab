/**
 * The path past one sheet (issue 9): the policy compiled to DuckDB SQL, run on a warehouse-sized deals
 * table generated inside DuckDB (10M rows do not fit a spreadsheet, nor a 2D array in Node).
 * Usage: npm run bench:sql -- [--deals 10000000] [--out bench/sql-results.json]
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { compilePolicyToSql } from '../src/core/sql/compilePolicyToSql';

/** A deals table with the default warehouse column names: 40% partner-led, 2,000 partners, eight quarters. */
export const dealsTableSql = (n: number): string => `CREATE OR REPLACE TABLE deals AS
SELECT 'D' || i AS deal_id, NULL::VARCHAR AS deal_name,
  CAST(round(10 + (hash(i) % 1000000) / 10.0, 2) AS DOUBLE) AS amount, 'USD' AS currency,
  CASE i % 3 WHEN 0 THEN 'Closed Won' WHEN 1 THEN 'Closed Lost' ELSE 'Negotiation' END AS stage,
  DATE '2024-01-01' + CAST(i % 640 AS INTEGER) AS created_date,
  DATE '2024-01-01' + CAST(i % 640 + 30 + i % 90 AS INTEGER) AS close_date,
  CASE WHEN i % 10 = 0 THEN 'Partner Referral' ELSE 'Web' END AS lead_source,
  CASE WHEN i % 10 = 1 THEN 'Partner ' || (hash(i * 7) % 2000) END AS sourcing_partner,
  CASE WHEN i % 10 IN (0, 2) THEN 'Partner ' || (hash(i * 11) % 2000) END AS partner,
  NULL::VARCHAR AS partner_role,
  CASE WHEN i % 10 = 3 THEN 'Partner ' || (hash(i * 13) % 2000) || '; Partner ' || (hash(i * 17) % 2000) END AS influencing_partners,
  NULL::VARCHAR AS reseller, NULL::VARCHAR AS implementation_partner,
  NULL::VARCHAR AS registered_by, NULL::DATE AS registration_date, NULL::VARCHAR AS registration_status,
  NULL::VARCHAR AS partner_tier, NULL::VARCHAR AS partner_type,
  CASE i % 3 WHEN 0 THEN 'EMEA' WHEN 1 THEN 'AMER' ELSE 'APAC' END AS region
FROM range(${n}) t(i)`;

/** Two touches per partner-led deal. */
export const touchesTableSql = (n: number): string => `CREATE OR REPLACE TABLE touches AS
SELECT 'D' || i AS deal_id, 'Partner ' || (hash(i * 19 + k) % 2000) AS partner,
  CASE k WHEN 0 THEN 'Demo' ELSE 'Meeting' END AS activity,
  DATE '2024-01-01' + CAST(i % 640 + 5 * k AS INTEGER) AS activity_date, NULL::DOUBLE AS weight
FROM range(${n}) t(i), range(2) s(k) WHERE i % 10 < 4`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const deals = Number(flag('--deals') ?? 10_000_000);
  const out = flag('--out') ?? 'bench/sql-results.json';
  if (!Number.isInteger(deals) || deals <= 0) throw new Error('--deals needs a whole number, e.g. --deals 10000000');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  let t = performance.now();
  await connection.run(dealsTableSql(deals));
  await connection.run(touchesTableSql(deals));
  const generateMs = performance.now() - t;
  const script = compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', touchesTable: 'touches', policy: { asOfDate: '2026-01-01' } });
  t = performance.now();
  await connection.run(script);
  const scriptMs = performance.now() - t;
  const count = async (sql: string): Promise<number> => Number((await connection.runAndReadAll(sql)).getRowObjectsJS()[0]!.n);
  const result = {
    deals, touches: await count('SELECT COUNT(*) AS n FROM touches'), partners: await count('SELECT COUNT(*) AS n FROM pa_partners'),
    creditLines: await count('SELECT COUNT(*) AS n FROM pa_credits'),
    generateSeconds: Math.round(generateMs / 100) / 10, scriptSeconds: Math.round(scriptMs / 100) / 10,
    threads: 2, node: process.version,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`sql at scale: ${deals.toLocaleString('en-US')} deals, ${result.touches.toLocaleString('en-US')} touches: generated in ${result.generateSeconds} s, `
    + `rules script in ${result.scriptSeconds} s (${result.partners} partners, ${result.creditLines.toLocaleString('en-US')} credit lines); wrote ${out}`);
}

if (require.main === module) {
  main().catch((error: unknown) => { console.error(`bench:sql: ${(error as Error).message}`); process.exitCode = 1; });
}
