/**
 * The HTML pages' one stylesheet, inlined in each page: readable from a laptop screen (1280 px) down
 * to a phone, and printable on A4 or Letter landscape (tables break between rows and repeat their
 * header, charts and figures are never split).
 */

/** The CSS text of the report and statement pages. */
export const PAGE_STYLE = `
:root { --ink: #1a202c; --muted: #4a5568; --rule: #e2e8f0; --head: #edf2f7; --card: #ffffff; --page: #f4f6f9; --accent: #2b6cb0; --warn: #c05621; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink); font: 14px/1.45 "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 24px 40px; }
header.page { margin-bottom: 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 0 0 4px; }
section h3 { margin-top: 12px; }
section > h3:first-child, figure.chart h3 { margin-top: 0; }
p { margin: 0 0 8px; }
.sub { color: var(--muted); }
.small { font-size: 12px; color: var(--muted); }
section, .card { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: 16px 18px; margin: 0 0 16px; }
.grid2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; margin-bottom: 16px; }
.grid2 > section, .grid2 > .card { margin: 0; }
.headline { border-left: 5px solid var(--warn); background: #fffaf0; }
.headline p { font-weight: 600; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 0 0 16px; padding: 0; list-style: none; }
.figures li { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
.figures .label { display: block; font-size: 12px; color: var(--muted); }
.figures .value { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.figures .note { display: block; font-size: 12px; color: var(--muted); }
figure.chart { margin: 0; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.chart figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; font-size: 12px; }
td { overflow-wrap: break-word; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.neg { color: #c53030; }
tr.total td { font-weight: 700; border-top: 2px solid var(--muted); background: #f7fafc; }
table.issues td:nth-child(5), table.issues td:nth-child(6) { min-width: 16em; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: minmax(0, 1fr); } main { padding: 12px; } }
@page { size: landscape; margin: 10mm; }
@media print {
  body { background: #ffffff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section, .card, .figures li { border-color: #cbd5e0; border-radius: 0; }
  section { padding: 8px 10px; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  th { font-size: 8pt; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, .figures li, figure.chart, .grid2 > section { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.charts, .figures { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
