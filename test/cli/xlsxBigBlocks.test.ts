/**
 * The XLSX writer reads the big tabs a block of rows at a time (issue 16): tabs whose Deal Attribution
 * and Partner Credits blocks refuse to be read whole (reading their `values` throws) make the same
 * workbook, part for part, as the same tabs with every row made up front.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROWS_PER_READ, analyze, buildReportTabs } from '../../src/core';
import type { ReportTab } from '../../src/core';
import { xlsxWriter } from '../../src/cli/xlsxWriter';
import { ZipArchive } from '../../src/cli/xlsx/zipArchive';
import { generateWorkbook } from '../../bench/generateWorkbook';
import { tempDir } from './cliHarness';

jest.setTimeout(120_000);

const workbook = generateWorkbook({ deals: 14_000, partners: 120, seed: 5 });
const tabsOf = (): ReportTab[] => buildReportTabs(analyze({ deals: workbook.deals, touches: workbook.touches }));

/** The same tabs with every big block's rows made up front, as plain blocks. */
const madeUpFront = (tabs: ReportTab[]): ReportTab[] => tabs.map((tab) => ({
  ...tab, blocks: tab.blocks.map(({ source: _source, values, ...rest }) => ({ ...rest, values: [...values] })),
}));

/** Tabs whose big blocks throw when read whole. */
const sealed = (tabs: ReportTab[]): ReportTab[] => {
  for (const tab of tabs) {
    for (const block of tab.blocks) {
      if (block.source) Object.defineProperty(block, 'values', { get: () => { throw new Error(`${tab.name}: a writer read every row at once`); } });
    }
  }
  return tabs;
};

const parts = (file: string): Map<string, string> => {
  const zip = new ZipArchive(readFileSync(file));
  // The creation time is the only part that differs between two runs.
  return new Map(zip.names().filter((n) => n !== 'docProps/core.xml').map((n) => [n, zip.text(n) ?? '']));
};

it('writes the big tabs from their rows read a block at a time, the same workbook as with every row made up front', async () => {
  const dir = tempDir('pa-bigblocks-');
  const plain = madeUpFront(tabsOf());
  const streamed = sealed(tabsOf());
  const credits = plain.find((t) => t.name === 'Partner Credits')!.blocks[0]!;
  const deals = plain.find((t) => t.name === 'Deal Attribution')!.blocks[0]!;
  // Both span more than one read.
  expect(deals.values.length).toBeGreaterThan(2 * ROWS_PER_READ);
  expect(credits.values.length).toBeGreaterThan(ROWS_PER_READ);
  expect(streamed.find((t) => t.name === 'Partner Credits')!.blocks[0]!.source).toBeDefined();
  await xlsxWriter(plain, path.join(dir, 'plain.xlsx'));
  await xlsxWriter(streamed, path.join(dir, 'streamed.xlsx'));
  const want = parts(path.join(dir, 'plain.xlsx'));
  const got = parts(path.join(dir, 'streamed.xlsx'));
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, xml] of want) expect(got.get(name) === xml ? name : `${name} differs`).toBe(name);
  // The Deal Attribution sheet holds its last deal's row.
  const lastId = String(deals.values.at(-1)![1]);
  expect([...got.values()].some((xml) => xml.includes(`<v>${lastId}</v>`))).toBe(true);
});
