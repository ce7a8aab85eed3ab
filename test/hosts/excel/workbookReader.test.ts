/** Reading the workbook for the task pane against the strict fake: 5 MB responses, long notes, used ranges that start anywhere. */
import { readWorkbook } from '../../../src/hosts/excel/workbookReader';
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from './fakeExcel';
import { EXCEL_DEALS, HEADER } from './workedExample';

/** A CRM export with a free-text Notes column: `noteChars` characters of notes per deal from row `notesFrom` on. */
const dealsWithNotes = (rows: number, noteChars: number, notesFrom = 0): unknown[][] => {
  const body = EXCEL_DEALS.slice(1);
  return [[...HEADER, 'Notes'], ...Array.from({ length: rows }, (_, i) => [
    ...body[i % body.length]!.map((cell, c) => (c === 0 ? `D-${i + 2}` : cell)),
    i >= notesFrom ? `Call notes ${i}: ${'customer asked about pricing tiers, legal review pending, partner joined the call. '.repeat(Math.ceil(noteChars / 86)).slice(0, noteChars)}` : '',
  ])];
};

describe('reading the Excel workbook', () => {
  it('loads a table with long notes (about 20 MB) in responses under 5 MB each, every row once', async () => {
    const grid = dealsWithNotes(6_000, 3_000);
    const excel = new FakeExcel([{ name: 'Deals', grid }]);
    const [sheet] = await readWorkbook(excel.run);
    expect(sheet!.grid.length).toBe(6_001);
    expect(sheet!.grid[5_000]![0]).toBe('D-5001');
    expect(excel.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(FAKE_PAYLOAD_LIMIT * 3);
    for (const bytes of excel.responseBytes) expect(bytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
  });

  it('still loads when the long notes only start after the rows it measured', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: dealsWithNotes(5_000, 4_000, 2_000) }]);
    const [sheet] = await readWorkbook(excel.run);
    expect(sheet!.grid.map((r) => r[0])).toEqual(['Deal ID', ...Array.from({ length: 5_000 }, (_, i) => `D-${i + 2}`)]);
    expect(String(sheet!.grid[4_000]![15])).toMatch(/^Call notes 3999: customer asked/);
  });

  it('reads a table that starts at C5 (title rows above, a blank column left) from C5, not A1', async () => {
    const grid: unknown[][] = [[], [], [], [], ...EXCEL_DEALS.map((row) => ['', '', ...row])];
    const excel = new FakeExcel([{ name: 'Deals', grid }]);
    const [sheet] = await readWorkbook(excel.run);
    expect(sheet!.firstRow).toBe(5);
    expect(sheet!.firstCol).toBe(2);
    expect(sheet!.grid[0]).toEqual(HEADER);
    expect(sheet!.nextFreeColumn).toBe(2 + HEADER.length);
  });

  it('the fake throws PropertyNotLoaded where Office.js does, and refuses a response over 5 MB', async () => {
    const excel = new FakeExcel([{ name: 'Deals', grid: dealsWithNotes(2_000, 4_000) }]);
    await expect(excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      await context.sync();
      return sheet.name;
    })).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Deals').getRangeByIndexes(0, 0, 2_001, 16);
      range.load('values');
      await context.sync();
      return range.values;
    })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
