/** The CSV delimiter comes from the header and the rows' shape: ';' inside partner lists does not make a comma CSV a semicolon one. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core';
import { detectDelimiter } from '../../src/cli/detectDelimiter';
import { readCsv } from '../../src/cli/readCsv';
import { tempDir } from './cliHarness';

const dir = tempDir('pa-delimiter-');
/** The grid and the delimiter found, as the CLI reads a deals CSV. */
const readCsvTable = (file: string): { grid: ReturnType<typeof readCsv>; delimiter: string } => {
  let delimiter = '';
  const grid = readCsv(file, undefined, (d) => { delimiter = d; });
  return { grid, delimiter };
};
const csvFile = (name: string, lines: string[], bom = false): string => {
  const file = path.join(dir, name);
  writeFileSync(file, `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
  return file;
};

describe('detecting the delimiter', () => {
  it('reads a US Salesforce CSV whose influencer lists hold ";" as a comma CSV', () => {
    // More ';' than ',' on every line: a count of characters would pick ';'.
    const file = csvFile('us-opportunities.csv', [
      'Opportunity ID,Stage,Amount,Influencing Partners',
      '0065g01,Closed Won,12000,Globex; Initech; Hooli; Umbrella; Soylent',
      '0065g02,Closed Won,8000,Globex; Initech; Hooli; Umbrella',
      '0065g03,Closed Won,5000,Umbrella; Soylent; Hooli; Globex',
    ]);
    const { grid, delimiter } = readCsvTable(file);
    expect(delimiter).toBe(',');
    const { summary } = analyze({ deals: grid, delimiter });
    expect(summary.totals.revenue).toBe(25000);
    expect(summary.partners.map((p) => p.partner).sort()).toEqual(['Globex', 'Hooli', 'Initech', 'Soylent', 'Umbrella']);
  });

  it('reads a German Excel CSV (";", "1.234,56", dd.mm.yyyy) with comma decimals and day-first dates', () => {
    const file = csvFile('de-verkaufschancen.csv', [
      'Deal ID;Deal Name;Deal Stage;Amount;Close Date;Partner',
      'D-1001;Müller Logistik;Closed Won;1.234,56;03.02.2025;Kühne Partner GmbH',
      'D-1002;Bäckerei Schmidt;Closed Won;12.500;01.07.2025;Kühne Partner GmbH',
      'D-1003;Stadtwerke Ulm;Negotiation;3.000,00;15.09.2025;',
    ], true);
    const { grid, delimiter } = readCsvTable(file);
    expect(delimiter).toBe(';');
    const { summary } = analyze({ deals: grid, delimiter });
    expect(summary.totals).toMatchObject({ deals: 3, revenue: 13734.56, pipeline: 3000 });
    expect(summary.periods.map((p) => p.period)).toEqual(['2025 Q1', '2025 Q3']);
    expect(summary.issues.map((i) => i.code)).toEqual(['LOCALE_DECIMAL_COMMA', 'LOCALE_DATE_PROVEN']);
  });

  it('finds the delimiter under an export title line', () => {
    expect(detectDelimiter('Deals export, all pipelines\n\nRecord ID;Deal Name;Amount\n1;A, B and C;1,5\n2;D;2\n')).toBe(';');
    expect(detectDelimiter('Record ID\tDeal Name\tAmount\n1\tA; B\t1,200\n')).toBe('\t');
  });

  it('falls back to the rows\' shape when no header is a known column name', () => {
    expect(detectDelimiter('Nummer;Kunde;Betrag\nA-1;Müller, Hans;1.234,56\nA-2;Schmidt;99,00\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2;3,4\n5,6,7\n')).toBe(',');
  });

  it('keeps a German FX Rates file semicolon-separated although its last rate holds a decimal comma', () => {
    expect(detectDelimiter('Currency;Rate\r\nEUR;1\r\nUSD;1,085\r\n')).toBe(';');
    expect(detectDelimiter('Währung;Kurs\nCHF;0,9412\nUSD;1,085\n')).toBe(';');
  });
});
