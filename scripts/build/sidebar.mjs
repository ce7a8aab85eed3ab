// Builds the sidebar into dist/sidebar/: sidebar.html (self-contained, Google bridge, for Apps Script's
// HtmlService) and preview.html (demo bridge running the real engine on the example workbook, beside a
// read-only grid of its tabs). The workbook is read here, in Node, and embedded as JSON.
import * as esbuild from 'esbuild';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DEFAULT_WORKBOOK = 'examples/deals.xlsx';
const DEFAULT_OUT = 'dist/sidebar';

/** Bundles one entry into a single minified script (IIFE) and returns its text. */
export async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

// Inline <script> text must not close its own element.
const inlineScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Content policies. The sidebar never fetches anything and never renders data as HTML; the policy is
 * the second fence. Apps Script injects its own google.script.run loader into the page, so the Sheets
 * sidebar leaves script sources alone and forbids network connections, plug-ins and form posts.
 */
export const SHEETS_CSP = "connect-src 'none'; object-src 'none'; form-action 'none'";
export const PREVIEW_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * A complete HTML page with the CSS and script inlined. `body` is trusted markup written in this
 * repository; data goes in `json` (embedded as an application/json script, never as markup).
 */
export function htmlPage({ title, css, js, body, json, base = false, csp = PREVIEW_CSP }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
${base ? '<base target="_top">\n' : ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
${body}
${json === undefined ? '' : `<script type="application/json" id="pa-workbook">${inlineJson(json)}</script>\n`}<script>${inlineScript(js)}</script>
</body>
</html>
`;
}

const isoDate = (date) => {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
};

// One ExcelJS cell value as a plain cell: dates as ISO text, formulas as their cached result.
const plainCell = (value) => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return value;
  if ('result' in value) return plainCell(value.result);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return plainCell(value.text);
  if ('error' in value) return value.error;
  return String(value);
};

/** Reads every tab of an .xlsx as { name, rows } with trailing blank rows and columns dropped. */
export async function readWorkbookTabs(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const rows = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = sheet.getCell(r, c);
        // A merged range holds its value in the top-left cell only, as Sheets and Excel read it.
        row.push(cell.type === ExcelJS.ValueType.Merge ? '' : plainCell(cell.value));
      }
      rows.push(row);
    }
    const blank = (v) => v === '' || v === null;
    while (rows.length && rows[rows.length - 1].every(blank)) rows.pop();
    let width = 0;
    for (const row of rows) for (let c = row.length; c > width; c--) if (!blank(row[c - 1])) { width = c; break; }
    return { name: sheet.name, rows: rows.map((row) => row.slice(0, width)) };
  });
}

/**
 * Builds both pages. Options (for tests): `workbook` (an .xlsx to embed, default examples/deals.xlsx)
 * and `outDir` (default dist/sidebar).
 */
export async function build(options = {}) {
  const workbookFile = options.workbook ?? DEFAULT_WORKBOOK;
  const outDir = options.outDir ?? DEFAULT_OUT;
  if (!existsSync(workbookFile)) {
    const message = `build sidebar: ${workbookFile} does not exist, so the preview has no workbook to show. `
      + 'Create it with "npm run example", then build again.';
    if (options.workbook) throw new Error(message);
    console.error(message);
    process.exit(1);
  }
  const css = readFileSync('sidebar/sidebar.css', 'utf8');
  const [gasJs, previewJs, tabs] = await Promise.all([
    bundle('sidebar/gasMain.ts'),
    bundle('sidebar/preview/previewMain.ts'),
    readWorkbookTabs(workbookFile),
  ]);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'sidebar.html'), htmlPage({
    title: 'Partner Attribution', css, js: gasJs, base: true, csp: SHEETS_CSP,
    body: '<main id="pa-sidebar" aria-label="Partner Attribution"></main>',
  }));
  writeFileSync(path.join(outDir, 'preview.html'), htmlPage({
    title: 'Partner Attribution: local preview', css, js: previewJs, json: tabs,
    body: `<div class="preview-page">
<header class="preview-banner"><p class="banner-title">Partner Attribution: local preview</p>
<p class="muted">The example workbook (read-only) and the sidebar, running the real engine in this page. Nothing leaves your computer.</p></header>
<main id="pa-sidebar" class="pane-sidebar" aria-label="Partner Attribution sidebar"></main>
<div id="pa-workbook-view" class="pane-workbook"></div>
</div>`,
  }));
}
