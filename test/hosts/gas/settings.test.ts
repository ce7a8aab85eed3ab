/** Settings saved from the sidebar: document properties, chunked below the 9 KB per-value limit, corrupt ones falling back to defaults. */
import { DEFAULT_SETTINGS } from '../../../src/core/index';
import type { DetectResult, PreviewResult, Settings } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import type { LoadedProject } from './builtCodeJs';
import { VALUE_LIMIT_BYTES } from './fakes/FakeProperties';
import { workedExample } from './workedExample';

const COUNT_KEY = 'partnerAttribution.settings.chunks';

/** Settings with a long list of activity weights named in several scripts: well over one property value. */
const bigSettings = (activities: number): Settings => ({
  version: 1,
  tab: 'Deals – 2024 (€)',
  mapping: { amount: 'Amount', partner: 7 },
  policy: {
    influenceModel: 'time-decay',
    activityWeights: Object.fromEntries(Array.from({ length: activities }, (_, i) => [`Überprüfung 技术验证 ${i} 🚀`, (i % 10) / 10])),
  },
});

const chunkValues = (project: LoadedProject) => [...project.properties.store.entries()].filter(([key]) => key !== COUNT_KEY);

describe('saving and loading settings', () => {
  it('round-trips settings larger than one property value through several chunks, each under the limit', () => {
    const project = loadProject();
    const settings = bigSettings(600);
    project.call('paSaveSettings', settings);
    const chunks = chunkValues(project);
    expect(chunks.length).toBeGreaterThan(3);
    for (const [, value] of chunks) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(VALUE_LIMIT_BYTES);
    expect(project.properties.store.get(COUNT_KEY)).toBe(String(chunks.length));
    const loaded = project.call<Settings>('paLoadSettings');
    expect(loaded.tab).toBe(settings.tab);
    expect(loaded.mapping).toEqual(settings.mapping);
    expect(loaded.policy).toEqual(settings.policy);
    expect(project.spreadsheet.toasts).toEqual([]);
  });

  it('removes the chunks a longer earlier save left behind', () => {
    const project = loadProject();
    project.call('paSaveSettings', bigSettings(600));
    project.call('paSaveSettings', { ...DEFAULT_SETTINGS, policy: { influenceModel: 'first' } });
    expect(chunkValues(project)).toHaveLength(1);
    expect(project.call<Settings>('paLoadSettings').policy).toEqual({ influenceModel: 'first' });
  });

  it('gives the defaults without a warning when nothing was saved', () => {
    const project = loadProject();
    expect(project.call<Settings>('paLoadSettings')).toEqual(DEFAULT_SETTINGS);
    expect(project.spreadsheet.toasts).toEqual([]);
  });

  it.each([
    ['a chunk is missing', (p: LoadedProject) => p.properties.store.delete('partnerAttribution.settings.1')],
    ['the JSON is cut short', (p: LoadedProject) => p.properties.store.set(COUNT_KEY, '1')],
    ['the count is nonsense', (p: LoadedProject) => p.properties.store.set(COUNT_KEY, 'many')],
    ['the version is unknown', (p: LoadedProject) => {
      p.properties.store.clear();
      p.properties.store.set(COUNT_KEY, '1');
      p.properties.store.set('partnerAttribution.settings.0', '{"version":7}');
    }],
  ])('falls back to the defaults with a warning toast when %s', (_, corrupt) => {
    const project = loadProject();
    project.call('paSaveSettings', bigSettings(600));
    corrupt(project);
    expect(project.call<Settings>('paLoadSettings')).toEqual(DEFAULT_SETTINGS);
    expect(project.spreadsheet.toasts).toHaveLength(1);
    expect(project.spreadsheet.toasts[0]).toMatch(/settings .* defaults are used/i);
  });

  it('refuses to save a policy it cannot use, naming the setting', () => {
    const project = loadProject();
    expect(() => project.call('paSaveSettings', { ...DEFAULT_SETTINGS, policy: { influenceThreshold: -1 } }))
      .toThrow('Policy setting "influenceThreshold" must be a number from 0 to 1000; got -1.');
    expect(project.properties.store.size).toBe(0);
  });

  it('custom functions still work, with the defaults, when the saved settings are corrupt', () => {
    const project = loadProject();
    project.properties.store.set(COUNT_KEY, '3');
    expect(project.call('PARTNER_LED', workedExample())).toBe(26000.01);
  });
});

describe('the sidebar server', () => {
  it('detects the deals tab, its header row and column mapping, skipping the add-on\'s own tabs', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Read me', [['This workbook holds our deals']]);
    project.spreadsheet.addTab('Deals', workedExample());
    project.call('paWriteSummary', { tab: null, settings: DEFAULT_SETTINGS });
    const found = project.call<DetectResult>('paDetect', null);
    expect(found.tabs).toEqual(['Read me', 'Deals']);
    expect(found.tab).toBe('Deals');
    expect(found.range).toBe('A1:N8');
    expect(found.headerRow).toBe(1);
    expect(found.dealRows).toBe(7);
    expect(found.fields.find((f) => f.field === 'amount')).toMatchObject({ column: 3, source: 'detected', required: true });
    expect(found.stages).toEqual(['Closed Won', 'Closed Lost', 'Negotiation']);
  });

  it('previews the KPIs and top partners of the settings being edited, before they are saved', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const preview = project.call<PreviewResult>('paPreview', { tab: 'Deals', settings: DEFAULT_SETTINGS });
    expect(preview.totals.partnerLedRevenue).toBe(26000.01);
    expect(preview.topPartners[0]).toMatchObject({ partner: 'Acme Inc.', creditedRevenue: 10000 });
    const edited = project.call<PreviewResult>('paPreview', { tab: 'Deals', settings: { ...DEFAULT_SETTINGS, policy: { resoldCountsAs: 'sourced' } } });
    expect(edited.totals.sourcedRevenue).toBe(17000);
  });

  it('names the tabs there are when asked for one that does not exist', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    expect(() => project.call('paPreview', { tab: 'Dealz', settings: DEFAULT_SETTINGS })).toThrow('There is no data tab named "Dealz". Pick one of: Deals.');
  });

  it('reruns the PARTNER_ formulas in the spreadsheet after saving, so they show the new settings\' numbers', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    const report = project.spreadsheet.addTab('Report', [['Globex credit', '=PARTNER_CREDIT(Deals!A1:O8, "Globex")'], ['Sourced', '=PARTNER_SOURCED(Deals!A1:O8)'], ['Note', 'PARTNER_ is our prefix']]);
    expect(report.valueAt(0, 1)).toBe(4500.01); // even split of D-3 (9,000.01) with Initech
    project.call('paSaveSettings', { ...DEFAULT_SETTINGS, policy: { influenceModel: 'first' } });
    expect(report.valueAt(0, 1)).toBe(9000.01); // the first influencer gets it all
    expect(report.formulaAt(0, 1)).toBe('=PARTNER_CREDIT(Deals!A1:O8, "Globex")');
    expect(report.valueAt(1, 1)).toBe(15000);
    expect(report.valueAt(2, 1)).toBe('PARTNER_ is our prefix');
  });
});
