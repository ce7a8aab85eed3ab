/** manifest.xml read by the Office tooling's own parser (offline), its resids, and its URLs against the build output. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildExcel } from './buildExcel';

const ROOT = path.resolve(__dirname, '../../..');

interface Parsed {
  info: { officeAppType?: string; hosts?: string[]; permissions?: string; defaultSettings?: { sourceLocation?: string }; id?: string };
  resids: string[];
  defined: Record<string, string>;
  urls: string[];
  sets: Record<string, string>;
  runtimes: { resid: string; lifetime: string }[];
  customFunctions: Record<string, string>;
}

// office-addin-manifest pulls in ES modules that jest (CommonJS) cannot load, so it runs in plain Node.
const PARSE = `
const { OfficeAddinManifest } = require('office-addin-manifest');
const xml2js = require('xml2js');
const fs = require('fs');
(async () => {
  const file = process.argv[1];
  const info = await OfficeAddinManifest.readManifestFile(file);
  const tree = await xml2js.parseStringPromise(fs.readFileSync(file, 'utf8'));
  const resids = [], defined = {}, urls = [], sets = {}, runtimes = [], customFunctions = {};
  const walk = (node, name, inResources) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, name, inResources));
    if (typeof node !== 'object' || node === null) return;
    const attrs = node.$ || {};
    if (attrs.resid) resids.push(attrs.resid);
    if (inResources && attrs.id) defined[attrs.id] = attrs.DefaultValue;
    if (attrs.DefaultValue && /^https?:/.test(attrs.DefaultValue)) urls.push(attrs.DefaultValue);
    if (name === 'Set') sets[attrs.Name] = attrs.MinVersion;
    if (name === 'Runtime') runtimes.push({ resid: attrs.resid, lifetime: attrs.lifetime });
    if (name === 'ExtensionPoint' && attrs['xsi:type'] === 'CustomFunctions') {
      for (const part of ['Script', 'Page', 'Metadata']) customFunctions[part] = node[part][0].SourceLocation[0].$.resid;
      customFunctions.Namespace = node.Namespace[0].$.resid;
    }
    for (const [key, child] of Object.entries(node)) if (key !== '$' && key !== '_') walk(child, key, inResources || key === 'Resources');
  };
  walk(tree, 'root', false);
  for (const key of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) urls.push(tree.OfficeApp[key][0].$.DefaultValue);
  urls.push(tree.OfficeApp.DefaultSettings[0].SourceLocation[0].$.DefaultValue);
  process.stdout.write(JSON.stringify({ info, resids, defined, urls, sets, runtimes, customFunctions }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

const parse = (file: string): Parsed => JSON.parse(execFileSync(process.execPath, ['-e', PARSE, file], { cwd: ROOT, encoding: 'utf8' })) as Parsed;

describe('the Excel manifest', () => {
  let out = '';
  let manifest: Parsed;
  beforeAll(() => {
    out = buildExcel();
    manifest = parse(path.join(ROOT, 'manifest.xml'));
  });

  it('is a task pane add-in for workbooks that may read and write the document', () => {
    expect(manifest.info.officeAppType).toBe('TaskPaneApp');
    expect(manifest.info.hosts).toEqual(['Workbook']);
    expect(manifest.info.permissions).toBe('ReadWriteDocument');
    expect(manifest.info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });

  it('asks for the shared runtime, custom functions and ExcelApi 1.12, with one long-lived runtime page', () => {
    expect(manifest.sets).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1', ExcelApi: '1.12' });
    expect(manifest.runtimes).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
    const url = (resid: string | undefined) => manifest.defined[resid ?? ''];
    expect(url(manifest.customFunctions.Script)).toBe('https://localhost:3000/functions.js');
    expect(url(manifest.customFunctions.Page)).toBe('https://localhost:3000/taskpane.html');
    expect(url(manifest.customFunctions.Metadata)).toBe('https://localhost:3000/functions.json');
    expect(url(manifest.customFunctions.Namespace)).toBe('PARTNER');
  });

  it('defines every resid it uses, and uses every resource it defines', () => {
    const used = new Set(manifest.resids);
    for (const resid of used) expect(manifest.defined).toHaveProperty([resid]);
    for (const id of Object.keys(manifest.defined)) expect(used.has(id)).toBe(true);
  });

  it('points only at files the build writes to dist/excel', () => {
    expect(manifest.urls.length).toBeGreaterThan(8);
    for (const url of manifest.urls) {
      expect(url.startsWith('https://localhost:3000/')).toBe(true);
      const file = path.join(out, new URL(url).pathname);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
    expect(readFileSync(path.join(out, 'manifest.xml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  });

  it('has a task pane page that loads Office.js, the functions and the task pane script', () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html.indexOf('functions.js')).toBeGreaterThan(html.indexOf('office.js'));
    expect(html).toContain('taskpane.js');
  });

  it('becomes a production manifest for another https base URL, and refuses http', () => {
    const script = path.join(ROOT, 'scripts/manifest-prod.mjs');
    const run = (base: string) => spawnSync(process.execPath, [script, base], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
    const good = run('https://addins.example.com/partner/');
    expect(good.status).toBe(0);
    const prod = parse(path.join(ROOT, 'dist/excel/manifest.prod.xml'));
    for (const url of prod.urls) expect(url.startsWith('https://addins.example.com/partner/')).toBe(true);
    expect(readFileSync(path.join(ROOT, 'dist/excel/manifest.prod.xml'), 'utf8')).not.toContain('localhost');
    const bad = run('http://addins.example.com');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('manifest:prod: Office add-ins must be served over https; got "http:".');
  });
});
