/** "Export rules as SQL" in the built sidebar, in headless Chromium: the rules for a warehouse, shown and copyable. */
import type { Browser } from 'playwright-core';
import { buildFixturePreview, launchChromium } from './sidebarFixture';

let browser: Browser;
let previewUrl: string;

beforeAll(async () => {
  previewUrl = await buildFixturePreview('sql-export');
  browser = await launchChromium();
});

afterAll(async () => { await browser?.close(); });

test('shows the rules as SQL for the chosen warehouse and tables, fitting 300 px', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(previewUrl);
  await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));

  await page.locator('details[data-section="sql"] > summary').click();
  await page.locator('select[name="sql-dialect"]').selectOption('spark');
  await page.locator('input[name="sql-deals-table"]').fill('crm.opportunities');
  await page.locator('button[name="sql-generate"]').click();
  const sql = await page.locator('textarea[name="sql-output"]').inputValue();
  expect(sql).toMatch(/compiled to spark SQL/);
  expect(sql).toContain('crm');
  expect(sql).toContain('close_date'); // the detected "Close Date" header, as a warehouse column
  expect(sql).toContain('pa_partners');

  await page.locator('select[name="sql-dialect"]').selectOption('duckdb');
  await page.locator('button[name="sql-generate"]').click();
  expect(await page.locator('textarea[name="sql-output"]').inputValue()).toMatch(/compiled to duckdb SQL/);

  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  expect(errors).toEqual([]);
  await page.close();
});
