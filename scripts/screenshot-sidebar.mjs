// Screenshot of the sidebar for the README, from the real build: the local preview (the demo bridge over the
// example workbook) in headless Chromium at Google Sheets' sidebar width. Usage: npm run screenshots
// (which runs this too) or node scripts/screenshot-sidebar.mjs. Writes docs/img/sidebar.png.
/* global document */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = 'docs/img';
execFileSync(process.execPath, ['scripts/build.mjs', 'sidebar'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  // Sheets' sidebar is 300 px wide; the height shows the key figures, the motion split and top partners.
  const page = await browser.newPage({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(pathToFileURL(path.resolve('dist/sidebar/preview.html')).href);
  await page.waitForFunction(() => /%/.test(document.querySelector('[data-kpi="partnerLedShare"]')?.textContent ?? ''));
  await page.screenshot({ path: path.join(OUT, 'sidebar.png'), fullPage: false });
  await page.close();
  console.log(`screenshots: wrote ${path.join(OUT, 'sidebar.png')}`);
} finally {
  await browser.close();
}
