/** The Apps Script sidebar page (dist sidebar.html) in Chromium: self-contained, and talking only through google.script.run. */
import type { Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, ROOT, buildFixturePreview, launchChromium } from './sidebarFixture';

let browser: Browser;
let sidebarUrl: string;
let html: string;

beforeAll(async () => {
  const previewUrl = await buildFixturePreview('gas-build');
  sidebarUrl = previewUrl.replace(/preview\.html$/, 'sidebar.html');
  html = readFileSync(path.join(ARTIFACTS, 'gas-build/sidebar.html'), 'utf8');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

// A fake google.script.run in the page, answering like the add-on's server would.
const fakeGoogle = (): void => {
  const settings = { version: 1, tab: null, mapping: {}, policy: {} };
  const totals = {
    deals: 4, wonDeals: 3, lostDeals: 0, openDeals: 1, revenue: 1000, pipeline: 500,
    partnerLedRevenue: 500, sourcedRevenue: 250, influencedRevenue: 250, resoldRevenue: 0, directRevenue: 500,
    partnerLedShare: 0.5, sourcedShare: 0.25, influencedShare: 0.25, resoldShare: 0, directShare: 0.5,
    sourcedPipeline: 0, influencedPipeline: 0, resoldPipeline: 0, partnerLedPipeline: 0,
    partnerWinRate: null, directWinRate: null, partnerAvgDealSize: null, directAvgDealSize: null, partnerAvgCycleDays: null, directAvgCycleDays: null,
  };
  const server: Record<string, (...args: unknown[]) => unknown> = {
    paLoadSettings: () => settings,
    paSaveSettings: () => undefined,
    paDetect: () => ({
      tabs: ['Deals'], tab: 'Deals', range: 'A1:B5', headerRow: 1, headers: ['Deal ID', 'Amount'],
      fields: [{ field: 'amount', label: 'Amount', required: true, column: 1, source: 'detected' }],
      stages: [], currencies: ['EUR'], dealRows: 4, settings,
    }),
    paPreview: () => ({ reportingCurrency: 'EUR', totals, topPartners: [{ partner: 'Acme', creditedRevenue: 500, shareOfPartnerLed: 1 }], issueCount: { error: 0, warning: 0, info: 0 }, headline: [] }),
    paWriteSummary: () => { throw new Error('Exception: You do not have permission to edit this spreadsheet.'); },
  };
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (h: (v: unknown) => void) => make(h, fail),
      withFailureHandler: (h: (e: unknown) => void) => make(ok, h),
    };
    for (const [name, fn] of Object.entries(server)) {
      runner[name] = (...args: unknown[]) => setTimeout(() => {
        try { ok?.(fn(...args)); } catch (error) { fail?.(error); }
      }, 5);
    }
    return runner;
  };
  (window as unknown as { google: unknown }).google = { script: { run: make() } };
};

describe('the Apps Script sidebar page', () => {
  test('is one self-contained file: no external scripts, styles or images', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<base target="_top">');
  });

  test('shows the server\'s preview, and a server error as a sentence with what to do next', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await page.addInitScript(fakeGoogle);
    await page.goto(sidebarUrl);
    await page.waitForFunction(() => document.querySelector('[data-kpi="partnerLedShare"]')?.textContent === '50.0%');
    expect(await page.locator('.top-partners').innerText()).toContain('Acme');
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    const notice = page.locator('[data-notice="action"]');
    await notice.getByText('Could not write the summary tabs: You do not have permission to edit this spreadsheet.').waitFor();
    expect(await notice.innerText()).toContain('Reopen the add-on from the menu and allow it access to this file');
    expect(await page.locator('button[name="writeSummary"]').isEnabled()).toBe(true);
    await page.close();
  });

  test('outside Google Sheets, says how to open it instead of failing silently', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await page.goto(sidebarUrl);
    await page.locator('[data-notice="data"]').getByText(/Open it from Extensions > Partner Attribution\./).waitFor();
    await page.close();
  });
});

describe('the sidebar build', () => {
  test('names the missing workbook and how to create it', () => {
    const script = `import(${JSON.stringify(path.join(ROOT, 'scripts/build/sidebar.mjs'))}).then((m) => m.build({ workbook: 'no/such.xlsx', outDir: ${JSON.stringify(path.join(ARTIFACTS, 'unused'))} })).catch((e) => { console.error(e.message); process.exit(3); })`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toBe('build sidebar: no/such.xlsx does not exist, so the preview has no workbook to show. Create it with "npm run example", then build again.');
  });
});
