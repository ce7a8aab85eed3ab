/** The review list in the built sidebar, in headless Chromium over the example workbook: Keep and Set… append overrides and the preview follows. */
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { ARTIFACTS, ROOT, buildPreview, launchChromium } from './sidebarFixture';

let browser: Browser;
let url: string;

beforeAll(async () => {
  url = await buildPreview(path.join(ROOT, 'examples/deals.xlsx'), path.join(ARTIFACTS, 'review-list'));
  browser = await launchChromium();
});

afterAll(async () => { await browser?.close(); });

const listed = (page: Page): Promise<{ id: string; amount: number | null; decided: string }[]> => page.$$eval('ol.review-list > li', (items) => items.map((li) => ({
  id: li.getAttribute('data-deal') ?? '',
  amount: li.querySelector('[data-amount]')?.getAttribute('data-amount') ? Number(li.querySelector('[data-amount]')!.getAttribute('data-amount')) : null,
  decided: li.querySelector('.review-decided')?.textContent ?? '',
})));
/** A picture of the part of the page that starts at `selector`, for a person to look at. */
const shoot = async (page: Page, selector: string, file: string, height: number): Promise<void> => {
  const top = await page.$eval(selector, (node) => node.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: path.join(ARTIFACTS, 'review-list', file), fullPage: true, clip: { x: 0, y: top, width: 300, height } });
};
const reviewCount = async (page: Page): Promise<number> => Number(((await page.locator('[data-review-summary]').textContent()) ?? '').replace(/,/g, '').match(/^(\d+)/)?.[1] ?? NaN);

test('lists the deals to review by money; Keep and Set… append an override and the deal leaves the list', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('ol.review-list > li').length > 0);

  // Most money first, ten at a time.
  const first = await listed(page);
  const total = await reviewCount(page);
  expect(first.length).toBe(Math.min(10, total));
  const amounts = first.map((d) => d.amount ?? -Infinity);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  expect(amounts[0]).toBeGreaterThan(amounts[amounts.length - 1]!);
  if (total > 10) {
    await page.locator('button[name="review-more"]').click();
    expect((await listed(page)).length).toBe(Math.min(20, total));
  }
  await shoot(page, 'section[data-section="review"]', 'review-300.png', 700);

  // Keep: the deal leaves the list, one fewer to review.
  const kept = first[0]!;
  await page.locator(`ol.review-list > li[data-deal="${kept.id}"] button[name="review-keep"]`).click();
  await page.waitForFunction((id) => !document.querySelector(`ol.review-list > li[data-deal="${id}"]`), kept.id);
  expect(await reviewCount(page)).toBe(total - 1);
  expect(await page.locator('[data-review-status]').textContent()).toContain(`${kept.id} kept`);
  // Keyboard users carry on with the deal that took its place.
  expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-deal'))).toBe((await listed(page))[0]!.id);

  // Set… Direct on a partner deal: refused while a partner is named, then accepted and the key figures move.
  const partnerDeal = (await listed(page)).find((d) => !/^Rules: Direct/.test(d.decided) && /:/.test(d.decided.replace(/^Rules:/, '')))!;
  expect(partnerDeal).toBeDefined();
  const row = page.locator(`ol.review-list > li[data-deal="${partnerDeal.id}"]`);
  await row.locator('button[name="review-set"]').click();
  await row.locator('select[name="review-motion"]').selectOption('direct');
  expect(await row.locator('input[name="review-partners"]').inputValue()).not.toBe('');
  await row.locator('button[name="review-save"]').click();
  await shoot(page, `ol.review-list > li[data-deal="${partnerDeal.id}"]`, 'review-set-300.png', 420);
  expect(await row.locator('[data-review-problem]').textContent()).toMatch(/direct deal has no partner; leave Partner empty/);
  expect(await reviewCount(page)).toBe(total - 1);

  const before = await page.locator('[data-preview-figures]').textContent();
  await row.locator('input[name="review-partners"]').fill('');
  await row.locator('input[name="review-note"]').fill('Our own AE closed it');
  await row.locator('button[name="review-save"]').click();
  await page.waitForFunction((id) => !document.querySelector(`ol.review-list > li[data-deal="${id}"]`), partnerDeal.id);
  expect(await reviewCount(page)).toBe(total - 2);
  expect(await page.locator('[data-preview-figures]').textContent()).not.toBe(before);

  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  expect(errors).toEqual([]);
  await page.close();
});

test('a host error on Keep reads as a sentence, and the deal stays in the list to try again', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}?fail=appendOverride&failMessage=${encodeURIComponent('Exception: The sheet Attribution Overrides is protected')}`);
  await page.waitForFunction(() => document.querySelectorAll('ol.review-list > li').length > 0);
  const [deal] = await listed(page);
  const total = await reviewCount(page);
  await page.locator(`ol.review-list > li[data-deal="${deal!.id}"] button[name="review-keep"]`).click();
  const notice = page.locator('[data-notice="review"]');
  await notice.locator('.notice-message').waitFor();
  expect(await notice.locator('.notice-message').textContent()).toBe('Could not add the override: The sheet Attribution Overrides is protected.');
  expect(await notice.locator('.notice-next').textContent()).toMatch(/Make sure you can edit this file/);
  expect(await notice.textContent()).not.toMatch(/Exception|at .*\.js/);
  expect(await page.locator(`ol.review-list > li[data-deal="${deal!.id}"] button[name="review-keep"]`).isEnabled()).toBe(true);
  expect(await reviewCount(page)).toBe(total);
  expect(errors).toEqual([]);
  await page.close();
});
