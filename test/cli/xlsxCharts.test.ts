/**
 * The CLI workbook's charts (added to the package after ExcelJS writes it): the parts are there and
 * well-formed, each series points at the cells holding the numbers it shows, and LibreOffice opens,
 * renders and re-saves them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { analyze, buildReportTabs, toSummaryJson } from '../../src/core';
import type { Summary } from '../../src/core';
import { loadInput } from '../../src/cli/loadInput';
import { xlsxWriter } from '../../src/cli/xlsxWriter';
import { addCharts } from '../../src/cli/xlsx/addCharts';
import { ZipArchive } from '../../src/cli/xlsx/zipArchive';
import { exampleWorkbook, tempDir } from './cliHarness';

const dir = tempDir('pa-charts-');
const file = path.join(dir, 'report.xlsx');
let zip: ZipArchive;
let summary: Summary;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const { input } = await loadInput({ deals: exampleWorkbook });
  const analysis = analyze(input, { policy: { asOfDate: '2025-01-01' } });
  summary = toSummaryJson(analysis);
  await xlsxWriter(buildReportTabs(analysis), file);
  zip = new ZipArchive(readFileSync(file));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
}, 60_000);

const text = (name: string): string => {
  const t = zip.text(name);
  if (t === null) throw new Error(`no part ${name}`);
  return t;
};

/** Throws unless `xml` is well-formed XML. */
const parseXml = (xml: string): void => {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => { throw e; });
  parser.write(xml).close();
};

interface ChartSeries { name: string; values: string; categories: string }
/** A chart part's title, type and each series' references. */
const chartOf = (name: string): { title: string; kind: string; series: ChartSeries[] } => {
  const xml = text(name);
  const title = /<c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] ?? '';
  const kind = /<c:(pieChart|barChart)>/.exec(xml)?.[1] === 'pieChart' ? 'pie' : `${/<c:barDir val="(\w+)"/.exec(xml)?.[1]}-${/<c:grouping val="(\w+)"/.exec(xml)?.[1]}`;
  const series = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => {
    const f = (tag: string): string => new RegExp(`<c:${tag}>.*?<c:f>([^<]*)</c:f>`).exec(m[1]!)?.[1]?.replace(/&apos;/g, "'") ?? '';
    return { name: f('tx'), values: f('val'), categories: f('cat') };
  });
  return { title, kind, series };
};

/** The values of the cells a reference names ('S'!$B$4:$B$6, or a union of such in parentheses), read back from the file. */
const cellsAt = (ref: string): unknown[] => ref.replace(/^\(|\)$/g, '').split(',').flatMap((one) => {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(one);
  if (!m) throw new Error(`not a cell reference: ${one}`);
  const sheet = book.getWorksheet(m[1]!.replace(/''/g, "'"));
  if (!sheet) throw new Error(`no sheet in ${one}`);
  const out: unknown[] = [];
  for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++) out.push(sheet.getCell(`${m[2]}${r}`).value);
  return out;
});

const charts = (): string[] => zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
const byTitle = (title: string): ReturnType<typeof chartOf> => {
  const found = charts().map(chartOf).find((c) => c.title === title);
  if (!found) throw new Error(`no chart titled ${title}`);
  return found;
};
const cents = (v: unknown): number => Math.round(Number(v) * 100);

describe('the charts of the CLI workbook', () => {
  it('adds five well-formed chart parts, each drawn on its tab through a drawing and the relationships', () => {
    expect(charts()).toHaveLength(5);
    const types = text('[Content_Types].xml');
    for (const name of zip.names().filter((n) => /^xl\/(charts|drawings)\//.test(n) || /^xl\/worksheets\/_rels\//.test(n))) parseXml(text(name));
    parseXml(types);
    for (const chart of charts()) expect(types).toContain(`<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    // Partner Summary (sheet1) and Partner Trend (sheet2) each have a drawing; the big tabs are untouched.
    for (const [sheet, count] of [[1, 2], [2, 3]] as const) {
      const xml = text(`xl/worksheets/sheet${sheet}.xml`);
      parseXml(xml);
      const id = /<drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(xml)?.[1];
      const rel = new RegExp(`Id="${id}" Type="[^"]+/drawing" Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(text(`xl/worksheets/_rels/sheet${sheet}.xml.rels`));
      expect(rel).not.toBeNull();
      const drawing = text(`xl/drawings/${rel![1]}`);
      expect(drawing.match(/<xdr:graphicFrame /g)).toHaveLength(count);
      expect(text(`xl/drawings/_rels/${rel![1]}.rels`).match(/Target="\.\.\/charts\/chart\d+\.xml"/g)).toHaveLength(count);
    }
    expect(text('xl/worksheets/sheet4.xml')).not.toContain('<drawing');
  });

  it('splits revenue by motion in a pie whose slices are the four motion cells of Partner Summary', () => {
    const pie = byTitle('Revenue by motion (USD)');
    expect(pie.kind).toBe('pie');
    const [series] = pie.series;
    // Partner-led (the row between Resold and Direct) is their sum, so it is left out of the union.
    expect(series!.values).toBe("('Partner Summary'!$B$4:$B$6,'Partner Summary'!$B$8)");
    expect(cellsAt(series!.categories)).toEqual(['Sourced', 'Influenced', 'Resold', 'Direct']);
    const t = summary.totals;
    expect(cellsAt(series!.values).map(cents)).toEqual([t.sourcedRevenue, t.influencedRevenue, t.resoldRevenue, t.directRevenue].map(cents));
  });

  it('charts the top 10 partners from the Credited Revenue column of the partner table', () => {
    const bars = byTitle('Top 10 partners by credited revenue');
    expect(bars.kind).toBe('bar-clustered');
    expect(cellsAt(bars.series[0]!.name)).toEqual(['Credited Revenue']);
    expect(cellsAt(bars.series[0]!.categories)).toEqual(summary.partners.slice(0, 10).map((p) => p.partner));
    expect(cellsAt(bars.series[0]!.values).map(cents)).toEqual(summary.partners.slice(0, 10).map((p) => cents(p.creditedRevenue)));
  });

  it('stacks revenue by quarter and motion from the Partner Trend table', () => {
    const chart = byTitle('Revenue by quarter and motion');
    expect(chart.kind).toBe('col-stacked');
    expect(chart.series.map((s) => cellsAt(s.name)[0])).toEqual(['Sourced', 'Influenced', 'Resold', 'Direct']);
    expect(cellsAt(chart.series[0]!.categories)).toEqual(summary.periods.map((p) => p.period));
    const keys = ['sourcedRevenue', 'influencedRevenue', 'resoldRevenue', 'directRevenue'] as const;
    chart.series.forEach((s, i) => expect(cellsAt(s.values).map(cents)).toEqual(summary.periods.map((p) => cents(p[keys[i]!]))));
  });

  it('stacks credited revenue per quarter by partner (top 10 and All others), adding up to partner-led revenue', () => {
    const chart = byTitle('Credited revenue by quarter and partner');
    const names = chart.series.map((s) => cellsAt(s.name)[0]);
    expect(names).toEqual([...summary.partners.slice(0, 10).map((p) => p.partner), 'All others']);
    const columns = chart.series.map((s) => cellsAt(s.values).map(cents));
    summary.periods.forEach((p, q) => expect(columns.reduce((sum, col) => sum + col[q]!, 0)).toBe(cents(p.partnerLedRevenue)));
  });

  it('keeps every chart\'s cached values equal to the cells it references', () => {
    for (const name of charts()) {
      const xml = text(name);
      for (const m of xml.matchAll(/<c:numRef><c:f>([^<]*)<\/c:f><c:numCache>(.*?)<\/c:numCache>/g)) {
        const cached = [...m[2]!.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((p) => cents(p[2]));
        expect(cellsAt(m[1]!.replace(/&apos;/g, "'")).map(cents)).toEqual(cached);
      }
    }
  });

  it('leaves a workbook without charts as it was, and refuses a chart on a tab the workbook lacks', async () => {
    const before = readFileSync(file);
    await addCharts(file, []);
    expect(readFileSync(file).equals(before)).toBe(true);
    const chart = { sheet: 'Nope', kind: 'bar' as const, title: 't', valueTitle: '', categories: { ref: "'Nope'!$A$1", values: ['a'] },
      series: [], numberFormat: '#,##0', from: { row: 0, col: 0 }, to: { row: 1, col: 1 } };
    await expect(addCharts(file, [chart])).rejects.toThrow('no sheet named "Nope"');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens in LibreOffice, which draws the charts on the printed pages and keeps them when it saves the file', () => {
    const profile = tempDir('pa-soffice-profile-');
    const out = path.join(dir, 'lo');
    for (const format of ['pdf', 'xlsx']) {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', out, file],
        { stdio: 'pipe', timeout: 120_000 });
    }
    // Chart titles and axis labels are in no cell: on the page they come from the rendered charts.
    const page = (n: number): string => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', path.join(out, 'report.pdf'), '-']).toString('utf8');
    expect(page(1)).toContain('Top 10 partners by credited revenue');
    expect(page(1)).toContain('Revenue by motion (USD)');
    expect(page(1)).toMatch(/(^|\s)2,000,000(\s|$)/m); // the value axis: cells show cents
    expect(page(2)).toContain('Revenue by quarter and motion');
    expect(page(2)).toContain('Credited revenue by quarter and partner');
    expect(page(2)).toContain('Partner-sourced pipeline created per quarter');
    const saved = new ZipArchive(readFileSync(path.join(out, 'report.xlsx')));
    const savedCharts = saved.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(savedCharts).toHaveLength(5);
    const refs = savedCharts.flatMap((n) => [...saved.text(n)!.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'")));
    expect(refs).toEqual(expect.arrayContaining(["'Partner Summary'!$B$3", "'Partner Trend'!$A$3:$A$11"]));
  }, 200_000);
});

describe('the motion split when credit notes make a motion negative', () => {
  it('draws bars, not a pie (a pie cannot show a negative slice), from the same four cells', async () => {
    const csv = path.join(dir, 'credit-note.csv');
    writeFileSync(csv, [
      'Opportunity ID,Opportunity Name,Amount,Currency,Stage,Created Date,Close Date,Lead Source,Sourcing Partner,Reseller,Region',
      'OPP-1,Contoso - Platform,120000,USD,Closed Won,2024-01-10,2024-02-20,Partner Referral,Acme Inc.,,EMEA',
      'OPP-2,Fabrikam - Renewal,80000,USD,Closed Won,2024-01-15,2024-03-01,Inbound,,,EMEA',
      'OPP-3,Fabrikam - Credit note,-30000,USD,Closed Won,2024-02-01,2024-03-10,Inbound,,Globex Corporation,EMEA',
      'OPP-4,Tailspin - Data Pipeline,50000,USD,Closed Won,2024-04-01,2024-05-02,Inbound,,,APAC',
    ].join('\n'));
    const out = path.join(dir, 'credit-note.xlsx');
    const { input } = await loadInput({ deals: csv });
    await xlsxWriter(buildReportTabs(analyze(input, { policy: { asOfDate: '2025-01-01' } })), out);
    const archive = new ZipArchive(readFileSync(out));
    const motion = archive.names().filter((n) => /^xl\/charts\//.test(n)).map((n) => archive.text(n)!)
      .find((xml) => xml.includes('<a:t>Revenue by motion (USD)</a:t>'))!;
    expect(motion).not.toContain('<c:pieChart>');
    expect(motion).toContain('<c:barDir val="bar"/>');
    expect(motion).toContain("<c:f>('Partner Summary'!$B$4:$B$6,'Partner Summary'!$B$8)</c:f>");
    const cached = [...motion.matchAll(/<c:numCache>.*?<\/c:numCache>/g)][0]![0];
    expect([...cached.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([120000, 0, -30000, 130000]);
  }, 60_000);
});
