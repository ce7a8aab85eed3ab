/** The built sidebar in real headless Chromium, driven through the demo bridge over a small workbook. */
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { ARTIFACTS, HOSTILE, ROOT, buildFixturePreview, buildPreview, launchChromium } from './sidebarFixture';
import { auditContrast } from './contrast';

let browser: Browser;
let previewUrl: string;

beforeAll(async () => {
  previewUrl = await buildFixturePreview('preview-build');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Opened { page: Page; dialogs: string[]; errors: string[] }

/** Opens the preview at a width, records dialogs and page errors, and waits for the first preview. */
async function open(width: number, query = ''): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${previewUrl}${query}`);
  await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
  return { page, dialogs, errors };
}

const text = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();

/** Waits until the text at `selector` differs from `before`, and returns it. */
async function changed(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([s, b]) => ((document.querySelector(s as string) as HTMLElement | null)?.innerText ?? '') !== b, [selector, before] as const);
  return text(page, selector);
}

const overflow = (page: Page): Promise<{ doc: [number, number]; sidebar: [number, number] }> => page.evaluate(() => {
  const sidebar = document.querySelector('.pa-sidebar') as HTMLElement;
  return { doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], sidebar: [sidebar.scrollWidth, sidebar.clientWidth] };
});

describe('the sidebar in the local preview', () => {
  test('finds the deals tab by itself, walks through mapping, model and writing, and shows what was written', async () => {
    const { page, dialogs, errors } = await open(1200);

    expect(await page.locator('select[name="data-tab"]').inputValue()).toBe('Deals');
    expect(await text(page, '[data-found]')).toMatch(/header on row 3: 8 deals/);
    const sourcedBefore = await text(page, '[data-kpi="sourcedShare"]');

    // A mapping change: the Sourcing Partner column is "not in the table", so D-9 stops being sourced.
    await page.locator('details[data-section="mapping"] > summary').click();
    await page.locator('select[name="map-sourcingPartner"]').focus();
    await page.locator('select[name="map-sourcingPartner"]').selectOption('');
    const sourcedAfter = await changed(page, '[data-kpi="sourcedShare"]', sourcedBefore);
    expect(sourcedAfter).not.toBe(sourcedBefore);
    // The columns were redrawn from the new detection, and keyboard focus stayed on the same dropdown.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('map-sourcingPartner');
    await expect(page.locator('select[name="map-sourcingPartner"]').inputValue()).resolves.toBe('');
    expect(await page.locator('.field.unmapped select[name="map-sourcingPartner"]').count()).toBe(1);

    // A model change: "first" gives all of D-3's influenced credit to Globex, so the top partners move.
    const topBefore = await text(page, '.top-partners');
    await page.locator('details[data-section="policy"] > summary').click();
    await page.locator('select[name="influenceModel"]').selectOption('first');
    const topAfter = await changed(page, '.top-partners', topBefore);
    expect(topAfter).toMatch(/Globex[\s\S]*9,000/);

    // Write the summary: progress while it runs, then the user's own "Partner Summary" tab is left alone.
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    await page.locator('.progress-status').getByText(/^Writing Partner Summary \(2 of 9\)$/).waitFor();
    expect(await page.locator('button[name="classify"]').isDisabled()).toBe(true);
    const result = page.locator('[data-result]');
    await expect(result.getByText(/^Wrote /).waitFor()).resolves.toBeUndefined();
    expect(await page.locator('.progress').isHidden()).toBe(true);
    const message = await result.innerText();
    expect(message).toContain('Partner Summary (2) because you have your own tab named Partner Summary');
    expect(message).toMatch(/Partner Trend[\s\S]*Partner Segments[\s\S]*Deal Attribution[\s\S]*Data Issues/);
    await page.locator('.tab-strip [data-tab="Partner Summary"]').click();
    expect(await text(page, '[data-grid="Partner Summary"]')).toContain('Do not overwrite');
    expect(await page.locator('.tab-strip [data-tab="Partner Summary (2)"]').count()).toBe(1);

    // Writing again replaces the add-on's own tabs instead of adding "(3)".
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    await page.waitForFunction(() => !(document.querySelector('button[name="writeSummary"]') as HTMLButtonElement).disabled);
    expect(await page.locator('.tab-strip [data-tab="Partner Summary (3)"]').count()).toBe(0);

    // Classification columns land next to the data.
    await page.getByRole('button', { name: 'Add classification columns' }).click();
    await result.getByText(/^Added Partner Motion, Partner\(s\) and Partner Reason/).waitFor();
    expect(await result.innerText()).toContain('Deals!P1:R11');
    await page.locator('.tab-strip [data-tab="Deals"]').click();
    expect(await text(page, '[data-grid="Deals"]')).toContain('Partner Motion');

    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('a partner named like HTML shows as text everywhere and runs nothing', async () => {
    const { page, dialogs } = await open(1200);
    expect(await text(page, '.top-partners')).toContain(HOSTILE);
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    await page.locator('[data-result]').getByText(/^Wrote /).waitFor();
    await page.locator('.tab-strip [data-tab="Deal Attribution"]').click();
    expect(await text(page, '[data-grid="Deal Attribution"]')).toContain(HOSTILE);
    await page.waitForTimeout(300);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('a failing host call shows its message and what to do, and the form stays usable', async () => {
    const { page } = await open(1200, '?fail=writeSummary&failMessage=The%20spreadsheet%20is%20being%20edited%20by%20someone%20else');
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    const notice = page.locator('[data-notice="action"]');
    await notice.getByText(/Could not write the summary tabs: The spreadsheet is being edited by someone else\./).waitFor();
    expect(await notice.innerText()).toMatch(/try again/i);
    expect(await page.locator('button[name="writeSummary"]').isEnabled()).toBe(true);
    expect(await page.locator('button[name="classify"]').isEnabled()).toBe(true);

    // Still usable: the preview follows a rule change, and the other action works.
    const before = await text(page, '[data-kpi="influencedShare"]');
    await page.locator('details[data-section="policy"] > summary').click();
    await page.locator('input[name="influenceThreshold"]').fill('5');
    expect(await changed(page, '[data-kpi="influencedShare"]', before)).not.toBe(before);
    await page.getByRole('button', { name: 'Add classification columns' }).click();
    await page.locator('[data-result]').getByText(/^Added /).waitFor();
    await page.close();
  });

  test('a tab without deals gets a plain explanation and no stale numbers; picking the deals tab again brings them back', async () => {
    const { page } = await open(1200);
    await page.locator('select[name="data-tab"]').selectOption('Notes');
    const notice = page.locator('[data-notice="data"]');
    await notice.getByText(/^Could not read the deals sheet: /).waitFor();
    expect(await notice.innerText()).toContain('Pick the tab that holds your deals, or map the columns by hand under "Columns".');
    expect(await page.locator('[data-kpi="partnerLedShare"]').count()).toBe(0);
    expect(await page.locator('[data-found]').count()).toBe(0);
    await page.locator('select[name="data-tab"]').selectOption('Deals');
    await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
    expect(await notice.innerText()).toBe('');
    await page.close();
  });

  test('a stage moved from won to lost changes the preview', async () => {
    const { page } = await open(1200);
    const before = await text(page, '[data-kpi="revenue"]');
    await page.locator('details[data-section="policy"] > summary').click();
    await page.locator('select[name="stage-closed won"]').selectOption('lost');
    expect(await changed(page, '[data-kpi="revenue"]', before)).not.toBe(before);
    await page.close();
  });

  test('a value out of range is explained beside the field and never reaches the engine', async () => {
    const { page } = await open(1200);
    const before = await text(page, '.preview-body');
    await page.locator('details[data-section="policy"] > summary').click();
    await page.locator('input[name="influenceThreshold"]').fill('-1');
    await expect(page.getByText('Enter a number from 0 to 1000.').waitFor()).resolves.toBeUndefined();
    await page.waitForTimeout(600);
    expect(await page.locator('[data-notice="preview"]').innerText()).toBe('');
    expect(await text(page, '.preview-body')).toBe(before);
    await page.close();
  });

  test('the preview comes first and stays in view; the rules are folded; all required columns found reads as success', async () => {
    const { page } = await open(300);
    await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
    const top = async (selector: string): Promise<number> => (await page.locator(selector).first().boundingBox())?.y ?? NaN;
    expect(await top('[data-section="preview"]')).toBeLessThan(await top('details[data-section="policy"]'));
    expect(await top('[data-section="preview"]')).toBeLessThan(await top('details[data-section="mapping"]'));
    expect(await page.locator('details[data-section="policy"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('details[data-section="mapping"] > summary').innerText()).toMatch(/All (required fields found \(\d+ of \d+ columns; \d+ optional not present\)|\d+ fields found)/);
    // Scrolled to the bottom, the partner-led figure is still on screen at the top.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
    const kpi = await page.locator('[data-kpi="partnerLedShare"]').boundingBox();
    expect(kpi).not.toBeNull();
    expect(kpi!.y).toBeGreaterThanOrEqual(0);
    expect(kpi!.y).toBeLessThan(400);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    await page.close();
  });

  test('fits 300 px wide with every section open, with a label on every control and a visible focus ring', async () => {
    const { page } = await open(300);
    // Keyboard: from the top of the page, the first stop is the first action (the preview above it has no
    // controls), and it shows a focus outline.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return { name: active.getAttribute('name'), outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.name).toBe('classify');
    expect(focused.outline).toBe('solid');
    expect(focused.width).toBe('2px');

    await page.locator('details[data-section="mapping"] > summary').click();
    await page.locator('details[data-section="policy"] > summary').click();
    await page.getByRole('button', { name: 'Write summary tabs' }).click();
    await page.locator('[data-result]').getByText(/^Wrote /).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-300-full.png'), fullPage: true });
    await page.locator('.pa-sidebar').screenshot({ path: path.join(ARTIFACTS, 'sidebar-300.png') });
    const sizes = await overflow(page);
    expect(sizes.doc[0]).toBeLessThanOrEqual(sizes.doc[1]);
    expect(sizes.sidebar[0]).toBeLessThanOrEqual(sizes.sidebar[1]);

    const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('.pa-sidebar select, .pa-sidebar input, .pa-sidebar textarea'))
      .filter((c) => (c as HTMLInputElement).labels?.length === 0 && !c.getAttribute('aria-label'))
      .map((c) => c.getAttribute('name')));
    expect(unlabelled).toEqual([]);
    expect(await page.evaluate(auditContrast, '.pa-sidebar')).toEqual([]);
    // The audit itself notices pale text (so the line above can fail).
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'pale probe';
      probe.style.color = '#aaaaaa';
      document.querySelector('.pa-sidebar')?.append(probe);
    });
    expect((await page.evaluate(auditContrast, '.pa-sidebar')).map((f) => f.text)).toEqual(['pale probe']);

    await page.close();
  });

  const example = path.join(ROOT, 'examples/deals.xlsx');
  test('opens the example workbook: KPIs, the four source tabs, no errors, and fits 300 px', async () => {
    expect(existsSync(example)).toBe(true);
    const url = await buildPreview(example, path.join(ARTIFACTS, 'example-build'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
    expect(await page.locator('select[name="data-tab"]').inputValue()).toBe('Deals');
    for (const tab of ['Deals', 'Touches', 'Partners', 'FX Rates']) expect(await page.locator(`.tab-strip [data-tab="${tab}"]`).count()).toBe(1);
    expect(await page.locator('.top-partners li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'example-1280.png') });
    await page.setViewportSize({ width: 300, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'example-300.png'), fullPage: true });
    const sizes = await overflow(page);
    expect(sizes.doc[0]).toBeLessThanOrEqual(sizes.doc[1]);
    expect(sizes.sidebar[0]).toBeLessThanOrEqual(sizes.sidebar[1]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
