/** Sheets: the built Code.js reads the user's Attribution Overrides tab and never writes to it (issue 18). */
import type { Settings, WriteResult } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import { workedExample } from './workedExample';

const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: {} };

describe('the Attribution Overrides tab in Sheets', () => {
  it('sets the deal by hand in the written tabs and leaves the overrides tab as the user wrote it', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const overrides = project.spreadsheet.addTab('Attribution Overrides', [['Deal ID', 'Motion', 'Partner', 'Note'], ['D-7', 'Influenced', 'Globex', 'co-sell call with the CIO']]);
    const before = overrides.snapshot();
    project.call<WriteResult>('paWriteSummary', { tab: null, settings: SETTINGS });
    const rows = project.spreadsheet.tab('Deal Attribution').getDataRange().getValues();
    const d7 = rows.find((r) => r[1] === 'D-7')!;
    const at = (header: string): unknown => d7[rows[0]!.indexOf(header)];
    expect(at('Motion')).toBe('Influenced');
    expect(at('Credits')).toBe('Globex: 3,000.00');
    expect(String(at('Reason'))).toMatch(/^Set by hand: co-sell call with the CIO\./);
    expect(overrides.snapshot()).toEqual(before);
  });
});
