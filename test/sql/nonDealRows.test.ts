/**
 * Rows that are not deals, in the warehouse: the DuckDB script `sql --detect` prints, run on the raw
 * CSV as a user loads it, skips Excel's Subtotal rows, a grand total, a repeated header and
 * Salesforce's report footer as the CLI does, and gives the CLI's numbers to the cent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from './duckDbHarness';
import type { SqlRun } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';
import type { Comparable } from './compareWithEngine';
import { cliAnalysis, detectedRun } from './rawExport';
import type { Analysis } from '../../src/core/analyze';

const dir = mkdtempSync(join(tmpdir(), 'pa-nondeal-sql-'));

/** A CSV line as Excel writes it: fields quoted only when they must be. */
const line = (cells: readonly string[], sep: string): string =>
  cells.map((c) => (c.includes(sep) || /["\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

/** Deals and partner numbers without row numbers: the SQL numbers rows in the table (skipped ones keep theirs), the engine deal by deal. */
const comparable = (c: Comparable): unknown => ({ deals: c.deals.map(({ row: _row, ...rest }) => rest), partners: c.partners });

/** What the CLI skipped, as (data row, code, label): the engine's sheet rows made data rows (1 = the row under the header). */
const engineSkips = (analysis: Analysis, headerLine: number): [number, string, string][] =>
  analysis.summary.issues.filter((i) => ['TOTAL_ROW', 'HEADER_REPEATED', 'REPORT_FOOTER'].includes(i.code))
    .map((i) => [i.row! - headerLine, i.code, i.value]);
const sqlSkips = (run: SqlRun & { skipped: Record<string, unknown>[] }): [number, string, string][] =>
  run.skipped.map((r) => [r.rowNumber as number, r.code as string, r.label as string]);

const HEADER = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Partner Account', 'Lead Source'];
type Deal = [id: string, name: string, account: string, stage: string, cents: number, close: string, partner: string, lead: string];
const DEALS: Deal[] = [
  ['0061a00000AbC01', 'Initrode renewal', 'Initrode', 'Closed Won', 1200000, '1/14/2025', 'Acme Inc.', 'Partner Referral'],
  ['0061a00000AbC02', 'Initrode expansion', 'Initrode', 'Closed Won', 845050, '2/3/2025', 'Acme Inc.', 'Web'],
  ['0061a00000AbC03', 'Initrode pilot', 'Initrode', 'Negotiation', 300000, '6/30/2025', '', 'Web'],
  ['0061a00000AbC04', 'Total Logistics rollout', 'Total Logistics GmbH', 'Closed Won', 1999999, '3/9/2025', 'Globex', 'Partner Referral'],
  ['0061a00000AbC05', 'Total Logistics support', 'Total Logistics GmbH', 'Closed Lost', 450000, '4/1/2025', 'Globex', 'Web'],
  ['0061a00000AbC06', 'Vandelay import', 'Vandelay Industries', 'Closed Won', 75025, '5/20/2025', 'Smith, Jones & Co.', 'Partner Referral'],
];

/** Sums of cents per account, in the order the accounts come (the table is sorted by Account Name, as Subtotal needs). */
const groups = (): [string, number][] => {
  const out: [string, number][] = [];
  for (const d of DEALS) {
    const last = out[out.length - 1];
    if (last && last[0] === d[2]) last[1] += d[4];
    else out.push([d[2], d[4]]);
  }
  return out;
};

describe('rows that are not deals, in the DuckDB script on the raw export', () => {
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.close());

  it('skips Excel Data > Subtotal rows ("<account> Total" in Account Name, a column no field maps) and the Grand Total, as the CLI does', async () => {
    // US Excel, Save As "CSV (Comma delimited)": amounts as shown ("$12,000.00"), the SUBTOTAL values in the Amount column.
    const money = (cents: number): string => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    const rows: string[][] = [HEADER];
    for (const [account, sum] of groups()) {
      for (const d of DEALS.filter((x) => x[2] === account)) rows.push([d[0], d[1], d[2], d[3], money(d[4]), d[5], d[6], d[7]]);
      rows.push(['', '', `${account} Total`, '', money(sum), '', '', '']);
    }
    rows.push(['', '', 'Grand Total', '', money(DEALS.reduce((n, d) => n + d[4], 0)), '', '', '']);
    const csv = join(dir, 'subtotals.csv');
    writeFileSync(csv, `${rows.map((r) => line(r, ',')).join('\r\n')}\r\n`);

    const run = await detectedRun(db.connection, csv, { dir, mapping: { order: 'rowid' } });
    const analysis = await cliAnalysis(csv);
    expect(analysis.summary.totals.deals).toBe(DEALS.length);
    expect(sqlSkips(run)).toEqual(engineSkips(analysis, 1));
    expect(sqlSkips(run).map(([, , label]) => label)).toEqual(['Initrode Total', 'Total Logistics GmbH Total', 'Vandelay Industries Total', 'Grand Total']);
    expect(comparable(fromSql(run))).toEqual(comparable(fromEngine(analysis)));
    expect(run.deals.reduce((n, d) => n + (d.status === 'won' ? (d.amount as number) : 0), 0)).toBeCloseTo(analysis.summary.totals.revenue, 2);
  });

  it('skips Salesforce\'s report footer and a second export\'s header pasted below the first (loaded with null_padding)', async () => {
    // Salesforce "Export Details" CSV: every field quoted, then a blank line and the footer lines, one field each.
    const quoted = (cells: readonly string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    const body = DEALS.slice(0, 3).map((d) => [d[0], d[1], d[2], d[3], (d[4] / 100).toFixed(2), d[5], d[6], d[7]]);
    const more = DEALS.slice(3).map((d) => [d[0], d[1], d[2], d[3], (d[4] / 100).toFixed(2), d[5], d[6], d[7]]);
    const text = [quoted(HEADER), ...body.map(quoted), quoted(HEADER), ...more.map(quoted), '',
      '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."',
      '"Generated By:  Jane Doe  3/4/2025 10:12 AM"', '"Acme Corp"'].join('\n');
    const csv = join(dir, 'salesforce.csv');
    writeFileSync(csv, `${text}\n`);

    const run = await detectedRun(db.connection, csv, { dir, mapping: { order: 'rowid' }, readCsv: 'null_padding = true', allText: true });
    const analysis = await cliAnalysis(csv);
    // DuckDB drops the blank line the engine counts as a sheet row: the footers sit one data row earlier in the table.
    const engine = engineSkips(analysis, 1).map(([row, code, label]): [number, string, string] => [code === 'REPORT_FOOTER' ? row - 1 : row, code, label]);
    expect(sqlSkips(run)).toEqual(engine);
    expect(sqlSkips(run).map(([, code]) => code)).toEqual(['HEADER_REPEATED', 'REPORT_FOOTER', 'REPORT_FOOTER', 'REPORT_FOOTER']);
    expect(comparable(fromSql(run))).toEqual(comparable(fromEngine(analysis)));
  });

  it('skips a German Excel\'s subtotals ("<Phase> Ergebnis", "Gesamtergebnis") in a semicolon CSV with decimal commas', async () => {
    // German Excel, "CSV UTF-8 (Trennzeichen-getrennt)": a BOM, ";" between fields, "12.000,00 €", "14.01.2025".
    const euro = (cents: number): string => `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`;
    const german = (us: string): string => { const [m, d, y] = us.split('/'); return `${d!.padStart(2, '0')}.${m!.padStart(2, '0')}.${y}`; };
    const byStage = [...DEALS].sort((a, b) => a[3].localeCompare(b[3]));
    const rows: string[][] = [HEADER];
    let stage = '';
    let sum = 0;
    for (const d of byStage) {
      if (stage !== '' && d[3] !== stage) { rows.push(['', '', '', `${stage} Ergebnis`, euro(sum), '', '', '']); sum = 0; }
      stage = d[3];
      sum += d[4];
      rows.push([d[0], d[1], d[2], d[3], euro(d[4]), german(d[5]), d[6], d[7]]);
    }
    rows.push(['', '', '', `${stage} Ergebnis`, euro(sum), '', '', '']);
    rows.push(['', '', '', 'Gesamtergebnis', euro(DEALS.reduce((n, d) => n + d[4], 0)), '', '', '']);
    const csv = join(dir, 'german.csv');
    writeFileSync(csv, `\uFEFF${rows.map((r) => line(r, ';')).join('\r\n')}\r\n`);

    const run = await detectedRun(db.connection, csv, { dir, mapping: { order: 'rowid' }, readCsv: "delim = ';'", allText: true });
    expect(run.script).toContain('decimal comma');
    const analysis = await cliAnalysis(csv);
    expect(analysis.summary.totals.deals).toBe(DEALS.length);
    expect(sqlSkips(run)).toEqual(engineSkips(analysis, 1));
    expect(sqlSkips(run).map(([, , label]) => label)).toEqual(['Closed Lost Ergebnis', 'Closed Won Ergebnis', 'Negotiation Ergebnis', 'Gesamtergebnis']);
    expect(comparable(fromSql(run))).toEqual(comparable(fromEngine(analysis)));
  });

  it('skips Subtotal rows that count deals ("<account> Count", "Grand Count"), which only the group above identifies', async () => {
    const rows: string[][] = [HEADER];
    for (const [account] of groups()) {
      const deals = DEALS.filter((x) => x[2] === account);
      for (const d of deals) rows.push([d[0], d[1], d[2], d[3], (d[4] / 100).toFixed(2), d[5], d[6], d[7]]);
      rows.push(['', '', `${account} Count`, '', String(deals.length), '', '', '']);
    }
    rows.push(['', '', 'Grand Count', '', String(DEALS.length), '', '', '']);
    const csv = join(dir, 'counts.csv');
    writeFileSync(csv, `${rows.map((r) => line(r, ',')).join('\n')}\n`);
    const run = await detectedRun(db.connection, csv, { dir, mapping: { order: 'rowid' } });
    const analysis = await cliAnalysis(csv);
    expect(analysis.summary.totals.deals).toBe(DEALS.length);
    expect(sqlSkips(run)).toEqual(engineSkips(analysis, 1));
    expect(sqlSkips(run)).toHaveLength(groups().length + 1);
    expect(comparable(fromSql(run))).toEqual(comparable(fromEngine(analysis)));
  });

  it('keeps a deal whose name only looks like a total, and reads a "Total" row without an ID as a total', async () => {
    const rows: string[][] = [['Deal Name', 'Deal Stage', 'Amount'], ['Total Logistics GmbH', 'Closed Won', '4000'], ['Sum Sistemas SA', 'Closed Won', '1500'],
      ['Total Q1 (won)', '', '5500'], ['Totalplay', 'Closed Won', '700'], ['Total', '', '6200']];
    const csv = join(dir, 'hand-made.csv');
    writeFileSync(csv, `${rows.map((r) => line(r, ',')).join('\n')}\n`);
    const run = await detectedRun(db.connection, csv, { dir, mapping: { order: 'rowid' } });
    const analysis = await cliAnalysis(csv);
    expect(sqlSkips(run)).toEqual(engineSkips(analysis, 1));
    expect(sqlSkips(run)).toEqual([[3, 'TOTAL_ROW', 'Total Q1 (won)'], [5, 'TOTAL_ROW', 'Total']]);
    expect(comparable(fromSql(run))).toEqual(comparable(fromEngine(analysis)));
  });
});
