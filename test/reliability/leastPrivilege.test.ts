/**
 * Least privilege: the narrowest scopes and permission, no network calls in either add-in's built bundle,
 * no script or style from anywhere but Microsoft's office.js, and a content policy on both sidebars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildExcel } from '../hosts/excel/buildExcel';
import { buildGas } from '../hosts/gas/builtCodeJs';

const ROOT = path.resolve(__dirname, '../..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Ways a bundle could reach the network or run text as code. */
const NETWORK = [/\bUrlFetchApp\b/, /\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bsendBeacon\b/, /\bimportScripts\b/, /\beval\s*\(/,
  /\bnew\s+Function\s*\(/, /\bEventSource\b/, /\bRTCPeerConnection\b/];

let gasDir = '';
let excelDir = '';
beforeAll(() => {
  gasDir = buildGas();
  excelDir = buildExcel();
});

const networkHits = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  return NETWORK.filter((pattern) => pattern.test(text)).map((pattern) => `${path.basename(file)}: ${pattern.source}`);
};

/** External resources an HTML page loads: script src, link href, img src, iframe src, form action. */
const externalLoads = (html: string): string[] =>
  [...html.matchAll(/<(?:script|link|img|iframe|frame|embed|object|source|audio|video)\b[^>]*?\s(?:src|href|data)\s*=\s*["']?([^"'\s>]+)/gi), ...html.matchAll(/<form\b[^>]*?\saction\s*=\s*["']?([^"'\s>]+)/gi)]
    .map((m) => m[1]!)
    .filter((url) => /^(https?:)?\/\//i.test(url));

/** Where a policy lets the page connect to (connect-src, else default-src); "*" when it says nothing. */
const connectSources = (policy: string): string[] => {
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
  return directives.get('connect-src') ?? directives.get('default-src') ?? ['*'];
};

/** The Content-Security-Policy a page declares in a meta tag, or null. */
const contentPolicy = (html: string): string | null =>
  /<meta\s[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*content\s*=\s*"([^"]*)"/i.exec(html)?.[1] ?? null;

describe('the Google Sheets add-on', () => {
  it('asks only for the current spreadsheet and its own sidebar and menus, in the source and the built manifest', () => {
    for (const file of [path.join(ROOT, 'appsscript.json'), path.join(gasDir, 'appsscript.json')]) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: string[]; urlFetchWhitelist?: unknown; webapp?: unknown; executionApi?: unknown };
      expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
      expect(manifest.urlFetchWhitelist).toBeUndefined();
      expect(manifest.webapp).toBeUndefined();
      expect(manifest.executionApi).toBeUndefined();
    }
  });

  it('has no network call in Code.js or the sidebar, and the sidebar loads nothing from elsewhere', () => {
    const files = readdirSync(gasDir).filter((f) => /\.(js|html)$/.test(f)).map((f) => path.join(gasDir, f));
    expect(files.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['Code.js', 'Sidebar.html']));
    expect(files.flatMap(networkHits)).toEqual([]);
    expect(externalLoads(readFileSync(path.join(gasDir, 'Sidebar.html'), 'utf8'))).toEqual([]);
  });

  // Known bug, reported to the lead: remove .failing once fixed.
  it('declares a content policy in the sidebar that forbids network connections and plug-ins', () => {
    const policy = contentPolicy(readFileSync(path.join(gasDir, 'Sidebar.html'), 'utf8'));
    expect(policy).not.toBeNull();
    expect(connectSources(policy!)).toEqual(["'none'"]);
    expect(policy).toMatch(/object-src 'none'|default-src 'none'/);
  });
});

describe('the Excel add-in', () => {
  it('asks only for ReadWriteDocument, in the source and the built manifests', () => {
    const manifests = [path.join(ROOT, 'manifest.xml'), ...readdirSync(excelDir).filter((f) => /manifest.*\.xml$/.test(f)).map((f) => path.join(excelDir, f))];
    expect(manifests.length).toBeGreaterThan(1);
    for (const file of manifests) {
      const xml = readFileSync(file, 'utf8');
      expect([...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
    }
  });

  it('has no network call in functions.js or the task pane, which loads only office.js from Microsoft', () => {
    const scripts = readdirSync(excelDir).filter((f) => f.endsWith('.js')).map((f) => path.join(excelDir, f));
    expect(scripts.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js']));
    expect(scripts.flatMap(networkHits)).toEqual([]);
    for (const page of readdirSync(excelDir).filter((f) => f.endsWith('.html'))) {
      const loads = externalLoads(readFileSync(path.join(excelDir, page), 'utf8'));
      expect({ page, loads: loads.filter((url) => url !== OFFICE_JS) }).toEqual({ page, loads: [] });
    }
  });

  // Known bug, reported to the lead: remove .failing once fixed.
  it('declares a content policy in the task pane that forbids network connections and plug-ins', () => {
    const policy = contentPolicy(readFileSync(path.join(excelDir, 'taskpane.html'), 'utf8'));
    expect(policy).not.toBeNull();
    // office.js may talk to Microsoft's own host; nothing else.
    expect(connectSources(policy!).filter((source) => source !== "'none'" && source !== 'https://appsforoffice.microsoft.com')).toEqual([]);
    expect(policy).toMatch(/object-src 'none'|default-src 'none'/);
  });
});
