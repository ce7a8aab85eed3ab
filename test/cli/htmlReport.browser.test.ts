/**
 * `report --html` (and, with --statements, the statement pages) opened in real headless Chromium: no
 * console errors, nothing loaded, charts drawn, the partner table reconciling, readable at 1280 px and printable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Summary } from '../../src/core';
import { launchChromium } from '../sidebar/sidebarFixture';
import { buildCli, exampleWorkbook, isOneCleanLine, repoRoot, runCli, tempDir } from './cliHarness';

const cents = (text: string): number => Math.round(Number(text.replace(/,/g, '')) * 100);
const stem = (partner: string): string => partner.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

let browser: Browser;
beforeAll(async () => {
  buildCli();
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); });

interface Opened { page: Page; errors: string[]; requests: string[]; dialogs: string[] }

/** Opens a page from a file, recording console errors, page errors, dialogs and every request other than the page itself. */
async function open(file: string, width = 1280): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const url = `file://${file}`;
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, dialogs };
}

/** A table's body rows as cell texts, by its data-table name. */
const tableRows = (page: Page, name: string): Promise<string[][]> => page.$$eval(`table[data-table="${name}"] tbody tr`,
  (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
const tableHeader = (page: Page, name: string): Promise<string[]> => page.$$eval(`table[data-table="${name}"] thead th`,
  (ths) => ths.map((th) => (th.textContent ?? '').trim()));

describe('the HTML report of the example workbook', () => {
  const dir = tempDir('pa-html-');
  const html = path.join(dir, 'report.html');
  const json = path.join(dir, 'summary.json');
  const statements = path.join(dir, 'statements');
  let summary: Summary;
  let opened: Opened;

  beforeAll(async () => {
    const run = runCli(['report', exampleWorkbook, '--config', path.join(repoRoot, 'examples', 'policy.json'), '--html', html, '--json', json, '--statements', statements]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${html} (HTML report`);
    expect(run.stdout).toMatch(/partner statements, each as \.xlsx and \.html\)/);
    summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    opened = await open(html);
  });
  afterAll(async () => { await opened?.page.close(); });

  it('is one self-contained file: no script, no external file, no request, no console error', async () => {
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!www\.w3\.org)/i);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(await opened.page.evaluate(() => document.scripts.length)).toBe(0);
  });

  it('shows the key figures and the money headline in the reporting currency', async () => {
    const figures = await opened.page.locator('[data-section="key-figures"]').innerText();
    expect(figures).toContain('Partner-led revenue (USD)');
    expect(figures).toContain(summary.totals.partnerLedRevenue.toLocaleString('en-US', { minimumFractionDigits: 2 }));
    expect(await opened.page.locator('[data-section="headline"]').innerText()).toMatch(/2 of 203 won deals, 4,500,000.00 JPY and 1 amount unknown, are not in these totals/);
  });

  it('draws every chart as a visible SVG with marks', async () => {
    const charts = await opened.page.$$eval('figure.chart', (figures) => figures.map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      return { id: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: f.querySelectorAll('svg .role-mark path').length };
    }));
    expect(charts.map((c) => c.id)).toEqual(['motionSplit', 'topPartners', 'trendByMotion', 'pipelineCreated', 'trendByPartner']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(100);
      expect(c.marks).toBeGreaterThan(0);
    }
    // One bar per motion and one per top partner (the example has 14 partners, ten are named).
    expect(charts.find((c) => c.id === 'motionSplit')!.marks).toBe(4);
    expect(charts.find((c) => c.id === 'topPartners')!.marks).toBe(10);
    const legend = await opened.page.locator('figure[data-chart="trendByPartner"] svg').textContent();
    expect(legend).toContain('All others');
  });

  it('has a partner table whose Sourced + Influenced + Resold Credit = Credited Revenue on every row, with a Total of partner-led revenue', async () => {
    const header = await tableHeader(opened.page, 'partners');
    const at = (label: string): number => header.indexOf(label);
    expect(header).toEqual(expect.arrayContaining(['Sourced Credit (USD)', 'Influenced Credit (USD)', 'Resold Credit (USD)', 'Credited Revenue (USD)', 'Share of Partner-led Revenue']));
    const rows = await tableRows(opened.page, 'partners');
    expect(rows.slice(0, -1).map((r) => r[0])).toEqual(summary.partners.map((p) => p.partner));
    for (const r of rows) {
      expect(cents(r[at('Sourced Credit (USD)')]!) + cents(r[at('Influenced Credit (USD)')]!) + cents(r[at('Resold Credit (USD)')]!))
        .toBe(cents(r[at('Credited Revenue (USD)')]!));
    }
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Total');
    expect(cents(total[at('Credited Revenue (USD)')]!)).toBe(Math.round(summary.totals.partnerLedRevenue * 100));
    summary.partners.forEach((p, i) => expect(cents(rows[i]![at('Credited Revenue (USD)')]!)).toBe(Math.round(p.creditedRevenue * 100)));
  });

  it('lists every data issue of the example (fewer than the cap)', async () => {
    expect(await tableRows(opened.page, 'issues')).toHaveLength(summary.issues.length);
    expect(await opened.page.locator('[data-cap]').count()).toBe(0);
  });

  it('fits 1280 px without horizontal scrolling, and prints with no table cut off', async () => {
    const { page } = opened;
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
    // Landscape less 10 mm margins: A4 is about 1047 CSS px wide, Letter about 979.
    await page.emulateMedia({ media: 'print' });
    for (const width of [1047, 979]) {
      await page.setViewportSize({ width, height: 740 });
      const cut = await page.$$eval('.table-wrap', (wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).length);
      expect(cut).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    }
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    const letter = await page.pdf({ format: 'Letter', landscape: true });
    expect(letter.length).toBeGreaterThan(10_000);
  });

  it('writes each partner statement as a page listing only that partner\'s deals, its totals equal to its summary and payout rows', async () => {
    for (const partner of summary.partners.filter((p) => p.creditedRevenue !== 0 || p.creditedPipeline !== 0)) {
      const s = await open(path.join(statements, `${stem(partner.partner)}.html`));
      expect(s.errors).toEqual([]);
      expect(s.requests).toEqual([]);
      const figures = new Map((await tableRows(s.page, 'figures')).map((r) => [r[0]!, cents(r[1]!)]));
      expect(figures.get('Credited revenue (won deals)')).toBe(Math.round(partner.creditedRevenue * 100));
      expect(figures.get('Credited pipeline (open deals)')).toBe(Math.round(partner.creditedPipeline * 100));
      const payout = summary.payouts!.partners.filter((p) => p.partner === partner.partner).reduce((a, p) => a + Math.round(p.payout * 100), 0);
      expect(figures.get('Payouts')).toBe(payout);
      const header = await tableHeader(s.page, 'deals');
      const deals = await tableRows(s.page, 'deals');
      const theirs = summary.deals.filter((d) => d.counted !== false && d.status !== 'lost' && d.credits[partner.partner] !== undefined);
      expect(deals.map((r) => r[0]).sort()).toEqual(theirs.map((d) => d.id).sort());
      const credit = header.indexOf('Credit (USD)');
      const byId = new Map<string, number>();
      for (const r of deals) byId.set(r[0]!, (byId.get(r[0]!) ?? 0) + cents(r[credit]!));
      for (const d of theirs) expect(byId.get(d.id)).toBe(Math.round(d.credits[partner.partner]! * 100));
      const lines = await tableRows(s.page, 'payout-lines');
      expect(lines.at(-1)![0]).toBe('Total');
      expect(cents(lines.at(-1)![5]!)).toBe(payout);
      await s.page.close();
    }
  });
});

describe('the HTML report on hostile names and refused flags', () => {
  it('shows a partner named like markup as text, in the table and in the charts, and runs nothing', async () => {
    const dir = tempDir('pa-html-hostile-');
    const csv = path.join(dir, 'deals.csv');
    writeFileSync(csv, [
      'Opportunity ID,Opportunity Name,Stage,Amount,Close Date,Sourcing Partner,Influencing Partners',
      'OPP-1,Renewal,Closed Won,12000,2024-02-01,"<img src=x onerror=alert(1)>",Smith & Sons',
      'OPP-2,Expansion,Closed Won,8000,2024-05-01,Smith & Sons,',
      'OPP-3,New logo,Closed Won,5000,2024-08-01,,',
    ].join('\n'));
    const html = path.join(dir, 'report.html');
    const run = runCli(['report', csv, '--html', html]);
    expect(run.code).toBe(0);
    const { page, errors, requests, dialogs } = await open(html);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    const names = (await tableRows(page, 'partners')).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['<img src=x onerror=alert(1)>', 'Smith & Sons', 'Total']));
    expect(await page.locator('figure[data-chart="topPartners"] svg').textContent()).toContain('<img src=x onerror=al'); // the axis cuts long labels with …
    await page.close();
  });

  it('refuses --html - and a name that is not .html, in one line', () => {
    const dash = runCli(['report', exampleWorkbook, '--html', '-']);
    expect(dash.code).toBe(1);
    expect(isOneCleanLine(dash.stderr)).toBe(true);
    expect(dash.stderr).toMatch(/--html writes a file, not standard output/);
    const pdf = runCli(['report', exampleWorkbook, '--html', path.join(tempDir(), 'report.pdf')]);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/must be an \.html file name/);
  });
});
