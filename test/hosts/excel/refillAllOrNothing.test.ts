/**
 * The Excel writer when the refill of the existing report sheets fails half-way (issue 15): every old
 * sheet comes back exactly as it was, and the backups that make that possible are never lost.
 */
import { analyze } from '../../../src/core/analyze';
import { buildReportTabs } from '../../../src/core/report/buildReportTabs';
import type { ReportTab } from '../../../src/core/report/ReportTab';
import { writeReportTabs } from '../../../src/hosts/excel/worksheetWriter';
import { MARKER_KEY, backupMarkerValue } from '../../../src/hosts/excel/sheetMarker';
import { FakeExcel } from './fakeExcel';
import type { FakeSheet } from './fakeExcel';
import { EXCEL_DEALS, HEADER } from './workedExample';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

/** The worked example's deals repeated to `n` rows (fresh ids), as report tabs from the real engine. */
const reportFor = (n: number): ReportTab[] => {
  const body = EXCEL_DEALS.slice(1);
  const rows = Array.from({ length: n }, (_, i) => body[i % body.length]!.map((cell, c) => (HEADER[c] === 'Deal ID' ? `D-${i + 2}` : cell)));
  return buildReportTabs(analyze({ deals: [HEADER, ...rows] }));
};

/** Everything a user could see of a sheet: cells, formats, formulas, marker, frozen rows, widths, visibility, charts and tables. */
const state = (excel: FakeExcel, sheet: FakeSheet) => ({
  name: sheet.name,
  grid: JSON.stringify(sheet.grid),
  formats: JSON.stringify(sheet.formats),
  formulas: [...sheet.formulas].sort(),
  props: [...sheet.props].sort(),
  frozen: sheet.frozenRows,
  widths: [...sheet.widths].sort((a, b) => a[0] - b[0]),
  visibility: sheet.visibility,
  charts: sheet.charts.filter((c) => !c.deleted).map(({ id, type, title, series }) => ({ id, type, title, series })),
  tables: excel.liveTables().filter((t) => t.sheet === sheet).map(({ name, row, col, rows, cols }) => ({ name, row, col, rows, cols })),
});

/** A workbook with the report written once and a dashboard whose formula points at Partner Summary. */
const written = async () => {
  const excel = new FakeExcel([{ name: 'Deals' }, { name: 'My dashboard' }]);
  const first = await writeReportTabs(reportFor(20), { run: excel.run });
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem('My dashboard').getRangeByIndexes(0, 0, 1, 1).values = [["='Partner Summary'!B5"]];
    await context.sync();
  });
  const shown = excel.cell('Partner Summary', 'B5');
  expect(excel.cell('My dashboard', 'A1')).toBe(shown);
  const sheets = excel.live();
  return { excel, names: first.written, shown, sheets, before: sheets.map((s) => state(excel, s)) };
};

describe('refilling the existing report sheets in Excel, all or nothing', () => {
  it.each([['third', 2], ['last', 5]])('a failure while refilling the %s old sheet puts every old sheet back exactly, with its charts, table and layout, and leaves no temporary or backup', async (_, index) => {
    const { excel, names, shown, sheets, before } = await written();
    expect(excel.liveTables().map((t) => t.name)).toEqual(['PartnerCredits']);
    expect(names).toHaveLength(6);
    excel.failOnCopyInto(names[index]!);
    await expect(writeReportTabs(reportFor(30), { run: excel.run })).rejects.toThrow(/could not be written \(There was an internal error.*Your previous summary tabs are unchanged/);
    // The same sheets, in the same order: none deleted and made again.
    expect(excel.live().length === sheets.length && excel.live().every((s, i) => s === sheets[i])).toBe(true);
    expect(excel.live().map((s) => state(excel, s))).toEqual(before);
    expect(excel.live().some((s) => s.name.startsWith('PA new'))).toBe(false);
    const dashboard = excel.sheet('My dashboard')!;
    expect(dashboard.formulas.get('0,0')).toBe("='Partner Summary'!B5");
    expect(excel.cell('My dashboard', 'A1')).toBe(shown);

    // The next write goes through, into the same sheets.
    await writeReportTabs(reportFor(30), { run: excel.run });
    expect(excel.cell('Deal Attribution', 'B31')).toBe('D-31');
    expect(excel.sheet('Partner Summary')).toBe(sheets.find((s) => s.name === 'Partner Summary'));
    expect(excel.live().some((s) => s.name.startsWith('PA new') || s.visibility !== 'Visible')).toBe(false);
    expect(excel.sheet('Partner Summary')!.charts.filter((c) => !c.deleted)).toHaveLength(before.find((s) => s.name === 'Partner Summary')!.charts.length);
  });

  it('when putting the old sheets back fails too, their previous content is in visible sheets the error names, and a later write keeps them', async () => {
    const { excel, names, before } = await written();
    const second = names[1]!;
    excel.failOnCopyInto(second, 2); // the refill fails, then the restore's copy fails as well
    await expect(writeReportTabs(reportFor(30), { run: excel.run }))
      .rejects.toThrow(new RegExp(`putting back the previous content failed too.*Nothing is lost: the previous content of .*"${second}" is in "${second} \\(previous\\)"`));
    const kept = excel.sheet(`${second} (previous)`)!;
    expect(kept.visibility).toBe('Visible');
    expect(JSON.stringify(kept.grid)).toBe(before.find((s) => s.name === second)!.grid);
    expect(excel.live().some((s) => s.name.startsWith('PA new'))).toBe(false);

    const result = await writeReportTabs(reportFor(30), { run: excel.run });
    expect(result.written).toEqual(names);
    expect(excel.sheet(`${second} (previous)`)).toBe(kept);
  });

  it('a backup left by a write that was cut short is shown under a clear name with a note, never deleted', async () => {
    const { excel, before } = await written();
    // What closing the workbook during a refill leaves: Partner Summary cleared, its content only in the hidden backup.
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const summary = sheets.getItem('Partner Summary');
      const backup = sheets.add('PA new backup 1');
      backup.customProperties.add(MARKER_KEY, backupMarkerValue('Partner Summary'));
      backup.getRangeByIndexes(0, 0, 60, 40).copyFrom(summary.getRangeByIndexes(0, 0, 60, 40), 'All' as Excel.RangeCopyType);
      backup.visibility = 'Hidden' as Excel.SheetVisibility;
      summary.getRange().clear();
      await context.sync();
    });
    const result = await writeReportTabs(reportFor(30), { run: excel.run });
    expect(result.message).toMatch(/An earlier write was interrupted and left the previous content of a tab in "Partner Summary \(previous\)"\. It is kept/);
    const kept = excel.sheet('Partner Summary (previous)')!;
    expect(kept.visibility).toBe('Visible');
    expect(JSON.stringify(kept.grid)).toBe(before.find((s) => s.name === 'Partner Summary')!.grid);
    const again = await writeReportTabs(reportFor(30), { run: excel.run });
    expect(again.message).not.toMatch(/interrupted/);
    expect(excel.sheet('Partner Summary (previous)')).toBe(kept);
  });
});
