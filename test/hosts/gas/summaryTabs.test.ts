/** "Write summary tabs" through the built Code.js: what lands in the spreadsheet, what is never touched, and how many calls it takes. */
import { analyze, buildReportTabs, literalText, TAB_NAMES } from '../../../src/core/index';
import type { Settings, WriteResult } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import { day, generatedDeals, workedExample } from './workedExample';

/** The summary tabs and, after them, the Review tab (issue 18): what "Write summary" writes. */
const WRITTEN = [...TAB_NAMES, 'Review'];
const SETTINGS: Settings = { version: 1, tab: null, mapping: {}, policy: {} };
const write = (project: LoadedProject): WriteResult => project.call<WriteResult>('paWriteSummary', { tab: null, settings: SETTINGS });
const owners = (project: LoadedProject) => project.spreadsheet.metadata.filter((m) => m.key === 'partner-attribution').map((m) => `${m.place.sheet.name}|${m.value}`);

describe('writing the summary tabs', () => {
  it('writes the six tabs with the engine\'s tables, marks them as the add-on\'s and brings Partner Summary to the front', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const result = write(project);
    expect(result.written).toEqual([...WRITTEN]);
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', ...WRITTEN]);
    expect(owners(project).sort()).toEqual(WRITTEN.map((name) => `${name}|tab:${name}`).sort());
    expect(project.spreadsheet.active?.name).toBe('Partner Summary');

    const expected = buildReportTabs(analyze({ deals: workedExample() }));
    for (const tab of expected) {
      const sheet = project.spreadsheet.tab(tab.name);
      for (const block of tab.blocks) {
        if (block.values.length === 0) continue; // a heading alone: its title is checked with the titles
        const width = Math.max(...block.values.map((r) => r.length));
        const got = sheet.getRange(block.row + 1, block.col + 1, block.values.length, width).getValues();
        const want = block.values.map((r) => Array.from({ length: width }, (_, c) => {
          const v = r[c];
          return v === null || v === undefined ? '' : v;
        }));
        expect(got).toEqual(want);
      }
    }
    const summary = project.spreadsheet.tab('Partner Summary');
    expect(summary.getRange('A26').getValue()).toBe('Partner'); // the partner table's header row
    expect(summary.fontWeightAt(25, 0)).toBe('bold');
    expect(summary.formatAt(26, 7)).toBe('#,##0.00'); // Credited Revenue of the first partner
    expect(project.spreadsheet.tab('Deal Attribution').frozenRows).toBe(1);
    expect(project.spreadsheet.tab('Deal Attribution').getColumnWidth(12)).toBeGreaterThan(project.spreadsheet.tab('Deal Attribution').getColumnWidth(1));
  });

  it('writes the Review tab: the deals that need a decision with what the rules decided, and empties it once the user settles them', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const review = project.spreadsheet.tab('Review').getDataRange().getValues();
    expect(String(review[0]![0])).toMatch(/^1 deal needs a decision/);
    expect(review[1]!.slice(0, 8)).toEqual(['Amount (USD)', 'Deal ID', 'Deal Name', 'Status', 'Sheet Row', 'Needs a decision because', 'The rules decided', 'Partner(s)']);
    expect(review[2]!.slice(0, 8)).toEqual([5000, 'D-4', 'Deal D-4', 'Won', 4, 'Sourcing claims disagree', 'Sourced', 'Umbrella']);
    expect(String(review[2]![8])).toMatch(/^Sourced by Umbrella \(deal registration/);

    project.spreadsheet.addTab('Attribution Overrides', [['Deal ID', 'Motion', 'Partner', 'Note'], ['D-4', 'Sourced', 'Acme', 'Acme brought it; the registration was late paperwork']]);
    write(project);
    expect(project.spreadsheet.sheets.filter((s) => s.name.startsWith('Review'))).toHaveLength(1);
    expect(project.spreadsheet.tab('Review').getRange('C3').getValue()).toBe('No deals need a decision.');
  });

  it('keeps text as text: a Deal ID "00123" and an ISO date in the Data Issues "Value" column are not read as a number or a date', () => {
    // Sheets reads text written by setValues as typed input (the fake does too) unless the cell is plain text ("@").
    const project = loadProject();
    const deals = workedExample().map((row, r) => (r === 6 ? row.map((cell, c) => (c === 0 ? '00123' : c === 5 ? day('2024-03-01') : cell)) : row));
    project.spreadsheet.addTab('Deals', deals);
    write(project);
    const attribution = project.spreadsheet.tab('Deal Attribution').snapshot();
    expect(attribution[0]![1]).toBe('Deal ID');
    expect(attribution.map((row) => row[1])).toContain('00123');
    const issues = project.spreadsheet.tab('Data Issues').snapshot();
    const closeBeforeCreated = issues.find((row) => row.includes('2024-03-01'));
    expect(closeBeforeCreated).toBeDefined();
  });

  it('adds a bar chart of the top partners and a stacked column chart of motion by quarter', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const [bar] = project.spreadsheet.tab('Partner Summary').charts;
    expect(bar).toMatchObject({ kind: 'bar', numHeaders: 1 });
    expect(bar!.ranges[0]).toMatch(/^A26:A\d+$/);
    const [stacked] = project.spreadsheet.tab('Partner Trend').charts;
    const last = 2 + analyze({ deals: workedExample() }).summary.periods.length; // the header on row 2, one row per quarter
    expect(stacked).toMatchObject({ kind: 'column', stacked: true, ranges: ['A', 'B', 'C', 'D', 'E'].map((c) => `${c}2:${c}${last}`) });
  });

  it('a second run replaces only the add-on\'s own tabs, in place, with fresh numbers', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', workedExample());
    const notes = project.spreadsheet.addTab('Notes', [['my notes'], ['=SUM(1,2)']]);
    write(project);
    const notesBefore = notes.snapshot();
    deals.getRange('D7').setValue(4000); // the direct deal grows from 3,000 to 4,000
    write(project);
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Deals', 'Notes', ...WRITTEN]);
    expect(owners(project)).toHaveLength(WRITTEN.length);
    expect(project.spreadsheet.tab('Partner Summary').getRange('B9').getValue()).toBe(30000.01); // total revenue
    expect(project.spreadsheet.tab('Partner Summary').charts).toHaveLength(1);
    expect(project.spreadsheet.tab('Partner Trend').charts).toHaveLength(3); // by motion, by partner, pipeline created: not doubled
    expect(notes.snapshot()).toEqual(notesBefore);
    expect(notes.allFormulas()).toEqual(['=SUM(1,2)']);
  });

  it('keeps a user\'s formula pointing at a report tab working across a re-run, with the new number', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const summary = project.spreadsheet.tab('Partner Summary');
    const total = summary.getRange('B9').getValue();
    expect(total).toBe(29000.01); // total revenue before the direct deal grows
    const dashboard = project.spreadsheet.addTab('My dashboard', [['Revenue', "='Partner Summary'!B9"], ['Partners', "='Partner Summary'!A26"]]);
    expect(dashboard.getRange('B1').getValue()).toBe(29000.01);
    deals.getRange('D7').setValue(4000); // the direct deal grows from 3,000 to 4,000
    write(project);
    expect(dashboard.allFormulas()).toEqual(["='Partner Summary'!B9", "='Partner Summary'!A26"]);
    expect(dashboard.getRange('B1').getValue()).toBe(30000.01);
    expect(dashboard.getRange('B2').getValue()).toBe('Partner');
    // The same tab, refilled: still its charts, filter, frozen rows and formats, and no temporary left.
    expect(project.spreadsheet.tab('Partner Summary')).toBe(summary);
    expect(summary.charts).toHaveLength(1);
    expect(summary.filterRange).not.toBeNull();
    expect(summary.fontWeightAt(25, 0)).toBe('bold');
    expect(summary.formatAt(26, 7)).toBe('#,##0.00');
    expect(project.spreadsheet.tab('Deal Attribution').frozenRows).toBe(1);
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
    // What the fake does, as Sheets does: a deleted tab leaves #REF! behind, and a new tab of that name does not mend it.
    project.spreadsheet.api.deleteSheet(summary.api);
    project.spreadsheet.addTab('Partner Summary', [['x']]);
    expect(dashboard.getRange('B1').getValue()).toBe('#REF!');
    expect(dashboard.allFormulas()[0]).toBe('=#REF!B9');
  });

  it('a re-run with fewer deals cuts the refilled Deal Attribution tab to size, no stale rows left', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', generatedDeals(60));
    write(project);
    const attribution = project.spreadsheet.tab('Deal Attribution');
    const before = attribution.getLastRow();
    deals.deleteRows(22, 40); // 20 deals left
    write(project);
    expect(project.spreadsheet.tab('Deal Attribution')).toBe(attribution);
    expect(attribution.getLastRow()).toBe(before - 40);
    expect(attribution.maxRows).toBeLessThan(before);
    expect(attribution.frozenRows).toBe(1);
  });

  it('a user\'s formula follows a report tab the user renames', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const dashboard = project.spreadsheet.addTab('My dashboard', [["='Partner Summary'!B9"]]);
    project.spreadsheet.tab('Partner Summary').api.setName('Summary');
    expect(dashboard.allFormulas()).toEqual(['=Summary!B9']);
    write(project);
    expect(dashboard.getRange('A1').getValue()).toBe(29000.01);
  });

  it('never touches a user\'s own "Partner Summary" tab: it writes "Partner Summary (2)", and reuses that one next time', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const mine = project.spreadsheet.addTab('Partner Summary', [['My own summary', 'Q1'], ['Acme', 123], ['total', '=B2*2']]);
    const before = { values: mine.snapshot(), formulas: mine.allFormulas(), rows: mine.maxRows, columns: mine.maxColumns };
    const first = write(project);
    expect(first.written[0]).toBe('Partner Summary (2)');
    const second = write(project);
    expect(second.written).toEqual(first.written);
    expect(project.spreadsheet.sheets.map((s) => s.name).filter((n) => n.startsWith('Partner Summary'))).toEqual(['Partner Summary', 'Partner Summary (2)']);
    expect({ values: mine.snapshot(), formulas: mine.allFormulas(), rows: mine.maxRows, columns: mine.maxColumns }).toEqual(before);
    expect(mine.charts).toHaveLength(0);
    expect(project.spreadsheet.tab('Partner Summary (2)').getRange('A26').getValue()).toBe('Partner');
  });

  it('reads a Touches tab with the deals, and never takes it for the deals', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Touches', [['Deal ID', 'Partner', 'Activity', 'Date'], ['D-7', 'Globex', 'Demo', new Date('2024-03-20T00:00:00Z')]]);
    project.spreadsheet.addTab('Deals', workedExample());
    const result = write(project);
    expect(result.message).toMatch(/on "Deals"/);
    const attribution = project.spreadsheet.tab('Deal Attribution').snapshot();
    const direct = attribution.find((row) => row[1] === 'D-7');
    expect(direct?.[7]).toBe('Influenced'); // the demo by Globex made the direct deal partner-influenced
  });

  it('picks the next free name when "Partner Summary (2)" is taken by the user too', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    project.spreadsheet.addTab('Partner Summary', [['mine']]);
    project.spreadsheet.addTab('Partner Summary (2)', [['also mine']]);
    expect(write(project).written[0]).toBe('Partner Summary (3)');
    expect(project.spreadsheet.tab('Partner Summary (2)').snapshot()).toEqual([['also mine']]);
  });

  it('keeps finding its tabs after a user renames one', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    project.spreadsheet.tab('Data Issues').setName('Issues (partner report)');
    const again = write(project);
    expect(again.written).toContain('Issues (partner report)');
    expect(project.spreadsheet.sheets).toHaveLength(1 + WRITTEN.length);
  });

  it('writes partner names that look like formulas as text', () => {
    const project = loadProject();
    const deals = workedExample();
    const partner = deals[0]!.indexOf('Partner');
    const influencers = deals[0]!.indexOf('Influencing Partners');
    // Typed with a leading apostrophe, as a user keeps such text in a sheet; getValues hands it over without it.
    deals[1]![partner] = '\'=HYPERLINK("http://example.com")';
    deals[2]![influencers] = "'+Plus Partners; -Minus Partners";
    deals[5]![partner] = "'@Handle Partners";
    project.spreadsheet.addTab('Deals', deals);
    write(project);
    for (const name of WRITTEN) expect(project.spreadsheet.tab(name).allFormulas()).toEqual([]);
    const summary = project.spreadsheet.tab('Partner Summary');
    const partners = summary.getRange(20, 1, summary.getLastRow() - 19, 1).getValues().map((r) => r[0]);
    expect(partners).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.com")', '+Plus Partners', '-Minus Partners', '@Handle Partners']));
    expect(literalText('=x')).toBe("'=x"); // the guard Sheets reads as "this is text"
  });

  it('takes the same number of spreadsheet calls for 100 and for 10,000 deal rows', () => {
    // Each tab is sized to fit: a short Deal Attribution tab loses rows, a long one gains them (one call either way).
    const resizeAsOne = (counts: Record<string, number>): Record<string, number> => {
      const { 'Sheet.insertRowsAfter': inserted = 0, 'Sheet.deleteRows': deleted = 0, ...rest } = counts;
      return { ...rest, 'resize rows': inserted + deleted };
    };
    const callsFor = (rows: number) => {
      const project = loadProject();
      project.spreadsheet.addTab('Deals', generatedDeals(rows));
      project.counter.reset();
      write(project);
      const first = resizeAsOne(project.counter.snapshot());
      project.counter.reset();
      write(project);
      return { first, second: resizeAsOne(project.counter.snapshot()) };
    };
    const small = callsFor(100);
    const large = callsFor(10_000);
    expect(large.first).toEqual(small.first);
    expect(large.second).toEqual(small.second);
    expect(small.first['Range.setValues']).toBeLessThan(20);
    expect(small.first['Range.getValues']).toBe(1);
  });

  it('says what is wrong, without writing anything, when no tab holds deals', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Sheet1', [['hello']]);
    expect(() => write(project)).toThrow(/header|deals|column/i);
    expect(project.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('replaces the tabs all or nothing: when the third new tab fails, the old tabs stay and no temporary tab is left', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const before = project.spreadsheet.sheets.map((s) => ({ name: s.name, values: s.snapshot() }));
    project.spreadsheet.tab('Deals').enter(1, 3, 99_000); // new numbers that must not half-land
    project.spreadsheet.failOnInsertSheet(3);
    expect(() => write(project)).toThrow(/could not be written \(Service Spreadsheets timed out.*Your previous summary tabs are unchanged/);
    expect(project.spreadsheet.sheets.map((s) => ({ name: s.name, values: s.snapshot() }))
      .map((t) => (t.name === 'Deals' ? { ...t, values: before[0]!.values } : t))).toEqual(before);
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
  });

  it('a failure while writing the new tabs leaves a user\'s formula on a report tab untouched, and a later run refills it', () => {
    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const dashboard = project.spreadsheet.addTab('My dashboard', [["='Partner Summary'!B9"]]);
    deals.getRange('D7').setValue(4000);
    project.spreadsheet.failOnInsertSheet(5);
    expect(() => write(project)).toThrow(/Your previous summary tabs are unchanged/);
    expect(dashboard.getRange('A1').getValue()).toBe(29000.01);
    expect(project.spreadsheet.tab('Partner Summary').charts).toHaveLength(1);
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
    write(project);
    expect(dashboard.getRange('A1').getValue()).toBe(30000.01);
    expect(dashboard.allFormulas()).toEqual(["='Partner Summary'!B9"]);
  });

  it('counts the cells first: with no room for Deal Attribution under the 10-million-cell limit it says so and writes the other tabs', () => {
    const sizeOf = (project: LoadedProject, name: string) => { const s = project.spreadsheet.tab(name); return s.maxRows * s.maxColumns; };
    const probe = loadProject();
    probe.spreadsheet.addTab('Deals', workedExample());
    write(probe);
    const others = probe.spreadsheet.sheets.filter((s) => s.name !== 'Deals' && s.name !== 'Deal Attribution').reduce((n, s) => n + sizeOf(probe, s.name), 0);

    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const raw = project.spreadsheet.addTab('Raw Export');
    // Room for the other tabs and one new sheet's 26,000 starting cells, not for Deal Attribution too.
    raw.maxRows = Math.floor((10_000_000 - sizeOf(project, 'Deals') - others - 26_000) / raw.maxColumns);
    const result = write(project);
    expect(result.written).not.toContain('Deal Attribution');
    expect(result.written).toContain('Partner Summary');
    expect(result.message).toMatch(/Deal Attribution was not written: it needs [\d,]+ cells and this spreadsheet has room for [\d,]+ more \(Google Sheets holds 10,000,000 cells in all\)/);
    expect(project.spreadsheet.cellCount()).toBeLessThanOrEqual(10_000_000);
  });

  it('counts the cells a refill needs: a Deal Attribution tab that grows while its temporary exists is left out, with a note, rather than failing half-way', () => {
    const all = generatedDeals(3000);
    const sizes = (project: LoadedProject) => new Map(project.spreadsheet.sheets.map((s) => [s.name, s.maxRows * s.maxColumns] as const));
    const probe = loadProject();
    probe.spreadsheet.addTab('Deals', all);
    write(probe);
    const fresh = sizes(probe);

    const project = loadProject();
    const deals = project.spreadsheet.addTab('Deals', all.slice(0, 21)); // 20 deals first
    write(project);
    deals.maxRows = all.length;
    for (let r = 21; r < all.length; r += 1) all[r]!.forEach((v, c) => deals.enter(r, c, v));
    const old = sizes(project);
    const needed = WRITTEN.reduce((n, name) => n + (fresh.get(name) ?? 0), 0);
    const grows = fresh.get('Deal Attribution')! - old.get('Deal Attribution')!;
    // All the temporaries and a new sheet's 26,000 starting cells fit; the growth on top of them does not.
    const raw = project.spreadsheet.addTab('Raw Export');
    raw.maxColumns = 1;
    raw.maxRows = 10_000_000 - project.spreadsheet.cellCount() + raw.maxRows - needed - 26_000;
    expect(grows).toBeGreaterThan(26_000 + [...old].filter(([n]) => WRITTEN.indexOf(n) >= 0 && WRITTEN.indexOf(n) < WRITTEN.indexOf('Deal Attribution')).reduce((n, [, v]) => n + v, 0));
    const result = write(project);
    expect(result.written).not.toContain('Deal Attribution');
    expect(result.message).toMatch(/Deal Attribution was not written/);
    expect(project.spreadsheet.tab('Partner Summary').charts).toHaveLength(1);
    expect(project.spreadsheet.sheets.some((s) => s.name.startsWith('PA new'))).toBe(false);
    expect(project.spreadsheet.cellCount()).toBeLessThanOrEqual(10_000_000);
  });

  it('puts a filter over each tab\'s table (Partner Credits whole, Partner Summary without its Total row), and a re-run replaces it', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    write(project);
    const tabs = buildReportTabs(analyze({ deals: workedExample() }));
    const credits = tabs.find((t) => t.name === 'Partner Credits')!.blocks[0]!.values;
    expect(project.spreadsheet.tab('Partner Credits').filterRange).toBe(`A1:M${credits.length}`);
    const partners = tabs[0]!.blocks[3]!.values;
    expect(project.spreadsheet.tab('Partner Summary').filterRange).toBe(`A26:AD${25 + partners.length - 1}`);
    write(project);
    expect(project.spreadsheet.tab('Partner Credits').filterRange).toBe(`A1:M${credits.length}`);
  });
});
