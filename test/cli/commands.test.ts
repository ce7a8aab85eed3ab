/** The CLI binary beyond the report itself: the sql command, flags of the other command, and a settings file with a mapping. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCli, runCli, tempDir } from './cliHarness';

beforeAll(() => buildCli());

describe('partner-attribution sql', () => {
  it('prints a DuckDB script that creates the partner rollup', () => {
    const { code, stdout } = runCli(['sql', '--dialect', 'duckdb', '--deals', 'crm.deals']);
    expect(code).toBe(0);
    expect(stdout).toContain('pa_partners');
    expect(stdout).toContain('"crm"."deals"');
  });

  it('refuses an unknown dialect, and a file argument, with one line and exit code 1', () => {
    for (const args of [['sql', '--dialect', 'oracle'], ['sql', 'deals.csv', '--dialect', 'duckdb']]) {
      const { code, stderr } = runCli(args);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('lists both commands in the help', () => {
    expect(runCli(['--help']).stdout).toMatch(/partner-attribution sql --dialect/);
  });
});

describe('flags of the other command', () => {
  it('are refused with one line, never silently ignored', () => {
    for (const args of [['sql', '--dialect', 'duckdb', '--out', 'x.xlsx'], ['report', 'deals.csv', '--dialect', 'duckdb']]) {
      const { code, stderr } = runCli(args);
      expect(code).toBe(1);
      expect(stderr).toMatch(/does not take --(out|dialect)/);
    }
  });
});

describe('a settings file with a column mapping', () => {
  it('maps a header the detection does not know, so the report runs', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'deals.csv');
    writeFileSync(csv, 'Opportunity ID,Stage,Amount (USD),Partner\nA-1,Closed Won,100,Acme\nA-2,Closed Won,50,\n');
    const withoutMapping = runCli(['report', csv]);
    expect(withoutMapping.code).toBe(1);
    expect(withoutMapping.stderr).toMatch(/No amount column found/);
    const config = path.join(dir, 'settings.json');
    writeFileSync(config, JSON.stringify({ influenceModel: 'first', mapping: { amount: 'Amount (USD)' } }));
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', csv, '--config', config, '--json', json]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).totals).toMatchObject({ revenue: 150, partnerLedRevenue: 100 });
  });
});

describe('a misspelt option', () => {
  it('is named in one line with the option it most likely meant, as other command-line tools do', () => {
    const { code, stderr } = runCli(['report', 'examples/deals.xlsx', '--confg', 'policy.json']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('unknown option --confg (did you mean --config?)');
  });

  it('suggests the command for a misspelt command', () => {
    const { code, stderr } = runCli(['reprot', 'examples/deals.xlsx']);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown command reprot (did you mean report?)');
  });
});
