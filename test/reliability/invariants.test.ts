/**
 * Invariants over random workbooks (fast-check), beyond test/core/invariants.test.ts: independence from
 * column order, idempotent re-runs and nothing of the user's changed in both add-ins' fake workbooks,
 * settings that round-trip, and corrupt saved settings that fall back to the defaults with a warning.
 */
import { headerKey } from '../../src/core/table/fieldSynonyms';
import fc from 'fast-check';
import { analyze, DEFAULT_SETTINGS, parseSettings, TAB_NAMES } from '../../src/core';
import type { Cell, Settings } from '../../src/core';
import { createExcelBridge } from '../../src/hosts/excel/excelBridge';
import { readWorkbookSettings, saveWorkbookSettings, SETTINGS_KEY } from '../../src/hosts/excel/workbookSettings';
import { FakeExcel } from '../hosts/excel/fakeExcel';
import { loadProject } from '../hosts/gas/builtCodeJs';
import type { FakeSheet as GasSheet } from '../hosts/gas/fakes/FakeSheet';
import { memoryStore } from '../hosts/excel/memorySettingsStore';

// office-addin-mock pulls in office-addin-manifest, whose ESM dependencies Jest cannot load; the mock only needs the host names.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

const PARTNERS = ['Acme', 'Globex', 'Initech', '=HYPERLINK("http://x")', '+Plus', '-Minus', '@At', 'Ünïcødé', 'شريك', '🚀 Rocket'];
const HEADER = ['Deal ID', 'Stage', 'Amount', 'Close Date', 'Lead Source', 'Partner', 'Partner Role', 'Influencing Partners', 'Reseller'];

const partnerCell = fc.option(fc.subarray(PARTNERS, { minLength: 1, maxLength: 2 }).map((ps) => ps.join('; ')), { nil: '', freq: 2 });
const dealRow = (i: number): fc.Arbitrary<Cell[]> => fc.tuple(
  fc.constantFrom('Closed Won', 'Closed Lost', 'Negotiation', ''),
  fc.oneof(fc.integer({ min: -1000, max: 2_000_000 }).map((c) => c / 100), fc.constantFrom('', '#N/A', '$1,234.57', 'n/a')),
  fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10)),
  fc.constantFrom('', 'Web', 'Partner Referral'),
  partnerCell, fc.constantFrom('', 'Reseller', 'Referral', 'Influencer'), partnerCell, partnerCell,
).map((cells): Cell[] => [`D-${i}`, ...cells]);
/** A deals table of 0 to 15 rows (occasionally a repeated Deal ID). */
const dealsTable = fc.integer({ min: 0, max: 15 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dealRow(i))))
  .chain((rows) => fc.boolean().map((dupe) => (dupe && rows.length > 1 ? [...rows, [...rows[0]!]] : rows)))
  .map((rows): Cell[][] => [[...HEADER], ...rows]);

const POLICY = { asOfDate: '2025-01-01' };

describe('the engine, for any deals table', () => {
  it('gives the same report whatever the order of its columns', () => {
    fc.assert(fc.property(dealsTable, fc.integer(), (grid, seed) => {
      const order = HEADER.map((_, c) => c);
      let s = seed >>> 0;
      for (let i = order.length - 1; i > 0; i--) { s = (s * 1103515245 + 12345) >>> 0; const j = s % (i + 1); [order[i], order[j]] = [order[j]!, order[i]!]; }
      const permuted = grid.map((row) => order.map((c) => row[c]));
      expect(analyze({ deals: permuted }, { policy: POLICY }).summary).toEqual(analyze({ deals: grid }, { policy: POLICY }).summary);
    }), { numRuns: 100 });
  });
});

/** A user's other sheet, with text that looks like formulas, which no run may change. */
const NOTES: Cell[][] = [['My notes', 'Q1'], ['=SUM(B1:B3)', 42], ['@mention', '-5'], ['+1 555 0100', 'keep']];
const USER_SUMMARY: Cell[][] = [['My own Partner Summary'], ['Acme', 123]];

/** What a user would see in the Excel workbook: every live sheet's name, cells, saved properties and charts. */
const excelState = (excel: FakeExcel) => excel.live().map((sheet) => ({
  name: sheet.name,
  grid: sheet.grid.map((row) => [...row]),
  props: Object.fromEntries(sheet.props),
  charts: sheet.charts.filter((c) => !c.deleted).map((c) => ({ type: c.type, title: c.title, series: [...c.series] })),
}));

const request = (): { tab: string; settings: Settings } => ({ tab: 'Deals', settings: JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings });
const isGoodTable = (grid: Cell[][]): boolean => grid.length > 1;

describe('the Excel add-in, for any deals table', () => {
  it('writes the same workbook when run twice, and changes nothing outside its own sheets and columns', async () => {
    await fc.assert(fc.asyncProperty(dealsTable.filter(isGoodTable), async (deals) => {
      const excel = new FakeExcel([
        { name: 'Notes', grid: NOTES.map((r) => [...r]) },
        { name: 'Deals', grid: deals.map((r) => r.map((c) => c ?? '')) },
        { name: 'Partner Summary', grid: USER_SUMMARY.map((r) => [...r]) },
      ]);
      const before = excelState(excel);
      const bridge = createExcelBridge({ run: excel.run, settingsStore: memoryStore() });
      await bridge.classify(request());
      await bridge.writeSummary(request());
      const once = excelState(excel);
      await bridge.classify(request());
      await bridge.writeSummary(request());
      expect(excelState(excel)).toEqual(once);

      // The user's sheets are as they were; the deals keep every original cell, the add-in's columns sit right of them.
      const byName = (state: typeof once, name: string) => state.find((s) => s.name === name)!;
      expect(byName(once, 'Notes')).toEqual(byName(before, 'Notes'));
      expect(byName(once, 'Partner Summary')).toEqual(byName(before, 'Partner Summary'));
      const width = HEADER.length;
      expect(byName(once, 'Deals').grid.map((r) => r.slice(0, width))).toEqual(byName(before, 'Deals').grid.map((r) => r.slice(0, width)));
      expect(byName(once, 'Deals').grid[0]!.slice(width)).toEqual(['Partner Motion', 'Partner(s)', 'Partner Reason']);
      expect(once.map((s) => s.name)).toEqual(['Notes', 'Deals', 'Partner Summary', 'Partner Summary (2)', ...TAB_NAMES.slice(1), 'Review']);
    }), { numRuns: 12 });
  });
});

/** What a user would see in the spreadsheet: every tab's size, values, formulas, formats and charts, and the add-on's markers. */
const gasState = (project: ReturnType<typeof loadProject>) => ({
  tabs: project.spreadsheet.sheets.map((sheet: GasSheet) => {
    const values = sheet.snapshot();
    return {
      name: sheet.name, rows: sheet.maxRows, columns: sheet.maxColumns, frozen: sheet.frozenRows, values,
      formulas: sheet.allFormulas(), formats: values.map((row, r) => row.map((_, c) => sheet.formatAt(r, c))), charts: sheet.charts.length,
    };
  }),
  markers: project.spreadsheet.metadata.map((m) => `${m.place.sheet.name}|${m.place.column}|${m.key}|${m.value}`).sort(),
});

describe('the Sheets add-on, for any deals table', () => {
  it('writes the same spreadsheet when run twice, and changes nothing outside its own tabs and columns', () => {
    fc.assert(fc.property(dealsTable.filter(isGoodTable), (deals) => {
      const project = loadProject();
      project.spreadsheet.addTab('Notes', NOTES);
      // Typed with a leading apostrophe, as Sheets keeps imported text such as "-Minus" (the fake reads = + - @ as a formula otherwise).
      project.spreadsheet.addTab('Deals', deals.map((r) => r.map((c) => (typeof c === 'string' && /^[=+\-@]/.test(c) ? `'${c}` : c ?? ''))));
      project.spreadsheet.addTab('Partner Summary', USER_SUMMARY);
      const before = gasState(project);
      const settings = request().settings;
      project.call('paClassify', { tab: 'Deals', settings });
      project.call('paWriteSummary', { tab: 'Deals', settings });
      const once = gasState(project);
      project.call('paClassify', { tab: 'Deals', settings });
      project.call('paWriteSummary', { tab: 'Deals', settings });
      expect(gasState(project)).toEqual(once);

      const tab = (state: typeof once, name: string) => state.tabs.find((t) => t.name === name)!;
      expect(tab(once, 'Notes')).toEqual(tab(before, 'Notes'));
      expect(tab(once, 'Partner Summary')).toEqual(tab(before, 'Partner Summary'));
      const width = HEADER.length;
      expect(tab(once, 'Deals').values.map((r) => r.slice(0, width))).toEqual(tab(before, 'Deals').values.map((r) => r.slice(0, width)));
      expect(tab(once, 'Deals').formulas).toEqual([]);
      expect(tab(once, 'Deals').values[0]!.slice(width)).toEqual(['Partner Motion', 'Partner(s)', 'Partner Reason']);
      expect(once.tabs.map((t) => t.name)).toEqual(['Notes', 'Deals', 'Partner Summary', 'Partner Summary (2)', ...TAB_NAMES.slice(1), 'Review']);
    }), { numRuns: 8 });
  });
});

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(1 as const),
  tab: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { nil: null }),
  // Saved settings never map two fields to one column (that is refused, issue 14), so neither do these.
  mapping: fc.dictionary(fc.constantFrom('amount', 'stage', 'partner', 'reseller', 'closeDate'),
    fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.nat({ max: 40 }), fc.constant(null)))
    .filter((m) => {
      const targets = Object.values(m).filter((v) => v !== null).map((v) => (typeof v === 'number' ? `#${v}` : headerKey(v)));
      return new Set(targets).size === targets.length;
    }),
  policy: fc.record({
    influenceModel: fc.constantFrom('even', 'first', 'last', 'position', 'time-decay', 'weighted'),
    conflictPolicy: fc.constantFrom('precedence', 'split', 'flag'),
    sourcedShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    decimalSeparator: fc.constantFrom('.', ','),
    reportingCurrency: fc.constantFrom('EUR', 'USD', null),
    wonStages: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 15 }), { maxLength: 4 }),
  }, { requiredKeys: [] }),
}) as fc.Arbitrary<Settings>;

describe('saved settings', () => {
  it('round-trip through the shared parser, the Excel workbook settings and the Sheets document properties', async () => {
    await fc.assert(fc.asyncProperty(settingsArb, async (settings) => {
      expect(parseSettings(JSON.stringify(settings))).toEqual({ settings, warning: null });
      const store = memoryStore();
      await saveWorkbookSettings(settings, store);
      expect(readWorkbookSettings(store)).toEqual({ settings, warning: null });
      expect(await createExcelBridge({ run: new FakeExcel([]).run, settingsStore: store }).loadSettings()).toEqual(settings);
    }), { numRuns: 100 });
    const project = loadProject();
    fc.assert(fc.property(settingsArb, (settings) => {
      project.call('paSaveSettings', settings);
      expect(project.call<Settings>('paLoadSettings')).toEqual(settings);
    }), { numRuns: 40 });
    expect(project.spreadsheet.toasts).toEqual([]);
  });

  const corrupt: fc.Arbitrary<string> = fc.oneof(
    fc.string(), fc.string({ unit: 'binary' }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    settingsArb.chain((s) => { const json = JSON.stringify(s); return fc.integer({ min: 0, max: json.length - 1 }).map((n) => json.slice(0, n)); }),
    settingsArb.map((s) => JSON.stringify({ ...s, version: 2 })),
    settingsArb.map((s) => JSON.stringify({ ...s, policy: { ...s.policy, influenceModel: 'magic' } })),
    settingsArb.map((s) => JSON.stringify({ ...s, policy: { noSuchKey: 1 } })),
  );

  it('that are corrupt fall back to the defaults with a warning, never an exception, in the parser and in Excel', async () => {
    await fc.assert(fc.asyncProperty(corrupt, async (text) => {
      const parsed = parseSettings(text);
      if (parsed.warning === null) {
        // Whatever was accepted is a usable, re-savable settings object.
        expect(parseSettings(JSON.stringify(parsed.settings))).toEqual(parsed);
        expect(() => analyze({ deals: [['Deal ID', 'Amount'], ['A', 1]] }, { policy: parsed.settings.policy })).not.toThrow();
      } else {
        expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
        expect(parsed.warning).toMatch(/defaults/);
      }
      const store = memoryStore();
      store.set(SETTINGS_KEY, text);
      expect(readWorkbookSettings(store)).toEqual(parsed);
      await expect(createExcelBridge({ run: new FakeExcel([]).run, settingsStore: store }).loadSettings()).resolves.toEqual(parsed.settings);
    }), { numRuns: 300 });
  });

  it('that are corrupt in the Sheets document properties fall back to the defaults and tell the user once', () => {
    const project = loadProject();
    fc.assert(fc.property(corrupt.filter((t) => parseSettings(t).warning !== null), (text) => {
      project.properties.store.clear();
      project.properties.store.set('partnerAttribution.settings.chunks', '1');
      project.properties.store.set('partnerAttribution.settings.0', text);
      project.spreadsheet.toasts.length = 0;
      expect(project.call<Settings>('paLoadSettings')).toEqual(DEFAULT_SETTINGS);
      expect(project.spreadsheet.toasts).toHaveLength(1);
      expect(project.spreadsheet.toasts[0]).toMatch(/defaults/);
    }), { numRuns: 60 });
  });
});
