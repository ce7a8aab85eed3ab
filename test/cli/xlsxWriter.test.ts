/** The XLSX writer: report tabs land where the core placed them, formatted, and text never turns into a formula. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportTab } from '../../src/core';
import { xlsxWriter } from '../../src/cli/xlsxWriter';
import { libreOfficeFirstTabCsv, tempDir } from './cliHarness';

const summaryTab: ReportTab = {
  name: 'Partner Summary',
  frozenRows: 0,
  columnWidths: [28, 16, 12],
  charts: [{ kind: 'bar', title: 'Top partners', block: 1, categoryCol: 0, seriesCols: [1], maxRows: 10, anchorRow: 0, anchorCol: 5 }],
  blocks: [
    { row: 1, col: 0, title: 'Key figures', headerRows: 1, formats: ['text', 'money', 'percent'],
      values: [['Measure', 'Value', 'Share'], ['Revenue', 29000.01, null], ['Partner-led revenue', 26000.01, 0.8966]] },
    { row: 6, col: 0, title: 'Partners', headerRows: 1, formats: ['text', 'money', 'date'],
      values: [['Partner', 'Credited Revenue', 'First Deal'], ['=HYPERLINK("http://evil")', 1234.5, new Date(Date.UTC(2024, 2, 1))],
        ['@Acme', 99, null]] },
  ],
};
const issuesTab: ReportTab = {
  name: 'Data Issues', frozenRows: 1, columnWidths: [10, 8], charts: [],
  blocks: [{ row: 0, col: 0, headerRows: 1, formats: ['text', 'integer'], values: [['Severity', 'Row'], ['warning', 12]] }],
};

async function written(): Promise<{ file: string; workbook: ExcelJS.Workbook }> {
  const file = path.join(tempDir('pa-writer-'), 'report.xlsx');
  await xlsxWriter([summaryTab, issuesTab], file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { file, workbook };
}

describe('xlsxWriter', () => {
  it('writes one worksheet per tab, in order', async () => {
    const { workbook } = await written();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Partner Summary', 'Data Issues']);
  });

  it('puts values at their block positions with the block title one row above', async () => {
    const sheet = (await written()).workbook.getWorksheet('Partner Summary')!;
    expect(sheet.getCell('A1').value).toBe('Key figures');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Measure');
    expect(sheet.getCell('B3').value).toBe(29000.01);
    expect(sheet.getCell('C4').value).toBe(0.8966);
    expect(sheet.getCell('A6').value).toBe('Partners');
    expect(sheet.getCell('B8').value).toBe(1234.5);
  });

  it('formats money, percent and date columns and leaves blanks blank', async () => {
    const sheet = (await written()).workbook.getWorksheet('Partner Summary')!;
    expect(sheet.getCell('B3').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C4').numFmt).toBe('0.0%');
    expect(sheet.getCell('C8').numFmt).toBe('yyyy-mm-dd');
    expect((sheet.getCell('C8').value as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(sheet.getCell('C3').value).toBeNull();
  });

  it('makes header rows bold and shaded', async () => {
    const cell = (await written()).workbook.getWorksheet('Partner Summary')!.getCell('B7');
    expect(cell.font?.bold).toBe(true);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
  });

  it('keeps text that looks like a formula as plain text', async () => {
    const sheet = (await written()).workbook.getWorksheet('Partner Summary')!;
    expect(sheet.getCell('A8').value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getCell('A8').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A9').value).toBe('@Acme');
  });

  it('freezes the header rows and sets the column widths', async () => {
    const { workbook } = await written();
    const issues = workbook.getWorksheet('Data Issues')!;
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(issues.getColumn(1).width).toBe(10);
    expect(workbook.getWorksheet('Partner Summary')!.getColumn(1).width).toBe(28);
  });

  it('opens in LibreOffice with the numbers shown as formatted', async () => {
    const { file } = await written();
    const csv = libreOfficeFirstTabCsv(file, true);
    expect(csv).toContain('Revenue,"29,000.01"');
    expect(csv).toContain('Partner-led revenue,"26,000.01",89.7%');
    expect(csv).toContain('"=HYPERLINK(""http://evil"")","1,234.50",2024-03-01');
  });
});
