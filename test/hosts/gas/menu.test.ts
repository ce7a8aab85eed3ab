/** The add-on's menu, sidebar and manifest as built: what a user sees in the Extensions menu and what Apps Script reads. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../../src/core/index';
import { buildGas, loadProject } from './builtCodeJs';
import { workedExample } from './workedExample';

describe('the built project', () => {
  it('has a V8 manifest with only the current-spreadsheet and container-UI scopes, and no addOns section', () => {
    const manifest = JSON.parse(readFileSync(path.join(buildGas(), 'appsscript.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.runtimeVersion).toBe('V8');
    expect(typeof manifest.timeZone).toBe('string');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest).not.toHaveProperty('addOns');
  });

  it('ships the sidebar as one HTML file next to Code.js', () => {
    const html = readFileSync(path.join(buildGas(), 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/<html|<!doctype/i);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["'](?!data:)[^"']*\.css/i); // self-contained: nothing fetched at load
  });

  it('refuses to build without the sidebar, saying what to build first', () => {
    const script = `import { build } from ${JSON.stringify(path.resolve('scripts/build/gas.mjs'))};
await build({ outDir: '/tmp/pa-gas-never', sidebarHtml: '/nonexistent/sidebar.html' });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Build the sidebar first: node scripts/build.mjs sidebar gas');
  });
});

describe('the add-on menu', () => {
  it('onOpen adds Open sidebar, Classify deals, Write summary tabs and Help, each calling a top-level function', () => {
    const project = loadProject();
    project.call('onOpen', { authMode: 'NONE' });
    const [menu] = project.ui.menus;
    expect(menu!.entries.map((e) => e.label)).toEqual(['Open sidebar', 'Classify deals', 'Write summary tabs', null, 'Help']);
    for (const entry of menu!.entries) {
      if (entry.functionName) expect(typeof (project.context as Record<string, unknown>)[entry.functionName]).toBe('function');
    }
  });

  it('onInstall shows the menu right away', () => {
    const project = loadProject();
    project.call('onInstall', {});
    expect(project.ui.menus).toHaveLength(1);
  });

  it('Open sidebar shows Sidebar.html titled Partner Attribution', () => {
    const project = loadProject();
    project.call('paOpenSidebar');
    expect(project.ui.sidebars).toEqual([{ title: 'Partner Attribution', content: readFileSync(path.join(buildGas(), 'Sidebar.html'), 'utf8') }]);
  });

  it('Write summary tabs reports its steps as toasts and ends with what it wrote', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals', workedExample());
    project.call('paMenuWriteSummary');
    const toasts = project.spreadsheet.toasts;
    expect(toasts[0]).toMatch(/Reading and analysing the deals on "Deals"/);
    expect(toasts.filter((t) => /^Writing "/.test(t))).toHaveLength(7);
    expect(toasts[toasts.length - 1]).toMatch(/^Wrote Partner Summary, Partner Trend, Partner Segments, Deal Attribution, Partner Credits, Data Issues and Review\. They cover 7 deals/);
    expect(project.ui.alerts).toEqual([]);
  });

  it('Classify deals uses the saved settings (here: the saved data tab)', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Old deals', workedExample());
    project.spreadsheet.addTab('Deals 2024', workedExample());
    const settings: Settings = { version: 1, tab: 'Deals 2024', mapping: {}, policy: {} };
    project.call('paSaveSettings', settings);
    project.call('paMenuClassify');
    expect(project.spreadsheet.tab('Deals 2024').getRange('O1').getValue()).toBe('Partner Motion');
    expect(project.spreadsheet.tab('Old deals').getRange('O1').getValue()).toBe('');
    expect(project.spreadsheet.toasts[project.spreadsheet.toasts.length - 1]).toBe("Labelled 7 deals in 'Deals 2024'!O1:Q8.");
  });

  it('Classify deals finds the deals again when the saved tab was deleted or renamed', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Deals (renamed)', workedExample());
    project.call('paSaveSettings', { version: 1, tab: 'Deals', mapping: {}, policy: {} });
    project.call('paMenuClassify');
    expect(project.ui.alerts).toEqual([]);
    expect(project.spreadsheet.tab('Deals (renamed)').getRange('O1').getValue()).toBe('Partner Motion');
  });

  it('a menu action on a spreadsheet without deals explains the problem in a dialog, not a stack trace', () => {
    const project = loadProject();
    project.spreadsheet.addTab('Sheet1', [['just a note']]);
    project.call('paMenuWriteSummary');
    expect(project.ui.alerts).toHaveLength(1);
    expect(project.ui.alerts[0]).toMatch(/^Partner Attribution\n/);
    expect(project.ui.alerts[0]).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('Help explains the three actions and the formulas', () => {
    const project = loadProject();
    project.call('paShowHelp');
    expect(project.ui.alerts[0]).toMatch(/Classify deals/);
    expect(project.ui.alerts[0]).toMatch(/=PARTNER_SOURCED/);
  });
});
