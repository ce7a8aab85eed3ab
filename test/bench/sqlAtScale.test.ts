/** The SQL-at-scale benchmark's tables: the compiled rules run on them, and the money adds up (no timing asserts). */
import { DuckDBInstance } from '@duckdb/node-api';
import { compilePolicyToSql } from '../../src/core/sql/compilePolicyToSql';
import { dealsTableSql, touchesTableSql } from '../../bench/sqlAtScale';

test('the generated warehouse tables run through the compiled rules, crediting every partner-led dollar once', async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run(dealsTableSql(2000));
  await connection.run(touchesTableSql(2000));
  await connection.run(compilePolicyToSql({ dialect: 'duckdb', dealsTable: 'deals', touchesTable: 'touches', policy: { asOfDate: '2026-01-01' } }));
  const one = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS()[0]!;
  const motions = await one(`SELECT COUNT(*) FILTER (WHERE motion = 'sourced') AS sourced, COUNT(*) FILTER (WHERE motion = 'influenced') AS influenced,
    COUNT(*) FILTER (WHERE motion = 'direct') AS direct FROM pa_deals`);
  expect(Number(motions.sourced)).toBeGreaterThan(0);
  expect(Number(motions.influenced)).toBeGreaterThan(0);
  expect(Number(motions.direct)).toBeGreaterThan(0);
  const money = await one(`SELECT (SELECT SUM(creditedRevenue) FROM pa_partners) AS credited,
    (SELECT SUM(amount) FROM pa_deals WHERE partnerLed AND status = 'won') AS led`);
  expect(Math.round(Number(money.credited) * 100)).toBe(Math.round(Number(money.led) * 100));
});
