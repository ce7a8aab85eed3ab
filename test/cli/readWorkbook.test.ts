/** The XLSX reader: cells arrive as the engine expects them (values, not formulas or formatting), and non-workbooks are refused clearly. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { NOT_CALCULATED } from '../../src/core';
import { exampleWorkbook, tempDir } from './cliHarness';

const dir = tempDir('pa-xlsx-');

async function workbookFile(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Data'));
  const target = path.join(dir, name);
  await workbook.xlsx.writeFile(target);
  return target;
}

describe('readWorkbook', () => {
  it('gives every tab of the example in workbook order, each grid starting at A1', async () => {
    const tabs = await readWorkbook(exampleWorkbook);
    expect(tabs.map((t) => t.name)).toEqual(['Deals', 'Touches', 'Partners', 'FX Rates', 'Attribution Overrides']);
    const deals = tabs[0]!;
    expect(deals.grid[0]![0]).toBe('Northwind Cloud - pipeline export');
    expect(deals.grid[3]![0]).toBe('Opportunity ID');
    expect(deals.grid.length).toBe(4 + 401);
  });

  it('reads a merged title only at its top-left cell', async () => {
    const tabs = await readWorkbook(exampleWorkbook);
    expect(tabs[0]!.grid[0]!.slice(0, 5)).toEqual(['Northwind Cloud - pipeline export', '', '', '', '']);
  });

  it('turns formulas into their cached results, rich text and links into text, errors into their code', async () => {
    const file = await workbookFile('values.xlsx', (sheet) => {
      sheet.addRow(['Deal ID', 'Amount', 'Name']);
      sheet.addRow(['D1', { formula: '6*2000', result: 12000 }, { richText: [{ text: 'Fabrikam - ' }, { text: 'Suite', font: { bold: true } }] }]);
      sheet.addRow(['D2', { error: '#N/A' }, { text: 'Woodgrove', hyperlink: 'https://example.com' }]);
      sheet.addRow(['D3', { formula: 'A1', result: undefined }, true]);
    });
    const [tab] = await readWorkbook(file);
    expect(tab!.grid).toEqual([
      ['Deal ID', 'Amount', 'Name'],
      ['D1', 12000, 'Fabrikam - Suite'],
      ['D2', '#N/A', 'Woodgrove'],
      ['D3', NOT_CALCULATED, true], // issue 14: an uncalculated formula says so, not blank
    ]);
  });

  it('keeps dates as Date objects at UTC midnight of the day shown in the sheet', async () => {
    const tabs = await readWorkbook(exampleWorkbook);
    const created = tabs[0]!.grid[4]![5];
    expect(created).toBeInstanceOf(Date);
    expect((created as Date).toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it('rebuilds a date with a time as the same wall-clock time in local time, so the calendar day never shifts', async () => {
    const file = await workbookFile('datetime.xlsx', (sheet) => {
      sheet.addRow(['Created']);
      sheet.addRow([new Date(Date.UTC(2024, 2, 15, 23, 30))]);
      sheet.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
    });
    const [tab] = await readWorkbook(file);
    const value = tab!.grid[1]![0] as Date;
    expect([value.getFullYear(), value.getMonth(), value.getDate(), value.getHours(), value.getMinutes()]).toEqual([2024, 2, 15, 23, 30]);
  });

  it('leaves empty rows in place so grid row + 1 is the sheet row', async () => {
    const file = await workbookFile('gaps.xlsx', (sheet) => {
      sheet.getCell('B3').value = 'Deal ID';
      sheet.getCell('C3').value = 'Amount';
      sheet.getCell('B5').value = 'D1';
    });
    const [tab] = await readWorkbook(file);
    expect(tab!.grid).toEqual([['', '', ''], ['', '', ''], ['', 'Deal ID', 'Amount'], ['', '', ''], ['', 'D1', '']]);
  });

  it('refuses a damaged workbook with a message saying so', async () => {
    const target = path.join(dir, 'corrupt.xlsx');
    writeFileSync(target, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await expect(readWorkbook(target)).rejects.toThrow(/could not be opened as an Excel workbook: the file is damaged/);
  });

  it('refuses a file that is not a workbook at all', async () => {
    const target = path.join(dir, 'text.xlsx');
    writeFileSync(target, 'just some text');
    await expect(readWorkbook(target)).rejects.toThrow(/is not an Excel workbook \(\.xlsx\)/);
  });

  it('asks for .xlsx or CSV when given an old binary .xls workbook', async () => {
    const target = path.join(dir, 'old.xlsx');
    writeFileSync(target, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(readWorkbook(target)).rejects.toThrow(/old-format \.xls workbook.*Save it as \.xlsx or CSV/);
  });
});
