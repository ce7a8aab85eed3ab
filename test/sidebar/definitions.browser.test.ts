/** The definition choice, "Compare definitions" and "Create a statement for…" in the built sidebar, in headless Chromium (demo bridge). */
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { ARTIFACTS, HOSTILE, buildFixturePreview, launchChromium } from './sidebarFixture';

let browser: Browser;
let previewUrl: string;

beforeAll(async () => {
  previewUrl = await buildFixturePreview('definitions');
  browser = await launchChromium();
});

afterAll(async () => { await browser?.close(); });

async function open(): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await page.goto(`${previewUrl}?delay=0`);
  await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
  return { page, errors, dialogs };
}

const sourcedShare = (page: Page): Promise<string> => page.locator('[data-kpi="sourcedShare"]').innerText();
const waitForShare = (page: Page, share: string): Promise<unknown> =>
  page.waitForFunction((s) => document.querySelector('[data-kpi="sourcedShare"]')?.textContent === s, share);

describe('the definition of partner sourced', () => {
  test('offers the three shipped definitions; choosing one changes the preview and survives a re-detection and a reset', async () => {
    const { page, errors } = await open();
    const radios = page.locator('input[name="definition"]');
    expect(await radios.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Registered only', 'Standard', 'Any partner involvement']);
    expect(await page.locator('input[name="definition"]:checked').inputValue()).toBe('Standard');
    // Standard: D-2 (partner lead source), D-4 (registration) and D-9 (Sourcing Partner column) are sourced: 19,000 of 33,000.01.
    expect(await sourcedShare(page)).toBe('57.6%');

    await page.locator('input[name="definition"][value="Registered only"]').check();
    await waitForShare(page, '15.2%'); // only D-4's registration sources
    await page.locator('button[name="detect-again"]').click();
    await page.waitForFunction(() => !document.querySelector('.preview-state')?.textContent);
    expect(await page.locator('input[name="definition"]:checked').inputValue()).toBe('Registered only');
    expect(await sourcedShare(page)).toBe('15.2%');

    await page.locator('details[data-section="policy"] > summary').click();
    await page.locator('button[name="reset-policy"]').click();
    await waitForShare(page, '57.6%');
    expect(await page.locator('input[name="definition"]:checked').inputValue()).toBe('Standard');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Compare definitions', () => {
  test('writes the Definitions Compared tab and shows the totals under each and the deals that change, fitting 300 px', async () => {
    const { page, errors } = await open();
    await page.locator('details[data-section="compare"] > summary').click();
    await page.locator('button[name="compare-definitions"]').click();
    const table = page.locator('table.compare-table');
    await table.waitFor();
    expect(await table.locator('tbody th').allInnerTexts()).toEqual(['Registered only', 'Standard', 'Any partner involvement']);
    const sourced = await table.locator('tbody tr td:first-of-type').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    expect(sourced[0]).toBe(5000);
    expect(sourced[1]).toBe(19000);
    expect(await page.locator('[data-run-result="compare"]').innerText()).toMatch(/^Wrote Definitions Compared\. It compares Registered only, Standard, Any partner involvement\. \d+ deals change motion between them\.$/);
    expect(await page.locator('ul.changed-deals').innerText()).toContain('D-2 Acme renewal');
    expect(await page.locator('.tab-strip [data-tab="Definitions Compared"]').count()).toBe(1);

    // Fewer than two definitions: a sentence, and no run.
    await page.locator('input[name="compare-definition"][value="Standard"]').uncheck();
    await page.locator('input[name="compare-definition"][value="Any partner involvement"]').uncheck();
    await page.locator('button[name="compare-definitions"]').click();
    expect(await page.locator('[data-notice="compare"]').innerText()).toContain('Choose two or more definitions to compare.');

    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await page.locator('[data-section="compare"]').screenshot({ path: path.join(ARTIFACTS, 'definitions', 'compare.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Create a statement for…', () => {
  test('lists the credited partners (a hostile name as plain text) and writes the chosen partner\'s statement tab', async () => {
    const { page, errors, dialogs } = await open();
    await page.locator('details[data-section="statement"] > summary').click();
    const options = await page.locator('select[name="statement-partner"] option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['Acme Inc.', 'Umbrella', 'Hooli Distribution', HOSTILE]));
    await page.locator('select[name="statement-partner"]').selectOption('Umbrella');
    await page.locator('button[name="write-statement"]').click();
    await page.locator('[data-run-result="statement"]').getByText('Wrote Statement – Umbrella.').waitFor();
    expect(await page.locator('.tab-strip [data-tab="Statement – Umbrella"]').count()).toBe(1);

    await page.locator('select[name="statement-partner"]').selectOption(HOSTILE);
    await page.locator('button[name="write-statement"]').click();
    const written = page.locator('[data-run-result="statement"] ul.written li');
    await written.waitFor();
    expect(await written.innerText()).toBe('Statement – <img src=x onerror…'); // shown as text, cut to Excel's 31 characters
    await page.locator('[data-section="statement"]').screenshot({ path: path.join(ARTIFACTS, 'definitions', 'statement.png') });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
