/** "Classify deals" through the built Code.js: three owned columns next to the data, never over a user's cells. */
import type { Settings, WriteResult } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import { workedExample } from './workedExample';

const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: {} };
const classify = (project: LoadedProject): WriteResult => project.call<WriteResult>('paClassify', { tab: null, settings: SETTINGS });
const column = (project: LoadedProject, tab: string, letter: string) =>
  project.spreadsheet.tab(tab).getRange(`${letter}1:${letter}8`).getValues().map((r) => r[0]);

describe('classifying the deals', () => {
  it('writes Partner Motion, Partner(s) and Partner Reason right of the data, headers on the header row', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample()); // columns A:N
    const result = classify(project);
    expect(result.written).toEqual(['Deals!O1:Q8']);
    expect(column(project, 'Deals', 'O')).toEqual(['Partner Motion', 'Sourced', 'Influenced', 'Sourced', 'Resold', 'Resold', 'Direct', 'Influenced']);
    expect(column(project, 'Deals', 'P')[0]).toBe('Partner(s)');
    expect(column(project, 'Deals', 'P')[2]).toBe('Globex; Initech');
    expect(column(project, 'Deals', 'Q')[0]).toBe('Partner Reason');
    expect(column(project, 'Deals', 'Q')[1]).toMatch(/Acme/);
    const marked = project.spreadsheet.metadata.filter((m) => m.key === 'partner-attribution').map((m) => [m.place.column, m.value]);
    expect(marked).toEqual([[15, 'column:Partner Motion'], [16, 'column:Partner(s)'], [17, 'column:Partner Reason']]);
  });

  it('a second run rewrites its own columns in place and does not read them as data', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', workedExample());
    classify(project);
    deals.getRange('H7').setValue('Initech'); // the direct deal now has a partner: Influenced
    const again = classify(project);
    expect(again.written).toEqual(['Deals!O1:Q8']);
    expect(column(project, 'Deals', 'O')[6]).toBe('Influenced');
    expect(project.spreadsheet.metadata).toHaveLength(3);
    expect(deals.getLastColumn()).toBe(17);
  });

  it('follows its columns when the user inserts a column inside the data', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', workedExample());
    classify(project);
    deals.insertColumnsAfter(2, 1); // a new column C: the table now ends at O, the add-on's columns moved to P:R
    deals.getRange('C1').setValue('Notes');
    const again = classify(project);
    expect(again.written).toEqual(['Deals!P1:R8']);
    expect(column(project, 'Deals', 'O')[0]).toBe('Registration Date');
    expect(column(project, 'Deals', 'P')[0]).toBe('Partner Motion');
    expect(project.spreadsheet.metadata.map((m) => m.place.column)).toEqual([16, 17, 18]);
  });

  it('never overwrites a user\'s cells right of the table: it writes after the last used column instead', () => {
    const project = loadProject();
    const rows = workedExample().map((r) => [...r, '', '']);
    rows[4]![15] = 'my note'; // P5, one column right of the table
    const deals = project.spreadsheet.addTab('Deals', rows);
    const result = classify(project);
    expect(result.written).toEqual(['Deals!Q1:S8']);
    expect(deals.getRange('P5').getValue()).toBe('my note');
    expect(deals.getRange('Q1').getValue()).toBe('Partner Motion');
  });

  it('writes a reason or partner that looks like a formula as text', () => {
    const project = loadProject();
    const rows = workedExample();
    rows[1]![rows[0]!.indexOf('Partner')] = "'=1+1 Partners";
    const deals = project.spreadsheet.addTab('Deals', rows);
    classify(project);
    expect(deals.allFormulas()).toEqual([]);
    expect(deals.getRange('P2').getValue()).toBe('=1+1 Partners');
  });
});
