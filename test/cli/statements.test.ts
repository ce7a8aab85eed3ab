/** `report --statements DIR`: one workbook per credited partner that reconciles with the summary and shows no one else's deals. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/core';
import { buildCli, exampleWorkbook, repoRoot, runCli, tempDir } from './cliHarness';
import { readFileSync } from 'node:fs';

interface Statement { figures: Map<string, number>; dealIds: string[]; credits: number[]; payoutTotal: number | null }

/** The statement as a reader sees it: the key figures, the deal rows and the payout lines' total. */
async function readStatement(file: string): Promise<Statement> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const figures = new Map<string, number>();
  const dealIds: string[] = [];
  const credits: number[] = [];
  let payoutTotal: number | null = null;
  let section: 'figures' | 'deals' | 'lines' | null = null;
  let creditCol = 0;
  sheet.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === 'Figure') { section = 'figures'; return; }
    if (first === 'Deal ID') { section = 'deals'; creditCol = (row.values as unknown[]).findIndex((v) => String(v ?? "").startsWith('Credit (')); return; }
    if (first === 'Period') { section = 'lines'; return; }
    if (section === 'figures' && typeof row.getCell(2).value === 'number') figures.set(String(first), row.getCell(2).value as number);
    if (section === 'deals' && typeof row.getCell(creditCol).value === 'number') { dealIds.push(String(first)); credits.push(row.getCell(creditCol).value as number); }
    if (section === 'lines' && first === 'Total') payoutTotal = row.getCell(6).value as number;
  });
  return { figures, dealIds, credits, payoutTotal };
}

const cents = (n: number): number => Math.round(n * 100);

describe('partner statements on the example workbook with its incentive plan', () => {
  const dir = tempDir();
  const statements = path.join(dir, 'statements');
  const json = path.join(dir, 'summary.json');
  let summary: Summary;

  beforeAll(() => {
    buildCli();
    const run = runCli(['report', exampleWorkbook, '--config', path.join(repoRoot, 'examples', 'policy.json'), '--statements', statements, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/partner statements\)/);
    summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
  });

  it('writes one workbook per partner with credit', () => {
    const credited = new Set(summary.deals.flatMap((d) => Object.keys(d.credits)));
    expect(readdirSync(statements)).toHaveLength(credited.size);
  });

  it('reconciles every statement with the partner\'s row on Partner Summary and Partner Payouts, to the cent', async () => {
    for (const partner of summary.partners.filter((p) => p.creditedRevenue !== 0 || p.creditedPipeline !== 0)) {
      const file = path.join(statements, `${partner.partner.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.xlsx`);
      const s = await readStatement(file);
      expect(cents(s.figures.get('Credited revenue (won deals)')!)).toBe(cents(partner.creditedRevenue));
      expect(cents(s.figures.get('Credited pipeline (open deals)')!)).toBe(cents(partner.creditedPipeline));
      const payout = summary.payouts!.partners.filter((p) => p.partner === partner.partner).reduce((a, p) => a + cents(p.payout), 0);
      expect(cents(s.figures.get('Payouts')!)).toBe(payout);
      expect(cents(s.payoutTotal!)).toBe(payout);
    }
  });

  it('never lists a deal the partner had no credit on, and lists every one it had', async () => {
    for (const file of readdirSync(statements)) {
      const s = await readStatement(path.join(statements, file));
      const partner = summary.partners.find((p) => `${p.partner.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.xlsx` === file)!.partner;
      const theirs = summary.deals.filter((d) => d.counted !== false && d.credits[partner] !== undefined && d.status !== 'lost');
      expect([...s.dealIds].sort()).toEqual(theirs.map((d) => d.id).sort());
      s.dealIds.forEach((id, i) => expect(cents(s.credits[i]!)).toBe(cents(theirs.find((d) => d.id === id)!.credits[partner]!)));
    }
  });
});

describe('--statements without an incentive plan', () => {
  it('writes the credit part of each statement and no payout lines', async () => {
    const dir = tempDir();
    const run = runCli(['report', exampleWorkbook, '--statements', dir]);
    expect(run.code).toBe(0);
    const s = await readStatement(path.join(dir, readdirSync(dir)[0]!));
    expect(s.dealIds.length).toBeGreaterThan(0);
    expect(s.figures.has('Payouts')).toBe(false);
    expect(s.payoutTotal).toBeNull();
  });

  it('refuses a --statements path that is a file, in one line', () => {
    const run = runCli(['report', exampleWorkbook, '--statements', exampleWorkbook]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('is a file');
  });
});
