/** `partner-attribution sql` prints a script that runs, and says clearly what is wrong with bad options. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDuckDbScript, sqlCommand } from '../../src/cli/sqlCommand';
import { openDuckDb } from './duckDbHarness';

const dir = mkdtempSync(join(tmpdir(), 'pa-sql-'));
const file = (name: string, text: string): string => { const path = join(dir, name); writeFileSync(path, text); return path; };

describe('partner-attribution sql', () => {
  it('prints a DuckDB script that applies the --config policy to the mapped columns', async () => {
    const config = file('policy.json', JSON.stringify({ resoldCountsAs: 'sourced', asOfDate: '2024-06-30' }));
    const mapping = file('mapping.json', JSON.stringify({ id: 'opp_id', amount: 'amount_usd', stage: 'stage', reseller: 'resold_by',
      created: null, closeDate: null, name: null, currency: null, leadSource: null, sourcingPartner: null, partner: null, partnerRole: null,
      influencers: null, deployer: null, registrationPartner: null, registrationDate: null, registrationStatus: null,
      partnerTier: null, partnerType: null, region: null }));
    const [script] = await sqlCommand({ dialect: 'duckdb', config, mapping, deals: 'crm_deals' });
    expect(script).toContain('resoldCountsAs=sourced');
    const db = await openDuckDb();
    try {
      await db.connection.run(`CREATE TABLE crm_deals AS SELECT * FROM (VALUES ('A-1', 1200.5, 'Closed Won', 'Hooli'), ('A-2', 300, 'Closed Won', NULL))
        AS t(opp_id, amount_usd, stage, resold_by)`);
      const result = await runDuckDbScript(db.connection, script!);
      expect(result.deals.map((d) => d.motion)).toEqual(['sourced', 'direct']);
      expect(result.partners).toEqual([expect.objectContaining({ partner: 'Hooli', creditedRevenue: 1200.5, dealsSourced: 1n, dealsResold: 1n })]);
    } finally {
      db.close();
    }
  });

  it('prints one query for Connected Sheets with --output partners', async () => {
    const [query] = await sqlCommand({ dialect: 'bigquery', deals: 'p.crm.deals', output: 'partners' });
    expect(query).toMatch(/\nWITH\npa_deal_all AS \(/);
    expect(query).toMatch(/SELECT \* FROM pa_partners ORDER BY creditedRevenue DESC, creditedPipeline DESC, partner$/);
    expect(query).not.toContain('CREATE OR REPLACE TEMP TABLE');
    await expect(sqlCommand({ dialect: 'bigquery', output: 'everything' })).rejects.toThrow(/Unknown SQL output "everything"/);
  });

  it('names the dialects when --dialect is wrong', async () => {
    await expect(sqlCommand({ dialect: 'mysql' })).rejects.toThrow(/Unknown SQL dialect "mysql". Choose one of: bigquery, spark, duckdb/);
  });

  it('says which mapping file is not JSON', async () => {
    const mapping = file('bad.json', '{amount:');
    await expect(sqlCommand({ dialect: 'spark', mapping })).rejects.toThrow(/mapping file .*bad\.json" is not a JSON object/);
  });

  it('prints BigQuery with the deals and touches tables named on the command line', async () => {
    const [script] = await sqlCommand({ dialect: 'bigquery', deals: 'acme-prod.crm.opportunities', touches: 'acme-prod.crm.touches' });
    expect(script).toContain('FROM `acme-prod.crm.opportunities` AS s');
    expect(script).toContain('FROM `acme-prod.crm.touches` AS t');
  });
});
