/**
 * The big tabs' rows are made a block at a time when a writer reads them (issue 16): a writer asking
 * for rows in blocks of any size, or in any order, must see exactly what the tab built in one piece
 * (its `values`) shows.
 */
import { ROWS_PER_READ, analyze, blockLength, blockRows, blockWidth, buildReportTabs, eachBlockRow, widestRow } from '../../src/core';
import type { Cell, ReportTab } from '../../src/core';
import { generateWorkbook } from '../../bench/generateWorkbook';

const workbook = generateWorkbook({ deals: 2500, partners: 80, seed: 11 });
const tabNamed = (tabs: ReportTab[], name: string): ReportTab => tabs.find((t) => t.name === name)!;
const inBlocks = (tab: ReportTab, size: number): Cell[][] => {
  const block = tab.blocks[0]!;
  const out: Cell[][] = [];
  for (let start = 0; start < blockLength(block); start += size) out.push(...blockRows(block, start, start + size));
  return out;
};

describe('rows made a block at a time', () => {
  const tabs = buildReportTabs(analyze({ deals: workbook.deals, touches: workbook.touches }));

  it.each([['Deal Attribution', false], ['Partner Credits', true]])('%s: any block size gives the rows of the whole table, header first', (name, severalRowsPerDeal) => {
    const tab = tabNamed(tabs, name as string);
    const block = tab.blocks[0]!;
    expect(block.source).toBeDefined();
    const whole = block.values;
    expect(whole.length).toBeGreaterThan(900);
    // Blocks of 1 and 3 split the deals with several credit lines (rows of one Deal ID in a row) between blocks.
    expect(whole.some((row, i) => i > 1 && row[0] === whole[i - 1]![0])).toBe(severalRowsPerDeal);
    // ROWS_PER_READ is what writers ask for.
    for (const size of [1, 3, ROWS_PER_READ, 4096, 100_000]) expect(inBlocks(tab, size)).toEqual(whole);
    expect([...eachBlockRow(block, 7)]).toEqual(whole);
    expect(blockLength(block)).toBe(whole.length);
    expect(widestRow(block)).toBe(whole[0]!.length);
    expect(blockWidth(block)).toBe(whole[0]!.length);
    expect(blockRows(block, whole.length - 2, whole.length + 10)).toEqual(whole.slice(-2));
    expect(blockRows(block, whole.length, whole.length + 10)).toEqual([]);
  });

  it('rows read in any order are the same rows, and nothing is read past either end', () => {
    const block = tabNamed(tabs, 'Partner Credits').blocks[0]!;
    const whole = block.values;
    for (const i of [0, 1, 500, 63, 64, 2, whole.length - 1]) expect(blockRows(block, i, i + 1)).toEqual([whole[i]]);
    expect(blockRows(block, 500, 520)).toEqual(whole.slice(500, 520));
    expect(blockRows(block, 0, 2)).toEqual(whole.slice(0, 2));
    expect(blockRows(block, -5, 2)).toEqual(whole.slice(0, 2));
    expect(blockRows(block, whole.length, whole.length + 1)).toEqual([]);
  });

  it('a small block reads the same through the accessors as through its values', () => {
    const segments = tabNamed(tabs, 'Partner Segments');
    for (const block of segments.blocks) {
      expect(block.source).toBeUndefined();
      expect([...eachBlockRow(block, 2)]).toEqual(block.values);
      expect(blockLength(block)).toBe(block.values.length);
    }
  });

  it('an empty Partner Credits tab is its header alone', () => {
    const lost = [['Deal ID', 'Stage', 'Amount'], ['A1', 'Closed Lost', 100]];
    const tab = tabNamed(buildReportTabs(analyze({ deals: lost })), 'Partner Credits');
    expect(blockLength(tab.blocks[0]!)).toBe(1);
    expect(inBlocks(tab, 10)).toEqual([tab.blocks[0]!.values[0]]);
    expect(tab.blocks[0]!.values).toEqual([['Deal ID', 'Deal Name', 'Close Date', 'Quarter', 'Status', 'Partner', 'Role', 'Credit',
      'Share of Deal', 'Partner Tier', 'Partner Type', 'Partner Region', 'Currency']]);
  });
});
