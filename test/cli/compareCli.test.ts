/** `report --compare`: the three shipped definitions on the example workbook, each column equal to a separate run to the cent. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Comparison, Summary } from '../../src/core';
import { buildCli, exampleWorkbook, isOneCleanLine, runCli, tempDir } from './cliHarness';

const FILES = ['examples/standard.json', 'examples/registered-only.json', 'examples/any-partner-involvement.json'];
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

beforeAll(() => { buildCli(); });

describe('report --compare on the example workbook', () => {
  const dir = tempDir();
  const json = path.join(dir, 'compared.json');
  const out = path.join(dir, 'compared.xlsx');
  let run: ReturnType<typeof runCli>;
  let comparison: Comparison;
  let separate: Summary[];
  beforeAll(() => {
    run = runCli(['report', exampleWorkbook, '--compare', ...FILES, '--json', json, '--out', out]);
    comparison = readJson<Comparison>(json);
    separate = FILES.map((file, i) => {
      const single = path.join(dir, `single-${i}.json`);
      expect(runCli(['report', exampleWorkbook, '--config', file, '--json', single]).code).toBe(0);
      return readJson<Summary>(single);
    });
  });

  it('names the definitions after their files and prints the headline differences', () => {
    expect(run.code).toBe(0);
    expect(comparison.definitions).toEqual(['Standard', 'Registered only', 'Any partner involvement']);
    expect(run.stdout).toMatch(/Sourced revenue\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+-[\d,.]+\s+\+[\d,.]+/);
    expect(run.stdout).toMatch(/\d+ deals change motion between the definitions\./);
  });

  it('has in each column the totals and partner figures of a separate run under that file, to the cent', () => {
    separate.forEach((summary, i) => {
      for (const [key, value] of Object.entries(comparison.totals)) expect([key, value.values[i]]).toEqual([key, summary.totals[key as keyof Summary['totals']]]);
      for (const p of comparison.partners) {
        const row = summary.partners.find((x) => x.partner === p.partner);
        expect([p.partner, p.sourcedRevenue.values[i], p.influencedCredit.values[i], p.creditedRevenue.values[i]])
          .toEqual([p.partner, row?.sourcedRevenue ?? 0, row?.influencedCredit ?? 0, row?.creditedRevenue ?? 0]);
      }
    });
    const changed = separate[0]!.deals.filter((d, i) => separate.some((s) => s.deals[i]!.motion !== d.motion));
    expect(comparison.changedDeals.map((d) => d.id).sort()).toEqual(changed.map((d) => d.id).sort());
    expect(comparison.totals.sourcedRevenue.differences[0]).toBeLessThan(0);
  });

  it('writes a Definitions Compared tab after the summary tabs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name).slice(-2)).toEqual(['Review', 'Definitions Compared']);
    const tab = workbook.getWorksheet('Definitions Compared')!;
    expect(tab.getRow(2).values).toEqual([undefined, 'Measure', 'Standard', 'Registered only', 'Any partner involvement',
      'Registered only − Standard', 'Any partner involvement − Standard']);
  });

  it('refuses one file, or --config beside --compare, in one clear line', () => {
    const one = runCli(['report', exampleWorkbook, '--compare', FILES[0]!]);
    expect(one.code).toBe(1);
    expect(isOneCleanLine(one.stderr)).toBe(true);
    expect(one.stderr).toContain('--compare needs two or three policy files');
    const both = runCli(['report', exampleWorkbook, '--config', FILES[0]!, '--compare', FILES[1]!, FILES[2]!]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('leave --config out');
  });
});
