/**
 * The command line as a user runs it: `partner-attribution report` on the example workbook, the real
 * pipeline export and broken files; what it prints, what it writes, and that it fails cleanly.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/core';
import { TAB_NAMES } from '../../src/core';
import { buildCli, exampleWorkbook, filesIn, isOneCleanLine, libreOfficeFirstTabCsv, repoRoot, runCli, sharedRoot, tempDir } from './cliHarness';

const pipelineCsv = path.join(sharedRoot, 'data', 'crm-pipeline', 'sales_pipeline.csv');
// The contract ships in docs/ for people who clone the repository; it must stay the one the product is held to.
const schemaPath = path.join(repoRoot, 'docs', 'summary.schema.json');
const upstreamSchema = path.join(sharedRoot, 'summary.schema.json');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const cents = (n: number): number => Math.round(n * 100);

beforeAll(() => {
  buildCli();
});

(existsSync(upstreamSchema) ? it : it.skip)('ships the JSON summary contract unchanged in docs/summary.schema.json', () => {
  expect(readJson(schemaPath)).toEqual(readJson(upstreamSchema));
});

describe('partner-attribution report on the example workbook', () => {
  const dir = tempDir();
  const out = path.join(dir, 'out', 'partner-report.xlsx');
  const json = path.join(dir, 'out', 'partner-report.json');
  let run: ReturnType<typeof runCli>;
  let summary: Summary;

  beforeAll(() => {
    run = runCli(['report', exampleWorkbook, '--out', out, '--json', json]);
    summary = readJson<Summary>(json);
  });

  it('succeeds and writes the workbook and the JSON summary into a new folder', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(filesIn(path.join(dir, 'out'))).toEqual(['partner-report.json', 'partner-report.xlsx']);
  });

  it('uses the Touches, Partners, FX Rates and Attribution Overrides tabs of the same workbook', () => {
    expect(run.stdout).toContain('also read');
    for (const tab of ['Touches', 'Partners', 'FX Rates', 'Attribution Overrides']) expect(run.stdout).toContain(`tab "${tab}"`);
    // The FX tab converts EUR and GBP deals; JPY has no rate and is reported.
    expect(summary.issues.some((i) => i.code === 'CURRENCY_NO_RATE' && i.value === 'JPY')).toBe(true);
    expect(summary.deals.some((d) => d.reason.includes('email') || d.reason.includes('demo'))).toBe(true);
  });

  it('prints the KPIs, the top 10 partners, the issue count and where the files went', () => {
    const t = summary.totals;
    const money = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(run.stdout).toMatch(new RegExp(`Revenue \\(won\\)\\s+${money(t.revenue).replace(/[.,]/g, '\\$&')}`));
    expect(run.stdout).toMatch(new RegExp(`Partner-led\\s+${money(t.partnerLedRevenue).replace(/[.,]/g, '\\$&')}\\s+${(t.partnerLedShare! * 100).toFixed(1)}%`));
    expect(run.stdout).toContain('Win rate');
    expect(run.stdout).toContain(`Top 10 of ${summary.partners.length} partners by credited revenue`);
    expect(run.stdout).toContain(summary.partners[0]!.partner);
    expect(run.stdout).toMatch(/Data issues: \d+ errors?, \d+ warnings?, \d+ info/);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(run.stdout).toContain(`Wrote ${json}`);
  });

  it('writes a JSON summary that validates against the shared schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(readJson<object>(schemaPath));
    const valid = validate(summary);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('reports the dirty values the example was built with', () => {
    const codes = new Set(summary.issues.map((i) => i.code));
    for (const code of ['DUPLICATE_ID', 'CELL_ERROR', 'STAGE_MISSING', 'CURRENCY_NO_RATE', 'SOURCING_CONFLICT', 'PARTNER_MERGED']) {
      expect(codes).toContain(code);
    }
    const conflict = summary.deals.find((d) => d.row === 145)!;
    expect(conflict.sourcingPartner).toBe('Umbrella Partners');
    expect(conflict.reason).toMatch(/Acme Inc\./);
  });

  it('writes the five summary tabs and the Review tab, with one Deal Attribution row per deal', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...TAB_NAMES, 'Review']); // the review queue's tab follows the summary tabs (issue 18)
    const attribution = workbook.getWorksheet('Deal Attribution')!;
    const ids = new Set<string>();
    attribution.eachRow((row) => { row.eachCell((cell) => { if (typeof cell.value === 'string' && /^OPP-\d+$/.test(cell.value)) ids.add(cell.value); }); });
    expect(ids.size).toBe(new Set(summary.deals.map((d) => d.id)).size);
  });

  it('opens in LibreOffice, and its Partner Summary shows the same revenue, partner-led revenue and partner credits as the JSON', () => {
    const grid = parse(libreOfficeFirstTabCsv(out), { relax_column_count: true }) as string[][];
    const rowLabelled = (label: string): string[] => grid.find((row) => row[0] === label) ?? [];
    expect(Number(rowLabelled('Total')[1])).toBe(summary.totals.revenue);
    expect(Number(rowLabelled('Partner-led')[1])).toBe(summary.totals.partnerLedRevenue);

    const headerIndex = grid.findIndex((row) => row[0] === 'Partner' && row.includes('Credited Revenue'));
    expect(headerIndex).toBeGreaterThan(0);
    const creditedCol = grid[headerIndex]!.indexOf('Credited Revenue');
    const shown = new Map<string, number>();
    for (const row of grid.slice(headerIndex + 1)) {
      if (!row[0] || row[0] === 'Total') break;
      shown.set(row[0], Number(row[creditedCol]));
    }
    expect(shown.size).toBe(summary.partners.length);
    for (const partner of summary.partners) expect(shown.get(partner.partner)).toBe(partner.creditedRevenue);
    // Sourced + Influenced + Resold Credit make each partner's Credited Revenue, and the Total row is partner-led revenue.
    const header = grid[headerIndex]!;
    const [sourced, influenced, resold] = ['Sourced Credit', 'Influenced Credit', 'Resold Credit'].map((label) => header.indexOf(label));
    for (const row of grid.slice(headerIndex + 1, headerIndex + 1 + shown.size)) {
      expect(Math.round((Number(row[sourced!]) + Number(row[influenced!]) + Number(row[resold!])) * 100)).toBe(Math.round(Number(row[creditedCol]) * 100));
    }
    const total = grid[headerIndex + 1 + shown.size]!;
    expect(total[0]).toBe('Total');
    expect(Number(total[creditedCol])).toBe(summary.totals.partnerLedRevenue);
  });

  it('gives the same summary in every time zone (dates are calendar days)', () => {
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles']) {
      const other = path.join(dir, `${tz.replace('/', '-')}.json`);
      expect(runCli(['report', exampleWorkbook, '--json', other], { env: { TZ: tz } }).code).toBe(0);
      expect(readJson<Summary>(other)).toEqual(summary);
    }
  });

  it('names deals by their sheet rows (header on row 4, first deal on row 5)', () => {
    expect(summary.deals[0]).toMatchObject({ row: 5, id: 'OPP-10001' });
  });
});

describe('partner-attribution report on the real pipeline export', () => {
  const rows = parse(readFileSync(pipelineCsv), { columns: true }) as Record<string, string>[];
  const wonRevenue = rows.filter((r) => r.deal_stage === 'Won').reduce((sum, r) => sum + cents(Number(r.close_value)), 0) / 100;

  it('reads all 8,800 deals and books the close_value of Won rows as revenue', () => {
    const dir = tempDir();
    const json = path.join(dir, 'pipeline.json');
    const run = runCli(['report', pipelineCsv, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { totals } = readJson<Summary>(json);
    expect(totals.deals).toBe(8800);
    expect(totals.wonDeals + totals.lostDeals + totals.openDeals).toBe(totals.deals);
    expect(totals.wonDeals).toBe(rows.filter((r) => r.deal_stage === 'Won').length);
    expect(totals.revenue).toBeCloseTo(wonRevenue, 2);
    expect(totals.partnerLedRevenue).toBe(0);
    expect(totals.directRevenue).toBeCloseTo(wonRevenue, 2);
  });

  it('shows partner-led revenue once a Partner column is added', () => {
    const dir = tempDir();
    const partners = ['Acme Inc.', 'Globex', 'Initech'];
    const lines = readFileSync(pipelineCsv, 'utf8').trimEnd().split(/\r?\n/);
    // Every third deal names a partner (no role, no lead source: a partner that influenced the deal).
    const withPartner = lines.map((line, i) => `${line},${i === 0 ? 'Partner' : i % 3 === 0 ? partners[Math.floor(i / 3) % partners.length] : ''}`);
    const csv = path.join(dir, 'pipeline-with-partner.csv');
    writeFileSync(csv, `${withPartner.join('\n')}\n`);
    const expected = rows.filter((r, i) => r.deal_stage === 'Won' && (i + 1) % 3 === 0)
      .reduce((sum, r) => sum + cents(Number(r.close_value)), 0) / 100;

    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', csv, '--json', json]);
    expect(run.code).toBe(0);
    const summary = readJson<Summary>(json);
    expect(summary.totals.partnerLedRevenue).toBeCloseTo(expected, 2);
    expect(summary.totals.partnerLedRevenue).toBeGreaterThan(0);
    expect(summary.partners.map((p) => p.partner).sort()).toEqual(['Acme Inc.', 'Globex', 'Initech']);
    const credited = summary.partners.reduce((sum, p) => sum + cents(p.creditedRevenue), 0) / 100;
    expect(credited).toBeCloseTo(summary.totals.partnerLedRevenue, 2);
  });
});

describe('partner-attribution report with tables from their own files', () => {
  it('applies --touches, --partners and --fx given as CSV files', () => {
    const dir = tempDir();
    const file = (name: string, text: string): string => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const deals = file('deals.csv', 'Deal ID,Amount,Currency,Stage,Created Date,Close Date\n'
      + 'D1,1000,USD,Closed Won,2024-03-01,2024-04-15\nD2,100,EUR,Closed Won,2024-03-01,2024-04-20\nD3,50,USD,Closed Won,2024-03-01,2024-04-20\n');
    const touches = file('touches.csv', 'Deal ID,Partner,Activity,Date\nD1,Globex Corp,Demo,2024-03-10\nD3,Globex,Email,2024-03-10\n');
    const partners = file('partners.csv', 'Partner,Aliases,Tier,Type,Region\nGlobex Corporation,Globex Corp; Globex,Gold,SI,EMEA\n');
    const fx = file('fx.csv', 'Currency,Rate\nEUR,2\n');
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', deals, '--touches', touches, '--partners', partners, '--fx', fx, '--json', json]);
    expect(run.stderr).toBe('');
    const summary = readJson<Summary>(json);
    expect(summary.totals.revenue).toBe(1000 + 200 + 50);
    expect(summary.deals.map((d) => d.motion)).toEqual(['influenced', 'direct', 'direct']);
    expect(summary.partners).toHaveLength(1);
    expect(summary.partners[0]).toMatchObject({ partner: 'Globex Corporation', tier: 'Gold', creditedRevenue: 1000 });
  });

  it('finds the deals table on a later tab when the first tab holds something else', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRows([['This workbook holds our Q3 pipeline.'], ['Owner: channel team']]);
    workbook.addWorksheet('Pipeline').addRows([['Deal ID', 'Amount', 'Stage', 'Partner'], ['D1', 500, 'Closed Won', 'Acme'], ['D2', 250, 'Closed Won', '']]);
    const file = path.join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(file);
    const json = path.join(dir, 's.json');
    const run = runCli(['report', file, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tab "Pipeline"');
    expect(readJson<Summary>(json).totals).toMatchObject({ revenue: 750, partnerLedRevenue: 500 });
  });

  it('picks the deals tab named by --sheet, and lists the tabs when the name is wrong', () => {
    const dir = tempDir();
    const ok = runCli(['report', exampleWorkbook, '--sheet', 'deals', '--json', path.join(dir, 's.json')]);
    expect(ok.code).toBe(0);
    const bad = runCli(['report', exampleWorkbook, '--sheet', 'Pipeline', '--json', path.join(dir, 't.json')]);
    expect(bad.code).toBe(1);
    expect(isOneCleanLine(bad.stderr)).toBe(true);
    expect(bad.stderr).toContain('has no tab named "Pipeline". Its tabs are: "Deals", "Touches", "Partners", "FX Rates", "Attribution Overrides".');
  });
});

describe('partner-attribution report with a policy file', () => {
  it('follows the policy: with conflictPolicy "flag" the conflicting claim gives no one sourced credit', () => {
    const dir = tempDir();
    const config = path.join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify({ conflictPolicy: 'flag' }));
    const json = path.join(dir, 'summary.json');
    const run = runCli(['report', exampleWorkbook, '--config', config, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`policy ${config}`);
    const conflict = readJson<Summary>(json).deals.find((d) => d.row === 145)!;
    expect(conflict.sourcingPartner).toBeNull();
    expect(conflict.motion).not.toBe('sourced');
  });

  it('names an unknown key in one line and writes nothing', () => {
    const dir = tempDir();
    const config = path.join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify({ influenceModel: 'even', registrationGraceDayz: 10 }));
    const run = runCli(['report', exampleWorkbook, '--config', config, '--json', path.join(dir, 'summary.json')]);
    expect(run.code).toBe(1);
    expect(isOneCleanLine(run.stderr)).toBe(true);
    expect(run.stderr).toContain('Unknown policy setting "registrationGraceDayz"');
    expect(run.stderr).toContain('policy.json');
    expect(filesIn(dir)).toEqual(['policy.json']);
  });

  it('names a bad value and says a file that is not JSON is not JSON', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ influenceModel: 'linear' }));
    writeFileSync(path.join(dir, 'broken.json'), '{ influenceModel: even }');
    const bad = runCli(['report', exampleWorkbook, '--config', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Policy setting "influenceModel" must be one of .*got "linear"/);
    const broken = runCli(['report', exampleWorkbook, '--config', path.join(dir, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(isOneCleanLine(broken.stderr)).toBe(true);
    expect(broken.stderr).toContain('is not valid JSON');
  });
});

describe('partner-attribution report on bad input', () => {
  /** Runs the report into a fresh folder and checks: exit 1, one clean line, nothing written. */
  function failsCleanly(deals: string, extra: string[] = []): string {
    const outDir = tempDir('pa-out-');
    const run = runCli(['report', deals, '--out', path.join(outDir, 'r.xlsx'), '--json', path.join(outDir, 'r.json'), ...extra]);
    expect(run.code).toBe(1);
    expect(isOneCleanLine(run.stderr)).toBe(true);
    expect(run.stdout).toBe('');
    expect(filesIn(outDir)).toEqual([]);
    return run.stderr;
  }
  const dir = tempDir('pa-bad-');
  const file = (name: string, content: string | Buffer): string => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('says a text file that is not a table has no header row', () => {
    const stderr = failsCleanly(file('notes.txt', 'Meeting notes\nWe talked about the channel plan.\nNext steps: call Acme.\n'));
    expect(stderr).toMatch(/notes\.txt: .*header/i);
  });

  it('says a table without an amount column has no amount column', () => {
    const stderr = failsCleanly(file('no-amount.csv', 'Deal ID,Partner,Stage,Close Date\nD1,Acme,Closed Won,2024-01-05\n'));
    expect(stderr).toMatch(/amount/i);
  });

  it('says a missing file does not exist', () => {
    expect(failsCleanly(path.join(dir, 'missing.xlsx'))).toMatch(/"[^"]*missing\.xlsx" does not exist; check the path/);
  });

  it('says a corrupt .xlsx is damaged', () => {
    const bytes = readFileSync(exampleWorkbook);
    const stderr = failsCleanly(file('corrupt.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(stderr).toContain('could not be opened as an Excel workbook: the file is damaged');
  });

  it('says binary garbage is not a CSV file', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(failsCleanly(file('garbage.csv', garbage))).toContain('is not a text (CSV) file');
    expect(failsCleanly(file('garbage.bin', garbage))).toContain('is not a text (CSV) file');
  });

  it('says where a CSV has an unbalanced quote', () => {
    const stderr = failsCleanly(file('quotes.csv', 'Deal ID,Amount,Partner\nD1,100,"Acme\nD2,200,Globex\n'));
    expect(stderr).toContain('quoted field starting on line 2 that is never closed');
  });

  it('says an unwritable --out cannot be written, and writes neither file', () => {
    const blocker = file('blocker', 'a file where a folder should be');
    const jsonDir = tempDir('pa-out-');
    const run = runCli(['report', exampleWorkbook, '--out', path.join(blocker, 'r.xlsx'), '--json', path.join(jsonDir, 'r.json')]);
    expect(run.code).toBe(1);
    expect(isOneCleanLine(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/output folder for --out .*blocker/);
    expect(filesIn(jsonDir)).toEqual([]);
  });

  it('refuses to write the report over its input file', () => {
    const input = path.join(tempDir(), 'deals.xlsx');
    copyFileSync(exampleWorkbook, input);
    const before = readFileSync(input);
    const run = runCli(['report', input, '--out', input]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is one of the input files; refusing to overwrite it');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('explains a misspelt flag, a missing file argument and an unknown command in one line each', () => {
    for (const args of [['report', exampleWorkbook, '--output', 'x.xlsx'], ['report'], ['reprot', exampleWorkbook], []]) {
      const run = runCli(args);
      expect(run.code).toBe(1);
      expect(isOneCleanLine(run.stderr)).toBe(true);
    }
  });
});

describe('partner-attribution --help and --version', () => {
  it('prints the usage, the flags and that the workbook has charts', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: partner-attribution report <deals.csv|deals.xlsx>');
    for (const flag of ['--sheet', '--touches', '--partners', '--fx', '--config', '--out', '--json']) expect(run.stdout).toContain(flag);
    expect(run.stdout).toContain('has charts like the add-ins');
  });

  it('prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.stdout.trim()).toBe(readJson<{ version: string }>(path.join(repoRoot, 'package.json')).version);
  });
});

it('leaves no temp files next to the outputs after a successful run', () => {
  const dir = tempDir();
  runCli(['report', exampleWorkbook, '--json', path.join(dir, 'a.json')]);
  expect(filesIn(dir)).toEqual(['a.json']);
  expect(existsSync(path.join(dir, 'a.json'))).toBe(true);
});
