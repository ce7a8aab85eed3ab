/** The `sql` command through the built binary: prints a script, or one clear line for bad arguments. */
import { buildCli, runCli } from './cliHarness';

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
