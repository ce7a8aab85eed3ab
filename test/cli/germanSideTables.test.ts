/**
 * FX Rates and Touches CSVs as a German Excel saves them (issue 13), through the command line: each
 * file's own ";" delimiter says comma decimals, so "1,085" is 1.085 and "0,5" a half.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Summary } from '../../src/core';
import { buildCli, runCli, tempDir } from './cliHarness';

const dir = tempDir('pa-german-side-');
const write = (name: string, lines: string[]): string => {
  const file = path.join(dir, name);
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
};

beforeAll(() => {
  buildCli();
});

describe('German semicolon CSVs for deals, FX Rates and Touches', () => {
  it('converts the dollar deal at 1.085, reads "0,5" and "13.01.2025", and totals to the cent', () => {
    const deals = write('deals.csv', [
      'Deal ID;Deal Name;Deal Stage;Amount;Currency;Created Date;Close Date',
      'D-1;Kühne + Nagel;Closed Won;1.234,56;EUR;10.01.2025;20.02.2025',
      'D-2;Bosch;Closed Won;2.000,00;EUR;10.01.2025;20.02.2025',
      'D-3;Northwind Inc.;Closed Won;1.000,10;USD;10.01.2025;20.02.2025',
    ]);
    const fx = write('fx.csv', ['Currency;Rate', 'EUR;1', 'USD;1,085']);
    const touches = write('touches.csv', [
      'Deal ID;Partner;Activity;Date;Weight',
      'D-3;Adatum GmbH;Email;13.01.2025;0,5',
      'D-3;Contoso AG;Demo;02.03.2025;',
    ]);
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', deals, '--fx', fx, '--touches', touches, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    expect(summary.reportingCurrency).toBe('EUR');
    // 1234.56 + 2000.00 + 1000.10 * 1.085 (1085.1085 -> 1085.11), not 1000.10 * 1085.
    expect(summary.totals.revenue).toBe(4319.67);
    const codes = summary.issues.map((i) => i.code);
    expect(codes).not.toContain('CURRENCY_NO_RATE');
    expect(codes).not.toContain('AMOUNT_INVALID');
    expect(codes).not.toContain('AMOUNT_AMBIGUOUS');
    // The email weighs 0.5 as written (0.1 by default); the demo on 2 March is after the close.
    const d3 = summary.deals.find((d) => d.id === 'D-3')!;
    expect(d3.motion).toBe('influenced');
    expect(d3.influencers).toEqual(['Adatum GmbH']);
    expect(summary.partners.find((p) => p.partner === 'Adatum GmbH')?.influencedRevenue).toBe(1085.11);
  });
});
