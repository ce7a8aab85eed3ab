/** Sheet names made from partner names: valid in Excel (and so in Sheets), and numbered within 31 characters. */
import { numberedSheetName, planTabTargets, safeSheetName, statementSheetName, SHEET_NAME_MAX_LENGTH } from '../../src/core';

describe('sheet names made from user text', () => {
  it('replace the characters Excel refuses and keep the rest of the name', () => {
    expect(statementSheetName('Acme Inc.')).toBe('Statement – Acme Inc.');
    expect(statementSheetName('A/B: Partners [EU]')).toBe('Statement – A B Partners EU');
    expect(statementSheetName('What? *Star* \\ Co')).toBe('Statement – What Star Co');
    expect(safeSheetName("'Quoted'")).toBe('Quoted');
    expect(safeSheetName('   ')).toBe('Sheet');
  });

  it('cut a long name to 31 characters, visibly', () => {
    const name = statementSheetName('Accenture Federal Services LLC');
    expect(name).toBe('Statement – Accenture Federal…');
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX_LENGTH);
    expect(Array.from(statementSheetName('😀'.repeat(40))).length).toBeLessThanOrEqual(SHEET_NAME_MAX_LENGTH);
  });

  it('number a name within the limit', () => {
    expect(numberedSheetName('Statement – Acme', 2)).toBe('Statement – Acme (2)');
    expect(numberedSheetName('Statement – Accenture Federal…', 2)).toBe('Statement – Accenture Fede… (2)');
    expect(numberedSheetName('Statement – Accenture Federal…', 2)).toHaveLength(31);
  });
});

describe('planTabTargets with sheet names of their own', () => {
  const reports = ['Statement – Accenture Federal Services', 'Statement – Accenture Federal Solutions'];
  const sheetNames = reports.map((r) => statementSheetName(r.slice('Statement – '.length)));

  it('gives two partners whose names cut alike two tabs, and does not call the first one the user\'s', () => {
    const plan = planTabTargets(reports, [{ name: 'Deals', ownedReport: null }], { sheetNames, maxLength: 31 });
    expect(plan.targets.map((t) => t.sheetName)).toEqual(['Statement – Accenture Federal…', 'Statement – Accenture Fede… (2)']);
    expect(plan.targets.map((t) => t.userTabInTheWay)).toEqual([null, null]);
  });

  it('writes beside a user\'s tab of the statement\'s name, and reuses its own tab by its report next time', () => {
    const first = planTabTargets([reports[0]!], [{ name: 'statement – accenture federal…', ownedReport: null }], { sheetNames, maxLength: 31 });
    expect(first.targets[0]).toMatchObject({ sheetName: 'Statement – Accenture Fede… (2)', reuse: false, userTabInTheWay: 'statement – accenture federal…' });
    const again = planTabTargets([reports[0]!], [{ name: 'statement – accenture federal…', ownedReport: null },
      { name: 'Statement – Accenture Fede… (2)', ownedReport: reports[0]! }], { sheetNames, maxLength: 31 });
    expect(again.targets[0]).toMatchObject({ sheetName: 'Statement – Accenture Fede… (2)', reuse: true });
  });
});
