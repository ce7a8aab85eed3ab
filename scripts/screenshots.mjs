// Screenshots for the README, made from the real output: builds the CLI, runs it on the example
// workbook and photographs the result in headless Chromium. Usage: npm run screenshots.
// Writes docs/img/html-report.png (the HTML report at 1280 px wide, its top part).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = 'docs/img';
const CLI = 'dist/cli/partner-attribution.js';

/** Runs the CLI's report on the example workbook with its policy, with the given output flags. */
function report(flags) {
  execFileSync(process.execPath, [CLI, 'report', 'examples/deals.xlsx', '--config', 'examples/policy.json', ...flags], { stdio: 'pipe' });
}

async function htmlReport(browser, dir) {
  const file = path.join(dir, 'report.html');
  report(['--html', file]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: path.join(OUT, 'html-report.png'), fullPage: false });
  await page.close();
  console.log(`screenshots: wrote ${path.join(OUT, 'html-report.png')}`);
}

execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-screenshots-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  await htmlReport(browser, dir);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
