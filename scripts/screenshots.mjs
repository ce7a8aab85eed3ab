// Screenshots for the README, made from the real output: builds the CLI, runs it on the example
// workbook and photographs the result. Usage: npm run screenshots.
// Writes docs/img/html-report.png (the HTML report at 1280 px wide, its top part, in headless Chromium)
// and docs/img/partner-summary.png (the Partner Summary tab of the workbook `npm start` writes, as
// LibreOffice prints it: soffice --convert-to pdf, then pdftoppm, trimmed to what is on the page).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
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

/** Column letters of a 0-based column index (0 -> A, 20 -> U, 29 -> AD). */
function columnLetters(index) {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A copy of the workbook whose Partner Summary prints as one landscape page narrow enough to read
 * in a README: the key figures, the top-partners chart and the partner table up to that chart's
 * right edge (the credit and pipeline credit columns and the Total row). The deal counts, the motion
 * pie and the overlapping views further right stay in the workbook. Only the print area changes.
 */
async function partnerSummaryPrintable(xlsxFile, outFile) {
  const zip = await JSZip.loadAsync(readFileSync(xlsxFile));
  const workbook = await zip.file('xl/workbook.xml').async('string');
  const sheet = await zip.file('xl/worksheets/sheet1.xml').async('string');
  const drawing = (await zip.file('xl/drawings/drawing1.xml')?.async('string')) ?? '';
  if (!/<sheets><sheet [^>]*name="Partner Summary"/.test(workbook)) {
    throw new Error(`screenshots: Partner Summary is not the first tab of ${xlsxFile}`);
  }
  const rows = [...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
  const chartEnds = [...drawing.matchAll(/<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>(\d+)</g)]
    .map((m) => (Number(m[2]) > 0 ? Number(m[1]) : Number(m[1]) - 1));
  if (rows.length === 0 || chartEnds.length === 0) throw new Error('screenshots: the Partner Summary tab has no rows or no charts');
  const area = `&apos;Partner Summary&apos;!$A$1:$${columnLetters(Math.min(...chartEnds))}$${Math.max(...rows)}`;
  zip.file('xl/workbook.xml', workbook.replace('<definedNames>', `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${area}</definedName>`));
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The bounding box of the non-white pixels of a PNG, found in the browser's canvas. */
async function inkBox(browser, pngFile) {
  const page = await browser.newPage();
  const dataUrl = 'data:image/png;base64,' + readFileSync(pngFile).toString('base64');
  /* global Image, document -- this function runs in the browser page */
  const box = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const i = (y * img.width + x) * 4;
        if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
    return { x0, y0, x1, y1 };
  }, dataUrl);
  await page.close();
  if (box.x1 < 0) throw new Error('screenshots: the Partner Summary page came out blank');
  return box;
}

async function partnerSummary(browser, dir) {
  execFileSync('npm', ['start', '--silent'], { stdio: 'pipe' });
  const printable = path.join(dir, 'partner-summary.xlsx');
  await partnerSummaryPrintable('out/partner-report.xlsx', printable);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, printable], { stdio: 'pipe' });
  const pdf = path.join(dir, 'partner-summary.pdf');
  const dpi = 200;
  const whole = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, whole]);
  const box = await inkBox(browser, `${whole}.png`);
  const margin = 24;
  const target = path.join(OUT, 'partner-summary');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile',
    '-x', String(Math.max(0, box.x0 - margin)), '-y', String(Math.max(0, box.y0 - margin)),
    '-W', String(box.x1 - box.x0 + 2 * margin), '-H', String(box.y1 - box.y0 + 2 * margin), pdf, target]);
  console.log(`screenshots: wrote ${target}.png`);
}

execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-screenshots-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  await htmlReport(browser, dir);
  await partnerSummary(browser, dir);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
