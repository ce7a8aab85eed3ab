// Builds the Excel add-in into dist/excel/: functions.js, functions.json (generated from the shared
// function list), taskpane.html/js/css (shared sidebar + Excel bridge), help.html, assets/ and the manifest.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// EXCEL_OUT_DIR lets tests build into a temporary folder without racing each other.
const OUT = process.env.EXCEL_OUT_DIR || 'dist/excel';
const TARGET = 'es2019'; // WebView2 (Windows), WKWebView (Mac) and current browsers (web)
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Loads the shared function list and the metadata generator through esbuild (they are TypeScript). */
async function loadFunctionList() {
  const result = await esbuild.build({
    stdin: {
      contents: "export { CUSTOM_FUNCTIONS } from './src/core/functions/functionList';\nexport { functionsMetadata } from './src/hosts/excel/functionsMetadata';\n",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const taskpaneHtml = (hasCss) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <!-- No network but Microsoft's office.js, no plug-ins, no form posts: the task pane only talks to Excel. -->
  <meta http-equiv="Content-Security-Policy" content="connect-src https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'none'; form-action 'none'">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Partner Attribution</title>
  <!-- Shared runtime: this one page hosts the task pane and the PARTNER.* custom functions. -->
  <script src="${OFFICE_JS}"></script>
  <script src="functions.js"></script>
  <script src="taskpane.js" defer></script>
${hasCss ? '  <link rel="stylesheet" href="taskpane.css">\n' : ''}</head>
<body>
  <div id="app"></div>
</body>
</html>
`;

const helpHtml = (list) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Partner Attribution help</title></head>
<body>
  <h1>Partner Attribution for Excel</h1>
  <p>Open the task pane from Home &gt; Partner Attribution to pick the deals sheet, review the mapping and policy, and write the summary tabs.</p>
  <h2>Functions</h2>
  <ul>
${list.map((f) => `    <li><code>=PARTNER.${escapeHtml(f.id)}(${escapeHtml(f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', '))})</code>: ${escapeHtml(f.description)} Example: <code>=PARTNER.${escapeHtml(f.id)}(${escapeHtml(f.example)})</code></li>`).join('\n')}
  </ul>
</body>
</html>
`;

export async function build() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(path.join(OUT, 'assets'), { recursive: true });

  const common = { bundle: true, platform: 'browser', format: 'iife', target: TARGET, logLevel: 'warning', legalComments: 'none' };
  await esbuild.build({ ...common, entryPoints: ['src/hosts/excel/functions.ts'], outfile: path.join(OUT, 'functions.js') });
  await esbuild.build({ ...common, entryPoints: ['src/hosts/excel/taskpane.ts'], outfile: path.join(OUT, 'taskpane.js') });

  const { CUSTOM_FUNCTIONS, functionsMetadata } = await loadFunctionList();
  writeFileSync(path.join(OUT, 'functions.json'), `${JSON.stringify(functionsMetadata(CUSTOM_FUNCTIONS), null, 2)}\n`);

  const hasCss = existsSync('sidebar/sidebar.css');
  if (hasCss) copyFileSync('sidebar/sidebar.css', path.join(OUT, 'taskpane.css'));
  writeFileSync(path.join(OUT, 'taskpane.html'), taskpaneHtml(hasCss));
  writeFileSync(path.join(OUT, 'help.html'), helpHtml(CUSTOM_FUNCTIONS));

  for (const file of readdirSync('assets').filter((f) => f.endsWith('.png'))) copyFileSync(path.join('assets', file), path.join(OUT, 'assets', file));
  copyFileSync('manifest.xml', path.join(OUT, 'manifest.xml'));
}
