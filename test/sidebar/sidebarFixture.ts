/** Test fixture: a small deals workbook (SPEC 7 plus a hostile partner name) and a build of the preview over it. */
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test/.artifacts/sidebar');
export const HOSTILE = '<img src=x onerror=alert(1)>';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Writes the fixture workbook: a Notes tab first, then Deals (title rows above the header), Touches and a user tab named Partner Summary. */
export async function writeFixtureWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRows([['Quarterly notes'], ['Nothing to see here']]);
  const deals = workbook.addWorksheet('Deals');
  deals.addRows([
    ['Pipeline export, March 2024'],
    [],
    ['Deal ID', 'Deal Name', 'Amount', 'Currency', 'Stage', 'Created Date', 'Close Date', 'Lead Source', 'Sourcing Partner',
      'Influencing Partners', 'Reseller', 'Partner', 'Partner Role', 'Registered By', 'Registration Date'],
    ['D-2', 'Acme renewal', 10000, 'USD', 'Closed Won', day('2024-03-01'), day('2024-04-01'), 'Partner Referral', '', '', '', 'Acme Inc.', '', '', ''],
    ['D-3', 'Co-sell', 9000.01, 'USD', 'Closed Won', day('2024-03-01'), day('2024-04-02'), 'Web', '', 'Globex; Initech', '', '', '', '', ''],
    ['D-4', 'Registered', 5000, 'USD', 'Closed Won', day('2024-03-04'), day('2024-04-03'), 'Web', 'Acme', '', '', '', '', 'Umbrella', day('2024-03-01')],
    ['D-5', 'Resold', 2000, 'USD', 'Closed Won', day('2024-03-01'), day('2024-04-04'), 'Web', '', '', 'Hooli Distribution', '', '', '', ''],
    ['D-6', 'Lost resale', 7000, 'USD', 'Closed Lost', day('2024-03-01'), day('2024-04-05'), 'Trade Show', '', '', '', 'Globex', 'VAR/Reseller', '', ''],
    ['D-7', 'Touched', 3000, 'USD', 'Closed Won', day('2024-03-01'), day('2024-04-06'), 'Web', '', '', '', '', '', '', ''],
    ['D-8', 'Open', 8000, 'USD', 'Negotiation', day('2024-03-01'), day('2024-06-30'), 'Web', '', '', '', 'Initech', '', '', ''],
    ['D-9', 'Hostile name', 4000, 'USD', 'Closed Won', day('2024-03-01'), day('2024-04-07'), 'Web', HOSTILE, '', '', '', '', '', ''],
  ]);
  workbook.addWorksheet('Touches').addRows([
    ['Deal ID', 'Partner', 'Activity', 'Date'],
    ['D-7', 'Stark Solutions', 'Demo', day('2024-03-10')],
  ]);
  workbook.addWorksheet('Partner Summary').addRows([['My own partner notes'], ['Do not overwrite']]);
  await workbook.xlsx.writeFile(file);
}

/**
 * Builds dist-like pages over the fixture workbook into test/.artifacts/sidebar/<name> and returns the
 * preview's file URL. Each test file uses its own name, since jest may run them at the same time.
 */
export async function buildFixturePreview(name: string): Promise<string> {
  const dir = path.join(ARTIFACTS, name);
  mkdirSync(dir, { recursive: true });
  const workbook = path.join(dir, 'fixture.xlsx');
  await writeFixtureWorkbook(workbook);
  return buildPreview(workbook, dir);
}

/** Runs the sidebar build over `workbook` into `outDir` and returns the preview's file URL. */
export async function buildPreview(workbook: string, outDir: string): Promise<string> {
  const script = `import(${JSON.stringify(path.join(ROOT, 'scripts/build/sidebar.mjs'))}).then((m) => m.build(${JSON.stringify({ workbook, outDir })}))`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  return `file://${path.join(outDir, 'preview.html')}`;
}

/** Debian's chromium, headless, with the flags this closed network needs (no background connections). */
export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
